"""The field grid's cells: inputs labelled for a screen reader ("email: type"), the
values a row carries without showing them, and the tables a field can link to."""

from django import template
from django.utils.html import format_html, format_html_join

register = template.Library()

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
    options = format_html_join("", '<option value="{}">', ((e.qualified_name,) for e in schema.entities))
    return format_html('<datalist id="table-names">{}</datalist>', options)


@register.filter
def link_of(schema, field) -> str:
    """The table ``field`` already references (by itself), if any."""
    for relationship in schema.relationships:
        if relationship.from_field_ids == (field.id,):
            target = schema.entity(relationship.to_entity_id)
            return target.name if target else ""
    return ""
