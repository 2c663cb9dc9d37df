"""Turning schema names into identifiers a target language accepts.

A schema name can be anything PostgreSQL takes when quoted: spaces, punctuation,
unicode, a leading digit, a reserved word. Every target keeps the real name next to
the identifier (``@map``, ``name:``, ``db_column``), so mapping a name never loses
it. Identifiers are ASCII: Prisma accepts nothing else, and one rule for every
target keeps the generated code predictable.
"""

from __future__ import annotations

import re
import unicodedata

_WORDS = re.compile(r"[A-Z]+(?=[A-Z][a-z]|\b|[^A-Za-z])|[A-Z]?[a-z]+|[A-Z]+|[0-9]+[a-z]*")


def words(name: str) -> list[str]:
    """``"Order lines"``, ``"orderLines"`` and ``"order_lines"`` → ``["order", "lines"]``;
    accents folded (``"Ünïcode"`` → ``["unicode"]``), other scripts dropped."""
    ascii_text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return [w.lower() for w in _WORDS.findall(ascii_text)]


def camel(name: str) -> str:
    parts = words(name)
    return parts[0] + "".join(p.capitalize() for p in parts[1:]) if parts else ""


def pascal(name: str) -> str:
    return "".join(p.capitalize() for p in words(name))


def snake(name: str) -> str:
    return "_".join(words(name))


def singular(name: str) -> str:
    """Good enough for generated relation names: ``posts`` → ``post``, ``addresses`` stays."""
    if name.endswith("ies") and len(name) > 3:
        return name[:-3] + "y"
    if name.endswith("s") and not name.endswith("ss") and len(name) > 1:
        return name[:-1]
    return name


def model_name(table: str) -> str:
    """A table's model or class name, as ORMs name them: singular PascalCase, the last word
    made singular (``order_lines`` → ``OrderLine``); the table's own name stays in the
    mapping (``@@map``, ``@Entity("…")``, ``db_table``, ``collection``)."""
    parts = pascal(table)
    parts_list = re.findall(r"[A-Z][a-z0-9]*|[0-9]+", parts)
    if not parts_list:
        return parts
    return "".join(parts_list[:-1]) + singular_noun(parts_list[-1])


_UNCOUNTED = ("ss", "us", "is", "ics", "news", "series", "species", "data", "media")


def singular_noun(word: str) -> str:
    """English plural → singular for a model name: ``categories`` → ``category``, ``addresses``
    → ``address``, ``statuses`` → ``status``, ``boxes`` → ``box``; ``status``, ``analysis``,
    ``news``, ``data`` stay."""
    lower = word.lower()
    if lower.endswith(_UNCOUNTED) or not lower.endswith("s") or len(word) < 3:
        return word
    if lower.endswith("ies") and len(word) > 4:
        return word[:-3] + ("Y" if word[-3].isupper() else "y")
    if lower.endswith(("sses", "uses", "shes", "ches", "xes", "zes")):
        return word[:-2]
    return word[:-1]


class Scope:
    """Identifiers already used in one namespace (a file's exports, a class's members):
    a new one that collides, is empty, starts with a digit or is reserved gets a suffix
    or prefix, deterministically, so the same schema always gives the same code."""

    def __init__(self, *, reserved: frozenset[str] = frozenset(), fallback: str = "item", suffix: str = "_"):
        self.reserved = set(reserved)
        self.fallback = fallback
        self.suffix = suffix
        self.taken: set[str] = set()

    def take(self, identifier: str) -> str:
        if not identifier:
            identifier = self.fallback
        if identifier[0].isdigit():
            identifier = f"{self.fallback[0]}{identifier}" if identifier.isalnum() else f"_{identifier}"
        if identifier in self.reserved:
            identifier = f"{identifier}{self.suffix}"
        candidate, n = identifier, 2
        while candidate in self.taken or candidate in self.reserved:
            candidate = f"{identifier}{n}"
            n += 1
        self.taken.add(candidate)
        return candidate


def string_literal(text: str, *, prisma: bool = False) -> str:
    """A double-quoted string for JavaScript, TypeScript or Python (or Prisma, whose
    strings know only ``\\"`` and ``\\\\``): every character that could end the string,
    the line or a comment is escaped."""
    if prisma:
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
    out = []
    for ch in text:
        if ch in '"\\':
            out.append("\\" + ch)
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\r":
            out.append("\\r")
        elif ch == "\t":
            out.append("\\t")
        elif ord(ch) < 0x20 or ord(ch) in (0x7F, 0x2028, 0x2029) or ch in "<>`$":
            # < > keep "</script>" inert in HTML; ` and $ keep template literals inert
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def comment_text(text: str) -> str:
    """One line of text safe inside ``//``, ``#`` or ``/* */`` comments."""
    return " ".join(text.replace("*/", "* /").split())


# Words a TypeScript/JavaScript binding (an exported const, a class) cannot be.
JS_RESERVED = frozenset(
    [
        "break",
        "case",
        "catch",
        "class",
        "const",
        "continue",
        "debugger",
        "default",
        "delete",
        "do",
        "else",
        "enum",
        "export",
        "extends",
        "false",
        "finally",
        "for",
        "function",
        "if",
        "import",
        "in",
        "instanceof",
        "new",
        "null",
        "return",
        "super",
        "switch",
        "this",
        "throw",
        "true",
        "try",
        "typeof",
        "var",
        "void",
        "while",
        "with",
        "as",
        "implements",
        "interface",
        "let",
        "package",
        "private",
        "protected",
        "public",
        "static",
        "yield",
        "await",
        "any",
        "boolean",
        "number",
        "string",
        "symbol",
        "type",
        "of",
        "from",
        "constructor",
        "undefined",
        "NaN",
        "Infinity",
        "arguments",
        "eval",
        "Object",
        "Array",
        "Date",
        "String",
        "Number",
        "Boolean",
        "Symbol",
        "Promise",
        "Error",
        "Map",
        "Set",
        "JSON",
        "Math",
        "Buffer",
        "require",
        "module",
        "exports",
    ]
)


def js_key(name: str, scope: Scope) -> str:
    """A property key for an object literal or a class: a camelCase identifier, or the real
    name as a quoted key when no identifier can be made from it (``"名前"``)."""
    identifier = camel(name)
    if identifier:
        return scope.take(identifier)
    scope.taken.add(name)
    return string_literal(name)


def js_access(target: str, key: str) -> str:
    """``table.title`` or ``table["名前"]`` for a key made by ``js_key``."""
    return f"{target}[{key}]" if key.startswith('"') else f"{target}.{key}"


def is_number(text: str) -> bool:
    """A default written as a number (``-1``, ``0.5``, ``1e3``): the ORMs spell it unquoted."""
    try:
        float(text)
    except ValueError:
        return False
    return True
