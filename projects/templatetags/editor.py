"""Small text helpers for the editor templates (autoescaped like any other value), the
field grid's cells among them: inputs labelled for a screen reader ("email: type"), the
values a row carries without showing them, and the tables a field can link to."""

import re
from html import escape
from urllib.parse import quote

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from designer import labels
from designer.diagram.areas import filter_choices
from designer.diagram.dot import entity_dom_id
from designer.keys import reversible_references
from designer.type_catalog import catalogue
from designer.types import dialect_of
from projects.memo import PerSchema

register = template.Library()


@register.simple_tag
def field_type(schema, field) -> str:
    return labels.field_type_label(schema, field)


@register.simple_tag
def relationship_label(schema, relationship) -> str:
    return labels.relationship_label(schema, relationship, actions=True)


@register.simple_tag
def index_label(entity, index) -> str:
    return labels.index_definition(entity, index)


register.filter("partitioning_label", labels.partitioning_label)
register.filter("diagram_dom_id", entity_dom_id)


@register.filter
def relationships_of(schema, entity):
    return schema.relationships_of(entity.id)


register.filter("diagram_filters", filter_choices)


@register.filter
def in_key(field, entity) -> bool:
    return field.id in entity.primary_key


@register.simple_tag
def entity_list(schema, selected, panel_url: str, page_url: str) -> SafeString:
    """The panel's entity list, built in Python: thousands of rows on every edit of a
    large schema cost a template loop far more than this (same markup, escaped by
    format_html). A link opens the entity in the panel (htmx) or as the editor page
    (``page_url``: the page may have been opened at any editor URL)."""
    if not schema.entities:
        return format_html('<li class="muted">{}</li>', "No entities yet.")
    chosen = selected.id if selected else None
    panel, page = escape(panel_url), escape(page_url)
    return SafeString("\n".join(_entity_row(e, chosen=chosen, panel=panel, page=page) for e in schema.entities))


@register.simple_tag
def entity_rows(rows, selected, panel_url: str, page_url: str) -> SafeString:
    """Only the rows an edit changed, each swapped into the list the page keeps (htmx
    out of band; the list itself is ``hx-preserve``d: projects/views/editing.py)."""
    chosen = selected.id if selected else None
    panel, page = escape(panel_url), escape(page_url)
    return SafeString("".join(_entity_row(e, chosen=chosen, panel=panel, page=page, oob=True) for e in rows))


def _entity_row(entity, *, chosen: str | None, panel: str, page: str, oob: bool = False) -> str:
    # html.escape is what Django's escape runs; called directly it skips format_html's
    # lazy-string checks on every argument (four times faster at 2,000 rows).
    key, query = escape(entity.id), escape(quote(entity.id, safe=""))
    namespace = f' <span class="muted">{escape(entity.namespace)}</span>' if entity.namespace else ""
    count = len(entity.fields)
    swapped = ' hx-swap-oob="true"' if oob else ""
    return (
        f'<li id="{entity_row_id(entity.id)}" class="entity-item{" selected" if entity.id == chosen else ""}" '
        f'data-entity-id="{key}"{swapped}>'
        f'<a href="{page}?selected={query}" hx-get="{panel}?selected={query}" '
        f'hx-include="#base-revision, .diagram-controls" hx-push-url="{page}?selected={query}">'
        f"<strong>{escape(entity.name)}</strong>{namespace}</a>"
        f'<span class="small muted">{count} field{"" if count == 1 else "s"}</span></li>'
    )


def entity_row_id(entity_id: str) -> str:
    """A row's element id: the entity id with every character but a letter, digit or _
    written as -<hex>- (inert in a selector, and two entities never share a row id)."""
    return "entity-row-" + _UNSAFE_ID.sub(lambda m: f"-{ord(m[0]):x}-", entity_id)


_UNSAFE_ID = re.compile(r"[^A-Za-z0-9_]")


def changed_entity_rows(before, after) -> tuple | None:
    """The entities whose rows an edit from ``before`` to ``after`` changed, when the list
    is otherwise the same (the same tables in the same order); None: render it whole."""
    if len(before.entities) != len(after.entities):
        return None
    changed = []
    for old, new in zip(before.entities, after.entities, strict=True):
        if old is new:
            continue
        if old.id != new.id:
            return None
        if (old.name, old.namespace, len(old.fields)) != (new.name, new.namespace, len(new.fields)):
            changed.append(new)
    return tuple(changed) if len(changed) <= MAX_ROWS_SWAPPED else None


MAX_ROWS_SWAPPED = 50  # beyond it the whole list is as cheap to send


@register.simple_tag
def type_datalist(schema) -> SafeString:
    """The type picker's choices for the schema's dialect (``<input list>`` searches them)."""
    names = catalogue(dialect_of(schema.database_type), schema)
    options = format_html_join("", '<option value="{}">', ((name,) for name in names))
    return format_html('<datalist id="type-catalogue">{}</datalist>', options)


@register.simple_tag
def reversible_count(schema) -> int:
    """References pointing at a non-unique column whose other reading points at a key."""
    return len(reversible_references(schema))


# --- the field grid ------------------------------------------------------------------

# Saved with every row but edited under "more": sent back as they are.
CARRIED = ("default_is_expression", "identity", "check", "comment")


@register.filter
def aria(bound, label: str):
    """The input of ``bound`` named for a screen reader by its row and column."""
    field = bound.form.field
    row = field.name if field is not None else "new field"
    return bound.as_widget(attrs={"aria-label": f"{row}: {label}"})


@register.simple_tag
def carried_inputs(form):
    """Hidden inputs for what the row does not show, so saving the row keeps them."""
    pairs = []
    for name in CARRIED:
        value = form[name].value()
        if value is True:
            pairs.append((name, "on"))
        elif value not in (None, False, ""):
            pairs.append((name, value))
    return format_html_join("", '<input type="hidden" name="{}" value="{}">', pairs)


@register.simple_tag
def table_datalist(schema):
    """The tables "link to" offers (``<input list>`` searches them as the person types)."""
    # html.escape directly, as in entity_list: 10,000 names go through it on every edit.
    options = "".join(f'<option value="{escape(e.qualified_name)}">' for e in schema.entities)
    return SafeString(f'<datalist id="table-names">{options}</datalist>')  # every name is escaped


@register.filter
def link_of(schema, field) -> str:
    """The table ``field`` already references (by itself), if any."""
    return _links.get(schema, None, lambda: _single_field_links(schema)).get(field.id, "")


def _single_field_links(schema) -> dict[str, str]:
    """Field id → the name of the table its one-field foreign key points at: one pass over
    the relationships for all the grid's rows (each row looked through all of them)."""
    links: dict[str, str] = {}
    for relationship in reversed(schema.relationships):  # the first one wins, as a scan would
        if len(relationship.from_field_ids) == 1:
            target = schema.entity(relationship.to_entity_id)
            links[relationship.from_field_ids[0]] = target.name if target else ""
    return links


_links: PerSchema[dict[str, str]] = PerSchema(size=8)
