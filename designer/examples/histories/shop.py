"""A shop: entity and field renames, drops, widening and narrowing, nullability and defaults."""

from __future__ import annotations

from designer import ops
from designer.examples.histories.build import (
    K,
    RefAction,
    apply,
    entity,
    expr,
    f,
    key,
    lit,
    ref,
    t,
    update_entity,
    update_field,
    update_ref,
)
from designer.schema import Schema


def versions() -> list[Schema]:
    v1 = apply(
        Schema(database_type="PostgreSQL"),
        ops.AddEntity(
            entity=entity(
                "customers",
                "customers",
                key("c_id"),
                f("c_email", "email", t(K.VARCHAR, length=50), nullable=False, unique=True),
                f("c_name", "name", K.TEXT),
                f("c_age", "age", K.INTEGER),
            )
        ),
        ops.AddEntity(
            entity=entity(
                "orders",
                "orders",
                key("o_id"),
                f("o_customer", "customer_id", K.BIGINT, nullable=False),
                f("o_total", "total", t(K.DECIMAL, precision=10, scale=2)),
                f("o_status", "status", t(K.VARCHAR, length=20), default=lit("'new'")),
            )
        ),
        ops.AddRelationship(relationship=ref("orders_customer", "orders", ["o_customer"], "customers", ["c_id"])),
    )
    v2 = apply(
        v1,
        update_entity("customers", name="clients", comment='People who buy; it\'s \\ their "account"'),
        update_field("c_email", comment="the login"),
        update_field("c_name", name="full_name"),
        update_field("c_email", type=t(K.VARCHAR, length=200)),
        update_field("c_age", type=t(K.BIGINT)),
        ops.AddField(entity_id="customers", field=f("c_phone", "phone", t(K.VARCHAR, length=30))),
    )
    v3 = apply(
        v2,
        ops.RemoveField(entity_id="customers", field_id="c_age"),
        update_field("o_total", type=t(K.DECIMAL, precision=12, scale=2)),
        update_field("o_status", default=lit("'pending'")),
        update_field("c_name", nullable=False, comment="as printed on invoices"),
        update_field("c_email", comment="the login, checked"),
        ops.AddEntity(
            entity=entity(
                "invoices",
                "invoices",
                key("i_id"),
                f("i_order", "order_id", K.BIGINT, nullable=False),
                f("i_amount", "amount", t(K.DECIMAL, precision=12, scale=2), nullable=False, default=lit("0")),
            )
        ),
        ops.AddRelationship(relationship=ref("invoice_order", "invoices", ["i_order"], "orders", ["o_id"])),
    )
    v4 = apply(
        v3,
        update_field("c_phone", type=t(K.VARCHAR, length=20)),
        update_field("c_email", type=t(K.VARCHAR, length=120)),
        ops.RemoveEntity(entity_id="invoices"),
        update_field("o_status", default=None),
        update_entity("customers", comment=None),
        update_ref("orders_customer", on_delete=RefAction.CASCADE),
    )
    v5 = apply(
        v4,
        ops.AddField(entity_id="customers", field=f("c_notes", "notes", t(K.VARCHAR, length=500), default=lit("''"))),
        update_field("c_name", nullable=True, comment=None),
        ops.AddField(
            entity_id="orders",
            field=f("o_created", "created_at", K.TIMESTAMPTZ, nullable=False, default=expr("CURRENT_TIMESTAMP")),
        ),
        update_field("c_phone", name="phone_number"),
        update_field("o_total", type=t(K.DECIMAL, precision=8, scale=2)),
    )
    return [v1, v2, v3, v4, v5]
