"""Hostile names cannot break the DOT, nor inject markup into the SVG."""

import re
import string
import xml.etree.ElementTree as ET

import pytest

from designer.diagram import build_dot, render
from designer.schema import (
    Cardinality,
    Entity,
    Enum,
    EnumValue,
    Field,
    FieldType,
    Group,
    Note,
    Relationship,
    Schema,
    TypeKind,
)

HOSTILE = [
    "<script>alert(1)</script>",
    '<svg onload="alert(1)">',
    "a & b; c",
    "quote \" and ' apostrophe",
    "braces { } [ ] -> -- : ;",
    "back\\slash \\N \\G \\l",
    "line\nbreak",
    "]]> <![CDATA[",
    "emoji 🦄 ünïcödé 名前",
    "   ",
]


def hostile_schema(name: str) -> Schema:
    fields = (
        Field(id="f1", name=name, type=FieldType(TypeKind.BIGINT), comment=name),
        Field(id="f2", name=name + "_2", type=FieldType(TypeKind.ENUM, enum_id="en1")),
    )
    a = Entity(id="e1", name=name, namespace=name, fields=fields, primary_key=("f1",), comment=name, color='#fff" x="')
    b = Entity(id="e2", name=name + "!", fields=(Field(id="f3", name=name, type=FieldType(TypeKind.BIGINT)),))
    return Schema(
        entities=(a, b),
        relationships=(
            Relationship(
                id="r1",
                cardinality=Cardinality.ONE_TO_MANY,
                from_entity_id="e2",
                from_field_ids=("f3",),
                to_entity_id="e1",
                to_field_ids=("f1",),
            ),
        ),
        enums=(Enum(id="en1", name=name, values=(EnumValue(name), EnumValue(name + "x"))),),
        groups=(Group(id="g1", name=name, entity_ids=("e2",), color="red; evil"),),
        notes=(Note(id="n1", name=name, content=name + "\n" + name),),
    )


@pytest.mark.graphviz
@pytest.mark.parametrize("name", HOSTILE)
def test_svg_is_well_formed_and_carries_no_injected_markup(name):
    svg = render(build_dot(hostile_schema(name))).decode()
    root = ET.fromstring(svg)
    tags = {element.tag.split("}")[-1] for element in root.iter()}
    assert "script" not in tags and "svg" not in {t for t in tags if t != "svg"} - {"svg"}
    assert all(not attribute.lower().startswith("on") for element in root.iter() for attribute in element.attrib)
    assert sum(1 for element in root.iter() if element.tag.split("}")[-1] == "svg") == 1
    texts = " ".join(element.text or "" for element in root.iter())
    visible = name.replace("\n", " ").strip()
    if visible:
        assert visible.split()[0] in texts


@pytest.mark.parametrize("name", HOSTILE)
def test_dot_never_contains_raw_markup(name):
    dot = build_dot(hostile_schema(name))
    labels = re.findall(r"label=<(.*)>\]", dot)
    assert labels and all("<script" not in label and "<svg" not in label for label in labels)
    assert 'x="' not in dot and "red; evil" not in dot  # colours must be #rrggbb


@pytest.mark.graphviz
def test_dot_escape_sequences_are_not_interpreted():
    svg = render(build_dot(hostile_schema("back\\slash \\N"))).decode()
    assert "n1" not in ET.fromstring(svg).find(".//{http://www.w3.org/2000/svg}a").attrib.get(
        "{http://www.w3.org/1999/xlink}title", ""
    )


@pytest.mark.graphviz
@pytest.mark.parametrize("character", string.punctuation)
def test_every_ascii_punctuation_character_draws(character):
    """As the whole name, and at the start and end of one, of an entity, field, enum,
    enum value, group and note: Graphviz draws it and the SVG shows it."""
    for name in (character, f"{character}x", f"x{character}", character * 3):
        svg = render(build_dot(hostile_schema(name))).decode()
        texts = " ".join(element.text or "" for element in ET.fromstring(svg).iter())
        assert name in texts
