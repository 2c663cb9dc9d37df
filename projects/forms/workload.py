"""Forms for the declared workload: access patterns (by form or pasted SQL) and volumes.

A pattern's conditions and sort keys are rows of repeated inputs (filter_field,
filter_op, filter_value; sort_field, sort_order): the panel shows the pattern's rows
plus blank ones, and blank rows are ignored."""

from __future__ import annotations

from dataclasses import dataclass

from django import forms

from designer import ops
from designer.problems import SchemaError
from designer.schema import (
    READ_OPERATIONS,
    AccessPattern,
    Consistency,
    Entity,
    Filter,
    FilterOp,
    Frequency,
    Operation,
    Pagination,
    PatternKind,
    Per,
    SortKey,
    SortOrder,
    ValueKind,
    Volume,
    fresh_id,
    replace,
)
from designer.sqlpattern import pattern_from_sql
from designer.workload import estimate_row_bytes
from projects.forms.editor import SchemaForm
from projects.forms.widgets import QuickSelect

OPERATION_CHOICES = [
    ("Read", [(o.value, o.value.replace("_", " ")) for o in Operation if o in READ_OPERATIONS]),
    ("Write", [(o.value, o.value) for o in Operation if o not in READ_OPERATIONS]),
]
FILTER_OP_LABELS = {
    FilterOp.EQ: "=", FilterOp.IN: "IN", FilterOp.LT: "<", FilterOp.LTE: "<=", FilterOp.GT: ">",
    FilterOp.GTE: ">=", FilterOp.BETWEEN: "BETWEEN", FilterOp.PREFIX: "LIKE 'x%'", FilterOp.CONTAINS: "LIKE '%x%'",
    FilterOp.IS_NULL: "IS NULL", FilterOp.IS_NOT_NULL: "IS NOT NULL", FilterOp.ARRAY_CONTAINS: "array contains",
    FilterOp.JSON_PATH: "JSON path", FilterOp.FULL_TEXT: "full-text",
}  # fmt: skip
NO_VALUE_OPS = {FilterOp.IS_NULL, FilterOp.IS_NOT_NULL}
BLANK_FILTER_ROWS, BLANK_SORT_ROWS = 2, 1


@dataclass(frozen=True)
class ConditionRow:
    field_id: str = ""
    op: str = FilterOp.EQ.value
    value: str = ""


@dataclass(frozen=True)
class SortRow:
    field_id: str = ""
    order: str = SortOrder.ASC.value


def filter_value_text(condition: Filter) -> str:
    """What the value box shows: empty for a parameter, the literal for a constant,
    the path for a JSON path condition."""
    if condition.op is FilterOp.JSON_PATH or condition.value_kind is ValueKind.CONSTANT:
        return condition.value or ""
    return ""


