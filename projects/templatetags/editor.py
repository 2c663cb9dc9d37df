"""Small text helpers for the editor templates (autoescaped like any other value)."""

from urllib.parse import quote

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from designer import labels
from designer.diagram.dot import entity_dom_id
from designer.keys import reversible_references
from designer.type_catalog import catalogue
from designer.types import dialect_of

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


register.filter("diagram_dom_id", entity_dom_id)


@register.filter
def relationships_of(schema, entity):
    return schema.relationships_of(entity.id)


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
        return format_html('<li class="muted">No entities yet.</li>')
    chosen = selected.id if selected else None
    rows = (
        (
            " selected" if entity.id == chosen else "",
            entity.id,
            quote(entity.id, safe=""),
            panel_url,
            entity.name,
            format_html(' <span class="muted">{}</span>', entity.namespace) if entity.namespace else "",
            f"{len(entity.fields)} field{'' if len(entity.fields) == 1 else 's'}",
            page_url,
        )
        for entity in schema.entities
    )
    return format_html_join(
        "\n",
        '<li class="entity-item{0}" data-entity-id="{1}"><a href="{7}?selected={2}" hx-get="{3}?selected={2}" '
        'hx-include="#base-revision, .diagram-controls" hx-push-url="{7}?selected={2}"><strong>{4}</strong>{5}</a>'
        '<span class="small muted">{6}</span></li>',
        rows,
    )


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
