"""summarize_sources: one row per source of a story, however each article named it."""

from __future__ import annotations

from storytrace.model import ChainLink, Claim, ClaimAttribution
from storytrace.source_table import summarize_sources


def _claim(number: int, article: str, *links: tuple[str, str]) -> Claim:
    chain = [ChainLink(name, type_) for name, type_ in links]
    attribution = ClaimAttribution(source=chain[-1].source, source_type=chain[-1].source_type, chain=chain)
    return Claim(id=f"{article}:{number}", article_id=article, sentence=number, text="", attribution=attribution)


def _table(*claims: Claim) -> dict[str, tuple[str, int, list[str]]]:
    return {row.name: (row.type, row.claim_count, row.article_ids) for row in summarize_sources(claims)}


def test_source_table_merges_a_person_named_with_and_without_title_and_given_name() -> None:
    table = _table(
        _claim(0, "a", ("Minister of Mines Petar Dovlan", "person")),
        _claim(1, "a", ("Minister of Mines Petar Dovlan", "person")),
        _claim(0, "b", ("Petar Dovlan", "person")),
        _claim(0, "c", ("Dovlan", "person")),
    )
    assert table == {"Petar Dovlan": ("person", 4, ["a", "b", "c"])}


def test_source_table_keeps_apart_a_surname_two_people_share() -> None:
    table = _table(
        _claim(0, "a", ("Ana Ruiz", "person")),
        _claim(0, "b", ("Carlos Ruiz", "person")),
        _claim(1, "b", ("Ruiz", "person")),
    )
    assert set(table) == {"Ana Ruiz", "Carlos Ruiz", "Ruiz"}


def test_source_table_merges_case_determiner_and_descriptions_of_one_body() -> None:
    table = _table(
        _claim(0, "a", ("Rescuers", "unknown")),
        _claim(1, "b", ("rescuers", "unknown")),
        _claim(2, "a", ("the rescue service", "organization")),
        _claim(3, "b", ("the provincial mine rescue service", "organization")),
        _claim(4, "c", ("Ministry of Mines and Energy", "government")),
        _claim(5, "d", ("ministry", "government")),
    )
    assert table == {
        "rescuers": ("unknown", 2, ["a", "b"]),
        "the provincial mine rescue service": ("organization", 2, ["a", "b"]),
        "Ministry of Mines and Energy": ("government", 2, ["c", "d"]),
    }


def test_source_table_counts_each_claim_once_and_every_link() -> None:
    table = _table(
        _claim(0, "a", ("unnamed officials", "anonymous"), ("Radio Vesna", "media"), ("the Radio Vesna", "media")),
        _claim(1, "b", ("Radio Vesna", "media")),
    )
    assert table == {"Radio Vesna": ("media", 2, ["a", "b"]), "unnamed officials": ("anonymous", 1, ["a"])}


def test_source_table_merges_an_unnamed_source_described_more_fully_by_the_same_outlet() -> None:
    table = _table(
        _claim(0, "a", ("an official", "anonymous"), ("Radio Vesna", "media")),
        _claim(0, "b", ("an official familiar with the talks", "anonymous"), ("Radio Vesna", "media")),
        _claim(1, "b", ("an official", "anonymous"), ("The Lantern", "media")),  # another outlet's official
    )
    assert table["an official familiar with the talks"] == ("anonymous", 2, ["a", "b"])
    assert table["an official"] == ("anonymous", 1, ["b"])
