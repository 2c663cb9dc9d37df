"""Template helpers for the workload panel (autoescaped like any other value)."""

import math

from django import template

from designer import labels
from designer.verify.pattern_sql import pattern_sql
from designer.workload import human_bytes, human_count, human_rate

register = template.Library()

register.filter("rate", human_rate)
register.filter("count", human_count)
register.filter("size", human_bytes)
register.simple_tag(labels.pattern_sentence, name="pattern_sentence")
# The statement the Verify job runs for the pattern: one writer for both (designer.verify).
register.simple_tag(pattern_sql, name="pattern_sql")


@register.filter
def words(value: str) -> str:
    return str(value).replace("_", " ")


@register.simple_tag
def read_share(load) -> str:
    total = load.reads_per_second + load.writes_per_second
    if total == 0 or not math.isfinite(total):  # infinite: a number stored before the limits
        return "—"
    reads = round(100 * (load.reads_per_second / total))  # divided first: 100 * 1e308 overflows
    return f"{reads} / {100 - reads}"
