"""Server-side syntax highlighting of generated code (Pygments, pinned in requirements.txt).

Pygments has no Prisma lexer; the small one here knows the schema language's few token
kinds (blocks, attributes, strings, comments, types), which is all the page colours.
"""

from __future__ import annotations

from pygments import highlight
from pygments.formatters import HtmlFormatter
from pygments.lexer import RegexLexer
from pygments.lexers import JavascriptLexer, PythonLexer, TextLexer, TypeScriptLexer
from pygments.token import Comment, Keyword, Name, Number, Operator, Punctuation, String, Text


class PrismaLexer(RegexLexer):
    name = "Prisma"
    aliases = ["prisma"]
    filenames = ["*.prisma"]
    tokens = {
        "root": [
            (r"//.*?$", Comment.Single),
            (r"\b(model|enum|generator|datasource|view|type)\b", Keyword),
            (r"@@?[A-Za-z_][\w.]*", Name.Decorator),
            (r'"(\\\\|\\"|[^"])*"', String.Double),
            (r"\b[A-Z]\w*\??(\[\])?", Name.Class),
            (r"-?\d+(\.\d+)?", Number),
            (r"[{}()\[\],:]", Punctuation),
            (r"[=?]", Operator),
            (r"[A-Za-z_]\w*", Name),
            (r"\s+", Text),
        ]
    }


_LEXERS = {".prisma": PrismaLexer, ".ts": TypeScriptLexer, ".js": JavascriptLexer, ".py": PythonLexer}
_FORMATTER = HtmlFormatter(cssclass="highlight")
STYLE_CSS = _FORMATTER.get_style_defs(".highlight")


def highlighted(path: str, text: str) -> str:
    """HTML for ``text``: Pygments escapes every character of the code it wraps."""
    suffix = "." + path.rsplit(".", 1)[-1] if "." in path else ""
    return highlight(text, _LEXERS.get(suffix, TextLexer)(), _FORMATTER)
