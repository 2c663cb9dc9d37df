"""Django's form renderer, with the plain widgets built in Python.

The editor panel shows a form per field of the selected entity: a hundred widgets per
response, each a template render. These widgets produce exactly the markup of Django's
own templates (django/forms/widgets/input.html, attrs.html, textarea.html), escaped the
same way; every other template goes to Django's renderer unchanged."""

from __future__ import annotations

from django.forms.renderers import DjangoTemplates
from django.utils.html import format_html, format_html_join

_INPUT_TEMPLATES = frozenset(
    f"django/forms/widgets/{name}.html"
    for name in ("input", "text", "checkbox", "email", "number", "password", "hidden", "url", "search", "tel")
)
_TEXTAREA_TEMPLATE = "django/forms/widgets/textarea.html"


class QuickFormRenderer(DjangoTemplates):
    def render(self, template_name, context, request=None):
        if template_name.startswith("django/forms/errors/") and not context.get("errors"):
            return ""  # `{{ form.x.errors }}` on a clean form: nothing to say
        if template_name in _INPUT_TEMPLATES:
            return _input_html(context["widget"])
        if template_name == _TEXTAREA_TEMPLATE:
            return _textarea_html(context["widget"])
        return super().render(template_name, context, request=request)


def _attrs_html(attrs: dict) -> str:
    # As attrs.html: False drops the attribute, True writes it bare.
    pieces = (
        (format_html(" {}", name) if value is True else format_html(' {}="{}"', name, value),)
        for name, value in attrs.items()
        if value is not False
    )
    return format_html_join("", "{}", pieces)


def _input_html(widget: dict) -> str:
    value = "" if widget["value"] is None else format_html(' value="{}"', widget["value"])
    return format_html(
        '<input type="{}" name="{}"{}{}>', widget["type"], widget["name"], value, _attrs_html(widget["attrs"])
    )


def _textarea_html(widget: dict) -> str:
    body = widget["value"] or ""
    return format_html('<textarea name="{}"{}>\n{}</textarea>', widget["name"], _attrs_html(widget["attrs"]), body)
