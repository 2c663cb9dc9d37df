import subprocess

import pytest

from designer.diagram import DiagramError, DiagramOptions, DiagramTimeout, build_dot, diagram_cache_key, render
from designer.diagram.dot import visible_entity_ids
from designer.examples.synthetic import synthetic_schema
from designer.schema import Cardinality, Direction, replace


def edge_line(dot, relationship):
    return next(line for line in dot.splitlines() if f'id="rel_{relationship.id}"' in line)


def test_each_entity_is_a_table_with_synthetic_node_ids(blog):
    dot = build_dot(blog)
    for number, entity in enumerate(blog.entities, start=1):
        assert f'n{number} [id="entity_{entity.id}"' in dot
    assert "users [" not in dot  # user names never become node ids


def test_edges_leave_the_foreign_key_row_and_enter_the_key_row(blog):
    posts, users = blog.entity_by_name("posts"), blog.entity_by_name("users")
    relationship = next(r for r in blog.relationships if r.from_entity_id == posts.id and r.to_entity_id == users.id)
    # posts is node 2, author_id its 2nd field; users is node 1, id its 1st field
    assert edge_line(build_dot(blog), relationship).startswith("  n2:f2 -> n1:f1 ")


def test_crows_feet_follow_cardinality_and_optionality(blog):
    dot = build_dot(blog)
    required = blog.relationships[0]  # posts.author_id is NOT NULL
    assert 'arrowtail="crowodot", arrowhead="teetee"' in edge_line(dot, required)
    posts = blog.entity_by_name("posts")
    author = posts.field_by_name("author_id")
    optional = replace(
        blog,
        entities=tuple(
            replace(e, fields=tuple(replace(f, nullable=True) if f.id == author.id else f for f in e.fields))
            for e in blog.entities
        ),
    )
    assert 'arrowhead="teeodot"' in edge_line(build_dot(optional), required)
    one_to_one = replace(blog, relationships=(replace(required, cardinality=Cardinality.ONE_TO_ONE),))
    assert 'arrowtail="teeodot", arrowhead="teetee"' in build_dot(one_to_one)
    many = replace(blog, relationships=(replace(required, cardinality=Cardinality.MANY_TO_MANY),))
    assert 'arrowtail="crowodot", arrowhead="crowodot"' in build_dot(many)


def test_groups_become_coloured_clusters(blog):
    dot = build_dot(blog)
    assert "subgraph cluster_1 {" in dot and "<b>content</b>" in dot and 'color="#16A34A"' in dot


def test_direction_and_column_modes(blog):
    assert "rankdir=TB" in build_dot(blog, options=DiagramOptions(direction=Direction.TOP_BOTTOM))
    keys = build_dot(blog, options=DiagramOptions(show_columns="keys"))
    assert ">slug<" in keys and ">body<" not in keys
    none = build_dot(blog, options=DiagramOptions(show_columns="none"))
    assert 'port="f' not in none


def test_focus_depth_limits_the_neighbourhood(blog):
    tags = blog.entity_by_name("tags")
    names = lambda depth: {  # noqa: E731
        blog.entity(i).name for i in visible_entity_ids(blog, DiagramOptions(focus_entity_id=tags.id, depth=depth))
    }
    assert names(1) == {"tags", "post_tags"}
    assert names(2) == {"tags", "post_tags", "posts"}
    assert names(3) == {"tags", "post_tags", "posts", "users", "comments"}


def test_selected_entity_is_highlighted(blog):
    posts = blog.entity_by_name("posts")
    dot = build_dot(blog, options=DiagramOptions(selected_entity_id=posts.id))
    assert f'id="entity_{posts.id}", class="entity selected"' in dot


def test_heat_colours_the_header(blog):
    posts = blog.entity_by_name("posts")
    assert 'bgcolor="#DC2626"' in build_dot(blog, options=DiagramOptions(heat=((posts.id, 1.0),)))


def test_cache_key_depends_on_dot_and_format():
    assert diagram_cache_key("digraph {}", "svg") != diagram_cache_key("digraph {}", "png")
    assert diagram_cache_key("digraph {}", "svg") == diagram_cache_key("digraph {}", "svg")


@pytest.mark.graphviz
@pytest.mark.parametrize(
    ("fmt", "magic"), [("svg", b"<svg"), ("png", b"\x89PNG"), ("pdf", b"%PDF"), ("dot", b"digraph")]
)
def test_render_formats(blog, fmt, magic):
    assert render(build_dot(blog), fmt=fmt).startswith(magic)


@pytest.mark.graphviz
def test_svg_is_ready_to_inline(blog):
    svg = render(build_dot(blog)).decode()
    assert svg.startswith("<svg") and "viewBox" in svg and "<!--" not in svg and 'width="' not in svg.split(">")[0]


@pytest.mark.graphviz
def test_svg_is_compact_and_wrapped_for_pan_and_zoom(blog):
    raw = subprocess.run(["dot", "-Tsvg"], input=build_dot(blog).encode(), capture_output=True, check=True).stdout
    svg = render(build_dot(blog)).decode()
    assert len(svg) < 0.8 * len(raw)
    assert "<title>" not in svg and 'text-anchor="start"' not in svg and "> </text>" not in svg
    assert svg.count("font-family=") == svg.count('font-family="Helvetica,Arial,sans-serif"') == 1  # the root's
    assert svg.startswith('<svg font-family="Helvetica,Arial,sans-serif"')
    assert '<g class="viewport">\n<g id="graph0" class="graph"' in svg and svg.endswith("</g>\n</g>\n</svg>")
    assert svg.count("<text") == raw.decode().count("<text")  # nothing that shows is lost


def test_nullable_columns_read_like_prisma(blog):
    posts = blog.entity_by_name("posts")
    row = next(line for line in build_dot(blog).splitlines() if f'"entity_{posts.id}"' in line)
    assert ">published_at</td>" in row and ">timestamptz?</font>" in row  # optional: the type ends in "?"
    assert ">title</td>" in row and ">text</font>" in row  # required: no mark


@pytest.mark.graphviz
def test_timeout_gives_a_clear_error():
    big = build_dot(synthetic_schema(entities=400))
    with pytest.raises(DiagramTimeout, match="focus on one entity"):
        render(big, timeout=0.01)


def test_bad_format_and_broken_dot_are_diagram_errors():
    with pytest.raises(DiagramError, match="unknown diagram format"):
        render("digraph {}", fmt="gif")


@pytest.mark.graphviz
def test_graphviz_failure_is_reported():
    with pytest.raises(DiagramError, match="Graphviz failed"):
        render("digraph { a -> }")


def test_nodes_kept_from_an_earlier_drawing_never_show_stale_contents(blog):
    posts = blog.entity_by_name("posts")
    renamed = replace(
        posts, fields=tuple(replace(f, name="headline") if f.name == "title" else f for f in posts.fields)
    )
    edited = replace(blog, entities=tuple(renamed if e.id == posts.id else e for e in blog.entities))
    before, after = build_dot(blog), build_dot(edited)
    assert ">title</td>" in before and ">headline</td>" not in before
    assert ">headline</td>" in after and ">title</td>" not in after
    assert build_dot(blog) == before  # the first schema's drawing, again
    selected = build_dot(blog, options=DiagramOptions(selected_entity_id=posts.id))
    assert selected != before and 'class="entity selected"' in selected
