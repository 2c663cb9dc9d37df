"""The Code page's choices: target, dialect and version, from the query string."""

from __future__ import annotations

from django import forms

from designer.codegen import DIALECTS, TARGETS

TARGET_LABELS = {
    "prisma": "Prisma",
    "drizzle": "Drizzle",
    "typeorm": "TypeORM",
    "mongoose": "Mongoose",
    "django": "Django models",
}
DIALECT_LABELS = {"postgresql": "PostgreSQL", "mysql": "MySQL / MariaDB", "sqlite": "SQLite"}


class CodeForm(forms.Form):
    target = forms.ChoiceField(choices=[(t, TARGET_LABELS[t]) for t in TARGETS])
    dialect = forms.ChoiceField(
        choices=[("", "schema's database"), *((d, DIALECT_LABELS[d]) for d in DIALECTS)], required=False
    )
    version = forms.TypedChoiceField(coerce=int, empty_value=None, required=False)

    def __init__(self, data, *, releases):
        data = data.copy()
        data.setdefault("target", "prisma")
        super().__init__(data)
        self.fields["version"].choices = [("", "current revision"), *((r.number, f"v{r.number}") for r in releases)]
