"""resolve_sources: pronouns and descriptions, canonical names and typed chains within one article."""

from __future__ import annotations

import pytest

from conftest import attribution_in, mention_span
from storytrace.model import Attribution
from storytrace.source_resolution import resolve_sources


ARTICLE = (
    "Norway's Finance Minister Tomas Lind said on Monday that the budget was balanced. "
    "Lind added that taxes would not rise. "
    "The minister also said exports had grown. "
    "He said the krone was stable. "
    "The Harbor Times reported that the port would close, citing unnamed port officials. "
    "The newspaper said the closure was temporary. "
    "According to the Harbor Times' sources, the closure was ordered by the navy. "
    "The sources said repairs would take a month. "
    "Lena Okafor, a union leader, said workers were worried. "
    "She said they had not been paid."
)


@pytest.fixture(scope="module")
def resolved(nlp):
    text = ARTICLE
    doc = nlp(text)
    attributions = {
        "lind_full": attribution_in(text, "Norway's Finance Minister Tomas Lind", "the budget was balanced"),
        "lind_short": attribution_in(text, "Lind", "taxes would not rise", nth=1),
        "the_minister": attribution_in(text, "The minister", "exports had grown"),
        "he": attribution_in(text, "He", "the krone was stable"),
        "times": attribution_in(
            text, "The Harbor Times", "the port would close", cue="reported",
            chain=["unnamed port officials", "The Harbor Times"],
        ),
        "the_newspaper": attribution_in(text, "The newspaper", "the closure was temporary"),
        "times_sources": attribution_in(text, "the Harbor Times' sources", "the closure was ordered by the navy"),
        "the_sources": attribution_in(text, "The sources", "repairs would take a month"),
        "okafor": attribution_in(text, "Lena Okafor, a union leader,", "workers were worried"),
        "she": attribution_in(text, "She", "they had not been paid"),
    }
    resolve_sources(list(attributions.values()), doc, outlet="dailyharbor.com")
    return attributions


@pytest.mark.parametrize(
    "key, source, source_type, anonymous",
    [
        ("lind_full", "Tomas Lind", "person", False),
        ("lind_short", "Tomas Lind", "person", False),
        ("the_minister", "Tomas Lind", "person", False),
        ("he", "Tomas Lind", "person", False),
        ("times", "Harbor Times", "media", False),
        ("the_newspaper", "Harbor Times", "media", False),
        # "X's sources" after "X ..., citing unnamed port officials": the same sources, one name.
        ("times_sources", "unnamed port officials", "anonymous", True),
        ("the_sources", "unnamed port officials", "anonymous", True),
        ("okafor", "Lena Okafor", "person", False),
        ("she", "Lena Okafor", "person", False),
    ],
)
def test_source_resolution_canonical_source(resolved, key, source, source_type, anonymous) -> None:
    attribution = resolved[key]
    assert (attribution.source, attribution.source_type, attribution.anonymous) == (source, source_type, anonymous)


@pytest.mark.parametrize(
    "key, chain",
    [
        ("times", [("unnamed port officials", "anonymous"), ("Harbor Times", "media")]),
        ("times_sources", [("unnamed port officials", "anonymous"), ("Harbor Times", "media")]),
        ("the_sources", [("unnamed port officials", "anonymous"), ("Harbor Times", "media")]),
        ("he", [("Tomas Lind", "person")]),
    ],
)
def test_source_resolution_typed_chain(resolved, key, chain) -> None:
    assert [(link.source, link.source_type) for link in resolved[key].chain] == chain


def test_source_resolution_returns_same_objects(nlp) -> None:
    text = "The ministry said the road was open."
    attributions = [attribution_in(text, "The ministry", "the road was open")]
    assert resolve_sources(attributions, nlp(text)) is attributions
    assert attributions[0].source_type == "government"


def test_source_resolution_nearest_reporter_is_self(nlp) -> None:
    text = "A European diplomat told the Harbor Times on Friday that talks had stalled."
    attribution = attribution_in(
        text, "A European diplomat", "talks had stalled", chain=["A European diplomat", "the Harbor Times"]
    )
    resolve_sources([attribution], nlp(text), outlet="harbortimes.com")
    assert [link.source_type for link in attribution.chain] == ["anonymous", "self"]
    assert attribution.chain[0].source == "a European diplomat"
    assert attribution.anonymous is True


