"""Dossier outputs: JSON (schema 1, validated), Markdown and self-contained HTML."""

from __future__ import annotations

from pathlib import Path

from ..model import Dossier
from .html import render_html
from .jsonout import dossier_json, validate_dossier
from .markdown import render_markdown

__all__ = ["write_dossier", "render_html", "render_markdown", "dossier_json", "validate_dossier"]


def write_dossier(dossier: Dossier, out_dir: str | Path) -> dict[str, Path]:
    """Write dossier.json, dossier.md and dossier.html into ``out_dir``; return their paths."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    paths = {"json": out / "dossier.json", "markdown": out / "dossier.md", "html": out / "dossier.html"}
    paths["json"].write_text(dossier_json(dossier), encoding="utf-8")
    paths["markdown"].write_text(render_markdown(dossier), encoding="utf-8")
    paths["html"].write_text(render_html(dossier), encoding="utf-8")
    return paths
