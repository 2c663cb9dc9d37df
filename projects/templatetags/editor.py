"""Small text helpers for the editor templates (autoescaped like any other value)."""

from urllib.parse import quote

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from designer.types import display_type

register = template.Library()


@register.simple_tag
def field_type(schema, field) -> str:
    enum = schema.enum(field.type.enum_id) if field.type.enum_id else None
    return display_type(field.type, enum_name=enum.name if enum else None)


@register.simple_tag
def relationship_label(schema, relationship) -> str:
    def side(entity_id, field_ids):
        entity = schema.entity(entity_id)
        if entity is None:
            return "?"
        names = ", ".join(f.name for i in field_ids if (f := entity.field(i)))
        return f"{entity.name}.{names}"

    arrow = {"one_to_many": "→", "one_to_one": "—", "many_to_many": "↔"}[relationship.cardinality.value]
    text = f"{side(relationship.from_entity_id, relationship.from_field_ids)} {arrow} "
    text += side(relationship.to_entity_id, relationship.to_field_ids)
    if relationship.on_delete:
        text += f" (on delete {relationship.on_delete.value.replace('_', ' ')})"
    return text


@register.simple_tag
def index_label(entity, index) -> str:
    columns = []
    for column in index.columns:
        field = entity.field(column.field_id) if column.field_id else None
        name = field.name if field else (column.expression or "?")
        columns.append(f"{name} desc" if column.order.value == "desc" else name)
    text = f"{'unique ' if index.unique else ''}{index.method.value} ({', '.join(columns)})"
    if index.include:
        text += " include (" + ", ".join(f.name for i in index.include if (f := entity.field(i))) + ")"
    if index.predicate:
        text += f" where {index.predicate}"
    return text


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
            len(entity.fields),
            page_url,
        )
        for entity in schema.entities
    )
    return format_html_join(
        "\n",
        '<li class="entity-item{0}" data-entity-id="{1}"><a href="{7}?selected={2}" hx-get="{3}?selected={2}" '
        'hx-include="#base-revision, .diagram-controls" hx-push-url="{7}?selected={2}"><strong>{4}</strong>{5}</a>'
        '<span class="small muted">{6} fields</span></li>',
        rows,
    )
