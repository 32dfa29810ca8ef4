"""classify_source: the type and anonymity of one source mention, from words, label and outlet."""

from __future__ import annotations

import pytest

from storytrace.model import SOURCE_TYPES
from storytrace.sources import classify_source, clean_mention


@pytest.mark.parametrize(
    "mention, label, expected",
    [
        # person: entity label, title + name, definite title
        ("Anna Berg", "PERSON", "person"),
        ("Finance Minister Tomas Lind", None, "person"),
        ("Norway's Foreign Minister Ola Strand", "PERSON", "person"),
        ("Mr. Okafor", None, "person"),
        ("Sen. Dana Whitfield (D-Ore.)", None, "person"),
        ("the president", None, "person"),
        ("the ministry's spokesman, Ola Strand", None, "person"),
        ("a spokeswoman, Dana Whitfield,", None, "person"),
        ("the Ohio senator", None, "person"),
        ("he", None, "person"),
        ("the leaders of the two nations", None, "person"),  # a plural title: people named elsewhere
        ("the two presidents", None, "person"),
        ("Police Constable Ada Marsh", None, "person"),  # a title after an institution word
        ("the comedian", None, "person"),  # people named by what they do, or what happened to them
        ("the coach", None, "person"),
        ("the driver", None, "person"),
        ("a bystander", None, "anonymous"),
        ("the victim's brother", None, "person"),
        ("the DA", None, "person"),
        # organization
        ("Greenfield Logistics", "ORG", "organization"),
        ("the company", None, "organization"),
        ("the advocacy group", None, "organization"),
        # government: institutions, GPE as speaker
        ("the ministry", None, "government"),
        ("the Defense Ministry", "ORG", "government"),
        ("the Pentagon", "ORG", "government"),
        ("the Kremlin", None, "government"),
        ("authorities", None, "government"),
        ("local police", None, "government"),
        ("prosecutors", None, "government"),  # the office speaks: not unnamed people
        ("federal prosecutors", None, "government"),
        ("Oslo", "GPE", "government"),
        ("Ottawa", "PERSON", "government"),   # a capital speaks for its government, even when tagged a person
        ("Wellington", None, "government"),
        ("Arthur Wellington", "PERSON", "person"),  # ...only the bare capital
        ("the General Staff", None, "government"),
        ("Bolivia's national electoral commission", "ORG", "government"),
        # media: media words, outlet-like names, reporting cue
        ("the newspaper", None, "media"),
        ("the outlet", None, "media"),
        ("the state broadcaster", None, "media"),
        ("a regional news agency", None, "media"),
        ("the TV channel", None, "media"),
        ("The Harbor Times", "ORG", "media"),
        ("the Lakeside Gazette", None, "media"),
        ("the Chilean outlet Voz Austral", "ORG", "media"),
        ("Nordlys, the public broadcasting company of the region", None, "media"),
        ("KBC", "ORG", "media"),
        ("dailyharbor.com", None, "media"),
        ("WXYR-TV", None, "media"),  # a broadcast call sign
        ("8News in Port Hale", None, "media"),  # a local channel brand
        ("the station", None, "media"),
        ("local evening news", None, "media"),
        # social media, including a channel named like an outlet
        ("a Telegram channel", None, "social_media"),
        ("the Telegram channel Evening News", None, "social_media"),
        ("a post on X", None, "social_media"),
        ("a tweet", None, "social_media"),
        ("his Facebook post", None, "social_media"),
        ("Halden residents on Telegram", None, "social_media"),  # posts by unnamed people
        ("the software giant", None, "organization"),
        ("Rep. Ann Brandt", None, "person"),
        ("Brandt, the soft-spoken, tireless pilot of the ferry,", "ORG", "person"),  # a title set off after a name
        ("Kyiv, the capital,", "GPE", "government"),
        ("Velmora CTO Ann Brandt", None, "person"),  # a job title before a name
        ("City Councilman Tomas Reyes", None, "person"),
        ("Marl County deputies", None, "person"),  # a plural title: "deputies" as "deputy"
        ("the senator on Twitter", None, "person"),
        ("a YouTube video", None, "social_media"),
        ("a video posted online", None, "social_media"),
        ("A clip that emerged online", None, "social_media"),
        # document
        ("a report", None, "document"),
        ("the treaty", None, "document"),
        ("court documents", None, "document"),
        ("the criminal charges", None, "document"),
        ("a statement", None, "document"),
        ("the latest poll", None, "document"),
        ("a slide that Mr. Okafor showed", None, "document"),
        # a person's title set off after a full name beats the tagger's label
        ("Brann Tolley, a retired harbour journalist,", "ORG", "person"),
        ("Orlen Holdings, the state energy company,", "PERSON", "organization"),
        # unknown: nothing to go on
        ("it", None, "unknown"),
        ("Tuesday", "DATE", "unknown"),
    ],
)
def test_sources_classify_type(mention: str, label: str | None, expected: str) -> None:
    source_type, _ = classify_source(mention, entity_label=label)
    assert source_type == expected
    assert source_type in SOURCE_TYPES


