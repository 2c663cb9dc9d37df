"""The design review: an analysis as Markdown, to read in the page and download.
Reads the stored dict (``analysis_to_dict(..., internal=True)``), so a stored
analysis renders without recomputing. User text is Markdown-escaped."""

from __future__ import annotations

import re

from designer.advice.base import CATEGORIES

_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|!])")
SEVERITIES = ("critical", "warning", "info")


def escape(text: str) -> str:
    return _SPECIAL.sub(r"\\\1", text or "")


def review_markdown(data: dict, *, project_name: str, dismissed: dict[str, str] | None = None) -> str:
    dismissed = dismissed or {}
    technology = data["technology"]
    lines = [f"# Design review: {escape(project_name)}", "", f"Computed on revision {data['revision']}.", ""]
    lines += ["## Technology", ""]
    cache = f" with {technology['cache'].capitalize()} as a cache" if technology["cache"] else ""
    lines += [f"**Primary store: {_store(technology['primary'])}**{cache}.", ""]
    lines += ["Scores: " + ", ".join(f"{_store(k)} {v}" for k, v in technology["scores"].items()) + ".", ""]
    lines += [f"- {escape(line)}" for line in technology["rationale"]] + ["", "What would change this decision:", ""]
    lines += [f"- {escape(line)}" for line in technology["would_change_if"]] + [""]
    for note in data.get("notes", ()):
        lines += [f"> {escape(note)}", ""]
    active = [r for r in data["recommendations"] if r.get("key") not in dismissed]
    lines += ["## Recommendations", ""]
    if not active:
        lines += ["None.", ""]
    for category, title in CATEGORIES.items():
        chosen = [r for r in active if r["category"] == category]
        if not chosen:
            continue
        lines += [f"### {title}", ""]
        for severity in SEVERITIES:
            for recommendation in (r for r in chosen if r["severity"] == severity):
                lines += _recommendation(recommendation)
    gone = [r for r in data["recommendations"] if r.get("key") in dismissed]
    if gone:
        lines += ["## Dismissed", ""]
        lines += [f"- {escape(r['title'])} — {escape(dismissed[r['key']]) or 'no reason given'}" for r in gone]
        lines.append("")
    return "\n".join(lines)


def _store(name: str) -> str:
    return {"postgresql": "PostgreSQL", "mongodb": "MongoDB", "redis": "Redis"}.get(name, name)


def _recommendation(r: dict) -> list[str]:
    lines = [f"#### [{r['severity']}] {escape(r['title'])}", "", escape(r["rationale"]), ""]
    if r["tradeoffs"]:
        lines += [f"*Trade-offs:* {escape(r['tradeoffs'])}", ""]
    if r["patterns"]:
        lines += ["*Serves:* " + ", ".join(escape(p) for p in r["patterns"]), ""]
    if r["sql"]:
        fence = "````" if "```" in r["sql"] else "```"
        lines += [f"{fence}sql", r["sql"], fence, ""]
    lines += [f"`{r['code']}`", ""]
    return lines
