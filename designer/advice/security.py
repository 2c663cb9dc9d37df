"""Sensitive data: fields that look personal or secret, by name. Passwords are never
stored (a slow salted hash is); tokens are stored hashed; card numbers are not stored
at all; personal data gets restricted access, encryption where it is identifying, and
a retention rule. Multi-tenant schemas get row-level security."""

from __future__ import annotations

import re
from collections.abc import Iterator

from designer import ops
from designer.advice import sql
from designer.advice.base import Context, Recommendation, Severity
from designer.schema import Entity, Field, TypeKind, replace

PASSWORD = re.compile(r"(^|_)(password|passwd|pwd)(_|$)")
ALREADY_HASHED = re.compile(r"(hash|digest|bcrypt|argon|scrypt|crypted)")  # Devise's encrypted_password: bcrypt
# Only a value can be a credential: password_date, failed_password_attempts, token_used_ts_ms and
# refresh_token_id (a key) are about one, and a salt is not secret (real-world corpus: 20 of 67 wrong).
CREDENTIAL_KINDS = (TypeKind.TEXT, TypeKind.VARCHAR, TypeKind.CHAR, TypeKind.BYTES, TypeKind.UUID, TypeKind.OTHER)
ABOUT_A_CREDENTIAL = re.compile(r"(^|_)(id|salt)$")
SECRET = re.compile(r"(^|_)(token|secret|api_key|apikey|access_key|private_key|refresh_token|otp)(_|$)")
CARD = re.compile(r"(^|_)(card_number|cardnumber|pan|cvv|cvc|credit_card)(_|$)")
BANK_ACCOUNT = re.compile(r"(^|_)(iban|account_number|bank_account|routing_number|sort_code)(_|$)")
NATIONAL_ID = re.compile(r"(^|_)(ssn|national_id|passport(_number)?|tax_id|social_security|nin|id_number)(_|$)")
PERSONAL = re.compile(
    r"(^|_)(email|e_mail|phone|mobile|birth_?date|date_of_birth|dob|birthday|address|street|postcode|"
    r"postal_code|zip|zip_code|first_name|last_name|full_name|surname|given_name|ip_address|gender)(_|$)"
)
TENANT_KEYS = ("organization_id", "organisation_id", "org_id", "tenant_id", "account_id", "workspace_id", "company_id")
TENANT_SHARE = 0.5


def security_rules(context: Context) -> Iterator[Recommendation]:
    for entity in context.schema.entities:
        for field in entity.fields:
            found = _secret(context, entity, field)
            if found is not None:
                yield found
        found = _personal(context, entity)
        if found is not None:
            yield found
    yield from row_level_security(context)


def _secret(context: Context, entity: Entity, field: Field) -> Recommendation | None:
    name = field.name.lower()
    if _credential(field, name) and PASSWORD.search(name) and not ALREADY_HASHED.search(name):
        renamed = replace(field, name=f"{field.name}_hash", comment="argon2id (or bcrypt) hash; never the password")
        return Recommendation(
            code="security.password",
            # A warning, not critical: the name cannot tell the password from a hash kept under its
            # name (kanboard's bcrypt in users.password) or one the system must send on; on the
            # real-world corpus 3 of 8 judged findings were the password itself (docs/advisor.md).
            severity=Severity.WARNING,
            title=f"Never store {entity.name}.{field.name}: store a password hash",
            rationale=(
                f"{entity.name}.{field.name} reads like the password itself. If it is, a leaked table "
                "(backup, replica, log) would expose every account and every other site the people reuse "
                "it on: store only a slow salted hash (argon2id, bcrypt, scrypt) and compare hashes at "
                "login. If it already holds such a hash, the rename says so; a password the system must "
                "send on to another service cannot be hashed: encrypt it with a key kept outside the database."
            ),
            tradeoffs="Passwords cannot be recovered, only reset; hashing costs ~50-250 ms of CPU per login by design.",
            entity_id=entity.id,
            field_ids=(field.id,),
            ops=(ops.UpdateField(entity_id=entity.id, field=renamed),),
            sql=f"ALTER TABLE {sql.table(entity)} RENAME COLUMN {sql.quote(field.name)} TO {sql.quote(renamed.name)};",
        )
    if _credential(field, name) and SECRET.search(name) and not ALREADY_HASHED.search(name):
        return Recommendation(
            code="security.secret",
            severity=Severity.WARNING,
            title=f"Store {entity.name}.{field.name} hashed (or encrypted)",
            rationale=(
                f"{entity.name}.{field.name} holds a credential: anyone who reads the table can use it. "
                "Store a SHA-256 of a random token (look it up by the hash) or, for a secret you must use "
                "again (a third party's key), encrypt it with a key kept outside the database."
            ),
            tradeoffs="A hashed token cannot be shown again after creation; encryption needs key management.",
            entity_id=entity.id,
            field_ids=(field.id,),
        )
    if CARD.search(name):
        return Recommendation(
            code="security.card",
            severity=Severity.CRITICAL,
            title=f"Do not store {entity.name}.{field.name}: keep the payment provider's token",
            rationale=(
                f"{entity.name}.{field.name} holds payment card data: storing it puts the whole system in PCI DSS "
                "scope (and a card security code may never be stored after authorisation). Keep the provider's "
                "token and the last four digits."
            ),
            tradeoffs="Provider tokens tie you to the provider; migrating them needs its cooperation.",
            entity_id=entity.id,
            field_ids=(field.id,),
        )
    if BANK_ACCOUNT.search(name):
        return Recommendation(
            code="security.bank-account",
            severity=Severity.WARNING,
            title=f"Encrypt {entity.name}.{field.name} and restrict access",
            rationale=(
                f"{entity.name}.{field.name} holds a bank account number: enough, with a name, to set up direct "
                "debits. Encrypt it at the column level (pgcrypto or the application, key outside the database), "
                "show only the last digits, and grant reading to the roles that pay or collect."
            ),
            tradeoffs="Encrypted values cannot be searched or sorted by the database.",
            entity_id=entity.id,
            field_ids=(field.id,),
        )
    if NATIONAL_ID.search(name) and not _references_a_row(context, entity, field):
        return Recommendation(
            code="security.national-id",
            severity=Severity.WARNING,
            title=f"Encrypt {entity.name}.{field.name} and restrict access",
            rationale=(
                f"{entity.name}.{field.name} is a government identifier: a leak enables identity theft and "
                "is reportable. Encrypt it at the column level (pgcrypto or the application), keep a keyed "
                "hash for lookups, and grant read access to the few roles that need it."
            ),
            tradeoffs="Encrypted values cannot be searched or sorted by the database; the hash allows equality only.",
            entity_id=entity.id,
            field_ids=(field.id,),
        )
    return None


