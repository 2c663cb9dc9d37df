"""designer/ is the pure core: no Django, no project shell, no broker or database driver."""

import ast
import subprocess
import sys
from pathlib import Path

DESIGNER = Path(__file__).parents[2] / "designer"
FORBIDDEN = ("django", "projects", "celery", "redis", "psycopg", "kombu")


def imported_modules(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
        elif isinstance(node, ast.Call) and getattr(node.func, "attr", getattr(node.func, "id", "")) in (
            "import_module",
            "__import__",
        ):
            names.update(arg.value for arg in node.args if isinstance(arg, ast.Constant) and isinstance(arg.value, str))
    return names


def test_no_module_imports_the_shell_or_services():
    offenders = {
        f"{path.relative_to(DESIGNER.parent)}: {name}"
        for path in DESIGNER.rglob("*.py")
        for name in imported_modules(path)
        if name.split(".")[0] in FORBIDDEN
    }
    assert offenders == set()


def test_importing_every_module_loads_none_of_them():
    modules = sorted(
        ".".join(path.relative_to(DESIGNER.parent).with_suffix("").parts).removesuffix(".__init__")
        for path in DESIGNER.rglob("*.py")
    )
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        f"print(sorted(m for m in sys.modules if m.split('.')[0] in {FORBIDDEN!r}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=DESIGNER.parent
    )
    assert result.stdout.strip() == "[]", result.stdout