@pytest.mark.parametrize(
    "text, first_source, source, content, expected_source, expected_type",
    [
        (
            "Maria Stein, a senator, met Paul Roth. Roth said the bill would pass. "
            "The senator said she would vote against it.",
            "Roth", "The senator", "she would vote against it", "Maria Stein", "person",
        ),
        (
            "Officials at the port said ships were waiting. They said the queue was long.",
            "Officials at the port", "They", "the queue was long", "Officials at the port", "anonymous",
        ),
        (
            "The Lakeside Gazette reported that the mill closed. The outlet said 90 jobs were lost.",
            "The Lakeside Gazette", "The outlet", "90 jobs were lost", "Lakeside Gazette", "media",
        ),
        (
            "Mr. Ruiz thanked Anna Holm. He said the plan was sound.",
            "Mr. Ruiz", "He", "the plan was sound", "Ruiz", "person",
        ),
        (
            "Anna Holm met Mr. Ruiz. She said the plan was sound.",
            "Anna Holm", "She", "the plan was sound", "Anna Holm", "person",
        ),
    ],
)
def test_source_resolution_pronoun_and_description(
    nlp, text, first_source, source, content, expected_source, expected_type
) -> None:
    first = Attribution(content_spans=[(0, 1)], source_span=mention_span(text, first_source))
    attribution = attribution_in(text, source, content)
    resolve_sources([first, attribution], nlp(text))
    assert (attribution.source, attribution.source_type) == (expected_source, expected_type)


def test_source_resolution_first_person_inside_quote_is_the_quoting_source(nlp) -> None:
    text = 'Paul Roth said: "I think the bridge is safe, and I said so in May."'
    outer = Attribution(content_spans=[(text.index('"'), len(text))], source_span=mention_span(text, "Paul Roth"))
    inner = attribution_in(text, "I", "the bridge is safe", nth=0)
    inner.source_span = (text.index(" I ") + 1, text.index(" I ") + 2)
    resolve_sources([outer, inner], nlp(text))
    assert (inner.source, inner.source_type) == ("Paul Roth", "person")



def test_source_resolution_first_person_in_a_quotation_carried_over_is_the_person_quoted(nlp) -> None:
    """A quotation running over a paragraph break: the second paragraph opens no quote but closes
    one, so its "I" is the person quoted (the last person source before), not the article's own
    voice."""
    text = ('Coach Mara Velt said the team was tired. "We played well in the first half.\n'
            'But I think we lost our focus after the break," the coach added.')
    velt = attribution_in(text, "Coach Mara Velt", "the team was tired")
    attribution = attribution_in(text, "I", "we lost our focus after the break")
    resolve_sources([velt, attribution], nlp(text), outlet="dailyharbor.com")
    assert (attribution.source, attribution.source_type) == ("Mara Velt", "person")


def test_source_resolution_first_person_quoted_with_nobody_named_is_unknown(nlp) -> None:
    """Inside a quotation with no person named before it, "I" is someone quoted: not known, and
    not the outlet (type self)."""
    text = 'The storm closed the port.\n"I think the harbour will open on Friday."'
    attribution = attribution_in(text, "I", "the harbour will open on Friday")
    resolve_sources([attribution], nlp(text), outlet="dailyharbor.com")
    assert (attribution.source, attribution.source_type) == ("I", "unknown")


def test_source_resolution_first_person_outside_quotations_is_the_article(nlp) -> None:
    text = "The storm closed the port.\nI think the harbour will open on Friday."
    attribution = attribution_in(text, "I", "the harbour will open on Friday")
    resolve_sources([attribution], nlp(text), outlet="dailyharbor.com")
    assert attribution.source_type == "self"

def test_source_resolution_source_text_without_span(nlp) -> None:
    text = "Unnamed officials said the dam held."
    attribution = Attribution(content_spans=[mention_span(text, "the dam held")], source="Unnamed officials")
    resolve_sources([attribution], nlp(text))
    assert (attribution.source_type, attribution.anonymous) == ("anonymous", True)
    assert [link.source_type for link in attribution.chain] == ["anonymous"]


