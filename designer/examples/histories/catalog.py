"""Reserved words and mixed case, many-to-many with and without a join entity, a second namespace."""

from __future__ import annotations

from designer import ops
from designer.examples.histories.build import K, RefAction, apply, entity, f, key, ref, t, update_entity, update_field
from designer.schema import Cardinality, Enum, EnumValue, Schema

M2M = Cardinality.MANY_TO_MANY


def versions() -> list[Schema]:
    v1 = apply(
        Schema(database_type="PostgreSQL"),
        ops.AddEntity(
            entity=entity(
                "user",
                "user",
                key("u_id"),
                f("u_select", "select", K.TEXT),
                f("u_order", "Order", K.BIGINT),
                f("u_mixed", "MixedCase", t(K.VARCHAR, length=40)),
            )
        ),
        ops.AddEntity(
            entity=entity("group", "Group", key("g_id"), f("g_name", "Name", t(K.VARCHAR, length=60), nullable=False))
        ),
    )
    # A many-to-many drawn without a join entity (as DBML's <> imports it): the engine makes the table.
    v2 = apply(
        v1, ops.AddRelationship(relationship=ref("user_groups", "user", ["u_id"], "group", ["g_id"], cardinality=M2M))
    )
    v3 = apply(
        v2,
        ops.AddEnum(enum=Enum("en_currency", "currency", (EnumValue("EUR"), EnumValue("USD")), namespace="sales")),
        ops.AddEntity(
            entity=entity(
                "invoice",
                "Invoice",
                key("inv_id"),
                f("inv_currency", "currency", t(K.ENUM, enum_id="en_currency"), nullable=False),
                f("inv_total", "total", t(K.DECIMAL, precision=12, scale=2)),
                namespace="sales",
            )
        ),
        ops.AddField(entity_id="user", field=f("u_invoice", "last_invoice", K.BIGINT)),
        ops.AddRelationship(
            relationship=ref("user_invoice", "user", ["u_invoice"], "invoice", ["inv_id"], on_delete=RefAction.SET_NULL)
        ),
    )
    # A many-to-many the editor made: the join entity with its two references, and the link that remembers it.
    v4 = apply(
        v3,
        update_entity("group", name="Team"),
        ops.AddEntity(entity=entity("product", "Product", key("p_id"), f("p_name", "name", K.TEXT, nullable=False))),
        ops.AddEntity(
            entity=entity(
                "tag", "tag", key("tg_id"), f("tg_label", "label", t(K.VARCHAR, length=30), nullable=False, unique=True)
            )
        ),
        ops.AddEntity(
            entity=entity(
                "product_tag",
                "Product_tag",
                f("pt_product", "Product_id", K.BIGINT, nullable=False),
                f("pt_tag", "tag_id", K.BIGINT, nullable=False),
                pk=("pt_product", "pt_tag"),
            )
        ),
        ops.AddRelationship(
            relationship=ref("pt_p", "product_tag", ["pt_product"], "product", ["p_id"], on_delete=RefAction.CASCADE)
        ),
        ops.AddRelationship(
            relationship=ref("pt_t", "product_tag", ["pt_tag"], "tag", ["tg_id"], on_delete=RefAction.CASCADE)
        ),
        ops.AddRelationship(
            relationship=ref(
                "product_tags", "product", ["p_id"], "tag", ["tg_id"], cardinality=M2M, join_entity_id="product_tag"
            )
        ),
    )
    v5 = apply(
        v4,
        ops.RemoveRelationship(relationship_id="user_groups"),
        update_field("u_select", name="from"),
        update_entity("invoice", name="Bill"),
        update_entity("product", namespace="sales"),  # moved to the other namespace
        ops.AddRelationship(relationship=ref("team_products", "group", ["g_id"], "product", ["p_id"], cardinality=M2M)),
    )
    return [v1, v2, v3, v4, v5]
