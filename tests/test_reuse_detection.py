"""Reuse detection: passages and offsets, kind, direction, incremental index."""

from __future__ import annotations

import pytest

from storytrace.model import Article, Attribution, RemovedText
import storytrace.reuse as reuse_module
from storytrace.reuse import ReuseIndex, align_tokens, find_reuse, minhash_signatures, names_outlet, tokenize, words

ORIGINAL = (
    "Engineers in Velmora opened the old spillway gates on Tuesday night after the reservoir rose "
    "faster than forecast. The city water board said about 300 homes downstream were told to leave "
    "before midnight. A spokeswoman for the board said the dam itself was not damaged and that "
    "inspectors would walk the crest again at dawn. Schools in the lower district will stay closed "
    "until the river drops below the warning mark."
)
COPIED = (
    "The city water board said about 300 homes downstream were told to leave before midnight."
)
FILLER = (
    "Local traders counted the cost of a wet season that ruined much of the apple harvest. "
    "Farmers on the eastern slopes asked the regional council for emergency loans to cover seed. "
    "The council will vote on the request next month after an audit of its reserve fund."
)


def make_article(article_id: str, text: str, *, outlet: str | None = None, published: str | None = None) -> Article:
    return Article(id=article_id, path=f"{article_id}.txt", format="text", text=text, outlet=outlet, published=published)


def only_reuse(articles: list[Article]):
    found = find_reuse(articles)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    "before, after",
    [
        ("", " " + FILLER),
        (FILLER + " ", ""),
        (FILLER + " ", " " + FILLER),
    ],
)
def test_reuse_verbatim_copy_offsets_point_at_the_same_words(before, after):
    source = make_article("a", ORIGINAL, outlet="Velmora Courier", published="2031-04-01")
    target = make_article("b", before + COPIED + after, outlet="Hill Gazette", published="2031-04-02")
    reuse = only_reuse([source, target])
    assert (reuse.source_article, reuse.target_article) == ("a", "b")
    assert len(reuse.passages) == 1
    passage = reuse.passages[0]
    copied_words = COPIED.rstrip(".")
    assert source.text[passage.source_start : passage.source_end] == copied_words
    assert target.text[passage.target_start : passage.target_end] == copied_words
    assert passage.target_start == len(before)


@pytest.mark.parametrize(
    "target_text, expected_kind",
    [
        (FILLER + ' "' + COPIED + '" the Velmora Courier reported.', "attributed_quote"),
        (FILLER + " According to velmora courier, " + COPIED, "attributed_quote"),
        (FILLER + " " + COPIED + " " + FILLER, "unattributed_copy"),
        ("Reprinted with permission. " + ORIGINAL, "syndication"),
    ],
)
def test_reuse_kind_follows_credit_and_share(target_text, expected_kind):
    source = make_article("a", ORIGINAL, outlet="The Velmora Courier", published="2031-04-01")
    target = make_article("b", target_text, outlet="Hill Gazette", published="2031-04-02")
    assert only_reuse([source, target]).kind == expected_kind


@pytest.mark.parametrize(
    "dates, target_text, expected_source, expected_basis",
    [
        # later article copies: direction by date, whatever the order given
        (("2031-04-03", "2031-04-01"), FILLER + " " + COPIED, "b", "date"),
        (("2031-04-01T08:00:00+00:00", "2031-04-01T09:30:00+00:00"), FILLER + " " + COPIED, "a", "date"),
        # no dates: the article naming the other's outlet near the passage is the target
        ((None, None), FILLER + " " + COPIED + " the Velmora Courier said.", "a", "citation"),
        ((None, "2031-04-02"), FILLER + " " + COPIED + " the Velmora Courier said.", "a", "citation"),
        # neither dates nor citation: smaller id is the source, marked unknown
        ((None, None), FILLER + " " + COPIED, "a", "unknown"),
    ],
)
def test_reuse_direction_by_date_then_citation(dates, target_text, expected_source, expected_basis):
    first = make_article("a", ORIGINAL, outlet="Velmora Courier", published=dates[0])
    second = make_article("b", target_text, outlet="Hill Gazette", published=dates[1])
    index = ReuseIndex()
    reuse = only_reuse_in(index, [second, first])
    assert reuse.source_article == expected_source
    assert index.direction_basis[(reuse.source_article, reuse.target_article)] == reuse.direction_basis == expected_basis


def only_reuse_in(index: ReuseIndex, articles: list[Article]):
    found = find_reuse(articles, index=index)
    assert len(found) == 1, found
    return found[0]


def test_reuse_copy_direction_when_only_the_copy_names_the_original():
    # the citing article is added first and has the smaller id: citation still decides
    citing = make_article("a", FILLER + " " + COPIED + " the Velmora Courier said.", outlet="Hill Gazette")
    original = make_article("b", ORIGINAL, outlet="Velmora Courier")
    reuse = only_reuse([citing, original])
    assert (reuse.source_article, reuse.target_article) == ("b", "a")


