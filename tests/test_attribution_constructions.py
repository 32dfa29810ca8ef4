"""find_attributions on hand-written sentences: one case per attribution construction."""

from __future__ import annotations

import pytest

from storytrace.attribution import _without_folded_verbs, find_attributions
from storytrace.attribution.quotes import find_quotations
from storytrace.attribution.spans import QuoteLookup
from storytrace.attribution.speech import verb_attribution


def attributions(nlp, text):
    doc = nlp(text)
    return [
        {
            "source": a.source,
            "cue": a.cue,
            "content": [text[s:e] for s, e in a.content_spans],
            "kind": a.kind,
            "chain": [link.source for link in a.chain],
            "attribution": a,
        }
        for a in find_attributions(doc)
    ]


def the_one_with(found, cue):
    matching = [a for a in found if a["cue"] == cue]
    assert matching, f"no attribution with cue {cue!r} in {[(a['cue'], a['content']) for a in found]}"
    return matching[0]


@pytest.mark.parametrize(
    "text, cue, source, content, kind",
    [
        ('"The bridge will reopen in May," the mayor said.', "said", "the mayor",
         ['"The bridge will reopen in May,"'], "direct"),
        ("“We are ready for the storm,” said Maria Lopez.", "said", "Maria Lopez",
         ["“We are ready for the storm,”"], "direct"),
        ("“The water is safe. We tested it twice,” the engineer said.", "said", "the engineer",
         ["“The water is safe. We tested it twice,”"], "direct"),
        # a quotation before the cue is its content, whatever the parse hangs on the verb after
        ('"We need a better plan for the harbour, and we need it now!" the mayor said on Twitter.',
         "said", "the mayor",
         ['"We need a better plan for the harbour, and we need it now!"'], "direct"),
        ('"Go home," Reyes said to the crowd.', "said", "Reyes", ['"Go home,"'], "direct"),
        # a that-clause the parse hangs on a circumstance's noun is what the cue reports
        ("The minister told reporters during a visit to the port on Monday that the ferry would "
         "run again.", "told", "The minister", ["that the ferry would run again"], "indirect"),
        ("He described the plan as a gamble that few would back.", "described", "He",
         ["the plan as a gamble that few would back"], "indirect"),
        # a quoted statement the parse hung on the speaker is neither source nor lost
        ('"That is a fair question, because they are very careful people," Lopez, 69, told the '
         "radio station on Monday.", "told", "Lopez, 69,",
         ['"That is a fair question, because they are very careful people,"'], "direct"),
        ('"Very good engineer, very good engineer this woman," Reyes, the mayor of the town, said '
         "when she arrived.", "said", "Reyes, the mayor of the town,",
         ['"Very good engineer, very good engineer this woman,"'], "direct"),
        # a negation inside the quotation is not part of the cue
        ('"Certainly not," the mayor said of the new tax.', "said", "the mayor",
         ['"Certainly not,"'], "direct"),
        ("“The repairs are finished,” she said, “and the road is open again.”", "said", "she",
         ["“The repairs are finished,”", "“and the road is open again.”"], "direct"),
        ("The governor said that the budget would be balanced by June.", "said", "The governor",
         ["that the budget would be balanced by June"], "indirect"),
        ("The governor said the budget would be balanced by June.", "said", "The governor",
         ["the budget would be balanced by June"], "indirect"),
        ("According to the city council, the library will close for two weeks.", "According to",
         "the city council", ["the library will close for two weeks"], "according_to"),
        ("The library will close for two weeks, according to the city council.", "according to",
         "the city council", ["The library will close for two weeks"], "according_to"),
        ("A hospital spokesman told reporters that three patients were treated.", "told",
         "A hospital spokesman", ["that three patients were treated"], "indirect"),
        ("The talks collapsed late on Friday, the sources said.", "said", "the sources",
         ["The talks collapsed late on Friday"], "indirect"),
        ("The company said in a statement that it would appeal the ruling.", "said",
         "The company", ["that it would appeal the ruling"], "indirect"),
        ("The minister was quoted as saying that taxes would not rise.",
         "was quoted as saying", "The minister", ["that taxes would not rise"], "indirect"),
        ("The committee's report concluded that the dam had been neglected for years.",
         "concluded", "The committee's report", ["that the dam had been neglected for years"],
         "indirect"),
        ("Nobody believed the ministry's claim that the dam was safe.", "claim", "the ministry",
         ["that the dam was safe"], "indirect"),
        # the parse hangs "at" of "at first" on the source: the bare preposition is not source
        ("Police at first told reporters that the driver had fled.", "first told", "Police",
         ["that the driver had fled"], "indirect"),
    ],
)
def test_attribution_construction_spans(nlp, text, cue, source, content, kind):
    found = the_one_with(attributions(nlp, text), cue)
    assert found["source"] == source
    assert found["content"] == content
    assert found["kind"] == kind
    a = found["attribution"]
    assert text[a.cue_span[0]:a.cue_span[1]] == cue
    assert text[a.source_span[0]:a.source_span[1]] == source


