"""Forms of the Versions page: release, compare, bundle. They only clean input; the
checks against the project's versions live in projects/services/releases.py."""

from __future__ import annotations

from django import forms

from designer.types import DIALECTS
from projects.forms.code import TARGET_LABELS

DIALECT_LABELS = {"postgresql": "PostgreSQL", "mysql": "MySQL / MariaDB", "sqlite": "SQLite"}


class ReleaseForm(forms.Form):
    message = forms.CharField(
        max_length=500,
        required=False,
        strip=True,
        widget=forms.TextInput(attrs={"placeholder": "What changed (optional)"}),
    )
    # Dialects the deploy check fails for that the person chooses to release without.
    drop_dialects = forms.MultipleChoiceField(
        choices=[(d, DIALECT_LABELS[d]) for d in DIALECTS], required=False, widget=forms.CheckboxSelectMultiple
    )
    baseline = forms.BooleanField(required=False, label="baseline (bundles start at its full DDL)")


class BaselineForm(forms.Form):
    baseline = forms.BooleanField(required=False)


class CompareForm(forms.Form):
    """Version numbers; 0 is the empty database."""

    old = forms.IntegerField(min_value=0, label="From")
    new = forms.IntegerField(min_value=0, label="To")

    def clean(self):
        data = super().clean()
        if data.get("old") is not None and data.get("old") == data.get("new"):
            raise forms.ValidationError("Choose two different versions.")
        return data


class BundleForm(forms.Form):
    target = forms.TypedChoiceField(coerce=int, label="Target version")
    base = forms.TypedChoiceField(coerce=int, label="Base version")
    dialects = forms.MultipleChoiceField(
        choices=[(d, DIALECT_LABELS[d]) for d in DIALECTS], initial=list(DIALECTS), widget=forms.CheckboxSelectMultiple
    )
    zero_downtime = forms.BooleanField(required=False, initial=True, label="Zero-downtime PostgreSQL")
    orm_targets = forms.MultipleChoiceField(
        choices=list(TARGET_LABELS.items()), required=False, label="ORM code", widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, numbers: list[int], **kwargs):
        super().__init__(*args, **kwargs)
        latest_first = sorted(numbers, reverse=True)
        self.fields["target"].choices = [(n, f"v{n}") for n in latest_first]
        self.fields["base"].choices = [(0, "empty database"), *[(n, f"v{n}") for n in latest_first]]
        self.fields["target"].initial = latest_first[0] if latest_first else None
        self.fields["base"].initial = 0
