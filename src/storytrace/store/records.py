"""Between model objects and store rows: JSON for each stored object, and the columns derived from it."""

from __future__ import annotations

import dataclasses
import json
from typing import Any

from ..model import Passage, Reuse, Story, dossier_from_dict


def plain(value: Any) -> Any:
    """A dataclass (or list/dict of them) as plain JSON-ready data."""
    if value is None or isinstance(value, (str, int, float)):
        return value
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    return value


def story_from_json(text: str) -> Story:
    """A stored Story (schema-1 JSON) back as the model's dataclass."""
    return dossier_from_dict({"tool": {}, "inputs": [], "articles": [], "stories": [json.loads(text)]}).stories[0]


def reuse_from_json(text: str) -> Reuse:
    data = json.loads(text)
    return Reuse(
        source_article=data["source_article"],
        target_article=data["target_article"],
        kind=data["kind"],
        passages=[Passage(**p) for p in data.get("passages", [])],
        similarity=data["similarity"],
        direction_basis=data.get("direction_basis"),
    )


def story_row_values(story: Story) -> dict[str, Any]:
    """The stories-table columns of one story (counts shown in lists without parsing the JSON)."""
    return {
        "id": story.id,
        "title": story.title,
        "article_ids": json.dumps(story.article_ids),
        "n_articles": len(story.article_ids),
        "n_claims": len(story.claims),
        "n_facts": len(story.facts),
        "n_conflicts": len(story.conflicts),
        "n_updates": len(story.updates),
        "data": json.dumps(plain(story), ensure_ascii=False),
    }
