"""Where `login` keeps the server and the token: ~/.config/schema-designer/config.json
(mode 0600). SCHEMA_DESIGNER_URL, SCHEMA_DESIGNER_TOKEN and SCHEMA_DESIGNER_PROJECT
override it (CI jobs pass secrets as environment variables)."""

from __future__ import annotations

import json
import os
from pathlib import Path


def config_path() -> Path:
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "schema-designer" / "config.json"


def load() -> dict:
    path = config_path()
    stored = json.loads(path.read_text()) if path.exists() else {}
    for key in ("url", "token", "project"):
        value = os.environ.get(f"SCHEMA_DESIGNER_{key.upper()}")
        if value:
            stored[key] = value
    return stored


def save(values: dict) -> Path:
    path = config_path()
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    # Created 0600 before the token is written: it is never readable by others, even briefly.
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w") as handle:
        json.dump(values, handle, indent=2)
    os.chmod(path, 0o600)
    return path
