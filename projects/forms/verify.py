"""The Verify page's form: which version, at what scale, how many runs. It only cleans
input; projects.verify_jobs checks it against the project."""

from __future__ import annotations

from django import forms

CURRENT = 0  # the choice for "the current design"


class VerifyForm(forms.Form):
    version = forms.TypedChoiceField(coerce=int, label="Verify", initial=CURRENT)
    scale = forms.FloatField(min_value=0.0001, max_value=1000, initial=1.0, label="Scale of the declared volumes")
    runs = forms.IntegerField(min_value=1, max_value=200, initial=20, label="Runs per pattern")

    def __init__(self, *args, numbers: list[int], **kwargs):
        super().__init__(*args, **kwargs)
        choices = [(CURRENT, "the current design")] + [(n, f"v{n}") for n in sorted(numbers, reverse=True)]
        self.fields["version"].choices = choices