def _references_a_row(context: Context, entity: Entity, field: Field) -> bool:
    """``tax_id`` referencing a taxes table holds the key of a row, not a government number:
    a foreign key column, or one named after an entity (``<entity>_id``) with that entity's key type."""
    if any(field.id in r.from_field_ids for r in context.schema.relationships if r.from_entity_id == entity.id):
        return True
    stem = field.name.lower().removesuffix("_id")
    names = (stem, stem + "s", stem + "es", stem[:-1] + "ies") if stem != field.name.lower() else ()
    targets = [context.entities_by_lower_name[n] for n in names if n in context.entities_by_lower_name]
    return any(
        len(t.primary_key) == 1 and t.field(t.primary_key[0]).type.kind is field.type.kind for t in targets
    )  # the key's type too: a text tax_id beside a taxes table is still a number from the state


def _credential(field: Field, name: str) -> bool:
    """Whether the field can hold a password or a token itself (a string or bytes value,
    not a time, a count or a key pointing at one)."""
    return field.type.kind in CREDENTIAL_KINDS and not field.type.array and not ABOUT_A_CREDENTIAL.search(name)


def _personal(context: Context, entity: Entity) -> Recommendation | None:
    fields = [f for f in entity.fields if PERSONAL.search(f.name.lower())]
    if not fields:
        return None
    volume = context.schema.volume(entity.id)
    retention = (
        f"rows are kept {volume.retention_days} days"
        if volume and volume.retention_days
        else "no retention is declared, so it is kept forever"
    )
    names = ", ".join(f.name for f in fields)
    return Recommendation(
        code="security.personal-data",
        severity=Severity.INFO,
        title=f"{entity.name} holds personal data ({names})",
        rationale=(
            f"{entity.name}.{{{names}}} identify people (GDPR and similar laws): grant read access only to "
            f"the roles that need it, keep them out of logs and analytics exports, and support erasure; "
            f"{retention}."
        ),
        tradeoffs="Restricting columns means views or column grants for reporting roles; erasure must reach backups "
        "within their own retention.",
        entity_id=entity.id,
        field_ids=tuple(f.id for f in fields),
    )


def row_level_security(context: Context) -> Iterator[Recommendation]:
    """Most entities carry a tenant key: one missing WHERE leaks another tenant's rows."""
    entities = context.schema.entities
    for key in TENANT_KEYS:
        holders = [e for e in entities if e.field_by_name(key) is not None]
        candidates = [e for e in entities if not e.name.lower().startswith(key.removesuffix("_id"))]
        if len(holders) < 2 or len(holders) < TENANT_SHARE * len(candidates):
            continue
        statements = []
        for entity in holders:
            statements += [
                f"ALTER TABLE {sql.table(entity)} ENABLE ROW LEVEL SECURITY;",
                f"CREATE POLICY tenant_isolation ON {sql.table(entity)} USING ({sql.quote(key)} = "
                f"current_setting('app.{key}')::{_cast(entity.field_by_name(key))});",
            ]
        yield Recommendation(
            code="security.row-level-security",
            severity=Severity.WARNING,
            title=f"Isolate tenants with row-level security on {key}",
            rationale=(
                f"{len(holders)} of {len(entities)} entities carry {key} ("
                + ", ".join(e.name for e in holders[:8])
                + ("…" if len(holders) > 8 else "")
                + "): every query must filter by it, and one forgotten WHERE shows one tenant another's "
                "data. Row-level security policies make PostgreSQL add the filter; lead every index with "
                f"{key} too."
            ),
            tradeoffs="The application must SET the tenant per transaction (app." + key + "); table owners and "
            "BYPASSRLS roles skip policies, so the application must not connect as the owner.",
            field_ids=tuple(e.field_by_name(key).id for e in holders),
            sql="\n".join(statements),
        )
        return


def _cast(field: Field) -> str:
    return {"uuid": "uuid", "integer": "integer", "smallint": "integer"}.get(field.type.kind.value, "bigint")
