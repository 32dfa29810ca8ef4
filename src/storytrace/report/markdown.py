"""The dossier as Markdown, readable on its own: stories first (facts, events, conflicts, updates, timeline,
reuse, sources, claims), then the articles with their metadata and what cleaning removed."""

from __future__ import annotations

from ..model import Claim, Dossier, Story
from ..origins import corroboration_note
from .views import (article_label, articles_of, claims_by_id, conflict_value_text, direction_note,
                    dispute_note, fact_disputes, story_highlights, undated_claims)


def md_text(text: str | None) -> str:
    """Article-derived text made inert in Markdown: no HTML, no link or emphasis syntax, one line."""
    if text is None:
        return "—"
    text = " ".join(text.split())
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    for ch in "\\`*_[]|#":
        text = text.replace(ch, "\\" + ch)
    return text


def _claim_source(claim: Claim) -> str:
    a = claim.attribution
    if not a.chain and not a.source:
        chain = "article's own voice"  # its hedges still show: "no evidence has emerged"
    else:
        chain = " → ".join(f"{md_text(l.source)} ({l.source_type})" for l in a.chain) if a.chain \
            else f"{md_text(a.source)} ({a.source_type})"
    extra = []
    if a.anonymous:
        extra.append("anonymous")
    if a.hedged:
        extra.append("hedged: " + ", ".join(md_text(h) for h in a.hedges))
    return chain + (f" [{'; '.join(extra)}]" if extra else "")


def _story(dossier: Dossier, story: Story) -> list[str]:
    claims = claims_by_id(story)
    articles = {a.id: a for a in articles_of(dossier, story)}
    out = [f"## Story {story.id}: {md_text(story.title)}", ""]
    out.append(f"{len(story.article_ids)} article(s), {len(story.claims)} claim(s), {len(story.facts)} fact(s), "
               f"{len(story.conflicts)} conflict(s), {len(story.updates)} update(s).")
    highlights = story_highlights(story, articles)
    if highlights:
        out += ["", "### At a glance", ""] + [f"- {md_text(line)}" for line in highlights]
    out += ["", "### Facts, by independent origins", ""]
    disputes = fact_disputes(story)
    for fact in story.facts:
        out.append(f"- **{fact.independent_sources} origin(s)**, {len(fact.article_ids)} article(s): {md_text(fact.summary)}  ")
        details = [f"{md_text(corroboration_note(fact))}; first reported {fact.first_reported or 'unknown'}"]
        details += [f"**{md_text(dispute_note(c))}** (see Conflicts)" for c in disputes.get(fact.id, [])]
        out.append("  " + "  \n  ".join(details))
    if story.events:
        out += ["", "### Events (what the reports mention, and where)", ""]
        for event in story.events:
            where = "; ".join(md_text(article_label(articles[a])) for a in event.article_ids if a in articles)
            out.append(f"- **{md_text(event.label)}**: {len(event.claim_ids)} claim(s), {len(event.fact_ids)} fact(s) "
                       f"in {where}; first reported {event.first_reported or 'unknown'}")
    if story.conflicts:
        out += ["", "### Conflicts", ""]
        for conflict in story.conflicts:
            out.append(f"- **{conflict.kind}**: {md_text(conflict.about)}")
            for value in conflict.values:
                out.append(f"  - {md_text(conflict_value_text(value.value))}: {md_text(', '.join(value.sources) or 'unattributed')} ({', '.join(value.claim_ids)})")
            if conflict.note:
                out.append(f"  - note: {md_text(conflict.note)}")
    if story.updates:
        out += ["", "### Updates (the story moved on)", ""]
        for update in story.updates:
            before, after = claims.get(update.from_claim), claims.get(update.to_claim)
            out.append(f"- {md_text(update.summary)}")
            if before and after:
                out.append(f"  - before: {md_text(before.text)}")
                out.append(f"  - after: {md_text(after.text)}")
    out += ["", "### Timeline (event dates)", ""]
    for entry in story.timeline:
        out.append(f"- **{entry.date}** ({entry.precision}) {md_text(entry.summary)} — reported {entry.reported_at or 'date unknown'}")
    undated = undated_claims(story)
    if undated:
        out.append(f"- {len(undated)} claim(s) without an event date (see Claims).")
    if story.reuse:
        out += ["", "### Reuse (who copied or quoted whom)", ""]
        for item in story.reuse:
            source, target = articles.get(item.source_article), articles.get(item.target_article)
            out.append(f"- {md_text(article_label(target)) if target else item.target_article} took from "
                       f"{md_text(article_label(source)) if source else item.source_article}: **{item.kind}**, "
                       f"{len(item.passages)} passage(s), similarity {item.similarity:.2f}"
                       + (f"; {md_text(direction_note(item.direction_basis))}" if item.direction_basis else ""))
            for passage in item.passages[:5]:
                if source:
                    out.append(f"  - > {md_text(source.text[passage.source_start:passage.source_end])}")
    out += ["", "### Sources", "", "| source | type | claims | articles |", "|---|---|---|---|"]
    for source in story.sources:
        out.append(f"| {md_text(source.name)} | {source.type} | {source.claim_count} | {len(source.article_ids)} |")
    out += ["", "### Claims", ""]
    for claim in story.claims:
        article = articles.get(claim.article_id)
        when = f" [event {claim.event_date.value}{' inferred' if claim.event_date.inferred else ''}]" if claim.event_date else ""
        out.append(f"- ({md_text(article_label(article)) if article else claim.article_id} #{claim.sentence}) "
                   f"{md_text(claim.text)}{when}  ")
        out.append(f"  source: {_claim_source(claim)}")
    out.append("")
    return out


def render_markdown(dossier: Dossier) -> str:
    ok = sum(1 for r in dossier.inputs if r.status == "ok")
    out = [
        "# storytrace dossier",
        "",
        f"Made by storytrace {dossier.tool.get('version')} (schema {dossier.schema_version}) on {dossier.created}. "
        f"{len(dossier.articles)} article(s) from {ok} input(s) read, {len(dossier.stories)} story(ies).",
        "",
    ]
    problems = [r for r in dossier.inputs if r.status != "ok"]
    if problems:
        out += ["## Inputs not analysed", ""]
        out += [f"- `{md_text(r.path)}`: {r.status}: {md_text(r.reason)}" for r in problems]
        out.append("")
    for story in dossier.stories:
        out += _story(dossier, story)
    out += ["## Articles", ""]
    for article in dossier.articles:
        out.append(f"### {md_text(article.title or article_label(article))}")
        out.append("")
        out.append(f"- id: `{article.id}`, file: `{md_text(article.path)}`, format: {article.format}")
        out.append(f"- published: {article.published or 'unknown'} (from {article.published_source or '—'})"
                   + (f"; dates read against {article.reference_date} (inferred)" if article.reference_inferred else ""))
        out.append(f"- author: {md_text(article.author)}; outlet: {md_text(article.outlet)}; language: {article.language or 'unknown'}")
        for warning in article.warnings:
            out.append(f"- warning: {md_text(warning)}")
        if article.removed:
            out.append(f"- removed as boilerplate ({len(article.removed)}):")
            out += [f"  - [{r.reason}] {md_text(r.text)}" for r in article.removed]
        out.append("")
    return "\n".join(out) + "\n"