@pytest.mark.parametrize(
    "text, short_nth, expected",
    [
        # Only one "Lind" in the article: the short name takes the full one.
        ("Tomas Lind spoke first. Later, Lind said the port was open.", 1, "Tomas Lind"),
        # Two different Linds far apart and none just before: the short name is not guessed.
        ("Tomas Lind and Greta Lind met. " + "The weather was mild that week. " * 30
         + "Lind said the port was open.", 2, "Lind"),
        # Two Linds, one named just before: that one.
        ("Greta Lind spoke at noon. " + "The weather was mild that week. " * 30
         + "Tomas Lind arrived. Lind said the port was open.", 2, "Tomas Lind"),
    ],
)
def test_source_resolution_short_name_to_full_name(nlp, text, short_nth, expected) -> None:
    attribution = attribution_in(text, "Lind", "the port was open", nth=short_nth)
    resolve_sources([attribution], nlp(text))
    assert attribution.source == expected


@pytest.mark.parametrize(
    "text, source, expected_source, expected_type, expected_chain",
    [
        (
            "Tomas Lind spoke on Monday. His aides said the vote was close.",
            "His aides", "Tomas Lind's aides", "anonymous",
            [("Tomas Lind's aides", "anonymous"), ("Tomas Lind", "person")],
        ),
        (
            "Tomas Lind spoke on Monday. His campaign said the vote was close.",
            "His campaign", "Tomas Lind's campaign", "organization",
            [("Tomas Lind's campaign", "organization")],
        ),
        (  # a body of the owner's people speaks as the owner when the owner is a body
            "Tomas Lind spoke to the Harbor Times on Monday. Its editors said the vote was close.",
            "Its editors", "Harbor Times' editors", "media",
            [("Harbor Times' editors", "media")],
        ),
    ],
)
def test_source_resolution_possessive_owner(nlp, text, source, expected_source, expected_type, expected_chain) -> None:
    owner = "the Harbor Times" if "Harbor" in text else "Tomas Lind"
    first = Attribution(content_spans=[(0, 1)], source_span=mention_span(text, owner))
    attribution = attribution_in(text, source, "the vote was close")
    resolve_sources([first, attribution], nlp(text))
    assert (attribution.source, attribution.source_type) == (expected_source, expected_type)
    assert [(link.source, link.source_type) for link in attribution.chain] == expected_chain


@pytest.mark.parametrize(
    "text, source, content, cue, expected_type",
    [
        # A lone capitalised word the tagger may call a person, never given a full name: a relay
        # that "reported" is an outlet; otherwise we do not know what it is.
        ("The bridge will stay closed until May, Dravenko reported on Tuesday.", "Dravenko",
         "The bridge will stay closed until May", "reported", "media"),
        ("The bridge will stay closed until May, Dravenko said on Tuesday.", "Dravenko",
         "The bridge will stay closed until May", "said", "unknown"),
        # The same word with a full name in the article is that person.
        ("Olek Dravenko visited the site. The bridge will stay closed until May, Dravenko said.", "Dravenko",
         "The bridge will stay closed until May", "said", "person"),
        ("The bridge will stay closed until May, Mr. Dravenko said.", "Mr. Dravenko",
         "The bridge will stay closed until May", "said", "person"),
        # ...and so is one the sentence goes on about as a person, with no other person between.
        ("Dravenko said he would keep the bridge closed until May.", "Dravenko",
         "he would keep the bridge closed until May", "said", "person"),
        ("Dravenko told Ann Holm he would keep the bridge closed.", "Dravenko",
         "he would keep the bridge closed", "told", "unknown"),
        # ...and so is one given a title anywhere in the article.
        ("Governor Dravenko visited the site. The bridge will stay closed until May, Dravenko said.", "Dravenko",
         "The bridge will stay closed until May", "said", "person"),
    ],
)
def test_source_resolution_lone_name_is_not_taken_for_a_person(nlp, text, source, content, cue, expected_type):
    doc = nlp(text)
    label = doc.char_span(*mention_span(text, source.split()[-1]), alignment_mode="expand").root.ent_type_
    if label != "PERSON":
        pytest.skip(f"this spaCy model tags {source!r} as {label or 'no entity'}, not PERSON")
    [resolved] = resolve_sources([attribution_in(text, source, content, cue=cue)], doc)
    assert resolved.source_type == expected_type


