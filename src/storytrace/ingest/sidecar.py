"""Sidecar metadata: ``NAME.meta.json`` beside an input file overrides what the input says of itself."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

SIDECAR_SUFFIX = ".meta.json"
SIDECAR_FIELDS = ("title", "published", "author", "outlet", "url", "language")


def is_sidecar(path: Path) -> bool:
    return path.name.endswith(SIDECAR_SUFFIX)


def sidecar_path(path: Path) -> Path | None:
    """The sidecar of ``path`` if one exists: ``story.meta.json`` or ``story.txt.meta.json``."""
    for candidate in (path.with_name(path.stem + SIDECAR_SUFFIX), path.with_name(path.name + SIDECAR_SUFFIX)):
        if candidate.is_file():
            return candidate
    return None


def read_sidecar(path: Path) -> tuple[dict[str, Any], list[str]]:
    """The metadata fields a sidecar sets (only the documented ones), and warnings about the rest."""
    found = sidecar_path(path)
    if found is None:
        return {}, []
    try:
        data = json.loads(found.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        return {}, [f"sidecar {found.name} ignored: {exc}"]
    if not isinstance(data, dict):
        return {}, [f"sidecar {found.name} ignored: not a JSON object"]
    fields = {k: v for k, v in data.items() if k in SIDECAR_FIELDS and isinstance(v, str) and v.strip()}
    unknown = sorted(set(data) - set(SIDECAR_FIELDS))
    warnings = [f"sidecar {found.name}: unknown fields ignored: {', '.join(unknown)}"] if unknown else []
    return fields, warnings