@pytest.mark.parametrize(
    "mention, label",
    [
        ("unnamed officials", None),
        ("an anonymous source", None),
        ("a source", None),
        ("sources", None),
        ("two sources close to the negotiations", None),
        ("officials familiar with the matter", None),
        ("people close to the mayor", "PERSON"),
        ("a European diplomat", None),
        ("a senior official", None),
        ("a senior Treasury official", "ORG"),
        ("an army intelligence source", None),
        ("Western diplomats", "NORP"),
        ("a Foreign Ministry spokesperson", None),
        ("police officers", None),  # a government word as modifier only: unnamed people
        ("two ministers", None),
        ("a government employee who was not authorized to speak publicly", None),
        ("an official who spoke on condition of anonymity", None),
        ("the Herald's sources", None),
        ("a senator", None),
        ("analysts", None),
        ("a spokeswoman, who asked not to be named", None),
        # two modifiers of one noun: the officials are unnamed whoever they work for
        ("Ostlandic and Varnish officials", "NORP"),
        ("federal and state investigators", None),
        ("a senior Varnish", "NORP"),  # one unnamed member of a group
        ("the protesters", None),  # unnamed people in a role
        ("several hundred demonstrators", None),
        ("three jurors who spoke outside the courtroom", None),
        ("a publicist", None),
        ("Ann Brandt's rep", None),
    ],
)
def test_sources_classify_anonymous(mention: str, label: str | None) -> None:
    assert classify_source(mention, entity_label=label) == ("anonymous", True)


@pytest.mark.parametrize(
    "mention",
    ["Finance Minister Tomas Lind", "the ministry", "The Harbor Times", "a report", "the president"],
)
def test_sources_classify_named_not_anonymous(mention: str) -> None:
    assert classify_source(mention)[1] is False


@pytest.mark.parametrize(
    "mention, outlet",
    [
        ("The Harbor Times", "harbortimes.com"),
        ("the harbor times", "The Harbor Times"),
        ("Harbor Times'", "www.harbortimes.co.uk"),
        ("this newspaper", None),
        ("we", None),
        ("our correspondent", "Harbor Times"),
    ],
)
def test_sources_classify_self(mention: str, outlet: str | None) -> None:
    assert classify_source(mention, outlet=outlet) == ("self", False)


def test_sources_classify_other_outlet_is_not_self() -> None:
    assert classify_source("The Harbor Times", outlet="lakesidegazette.com")[0] == "media"


@pytest.mark.parametrize(
    "cue, expected",
    [("reported", "media"), ("wrote", "media"), ("said", "organization"), (None, "organization")],
)
def test_sources_classify_org_that_reports_is_media(cue: str | None, expected: str) -> None:
    assert classify_source("Velmora", entity_label="ORG", cue=cue)[0] == expected


@pytest.mark.parametrize(
    "mention, expected",
    [
        ("a statement from the ministry", "government"),
        ("a report by the Harbor Times", "media"),
        ("a statement", "document"),
    ],
)
def test_sources_classify_document_typed_by_author(mention: str, expected: str) -> None:
    assert classify_source(mention)[0] == expected


@pytest.mark.parametrize(
    "mention, expected",
    [
        # the body of an outlet, a company or an office speaks as its owner, on the record
        ("the Harbor Times' management", ("media", False)),
        ("the network's producers", ("media", False)),
        ("the company's board", ("organization", False)),
        ("the ministry's leadership", ("government", False)),
        ("Harbor Times management", ("media", False)),  # the owner's name, no possessive
        ("the Harbor Times' online service, harbortimes.com", ("media", False)),  # a domain set off after it
        # a person's staff is not a body that speaks as the person
        ("Tomas Lind's staff", ("unknown", False)),
    ],
)
def test_sources_classify_a_body_takes_its_owners_type(mention: str, expected: tuple[str, bool]) -> None:
    assert classify_source(mention) == expected


@pytest.mark.parametrize(
    "mention, head",
    [
        ("Ostlandic and Varnish officials", "Ostlandic and Varnish officials"),
        ("police and fire officials", "police and fire officials"),
        ("officials and state media", "officials"),  # two sources, not two modifiers
        ("Ilse and her parents", "Ilse"),
        ("Marr and Vell", "Marr"),
    ],
)
def test_sources_head_phrase_keeps_two_modifiers_of_one_noun(mention: str, head: str) -> None:
    from storytrace.sources import head_phrase

    assert head_phrase(mention) == head


@pytest.mark.parametrize(
    "mention, cleaned",
    [
        ('"the sources,"', "the sources"),
        ("“Western officials”", "Western officials"),
        ('"Moonfall" studio Cedar Pictures', '"Moonfall" studio Cedar Pictures'),  # its partner is inside
        ("“Moonfall” studio Cedar Pictures,", "“Moonfall” studio Cedar Pictures"),
    ],
)
def test_sources_clean_mention_keeps_a_quote_mark_whose_partner_is_inside(mention, cleaned) -> None:
    assert clean_mention(mention) == cleaned


@pytest.mark.parametrize(
    "mention, label, expected",
    [
        ("Undersea cable operator Seavane", "PERSON", "organization"),
        ("the Ukrainian outlet Dovra", "PERSON", "media"),
        # a job that may be a person's, a title, or an unnamed speaker at the business: not the business
        ("Oscar producer Lena Marsh", "PERSON", "person"),
        ("Ivo Brandt, chief officer with the security firm Veltra Inc.", "PERSON", "person"),
        ("researchers at the security firm Veltra", None, "anonymous"),
    ],
)
def test_sources_classify_a_business_descriptor_before_a_name(mention, label, expected) -> None:
    assert classify_source(mention, entity_label=label)[0] == expected
