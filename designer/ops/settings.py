"""Ops on the rest of the document: volumes, diagram settings, project info, whole
documents, and ``Batch`` (several ops as one edit)."""

from __future__ import annotations

from dataclasses import dataclass

from designer.ops.base import Op, _entity_position, _without
from designer.problems import Problem, SchemaError
from designer.schema import DiagramSettings, Position, Schema, SubjectArea, Volume, replace


@dataclass(frozen=True)
class SetVolume(Op):
    """Declare (or with ``volume=None`` forget) an entity's volume; kept in place."""

    entity_id: str
    volume: Volume | None
    position: int | None = None  # where a new declaration goes (undo puts it back)

    def apply(self, schema):
        volumes = schema.volumes
        at = next((i for i, v in enumerate(volumes) if v.entity_id == self.entity_id), None)
        old = volumes[at] if at is not None else None
        if at is not None:
            volumes = _without(volumes, at)
        if self.volume is not None:
            _entity_position(schema, self.entity_id)
            where = at if at is not None else (len(volumes) if self.position is None else self.position)
            volumes = (*volumes[:where], replace(self.volume, entity_id=self.entity_id), *volumes[where:])
        return replace(schema, volumes=volumes), SetVolume(entity_id=self.entity_id, volume=old, position=at)


@dataclass(frozen=True)
class SetDiagramSettings(Op):
    settings: DiagramSettings

    def apply(self, schema):
        return replace(schema, diagram=self.settings), SetDiagramSettings(settings=schema.diagram)


@dataclass(frozen=True)
class SetPositions(Op):
    """Place objects on the diagram (a drag, an auto layout, a new table put beside
    its neighbours); ``clear``: forget these objects' places. Other objects keep theirs,
    and the inverse puts back exactly what these ids had before."""

    positions: tuple[Position, ...] = ()
    clear: tuple[str, ...] = ()
    label: str = ""  # what the person did, for history: "Move users", "Auto layout"

    def apply(self, schema):
        known = {o.id for o in (*schema.entities, *schema.enums, *schema.notes)}
        unknown = sorted({p.id for p in self.positions} - known)
        if unknown:
            raise SchemaError([Problem(code="unknown-object", message=f"Nothing to place with id {unknown[0]!r}.")])
        current = schema.diagram.position_index
        touched = list(dict.fromkeys([*self.clear, *(p.id for p in self.positions)]))
        before = tuple(current[i] for i in touched if i in current)
        absent = tuple(i for i in touched if i not in current)
        placed = {p.id: p for p in self.positions}
        kept = [placed.pop(p.id, p) for p in schema.diagram.positions if p.id not in self.clear]
        positions = (*kept, *placed.values())
        inverse = SetPositions(positions=before, clear=absent, label=self.label)
        return replace(schema, diagram=replace(schema.diagram, positions=positions)), inverse


@dataclass(frozen=True)
class SetSubjectArea(Op):
    """Add, replace (same id, kept in place) or with ``area=None`` remove the subject
    area ``area_id``; the inverse puts back what was there, where it was."""

    area_id: str
    area: SubjectArea | None
    position: int | None = None  # where a new area goes (undo puts a removed one back)

    def apply(self, schema):
        areas = schema.diagram.areas
        at = next((i for i, a in enumerate(areas) if a.id == self.area_id), None)
        old = areas[at] if at is not None else None
        if at is not None:
            areas = _without(areas, at)
        if self.area is not None:
            self._check(schema, self.area)
            where = at if at is not None else (len(areas) if self.position is None else self.position)
            areas = (*areas[:where], replace(self.area, id=self.area_id), *areas[where:])
        inverse = SetSubjectArea(area_id=self.area_id, area=old, position=at)
        return replace(schema, diagram=replace(schema.diagram, areas=areas)), inverse

    @staticmethod
    def _check(schema: Schema, area: SubjectArea) -> None:
        if not area.name.strip():
            raise SchemaError([Problem(code="area-name", message="A subject area needs a name.")])
        if not area.entity_ids:
            raise SchemaError([Problem(code="area-empty", message="A subject area needs at least one table.")])
        known = {e.id for e in schema.entities}
        unknown = sorted(set(area.entity_ids) - known)
        if unknown:
            raise SchemaError([Problem(code="unknown-object", message=f"No table with id {unknown[0]!r}.")])


@dataclass(frozen=True)
class SetProjectInfo(Op):
    name: str | None = None
    database_type: str | None = None
    comment: str | None = None

    def apply(self, schema):
        old = SetProjectInfo(name=schema.name, database_type=schema.database_type, comment=schema.comment)
        return replace(schema, name=self.name, database_type=self.database_type, comment=self.comment), old


@dataclass(frozen=True)
class ReplaceSchema(Op):
    """A whole new document (an import as a new revision)."""

    schema: Schema

    def apply(self, schema):
        return self.schema, ReplaceSchema(schema=schema)


@dataclass(frozen=True)
class Batch(Op):
    """Several ops as one edit (one revision, one undo)."""

    ops: tuple[Op, ...]

    def apply(self, schema):
        inverses = []
        for op in self.ops:
            schema, inverse = op.apply(schema)
            inverses.append(inverse)
        return schema, Batch(ops=tuple(reversed(inverses)))
