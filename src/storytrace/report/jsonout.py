"""The dossier as schema-1 JSON, and its validation against the JSON Schema shipped in the package."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

import jsonschema

from ..errors import SchemaError
from ..model import Dossier, dossier_to_dict


@cache
def dossier_schema() -> dict[str, Any]:
    text = resources.files("storytrace.schema").joinpath("dossier.schema.json").read_text(encoding="utf-8")
    return json.loads(text)


def validate_dossier(data: dict[str, Any]) -> None:
    """Raise SchemaError (with the path of the first problem) when ``data`` does not follow schema 1."""
    validator = jsonschema.Draft202012Validator(dossier_schema())
    errors = sorted(validator.iter_errors(data), key=lambda e: list(e.absolute_path))
    if errors:
        first = errors[0]
        where = "/".join(str(p) for p in first.absolute_path) or "(root)"
        raise SchemaError(f"dossier does not follow schema 1 at {where}: {first.message} ({len(errors)} problem(s))")


def dossier_json(dossier: Dossier, *, validate: bool = True) -> str:
    data = dossier_to_dict(dossier)
    if validate:
        validate_dossier(data)
    return json.dumps(data, ensure_ascii=False, indent=2)