@pytest.mark.parametrize("source", ["the DA", "the Sheriff", "Coroner"])
def test_source_resolution_a_lone_title_is_a_person(nlp, source):
    """One capitalised word that is a title names the person holding the office."""
    text = f"The driver had been drinking before the crash, {source} said on Friday."
    [resolved] = resolve_sources([attribution_in(text, source, "The driver had been drinking "
                                                 "before the crash", cue="said")], nlp(text))
    assert resolved.source_type == "person"


def test_source_resolution_name_drops_a_quote_mark_left_open(nlp):
    text = "A “Western diplomat familiar with the talks” told reporters that the border stays shut."
    [resolved] = resolve_sources(
        [attribution_in(text, "A “Western diplomat familiar with the talks", "the border stays shut", cue="told")], nlp(text))
    assert resolved.source == "a Western diplomat familiar with the talks"
    assert resolved.source_type == "anonymous"


def test_source_resolution_description_takes_the_organisation_named_earlier(nlp) -> None:
    """ "the company" is the company the article named, not the nearest other organisation."""
    text = (
        "Inspectors told the Halvard Shipping Company in May to repair the crane. "
        "The Port Authority said the crane was closed. "
        "The company said repairs had started."
    )
    authority = attribution_in(text, "The Port Authority", "the crane was closed")
    company = attribution_in(text, "The company", "repairs had started")
    resolve_sources([authority, company], nlp(text))
    assert company.source == "Halvard Shipping Company"
    assert company.source_type == "organization"


@pytest.mark.parametrize(
    "text, source, expected",
    [
        ("According to Varnet, the public broadcasting company of Delmar, the dam held.", "Varnet", "media"),
        ("According to Orlen Holdings, the state energy company, the dam held.", "Orlen Holdings", "organization"),
    ],
)
def test_source_resolution_description_in_apposition_types_the_source(nlp, text, source, expected) -> None:
    """A description set off by commas after the source's name says what kind of source it is."""
    attribution = attribution_in(text, source, "the dam held")
    resolve_sources([attribution], nlp(text))
    assert (attribution.source, attribution.source_type) == (source, expected)


def test_source_resolution_description_without_its_name_is_not_another_organisation(nlp) -> None:
    """ "the union" with no union named in the article stays the union, not the police before it."""
    text = "The Harbor Police said the road was closed. The union said it was still counting its members."
    police = attribution_in(text, "The Harbor Police", "the road was closed")
    union = attribution_in(text, "The union", "it was still counting its members")
    resolve_sources([police, union], nlp(text))
    assert police.source == "Harbor Police"
    assert union.source != police.source and "union" in union.source.lower()


@pytest.mark.parametrize("capital", ["Ottawa", "Canberra"])
def test_source_resolution_capital_speaks_for_its_government(nlp, capital) -> None:
    # The tagger may read a bare capital as a person; as a speaker it is its government.
    text = f"The talks on fishing quotas collapsed on Friday, {capital} said, adding that it would try again."
    attribution = attribution_in(text, capital, "The talks on fishing quotas collapsed on Friday")
    resolve_sources([attribution], nlp(text), outlet="dailyharbor.com")
    assert (attribution.source, attribution.source_type) == (capital, "government")


def test_source_resolution_plural_title_is_not_one_earlier_person(nlp) -> None:
    text = ("Ostland's leader Mara Vell met the Velsian president in Harbin. "
            "The leaders of the two nations said the border would reopen.")
    leaders = attribution_in(text, "The leaders of the two nations", "the border would reopen")
    resolve_sources([leaders], nlp(text), outlet="example.org")
    assert (leaders.source.lower(), leaders.source_type) == ("the leaders of the two nations", "person")