@pytest.mark.parametrize(
    "target_text",
    [
        FILLER,  # nothing shared
        # 7 shared words (below the passage floor) in an otherwise similar sentence
        FILLER + " Officials and the city water board said about 300 homes were flooded when the storm hit.",
    ],
)
def test_reuse_nothing_for_unrelated_or_tiny_overlap(target_text):
    source = make_article("a", ORIGINAL, outlet="Velmora Courier", published="2031-04-01")
    target = make_article("b", target_text, outlet="Hill Gazette", published="2031-04-02")
    assert find_reuse([source, target]) == []


@pytest.mark.parametrize("shared_words, expected_passages", [(7, 0), (8, 1), (12, 1)])
def test_reuse_alignment_drops_runs_under_eight_tokens(shared_words, expected_passages):
    shared = [f"w{k}" for k in range(shared_words)]
    source = ["a1", "a2", "a3"] + shared + ["a4", "a5"]
    target = ["b1"] + shared + ["b2", "b3", "b4"]
    assert len(align_tokens(source, target)) == expected_passages


def test_reuse_index_add_reports_only_pairs_with_the_new_article():
    index = ReuseIndex()
    assert index.add(make_article("a", ORIGINAL, published="2031-04-01")) == []
    assert index.add(make_article("b", FILLER, published="2031-04-01")) == []
    found = index.add(make_article("c", FILLER + " " + COPIED, published="2031-04-02"))
    pairs = {(r.source_article, r.target_article) for r in found}
    assert pairs == {("a", "c"), ("b", "c")}
    assert index.add(make_article("c", "anything")) == []  # an id already indexed is not added again
    assert len(index) == 3


def test_reuse_small_edit_inside_passage_stays_one_passage():
    edited = COPIED.replace("told to leave", "asked to leave")
    source = make_article("a", ORIGINAL, published="2031-04-01")
    target = make_article("b", FILLER + " " + edited, published="2031-04-02")
    reuse = only_reuse([source, target])
    assert len(reuse.passages) == 1
    passage = reuse.passages[0]
    assert target.text[passage.target_start : passage.target_end] == edited.rstrip(".")


def test_reuse_similarity_is_share_of_the_smaller_article():
    source = make_article("a", ORIGINAL, published="2031-04-01")
    target = make_article("b", COPIED, published="2031-04-02")
    assert only_reuse([source, target]).similarity == pytest.approx(1.0)
    target_half = make_article("c", COPIED + " " + COPIED.replace("water board", "harbour office").replace("homes", "boats").replace("midnight", "noon").replace("downstream", "nearby"), published="2031-04-02")
    similarity = only_reuse([source, target_half]).similarity
    assert 0.4 < similarity < 0.7


@pytest.mark.parametrize(
    "text, outlet, expected",
    [
        ("as the Velmora Courier reported", "Velmora Courier", True),
        ("as velmora courier reported", "The Velmora Courier", True),
        ("Velmora Courier's reporters", "the velmora courier", True),
        ("the Velmora Couriers union", "Velmora Courier", False),
        ("anything", None, False),
    ],
)
def test_reuse_outlet_names_match_loosely(text, outlet, expected):
    assert names_outlet(text, outlet) is expected


def test_reuse_alignment_finds_moved_passages():
    first = tokenize("alpha beta gamma delta epsilon zeta eta theta iota kappa. one two three four five six seven eight nine ten")
    second = tokenize("one two three four five six seven eight nine ten. alpha beta gamma delta epsilon zeta eta theta iota kappa")
    matches = align_tokens([t.text for t in first], [t.text for t in second])
    assert sorted((m.source, m.target, m.length) for m in matches) == [(0, 10, 10), (10, 0, 10)]


def test_reuse_minhash_signatures_estimate_overlap():
    base = [f"w{k}" for k in range(40)]
    half = base[:20] + [f"x{k}" for k in range(20)]
    other = [f"y{k}" for k in range(40)]
    same, shared, different = (
        (minhash_signatures([base, unit])[0] == minhash_signatures([base, unit])[1]).mean() for unit in (base, half, other)
    )
    assert same == 1.0
    assert 0.1 < shared < 0.6  # true Jaccard of the 3-gram sets: 18/58
    assert different < 0.15


def test_reuse_boilerplate_band_keys_stop_producing_candidates(monkeypatch):
    monkeypatch.setattr(reuse_module, "MAX_POSTINGS", 3)
    boilerplate = "Sign up for our morning newsletter to get the top stories of the day in your inbox."
    index = ReuseIndex()
    found = [index.add(make_article(f"n{k}", f"Story number {k} has its own opening line about topic {k}. {boilerplate}")) for k in range(6)]
    assert [len(f) for f in found[:4]] == [0, 1, 2, 3]
    assert found[5] == []  # the shared sentence is now treated as boilerplate