@pytest.mark.parametrize("verb", ["reported", "wrote", "announced", "confirmed", "claimed",
                                  "warned", "added"])
def test_attribution_reporting_verbs(nlp, verb):
    text = f"The ministry {verb} that the border would stay closed until spring."
    found = the_one_with(attributions(nlp, text), verb)
    assert found["source"] == "The ministry"
    assert found["content"] == ["that the border would stay closed until spring"]


@pytest.mark.parametrize(
    "text, cue, source, chain",
    [
        ("The Harbor Gazette reported on Monday that the ferry was canceled, citing two port "
         "officials.", "reported", "The Harbor Gazette", ["two port officials", "The Harbor Gazette"]),
        ("According to the agency's sources, the shipment left on Tuesday.", "According to",
         "the agency's sources", ["the agency's sources", "the agency"]),
        ("A senior engineer was cited by the Coastal Herald in reporting that the pier is unsafe.",
         "was cited by", "the Coastal Herald", ["A senior engineer", "the Coastal Herald"]),
        ("Harbour officials were cited in reports saying the pier had been closed since March.",
         "were cited in", "reports", ["Harbour officials", "reports"]),
        ("A person familiar with the plan told the Financial Times that the vote was delayed.",
         "told", "A person familiar with the plan",
         ["A person familiar with the plan", "the Financial Times"]),
    ],
)
def test_attribution_chains(nlp, text, cue, source, chain):
    found = the_one_with(attributions(nlp, text), cue)
    assert found["source"] == source
    assert found["chain"] == chain


def test_attribution_citing_clause_is_folded(nlp):
    text = ("The Harbor Gazette reported on Monday that the ferry was canceled, citing two port "
            "officials.")
    cues = [a["cue"] for a in attributions(nlp, text)]
    assert "citing" not in cues


@pytest.mark.parametrize(
    "text, cue, content",
    [
        ("According to the Valley Times:\n\nThe dam was inspected in March and found sound.\n\n"
         "“We will keep watching it,” the mayor said.",
         "According to", ["The dam was inspected in March and found sound."]),
        ("The Northfield Tribune reported:\n\n“The council met behind closed doors.\n\n“No vote "
         "was taken.”\n\nThe meeting ended at noon.",
         "reported:", ["“The council met behind closed doors.", "“No vote was taken.”"]),
    ],
)
def test_attribution_colon_introduces_paragraphs(nlp, text, cue, content):
    found = the_one_with(attributions(nlp, text), cue)
    assert found["content"] == content


def test_attribution_a_name_colon_line_is_speech_but_not_a_tally(nlp):
    text = ("Council vote tally\n\nRuth Okafor: The bridge stays closed until the inspectors "
            "sign off\n\nRuth Okafor: 1,769\n\nDaniel Brenner: 1,501")
    found = [(a["source"], a["cue"], a["content"]) for a in attributions(nlp, text)]
    assert found == [("Ruth Okafor", ":", ["The bridge stays closed until the inspectors sign off"])]


@pytest.mark.parametrize(
    "text",
    [
        "The bridge opened in 1932 and carries 40,000 cars a day.",
        "Heavy rain fell across the valley on Sunday night.",
    ],
)
def test_attribution_own_voice_has_none(nlp, text):
    assert attributions(nlp, text) == []