def test_source_resolution_a_full_name_with_a_persons_title_is_a_person(nlp) -> None:
    """The tagger calls "Ivo Brandt" an organisation; the title set off after the name says who
    speaks, and the canonical name is the name alone."""
    text = "Ivo Brandt, another retired Halden journalist who knew the family, said he met the children."
    attribution = attribution_in(text, "Ivo Brandt, another retired Halden journalist who knew the family,",
                                 "he met the children")
    doc = nlp(text)
    assert any(e.text == "Ivo Brandt" and e.label_ == "ORG" for e in doc.ents)
    resolve_sources([attribution], doc)
    assert (attribution.source, attribution.source_type) == ("Ivo Brandt", "person")


def test_source_resolution_people_on_a_platform_keep_the_platform_in_their_name(nlp) -> None:
    text = "Halden residents on Telegram reported that the ferry had sunk."
    attribution = attribution_in(text, "Halden residents on Telegram", "the ferry had sunk", cue="reported")
    resolve_sources([attribution], nlp(text))
    assert (attribution.source, attribution.source_type) == ("Halden residents on Telegram", "social_media")


def test_source_resolution_a_quoted_title_before_a_name_is_a_description(nlp) -> None:
    text = 'According to "Moonfall" studio Cedar Pictures, the deal remains open.'
    attribution = attribution_in(text, '"Moonfall" studio Cedar Pictures', "the deal remains open",
                                 cue="According to")
    resolve_sources([attribution], nlp(text))
    assert (attribution.source, attribution.source_type) == ("Cedar Pictures", "organization")


def test_source_resolution_it_is_the_organisation_named_as_a_subject_in_its_sentence(nlp) -> None:
    """Not the organisation quoted before: "it" refers to Velmora, named in its own sentence."""
    text = ("The Halden Port Board said the cranes were safe. "
            "Reyes said Velmora Systems acted on Monday after it learned of the attacks.")
    board = attribution_in(text, "The Halden Port Board", "the cranes were safe")
    pronoun = attribution_in(text, "it", "of the attacks", cue="learned")
    resolve_sources([board, pronoun], nlp(text))
    assert pronoun.source == "Velmora Systems"


def test_source_resolution_a_description_with_a_name_in_apposition_is_that_person(nlp) -> None:
    """Not the unnamed source before: the name set off after "the group's spokesman" says who."""
    text = ("A Western diplomat, who asked not to be named, said the vote was staged. "
            "The group's spokesman, Ivo Brandt, told reporters that the monitors would not comment.")
    diplomat = attribution_in(text, "A Western diplomat, who asked not to be named", "the vote was staged")
    spokesman = attribution_in(text, "The group's spokesman, Ivo Brandt,", "that the monitors would not comment",
                               cue="told")
    resolve_sources([diplomat, spokesman], nlp(text))
    assert (spokesman.source, spokesman.source_type) == ("Ivo Brandt", "person")


@pytest.mark.parametrize("name", ["Brandt", "Marl"])
def test_source_resolution_a_lone_name_described_as_a_person_is_a_person(nlp, name) -> None:
    """A one-word name the article never gives in full is as often a place as a surname; a
    person's title set off after it (its adjectives set off by commas too) says which."""
    text = (f"The crew stood by the captain, especially {name}, the soft-spoken, tireless pilot of "
            "the ferry, who told reporters the engine had failed.")
    attribution = attribution_in(text, "who", "the engine had failed", cue="told")
    resolve_sources([attribution], nlp(text))
    assert (attribution.source, attribution.source_type) == (name, "person")


@pytest.mark.parametrize("description", ["The software giant", "The company", "The firm", "The carmaker"])
def test_source_resolution_a_business_description_is_the_business_named_most(nlp, description) -> None:
    """ "the software giant" shares no word with "Velmora Systems": the business the article named
    most often (here against a product the tagger calls an organisation too) is the one meant."""
    text = ("Velmora Systems rushes out a fix for its Quill browser. "
            "Velmora Systems on Tuesday issued an urgent patch for a flaw in Quill (QB) that attackers used. "
            f"{description} said the flaw affected all versions.")
    attribution = attribution_in(text, description, "the flaw affected all versions")
    resolve_sources([attribution], nlp(text))
    assert (attribution.source, attribution.source_type) == ("Velmora Systems", "organization")