def test_reuse_words_match_tokenize():
    text = "Officials’ figures: 1,200 people — “about” 5 km away; İzmir's port."
    assert words(text) == [t.text for t in tokenize(text)]


def test_reuse_copy_credited_to_an_outlet_when_the_source_outlet_is_unknown():
    from storytrace.model import Attribution, ChainLink
    from storytrace.reuse import _credited_to_media

    text = '"The dam held through the night," the Lakeside Gazette reported.'
    target = Article(id="t", path="t", format="text", text=text)
    target.attributions = [Attribution(content_spans=[(1, 33)], source="Lakeside Gazette", source_type="media",
                                       chain=[ChainLink("Lakeside Gazette", "media")])]
    assert _credited_to_media(target, 1, 33)
    target.attributions[0].source_type = "person"
    target.attributions[0].chain = [ChainLink("Ann Lee", "person")]
    assert not _credited_to_media(target, 1, 33)


def framed_by_media(text: str, outlet_name: str) -> Article:
    """An article whose copied sentence is attributed to a media source named after it."""
    article = make_article("a", text)
    at = text.index(COPIED)
    source_at = text.index(outlet_name)
    article.attributions.append(
        Attribution([(at, at + len(COPIED))], (source_at, source_at + len(outlet_name)), source=outlet_name, source_type="media")
    )
    return article


@pytest.mark.parametrize(
    "copy, expected_basis",
    [
        # undated copy whose own latest stated date is after the original's publication
        (Article(id="a", path="a.txt", format="text", text=FILLER + " " + COPIED, reference_date="2031-04-09", reference_inferred=True), "inferred-date"),
        # the copy quotes the shared words; the original runs them as its own text
        (make_article("a", FILLER + ' Residents read that "' + COPIED + '"'), "framing"),
        # the copy attributes the shared words to a media source (not the original's outlet by name)
        (framed_by_media(FILLER + " " + COPIED + " the Morning Bulletin reported.", "the Morning Bulletin"), "framing"),
        # a caption removed from the copy credits the original's outlet
        (make_article("a", FILLER + " " + COPIED), "credit"),
    ],
)
def test_reuse_direction_into_an_undated_article(copy, expected_basis):
    if expected_basis == "credit":
        copy.removed.append(RemovedText("Boats on the flooded street. (Photo: Velmora Courier)", "caption"))
    original = make_article("b", ORIGINAL, outlet="Velmora Courier", published="2031-04-01")
    index = ReuseIndex()
    reuse = only_reuse_in(index, [copy, original])
    # the copy has the smaller id, so falling back to id order would get this wrong
    assert (reuse.source_article, reuse.target_article) == ("b", "a")
    assert index.direction_basis[("b", "a")] == reuse.direction_basis == expected_basis


@pytest.mark.parametrize("reference_date", [None, "2031-03-20", "2031-04-01"])
def test_reuse_direction_unknown_without_evidence(reference_date):
    # a stated date on or before the other's publication day says nothing about which came first
    copy = Article(id="b", path="b.txt", format="text", text=FILLER + " " + COPIED, reference_date=reference_date, reference_inferred=True)
    original = make_article("a", ORIGINAL, outlet="Velmora Courier", published="2031-04-01")
    index = ReuseIndex()
    reuse = only_reuse_in(index, [copy, original])
    assert index.direction_basis[(reuse.source_article, reuse.target_article)] == reuse.direction_basis == "unknown"


def test_reuse_index_keeps_only_what_comparisons_read():
    from storytrace.model import Entity, Quantity, TaggedWord

    original = make_article("o", ORIGINAL, outlet="Velmora Daily", published="2030-04-02")
    original.entities = [Entity(13, 20, "GPE", "Velmora")]
    original.tagged_words = [TaggedWord(0, 9, "NOUN")]
    original.quantities = [Quantity(0, 3, 300.0, "homes", "300 homes")]
    original.attributions = [
        Attribution(content_spans=[(0, 10)], source_span=(20, 30), source_type="media"),
        Attribution(content_spans=[(0, 10)], source_span=(40, 50), source_type="person"),
    ]
    index = ReuseIndex()
    index.add(original)
    kept = index._articles[0]
    assert (kept.text, kept.outlet, kept.published) == (ORIGINAL, "Velmora Daily", "2030-04-02")
    assert kept.entities == [] and kept.tagged_words == [] and kept.quantities == []
    assert [a.source_type for a in kept.attributions] == ["media"]
    assert original.entities and len(original.attributions) == 2  # the caller's article is untouched
    copy = make_article("c", FILLER + " " + COPIED, outlet="Lakeside Ledger", published="2030-04-03")
    [found] = index.add(copy)
    assert (found.source_article, found.target_article) == ("o", "c")
