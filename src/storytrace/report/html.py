"""The dossier as one self-contained HTML page (Jinja2 with autoescape: every article string is escaped)."""

from __future__ import annotations

from functools import cache

from jinja2 import Environment, PackageLoader, select_autoescape

from ..model import Dossier
from ..origins import corroboration_note
from . import views


@cache
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("storytrace", "report/templates"),
        autoescape=select_autoescape(enabled_extensions=("html", "j2"), default=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(
        segments=views.segments,
        article_label=views.article_label,
        direction_note=views.direction_note,
        axis_positions=views.axis_positions,
        axis_ticks=views.axis_ticks,
        undated_claims=views.undated_claims,
        claims_by_id=views.claims_by_id,
        articles_of=views.articles_of,
        corroboration_note=corroboration_note,
        fact_disputes=views.fact_disputes,
        story_highlights=views.story_highlights,
        dispute_note=views.dispute_note,
        conflict_value_text=views.conflict_value_text,
    )
    return env


def render_html(dossier: Dossier) -> str:
    return environment().get_template("dossier.html.j2").render(dossier=dossier, articles={a.id: a for a in dossier.articles})
