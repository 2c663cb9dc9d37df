from __future__ import annotations

from django import forms
from django.contrib.auth.forms import UserCreationForm

from designer.formats import FORMATS


class SignupForm(UserCreationForm):
    pass


class ProjectForm(forms.Form):
    name = forms.CharField(max_length=200, strip=True)
    description = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 3}))


class ImportForm(forms.Form):
    """A schema file upload, or pasted text. The format comes from the file name when
    not chosen."""

    file = forms.FileField(required=False, help_text=".dbml or .json, up to 5 MB")
    text = forms.CharField(
        required=False, strip=False, widget=forms.Textarea(attrs={"rows": 12, "spellcheck": "false"})
    )
    format = forms.ChoiceField(choices=[("", "Detect"), *[(f, f.upper()) for f in FORMATS]], required=False)
    name = forms.CharField(max_length=200, required=False, help_text="For a new project; defaults to the file's name")

    def clean(self):
        data = super().clean()
        upload = data.get("file")
        if upload is None and not (data.get("text") or "").strip():
            raise forms.ValidationError("Choose a file or paste a schema.")
        if upload is not None:
            try:
                data["text"] = upload.read().decode("utf-8")
            except UnicodeDecodeError:
                raise forms.ValidationError("The file is not UTF-8 text.") from None
        data["format"] = data.get("format") or detect_format(filename=upload.name if upload else "", text=data["text"])
        return data


def detect_format(*, filename: str, text: str) -> str:
    if filename.lower().endswith(".json"):
        return "json"
    if filename.lower().endswith(".dbml"):
        return "dbml"
    return "json" if text.lstrip().startswith("{") else "dbml"
