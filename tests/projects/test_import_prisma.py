"""Prisma schemas come in through the web import (uploaded or pasted, detected by content)
and the import_schema command, under the database's names, with notices for what Prisma
keeps only in its client."""

from io import StringIO
from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from projects.models import Project

PRISMA = """datasource db {
  provider = "postgresql"
  url      = env("DATABASE_URL")
}

generator client {
  provider = "prisma-client-js"
}

model User {
  id    String @id @default(cuid())
  email String @unique
  posts Post[]

  @@map("users")
}

model Post {
  id       Int    @id @default(autoincrement())
  authorId String @map("author_id")
  author   User   @relation(fields: [authorId], references: [id], onDelete: Cascade)

  @@map("posts")
}
"""
HOPPSCOTCH = Path(__file__).parents[1] / "realworld" / "prisma" / "hoppscotch.prisma"


def test_an_uploaded_prisma_schema_becomes_a_project_under_the_database_names(client_for, outsider):
    upload = SimpleUploadedFile("blog.prisma", PRISMA.encode(), content_type="text/plain")
    response = client_for(outsider).post(reverse("import_new"), {"file": upload})
    project = Project.objects.get(owner=outsider)
    assert response.status_code == 302 and project.name == "blog"
    document = project.document
    assert document["database_type"] == "PostgreSQL"
    assert [e["name"] for e in document["entities"]] == ["users", "posts"]
    assert [f["name"] for f in document["entities"][1]["fields"]] == ["id", "author_id"]
    (relationship,) = document["relationships"]
    assert relationship["on_delete"] == "cascade"


def test_a_pasted_prisma_schema_is_detected_not_refused_as_sql(client_for, outsider):
    response = client_for(outsider).post(reverse("import_new"), {"text": PRISMA, "name": "Pasted"})
    assert response.status_code == 302
    assert len(Project.objects.get(owner=outsider, name="Pasted").document["entities"]) == 2


def test_a_broken_prisma_schema_is_explained_with_its_line(client_for, outsider):
    broken = PRISMA.replace("email String @unique", "email Strin @unique")
    response = client_for(outsider).post(reverse("import_new"), {"text": broken, "name": "Broken"})
    body = response.content.decode()
    assert response.status_code == 422 and "line 12" in body and "Strin" in body
    assert not Project.objects.filter(owner=outsider).exists()


def test_import_schema_reads_a_real_prisma_file_and_prints_its_notices(owner):
    out, err = StringIO(), StringIO()
    call_command("import_schema", str(HOPPSCOTCH), "--owner", "alice", "--format", "prisma", stdout=out, stderr=err)
    project = Project.objects.get(pk=int(out.getvalue().strip().splitlines()[-1]))
    assert len(project.document["entities"]) == 23
    assert "cuid()" in err.getvalue()  # an app-side default: a notice, with its line