def test_attribution_offsets_point_into_text(nlp):
    text = ("Officials met on Monday.\n\n“We have a plan,” the director said. She added that the "
            "first phase would start in June, according to a memo.")
    for found in attributions(nlp, text):
        a = found["attribution"]
        for start, end in a.content_spans:
            assert 0 <= start < end <= len(text)
        assert a.cue == text[a.cue_span[0]:a.cue_span[1]]


def test_attribution_nested_in_quotation_is_relayed_by_quoted_speaker(nlp):
    text = "“We stopped. The drivers said the road was mined,” the mayor told reporters."
    found = attributions(nlp, text)
    nested = the_one_with(found, "said")
    assert nested["source"] == "The drivers"
    assert nested["content"] == ["the road was mined"]
    assert nested["chain"] == ["The drivers", "the mayor"]
    outer = the_one_with(found, "told")
    assert outer["source"] == "the mayor"
    assert outer["content"] == ["“We stopped. The drivers said the road was mined,”"]
    without_nested = [a.cue for a in find_attributions(nlp(text), include_nested=False)]
    assert without_nested == ["told"]


@pytest.mark.parametrize("text, cue, content", [
    ("The mayor also called on the state agency to conduct a review of the water system.",
     "also called on", "the state agency to conduct a review of the water system"),
    ("Activists are calling on Congress to act before the recess.",
     "are calling on", "Congress to act before the recess"),
    ("The senator has repeatedly called for the minister to resign.",
     "has repeatedly called for", "the minister to resign"),
])
def test_attribution_who_is_called_on_to_act_is_content(nlp, text, cue, content):
    found = the_one_with(attributions(nlp, text), cue)
    assert found["content"] == [content]


@pytest.mark.parametrize("text, cue, content", [
    ("He moved to the island, which he describes as his second home.",
     "describes", ["which", "as his second home"]),
    ("They oppose what they call a reckless tax on farmers.",
     "call", ["what", "a reckless tax on farmers"]),
])
def test_attribution_a_relative_object_and_what_the_cue_calls_it_are_content(
        nlp, text, cue, content):
    # the frame's content, whatever the cue model decides about the verb
    doc = nlp(text)
    quotes = QuoteLookup(find_quotations(text), text)
    verb = next(token for token in doc if token.text == cue)
    candidate = verb_attribution(doc, verb, quotes)
    assert [text[a:b] for a, b in candidate.content] == content


@pytest.mark.parametrize("text, verbs, kept", [
    ("The spokesman declined to say who would lead the team.", ("declined", "say"),
     "declined to say"),
    ("The figures seem to show a rise in prices.", ("seem", "show"), "seem"),  # raising verb
    ("The council asked residents to report flooded basements.", ("asked", "report"), "asked"),
])
def test_attribution_of_two_nested_cues_one_is_kept(nlp, text, verbs, kept):
    # whatever the cue model accepts: both verbs' candidates, one survives
    doc = nlp(text)
    quotes = QuoteLookup(find_quotations(text), text)
    candidates = [verb_attribution(doc, token, quotes) for token in doc if token.text in verbs]
    assert all(candidates) and len(candidates) == 2
    assert [text[c.cue[0]:c.cue[1]] for c in _without_folded_verbs(candidates)] == [kept]


def test_attribution_a_verb_folded_into_a_longer_cue_is_not_a_second_attribution(nlp):
    found = attributions(nlp, "The spokesman declined to say who would lead the team.")
    assert [(a["cue"], a["content"]) for a in found] == [
        ("declined to say", ["who would lead the team"])]


def test_attribution_cued_inside_another_content_is_left_out_only_without_nesting(nlp):
    text = "The county sheriff said the driver told deputies that he had fallen asleep."
    cues = [a.cue for a in find_attributions(nlp(text))]
    assert cues == ["said", "told"]
    without_nested = [a.cue for a in find_attributions(nlp(text), include_nested=False)]
    assert without_nested == ["said"]


