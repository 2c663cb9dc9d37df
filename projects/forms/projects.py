from __future__ import annotations

from django import forms
from django.conf import settings
from django.contrib.auth.forms import UserCreationForm

from designer.formats import IMPORT_FORMATS, detect_format
from designer.limits import MAX_TEXT_CHARS
from projects import usernames


class SignupForm(UserCreationForm):
    def clean_username(self):
        username = super().clean_username()  # NFKC-normalised by Django's UsernameField
        if username and usernames.look_alike_exists(username):
            raise forms.ValidationError(
                "This user name looks too much like an existing one; choose one nobody could mistake for it."
            )
        return username


class ProjectForm(forms.Form):
    name = forms.CharField(max_length=200, strip=True)
    # Bounded like every stored text (README: Limits): the probe stored a 9 MB description.
    description = forms.CharField(required=False, max_length=MAX_TEXT_CHARS, widget=forms.Textarea(attrs={"rows": 3}))


FORMAT_LABELS = {
    "dbml": "DBML",
    "json": "JSON document",
    "postgresql": "PostgreSQL DDL",
    "mysql": "MySQL / MariaDB DDL",
    "sqlite": "SQLite schema",
    "prisma": "Prisma schema",
}


class ImportForm(forms.Form):
    """A schema file upload, or pasted text. The format comes from the file name when
    not chosen."""

    file = forms.FileField(
        required=False,
        help_text="DBML, JSON, or SQL DDL (pg_dump, mysqldump, SQLite .schema), "
        f"up to {settings.IMPORT_MAX_BYTES // (1024 * 1024)} MB",
    )
    text = forms.CharField(
        required=False, strip=False, widget=forms.Textarea(attrs={"rows": 12, "spellcheck": "false"})
    )
    format = forms.ChoiceField(
        choices=[("", "Detect"), *[(f, FORMAT_LABELS[f]) for f in IMPORT_FORMATS]], required=False
    )
    name = forms.CharField(max_length=200, required=False, help_text="For a new project; defaults to the file's name")
    # The revision the person saw when opening Import: an import replaces the document,
    # so it must not silently replace what teammates saved meanwhile.
    base_revision = forms.IntegerField(required=False, min_value=0, widget=forms.HiddenInput)

    def clean(self):
        data = super().clean()
        upload = data.get("file")
        if upload is None and not (data.get("text") or "").strip():
            raise forms.ValidationError("Choose a file or paste a schema.")
        # The size is known before the text is decoded or parsed: refuse there (413).
        size = upload.size if upload is not None else len((data.get("text") or "").encode())
        if size > settings.IMPORT_MAX_BYTES:
            limit = settings.IMPORT_MAX_BYTES // (1024 * 1024)
            raise forms.ValidationError(f"The schema is too large: at most {limit} MB.", code="too_large")
        if upload is not None:
            try:
                data["text"] = upload.read().decode("utf-8")
            except UnicodeDecodeError:
                raise forms.ValidationError("The file is not UTF-8 text.") from None
        data["format"] = data.get("format") or detect_format(data["text"], filename=upload.name if upload else "")
        return data


class InviteForm(forms.Form):
    invitee = forms.CharField(max_length=254, label="Username or e-mail")
    role = forms.ChoiceField(choices=[("editor", "Editor"), ("viewer", "Viewer"), ("owner", "Owner")])


class RoleForm(forms.Form):
    role = forms.ChoiceField(choices=[("owner", "Owner"), ("editor", "Editor"), ("viewer", "Viewer")])


class ShareLinkForm(forms.Form):
    label = forms.CharField(max_length=100, required=False)
    days = forms.IntegerField(
        required=False, min_value=1, max_value=365, label="Expires after (days)", help_text="empty: until revoked"
    )


class LiveImportForm(forms.Form):
    """A live database to read (only hosts in IMPORT_LIVE_HOSTS). The URL, password
    included, is used once and never stored or shown again."""

    database_url = forms.CharField(
        max_length=500, widget=forms.PasswordInput(attrs={"autocomplete": "off"}), help_text="postgres://… or mysql://…"
    )
    schemas = forms.CharField(max_length=500, required=False, help_text="PostgreSQL schemas, comma-separated")
    stats = forms.BooleanField(required=False, help_text="volumes from row estimates, patterns from pg_stat_statements")
    name = forms.CharField(max_length=200, required=False)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "live_%s")  # beside the file form on one page: ids must differ
        super().__init__(*args, **kwargs)
