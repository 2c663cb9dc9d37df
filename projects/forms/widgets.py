"""Form widgets for large schemas.

Django renders each <option> through a template; a select listing the 500 entities
of a big schema then costs more than the rest of the editor panel. These widgets build
the same escaped HTML directly."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from django import forms
from django.forms.utils import flatatt
from django.utils.html import format_html
from django.utils.safestring import SafeString


class QuickSelect(forms.Select):
    def render(self, name, value, attrs=None, renderer=None):
        chosen = "" if value is None else str(value[0] if isinstance(value, (list, tuple)) and value else value)
        # html.escape (what Django's escape runs) directly: format_html's lazy-string
        # checks on each of 2,000 options cost more than the escaping.
        options = SafeString(  # every value is escaped
            "".join(
                f'<option value="{escape(str(key))}"{" selected" if str(key) == chosen else ""}>{escape(str(label))}</option>'
                for key, label in self.offered()
            )
        )
        return format_html(
            '<select name="{}"{}>{}</select>', name, flatatt(self.build_attrs(self.attrs, attrs)), options
        )

    def offered(self):
        return self.choices


class TableSelect(QuickSelect):
    """The tables of a schema, (id, name) pairs given as they are in ``tables`` (setting
    ``choices`` normalises every one again: 10,000 tables on every editor answer)."""

    tables: Sequence[tuple[str, str]] = ()

    def offered(self):
        return self.tables
