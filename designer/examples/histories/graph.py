"""Foreign keys: self references, composite keys, actions, renames of keys and of the tables they join."""

from __future__ import annotations

from designer import ops
from designer.examples.histories.build import K, RefAction, apply, entity, f, key, ref, t, update_entity, update_ref
from designer.schema import Schema


def versions() -> list[Schema]:
    v1 = apply(
        Schema(database_type="PostgreSQL"),
        ops.AddEntity(
            entity=entity(
                "nodes",
                "nodes",
                key("n_id"),
                f("n_parent", "parent_id", K.BIGINT),
                f("n_label", "label", t(K.VARCHAR, length=80), nullable=False),
            )
        ),
        ops.AddRelationship(
            relationship=ref("node_parent", "nodes", ["n_parent"], "nodes", ["n_id"], on_delete=RefAction.SET_NULL)
        ),
    )
    v2 = apply(
        v1,
        ops.AddEntity(
            entity=entity(
                "regions",
                "regions",
                f("r_country", "country", t(K.CHAR, length=2), nullable=False),
                f("r_code", "code", t(K.VARCHAR, length=10), nullable=False),
                f("r_name", "name", t(K.VARCHAR, length=100)),
                pk=("r_country", "r_code"),
            )
        ),
        ops.AddEntity(
            entity=entity(
                "sites",
                "sites",
                key("s_id"),
                f("s_country", "country", t(K.CHAR, length=2), nullable=False),
                f("s_region", "region_code", t(K.VARCHAR, length=10), nullable=False),
                f("s_node", "node_id", K.BIGINT),
            )
        ),
        ops.AddRelationship(
            relationship=ref(
                "site_region",
                "sites",
                ["s_country", "s_region"],
                "regions",
                ["r_country", "r_code"],
                on_update=RefAction.CASCADE,
                on_delete=RefAction.RESTRICT,
            )
        ),
        ops.AddRelationship(relationship=ref("site_node", "sites", ["s_node"], "nodes", ["n_id"])),
    )
    v3 = apply(
        v2,
        update_ref("node_parent", on_delete=RefAction.CASCADE, name="nodes_parent_fk"),
        ops.AddEntity(
            entity=entity(
                "edges",
                "edges",
                f("e_from", "from_id", K.BIGINT, nullable=False),
                f("e_to", "to_id", K.BIGINT, nullable=False),
                pk=("e_from", "e_to"),
            )
        ),
        ops.AddRelationship(
            relationship=ref("edge_from", "edges", ["e_from"], "nodes", ["n_id"], on_delete=RefAction.CASCADE)
        ),
        ops.AddRelationship(
            relationship=ref("edge_to", "edges", ["e_to"], "nodes", ["n_id"], on_delete=RefAction.CASCADE)
        ),
    )
    v4 = apply(
        v3,
        ops.RemoveRelationship(relationship_id="site_region"),
        update_entity("regions", name="areas"),
        update_ref("node_parent", name="nodes_parent_ref"),
        update_ref("site_node", on_delete=RefAction.SET_NULL, on_update=RefAction.NO_ACTION),
    )
    v5 = apply(
        v4,
        ops.AddRelationship(
            relationship=ref(
                "site_area",
                "sites",
                ["s_country", "s_region"],
                "regions",
                ["r_country", "r_code"],
                on_delete=RefAction.NO_ACTION,
                name="sites_area_fk",
            )
        ),
        ops.RemoveEntity(entity_id="edges"),
        update_entity("nodes", name="vertices"),
    )
    return [v1, v2, v3, v4, v5]