def test_attribution_a_fronted_phrase_the_parse_hangs_on_the_cue_is_not_the_content(nlp):
    # the parse makes the earlier quotation a complement of "said" and runs it into "Like ...";
    # the clause after the cue, with its own subject, is what was said
    text = ("“I will vote for whoever fixes the roads, and that will be the mayor if nobody else "
            "runs.”\n\nLike a lot of local voters, Ruth Okafor said she was angered by the council "
            "closing the bridge before the market season.")
    found = the_one_with(attributions(nlp, text), "said")
    assert found["content"] == [
        "she was angered by the council closing the bridge before the market season"]
    assert found["source"] == "Ruth Okafor"


@pytest.mark.parametrize(
    "text, content",
    [
        ("Then the coach asked the players if they were always so quiet before a match.",
         ["if they were always so quiet before a match"]),
        ("“Did you know it was closed?” the reporter asked the mayor.",
         ["“Did you know it was closed?”"]),
        ("The council asked residents to report flooded basements.",
         ["residents to report flooded basements"]),
    ],
)
def test_attribution_the_person_asked_is_not_the_question(nlp, text, content):
    assert the_one_with(attributions(nlp, text), "asked")["content"] == content


def test_attribution_a_conjunction_opening_the_sentence_stays_in_the_content(nlp):
    text = "The council voted on Monday. But the bridge will stay closed until May, the mayor said."
    assert the_one_with(attributions(nlp, text), "said")["content"] == [
        "But the bridge will stay closed until May"]


def test_attribution_a_relative_pronoun_subject_of_the_reported_clause_is_content(nlp):
    text = "He praised the engineers, who he said had worked through the night."
    found = the_one_with(attributions(nlp, text), "said")
    assert found["content"] == ["who", "had worked through the night"]
    assert found["source"] == "he"


def test_attribution_a_second_report_hung_on_the_first_clause_is_the_speakers_own(nlp):
    text = "He said the bridge was safe and warned drivers to slow down."
    found = attributions(nlp, text)
    assert the_one_with(found, "said")["content"] == ["the bridge was safe"]
    warned = the_one_with(found, "warned")
    assert (warned["source"], warned["content"]) == ("He", ["drivers to slow down"])


@pytest.mark.parametrize("text, cue, content", [
    ("The governor announced a new budget plan on Monday.", "announced", ["a new budget plan"]),
    ("The senator mocked the proposal on Twitter.", "mocked", ["the proposal"]),
    ("The engineer blamed the delay on the weather.", "blamed", ["the delay on the weather"]),
])
def test_attribution_when_and_where_something_was_said_is_not_content(nlp, text, cue, content):
    assert the_one_with(attributions(nlp, text), cue)["content"] == content


def test_attribution_keeps_the_lemmas_of_its_cue(nlp):
    """Claims read the cue's lemmas to tell words from actions (storytrace.claims.reports_words)."""
    found = attributions(nlp, "The harbour master told reporters that the ferry had left.")
    assert the_one_with(found, "told")["attribution"].cue_lemmas == ("tell",)


@pytest.mark.parametrize(
    "text, cue, source",
    [
        # the parse joins the line to a headline and finds the subject there
        ("Velmora releases emergency patch for its browser\nVelmora on Wednesday released an "
         "emergency patch to fix a flaw.", "released", "Velmora"),
        ("Rangers top Kestrels, 20-13, reach final\nPosted Dec 23, 2012\nTarnby lost a 10-point "
         "lead at Halden, but said the team would recover.", "said", "Tarnby"),
        # a line broken inside the verb group is one line
        ("The mayor of Halden has\nrepeatedly pledged to close the mill.", "has\nrepeatedly pledged",
         "The mayor of Halden"),
        # a participle phrase set off before the source says how it spoke, not who: the parse may
        # make the participle the subject and hang the name on the blog
        ("Writing on the company blog, Mara Velt, director of the Velmora response team, urged users "
         "to test the fix.", "urged", "Mara Velt, director of the Velmora response team,"),
        # a place's second part after the first comma is still the participle's phrase
        ("Writing from Harbin, Ostland, Lena Marsh told the mayor that the bridge would reopen.", "told",
         "Lena Marsh"),
    ],
)
def test_attribution_source_is_who_speaks_on_the_cue_line(nlp, text, cue, source):
    assert the_one_with(attributions(nlp, text), cue)["source"] == source