class PatternForm(SchemaForm):
    name = forms.CharField(max_length=200)
    description = forms.CharField(required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2}))
    entity = forms.ChoiceField(widget=QuickSelect, label="target entity")
    operation = forms.ChoiceField(choices=OPERATION_CHOICES, initial=Operation.LIST.value)
    limit = forms.IntegerField(required=False, min_value=1, max_value=1_000_000)
    pagination = forms.ChoiceField(choices=[(p.value, p.value) for p in Pagination], initial=Pagination.NONE.value)
    frequency = forms.FloatField(min_value=0, initial=1, label="average")
    peak = forms.FloatField(required=False, min_value=0)
    per = forms.ChoiceField(choices=[(p.value, f"per {p.value}") for p in Per], initial=Per.SECOND.value)
    latency_ms = forms.IntegerField(required=False, min_value=1, label="latency target (ms, p95)")
    consistency = forms.ChoiceField(choices=[(c.value, c.value + ("-ok" if c is Consistency.EVENTUAL else ""))
                                             for c in Consistency])  # fmt: skip
    returns = forms.MultipleChoiceField(required=False, widget=forms.CheckboxSelectMultiple,
                                        help_text="none ticked: all fields")  # fmt: skip
    joins = forms.MultipleChoiceField(required=False, widget=forms.CheckboxSelectMultiple)
    changes = forms.MultipleChoiceField(required=False, widget=forms.CheckboxSelectMultiple,
                                        label="fields written")  # fmt: skip

    # What the form keeps when the person picks another target entity.
    KEPT_ON_ENTITY_CHANGE = ("name", "description", "entity", "operation", "limit", "pagination", "frequency",
                             "peak", "per", "latency_ms", "consistency")  # fmt: skip

    def __init__(self, *args, pattern: AccessPattern | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.pattern = pattern
        if pattern is not None and not self.is_bound:
            self.initial = {**pattern_initial(pattern), **self.initial}
        self.fields["entity"].choices = [(e.id, e.qualified_name) for e in self.schema.entities]
        self.target = self.schema.entity(self["entity"].value() or "") or (
            self.schema.entities[0] if self.schema.entities else None
        )
        field_choices = [(f.id, f.name) for f in self.target.fields] if self.target else []
        self.fields["returns"].choices = self.fields["changes"].choices = field_choices
        self.fields["joins"].choices = self._join_choices()
        self.field_choices = field_choices
        self.filter_op_choices = list(FILTER_OP_LABELS.items())
        self.filter_rows, self.sort_rows = self._rows()

    def _join_choices(self) -> list[tuple[str, str]]:
        if self.target is None:
            return []
        choices = []
        for relationship in self.schema.relationships_of(self.target.id):
            other_id = (relationship.to_entity_id if relationship.from_entity_id == self.target.id
                        else relationship.from_entity_id)  # fmt: skip
            other = self.schema.entity(other_id)
            choices.append((relationship.id, other.name if other else "?"))
        return choices

    def _rows(self) -> tuple[list[ConditionRow], list[SortRow]]:
        if self.is_bound:
            filters = [ConditionRow(*row) for row in _zip_lists(self.data, "filter_field", "filter_op", "filter_value")]
            sort = [SortRow(*row) for row in _zip_lists(self.data, "sort_field", "sort_order")]
        else:
            filters = [
                ConditionRow(f.field_id, f.op.value, filter_value_text(f)) for f in self.initial.get("filters", ())
            ]
            sort = [SortRow(s.field_id, s.order.value) for s in self.initial.get("sort", ())]
        filters = [row for row in filters if row.field_id] + [ConditionRow()] * BLANK_FILTER_ROWS
        sort = [row for row in sort if row.field_id] + [SortRow()] * BLANK_SORT_ROWS
        return filters, sort

    def clean(self):
        data = super().clean()
        if self.target is None:
            raise forms.ValidationError("Add an entity first: a pattern reads or writes one.")
        known = {f.id for f in self.target.fields}
        data["filters"] = tuple(self._clean_condition(row, known) for row in self.filter_rows if row.field_id)
        data["sort"] = tuple(self._clean_sort(row, known) for row in self.sort_rows if row.field_id)
        peak = data.get("peak")
        if peak is not None and data.get("frequency") is not None and peak < data["frequency"]:
            self.add_error("peak", "The peak cannot be below the average.")
        return data

    def _clean_condition(self, row: ConditionRow, known: set[str]) -> Filter:
        if row.field_id not in known:
            raise forms.ValidationError(f"A condition names a field that {self.target.name} does not have.")
        try:
            op = FilterOp(row.op)
        except ValueError:
            raise forms.ValidationError(f"Unknown condition operator {row.op!r}.") from None
        value = row.value.strip()
        field_name = self.target.field(row.field_id).name
        if op in NO_VALUE_OPS and value:
            raise forms.ValidationError(f"{field_name} {FILTER_OP_LABELS[op]} takes no value; clear the value box.")
        if op is FilterOp.JSON_PATH:
            if not value:
                raise forms.ValidationError(f"Give the JSON path for {field_name}, e.g. address.city.")
            return Filter(field_id=row.field_id, op=op, value_kind=ValueKind.PARAMETER, value=value)
        if value:
            return Filter(field_id=row.field_id, op=op, value_kind=ValueKind.CONSTANT, value=value)
        return Filter(field_id=row.field_id, op=op)

    def _clean_sort(self, row: SortRow, known: set[str]) -> SortKey:
        if row.field_id not in known:
            raise forms.ValidationError(f"A sort key names a field that {self.target.name} does not have.")
        order = SortOrder.DESC if row.order == SortOrder.DESC.value else SortOrder.ASC
        return SortKey(field_id=row.field_id, order=order)

    def build_pattern(self) -> AccessPattern:
        data = self.cleaned_data
        operation = Operation(data["operation"])
        is_write = operation not in READ_OPERATIONS
        return AccessPattern(
            id=self.pattern.id if self.pattern else fresh_id("pat", self.schema.all_ids()),
            name=data["name"].strip(),
            kind=PatternKind.WRITE if is_write else PatternKind.READ,
            operation=operation,
            entity_id=self.target.id,
            description=data["description"].strip() or None,
            filters=data["filters"],
            sort=data["sort"],
            limit=data["limit"],
            pagination=Pagination(data["pagination"]),
            returns=tuple(data["returns"]),
            joins=tuple(data["joins"]),
            frequency=Frequency(average=data["frequency"], peak=data["peak"], per=Per(data["per"])),
            latency_ms=data["latency_ms"],
            consistency=Consistency(data["consistency"]),
            changes=tuple(data["changes"]) if is_write else (),
        )

    def to_op(self) -> ops.Op:
        pattern = self.build_pattern()
        return ops.UpdatePattern(pattern=pattern) if self.pattern else ops.AddPattern(pattern=pattern)


def pattern_initial(pattern: AccessPattern) -> dict:
    def number(value: float | None):  # 40.0 shows as 40
        return int(value) if value is not None and float(value).is_integer() else value

    return {
        "name": pattern.name, "description": pattern.description or "", "entity": pattern.entity_id,
        "operation": pattern.operation.value, "limit": pattern.limit, "pagination": pattern.pagination.value,
        "frequency": number(pattern.frequency.average), "peak": number(pattern.frequency.peak), "per": pattern.frequency.per.value,
        "latency_ms": pattern.latency_ms, "consistency": pattern.consistency.value, "returns": list(pattern.returns),
        "joins": list(pattern.joins), "changes": list(pattern.changes), "filters": pattern.filters,
        "sort": pattern.sort,
    }  # fmt: skip


def _zip_lists(data, *names: str) -> list[tuple[str, ...]]:
    columns = [data.getlist(name) for name in names]
    length = max((len(c) for c in columns), default=0)
    return [tuple(c[i].strip() if i < len(c) else "" for c in columns) for i in range(length)]


class SqlPatternForm(SchemaForm):
    """A PostgreSQL query turned into a pattern; anything that cannot be mapped is an
    error on the SQL box and nothing is saved."""

    sql = forms.CharField(max_length=20_000, widget=forms.Textarea(attrs={"rows": 5, "spellcheck": "false"}),
                          label="SQL (PostgreSQL)")  # fmt: skip
    name = forms.CharField(required=False, max_length=200, help_text="empty: described from the query")
    frequency = forms.FloatField(min_value=0, initial=1, label="average")
    per = forms.ChoiceField(choices=[(p.value, f"per {p.value}") for p in Per], initial=Per.SECOND.value)

    def clean(self):
        data = super().clean()
        if "sql" not in data or "frequency" not in data:
            return data
        try:
            pattern = pattern_from_sql(data["sql"], schema=self.schema, name=data["name"].strip() or None)
        except SchemaError as error:
            for problem in error.problems:
                self.add_error("sql", problem.message)
            return data
        frequency = Frequency(average=data["frequency"], per=Per(data["per"]))
        data["pattern"] = replace(pattern, frequency=frequency)
        return data

    def to_op(self) -> ops.Op:
        return ops.AddPattern(pattern=self.cleaned_data["pattern"])


class VolumeForm(SchemaForm):
    rows = forms.IntegerField(min_value=0, max_value=10**15, label="rows today")
    growth_per_month = forms.IntegerField(min_value=0, max_value=10**15, label="growth / month", initial=0)
    retention_days = forms.IntegerField(required=False, min_value=1, max_value=100_000,
                                        help_text="empty: kept forever")  # fmt: skip
    avg_row_bytes = forms.IntegerField(required=False, min_value=1, max_value=10**9, label="row size (bytes)")

    def __init__(self, *args, entity: Entity, **kwargs):
        super().__init__(*args, **kwargs)
        self.entity = entity
        volume = self.schema.volume(entity.id)
        if volume is not None and not self.is_bound:
            self.initial = {"rows": volume.rows, "growth_per_month": volume.growth_per_month,
                            "retention_days": volume.retention_days, "avg_row_bytes": volume.avg_row_bytes}  # fmt: skip
        self.fields["avg_row_bytes"].widget.attrs["placeholder"] = f"≈ {estimate_row_bytes(entity)} (estimated)"

    def to_op(self) -> ops.Op:
        data = self.cleaned_data
        volume = Volume(entity_id=self.entity.id, rows=data["rows"], growth_per_month=data["growth_per_month"] or 0,
                        retention_days=data["retention_days"], avg_row_bytes=data["avg_row_bytes"])  # fmt: skip
        return ops.SetVolume(entity_id=self.entity.id, volume=volume)
