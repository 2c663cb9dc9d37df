"""Highlighting changes on the diagram (the Versions page's compare view).

Kept apart from the layout code on purpose: ``dot.py`` only asks this module for a
header colour, a row background and a name's markup. Marks come from
``designer.compare.Comparison.marks()``: object id → added | changed | removed.
"""

from __future__ import annotations

ADDED, CHANGED, REMOVED = "added", "changed", "removed"
HEADER = {ADDED: "#15803D", CHANGED: "#B45309", REMOVED: "#94A3B8"}
ROW = {ADDED: "#DCFCE7", CHANGED: "#FEF3C7", REMOVED: "#F1F5F9"}


UNCHANGED = "#64748B"  # while comparing, an entity's own colour could read as "added"


def header_colour(status: str | None, *, comparing: bool) -> str | None:
    """The header colour for a marked entity; None keeps the usual colour."""
    if status in HEADER:
        return HEADER[status]
    return UNCHANGED if comparing else None


def field_status(entity_status: str | None, status: str | None) -> str | None:
    """A field of an added or removed table is added or removed with it."""
    return status or (entity_status if entity_status in (ADDED, REMOVED) else None)


def row_attribute(status: str | None) -> str:
    """Extra attribute for a field's cells: a tinted background."""
    return f' bgcolor="{ROW[status]}"' if status in ROW else ""


def name_markup(markup: str, status: str | None) -> str:
    """Removed things are struck through (Graphviz HTML-like ``<s>``)."""
    return f"<s>{markup}</s>" if status == REMOVED else markup


def css_class(status: str | None) -> str:
    return f" {status}" if status in HEADER else ""
