"""Results kept beside the schema objects they were computed from."""

from designer.examples.synthetic import synthetic_schema
from projects.memo import PerSchema


def test_kept_per_schema_object_and_detail():
    kept: PerSchema[str] = PerSchema(size=8)
    calls = []

    def compute(label):
        calls.append(label)
        return label

    schema, twin = synthetic_schema(entities=3), synthetic_schema(entities=3)
    assert schema == twin and schema is not twin
    assert kept.get(schema, "a", lambda: compute("schema a")) == "schema a"
    assert kept.get(schema, "a", lambda: compute("again")) == "schema a"  # kept
    assert kept.get(schema, "b", lambda: compute("schema b")) == "schema b"  # another detail
    assert kept.get(twin, "a", lambda: compute("twin a")) == "twin a"  # an equal schema is another object
    assert calls == ["schema a", "schema b", "twin a"]


def test_the_oldest_go_first():
    kept: PerSchema[int] = PerSchema(size=2)
    schemas = [synthetic_schema(entities=1) for _ in range(3)]
    for number, schema in enumerate(schemas):
        kept.put(schema, None, number)
    assert kept.get(schemas[0], None, lambda: -1) == -1  # dropped when the third came
    assert kept.get(schemas[2], None, lambda: -1) == 2