def test_source_resolution_a_business_description_without_a_business_stays_as_written(nlp) -> None:
    """No business named before it: "the company" is not the police or the city."""
    text = "The Harbor Police said the road was closed. The company said the crane was safe."
    police = attribution_in(text, "The Harbor Police", "the road was closed")
    company = attribution_in(text, "The company", "the crane was safe")
    resolve_sources([police, company], nlp(text))
    assert company.source != police.source and "company" in company.source.lower()



@pytest.mark.parametrize("text, source, cue, content, expected", [
    ("VELTRANET said the cable was cut near the coast.", "VELTRANET", "said", "the cable was cut near the coast",
     "organization"),
    ("KRVX is reporting that the cable was cut near the coast.", "KRVX", "is reporting",
     "that the cable was cut near the coast", "media"),
])
def test_source_resolution_a_name_in_capitals_is_a_body(nlp, text, source, cue, content, expected):
    """An acronym or a name written in capitals speaks for a body (media when it reports), never
    a person, whatever the tagger read."""
    attribution = attribution_in(text, source, content, cue=cue)
    doc = nlp(text)
    doc.ents = []  # as when the tagger misses the name (it tags these ORG)
    resolve_sources([attribution], doc)
    assert (attribution.source, attribution.source_type) == (source, expected)


def test_source_resolution_a_description_holding_a_name_is_not_a_lone_name(nlp):
    """ "Director at security firm Veltra, Dana Marsh": a person described, not a lone word."""
    text = "Director at security firm Veltra, Dana Marsh said that the patch is only a stopgap."
    source = "Director at security firm Veltra, Dana Marsh"
    attribution = attribution_in(text, source, "that the patch is only a stopgap")
    resolve_sources([attribution], nlp(text))
    assert attribution.source_type == "person"


def test_source_resolution_a_camel_case_name_after_its_descriptor_is_the_name(nlp):
    text = "Security company vMarlo said the patch was late."
    attribution = attribution_in(text, "Security company vMarlo", "the patch was late")
    resolve_sources([attribution], nlp(text))
    assert (attribution.source, attribution.source_type) == ("vMarlo", "organization")


@pytest.mark.parametrize("mention, name", [
    ("40-year-old Eva Lind, a public sector worker", "Eva Lind"),
    ("32-year-old protester Harbin Kolt", "Harbin Kolt"),  # a first name the tagger may take for a place
])
def test_source_resolution_an_age_before_a_name_makes_a_person_named_by_the_name(nlp, mention, name):
    text = f'"We will march again on Friday," said {mention}.'
    attribution = attribution_in(text, mention, '"We will march again on Friday,"')
    resolve_sources([attribution], nlp(text))
    assert (attribution.source, attribution.source_type) == (name, "person")


def test_source_resolution_an_age_without_a_name_is_the_person_the_text_is_about(nlp):
    text = ("Tomas Lind won the golf open in Harbin on Sunday. "
            '"I have goosebumps just thinking about it," said the 29-year-old after his round.')
    attribution = attribution_in(text, "the 29-year-old after his round", '"I have goosebumps just thinking about it,"')
    resolve_sources([attribution], nlp(text))
    assert (attribution.source, attribution.source_type) == ("Tomas Lind", "person")


def test_source_resolution_a_full_name_of_a_body_is_the_person(nlp):
    """ "Ivo Marek of Velmora": the person, named without where he is from (the tagger reads
    "Velmora" as a place, so the name's last capitalised word is no name)."""
    text = '"We will look at it," said Ivo Marek of Velmora.'
    attribution = attribution_in(text, "Ivo Marek of Velmora", '"We will look at it,"')
    resolve_sources([attribution], nlp(text))
    assert (attribution.source, attribution.source_type) == ("Ivo Marek", "person")


def test_source_resolution_an_outlets_named_reporter_is_that_person(nlp):
    """ "The Daily Harbor's Lena Marsh in Ostland": the person, not the outlet's phrase."""
    text = "The Daily Harbor's Lena Marsh in Ostland says the port is shut."
    attribution = attribution_in(text, "The Daily Harbor's Lena Marsh in Ostland", "the port is shut")
    resolve_sources([attribution], nlp(text))
    assert (attribution.source, attribution.source_type) == ("Lena Marsh", "person")
