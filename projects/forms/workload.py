"""Forms for the declared workload: access patterns (by form or pasted SQL) and volumes.

Each form cleans what a person typed and asks ``designer.workload_edits`` for the op;
what only the schema can judge is refused there, and its problems are shown next to
the box they are about.

A pattern's conditions and sort keys are rows of repeated inputs (filter_field,
filter_op, filter_value; sort_field, sort_order): the panel shows the pattern's rows
plus blank ones, and blank rows are ignored."""

from __future__ import annotations

from django import forms

from designer import ops, workload_edits
from designer.labels import FILTER_OP_LABELS
from designer.problems import SchemaError
from designer.schema import READ_OPERATIONS, AccessPattern, Consistency, Entity, Operation, Pagination, Per
from designer.workload import estimate_row_bytes
from designer.workload_edits import ConditionRow, SortRow
from projects.forms.editor import SchemaForm
from projects.forms.widgets import QuickSelect

OPERATION_CHOICES = [
    ("Read", [(o.value, o.value.replace("_", " ")) for o in Operation if o in READ_OPERATIONS]),
    ("Write", [(o.value, o.value) for o in Operation if o not in READ_OPERATIONS]),
]
BLANK_FILTER_ROWS, BLANK_SORT_ROWS = 2, 1


class WorkloadForm(SchemaForm):
    """A form whose cleaned values become one op through ``designer.workload_edits``."""

    problems_box: str | None = None  # where problems naming none of the form's boxes go (None: the top)

    def clean(self):
        data = super().clean()
        if self.errors:  # the boxes first: the core takes only cleaned values
            return data
        try:
            data["op"] = self.build_op(data)
        except SchemaError as error:
            for problem in error.problems:
                self.add_error(problem.path if problem.path in self.fields else self.problems_box, problem.message)
        return data

    def build_op(self, data: dict) -> ops.Op:
        raise NotImplementedError

    def to_op(self) -> ops.Op:
        return self.cleaned_data["op"]


class PatternForm(WorkloadForm):
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
    consistency = forms.ChoiceField(
        choices=[(c.value, c.value + ("-ok" if c is Consistency.EVENTUAL else "")) for c in Consistency]
    )
    returns = forms.MultipleChoiceField(
        required=False, widget=forms.CheckboxSelectMultiple, help_text="none ticked: all fields"
    )
    joins = forms.MultipleChoiceField(required=False, widget=forms.CheckboxSelectMultiple)
    changes = forms.MultipleChoiceField(required=False, widget=forms.CheckboxSelectMultiple, label="fields written")

    # What the form keeps when the person picks another target entity.
    KEPT_ON_ENTITY_CHANGE = (
        "name",
        "description",
        "entity",
        "operation",
        "limit",
        "pagination",
        "frequency",
        "peak",
        "per",
        "latency_ms",
        "consistency",
    )

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
            other_id = (
                relationship.to_entity_id
                if relationship.from_entity_id == self.target.id
                else relationship.from_entity_id
            )
            other = self.schema.entity(other_id)
            choices.append((relationship.id, other.name if other else "?"))
        return choices

    def _rows(self) -> tuple[list[ConditionRow], list[SortRow]]:
        if self.is_bound:
            filters = [ConditionRow(*row) for row in _zip_lists(self.data, "filter_field", "filter_op", "filter_value")]
            sort = [SortRow(*row) for row in _zip_lists(self.data, "sort_field", "sort_order")]
        else:
            filters, sort = list(self.initial.get("filters", ())), list(self.initial.get("sort", ()))
        filters = [row for row in filters if row.field_id] + [ConditionRow()] * BLANK_FILTER_ROWS
        sort = [row for row in sort if row.field_id] + [SortRow()] * BLANK_SORT_ROWS
        return filters, sort

    def clean(self):
        if self.target is None:
            raise forms.ValidationError("Add an entity first: a pattern reads or writes one.")
        return super().clean()

    def build_op(self, data: dict) -> ops.Op:
        values = {name: data[name] for name in self.fields if name != "entity"}
        return workload_edits.save_pattern(
            self.schema, self.pattern, entity_id=self.target.id, filters=self.filter_rows, sort=self.sort_rows, **values
        )


def pattern_initial(pattern: AccessPattern) -> dict:
    """The form's boxes for ``pattern``: its plain values, numbers without a needless ".0"."""

    def number(value: float | None):  # 40.0 shows as 40
        return int(value) if value is not None and float(value).is_integer() else value

    values = workload_edits.pattern_values(pattern)
    return {
        **values,
        "entity": values.pop("entity_id"),
        "frequency": number(values["frequency"]),
        "peak": number(values["peak"]),
    }


def _zip_lists(data, *names: str) -> list[tuple[str, ...]]:
    columns = [data.getlist(name) for name in names]
    length = max((len(c) for c in columns), default=0)
    return [tuple(c[i].strip() if i < len(c) else "" for c in columns) for i in range(length)]


class SqlPatternForm(WorkloadForm):
    """A PostgreSQL query turned into a pattern; anything that cannot be mapped is an
    error on the SQL box and nothing is saved."""

    sql = forms.CharField(
        max_length=20_000, widget=forms.Textarea(attrs={"rows": 5, "spellcheck": "false"}), label="SQL (PostgreSQL)"
    )
    name = forms.CharField(required=False, max_length=200, help_text="empty: described from the query")
    frequency = forms.FloatField(min_value=0, initial=1, label="average")
    per = forms.ChoiceField(choices=[(p.value, f"per {p.value}") for p in Per], initial=Per.SECOND.value)

    problems_box = "sql"  # a query that cannot be mapped is said on the SQL box

    def build_op(self, data: dict) -> ops.Op:
        return workload_edits.add_pattern_from_sql(self.schema, **data)


class VolumeForm(WorkloadForm):
    rows = forms.IntegerField(min_value=0, max_value=10**15, label="rows today")
    growth_per_month = forms.IntegerField(min_value=0, max_value=10**15, label="growth / month", initial=0)
    retention_days = forms.IntegerField(required=False, min_value=1, max_value=100_000, help_text="empty: kept forever")
    avg_row_bytes = forms.IntegerField(required=False, min_value=1, max_value=10**9, label="row size (bytes)")

    def __init__(self, *args, entity: Entity, **kwargs):
        super().__init__(*args, **kwargs)
        self.entity = entity
        volume = self.schema.volume(entity.id)
        if volume is not None and not self.is_bound:
            self.initial = {
                "rows": volume.rows,
                "growth_per_month": volume.growth_per_month,
                "retention_days": volume.retention_days,
                "avg_row_bytes": volume.avg_row_bytes,
            }
        self.fields["avg_row_bytes"].widget.attrs["placeholder"] = f"≈ {estimate_row_bytes(entity)} (estimated)"

    def build_op(self, data: dict) -> ops.Op:
        return workload_edits.set_volume(self.schema, entity_id=self.entity.id, **data)
