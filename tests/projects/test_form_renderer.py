"""The Python-built widgets must produce the markup of Django's own templates."""

import pytest
from django import forms
from django.forms.renderers import DjangoTemplates

from projects.forms.renderer import QuickFormRenderer
from projects.forms.widgets import QuickSelect

HOSTILE = "\"><script>alert(1)</script>&amp; 'x'"


class Sample(forms.Form):
    name = forms.CharField(max_length=20, help_text="help")
    flag = forms.BooleanField(required=False)
    count = forms.IntegerField(required=False)
    hidden = forms.CharField(widget=forms.HiddenInput, required=False)
    notes = forms.CharField(widget=forms.Textarea, required=False)
    email = forms.EmailField(required=False)


@pytest.mark.parametrize(
    "data",
    [
        None,
        {"name": HOSTILE, "flag": "on", "count": "3", "hidden": HOSTILE, "notes": HOSTILE, "email": "a@b.c"},
        {"name": "", "notes": ""},
    ],
)
def test_widgets_render_as_djangos_templates(data):
    for field_name in Sample.base_fields:
        quick = Sample(data, renderer=QuickFormRenderer())[field_name].as_widget()
        django = Sample(data, renderer=DjangoTemplates())[field_name].as_widget()
        assert quick == django, field_name


def test_hostile_values_are_escaped():
    html = Sample({"name": HOSTILE, "notes": HOSTILE}, renderer=QuickFormRenderer())["name"].as_widget()
    assert "<script>" not in html and "&quot;&gt;&lt;script&gt;" in html


def test_quick_select_escapes_and_marks_the_choice():
    widget = QuickSelect(choices=[("a", "<b>A</b>"), ('"b', "B & co")])
    html = widget.render("pick", '"b', attrs={"id": "x"})
    assert html == (
        '<select name="pick" id="x"><option value="a">&lt;b&gt;A&lt;/b&gt;</option>'
        '<option value="&quot;b" selected>B &amp; co</option></select>'
    )
