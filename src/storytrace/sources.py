"""What kind of source a mention names: its type (``model.SOURCE_TYPES``) and whether it is anonymous.

``classify_source`` types one raw mention ("a European diplomat", "the ministry", "a Telegram
channel", "a ministry report") from its words, an optional spaCy entity label, the cue and the
publishing outlet. The readings of a mention's text used on the way (``head_phrase``,
``personal_name``, ``document_issuer``, ``platform_phrase``, person-name cleaning) are shared
with ``storytrace.source_resolution``, which resolves the mentions of one article to its sources.
Word lists: ``data/source_*.txt`` and ``data/person_given_name_genders.txt``; none names an outlet.

classify_source decision order (first that applies wins):
  self (the outlet itself, "this newspaper", "we") > pronoun form > "X's sources" (anonymous) > a
  document with a typed issuer and no anonymity cue ("a ministry report", "a report by the
  agency": document; an outlet's report or anyone's statement: the issuer's type) > "X's report"
  (typed as X) > "X's management", "X management" (X's type when X is a body:
  data/source_body_nouns.txt) > platform ("a Telegram channel", "a video posted online") > unnamed
  role with an anonymity cue ("people close to <name>") > a bare capital city ("Beijing said":
  ``data/source_capitals.txt``) > personal name (PERSON label, a title before a name, or a role
  with a name in apposition) > anonymity cue or one member of a group ("a senior Democrat") > head
  word of the mention (unnamed role, media, title, government, document, organisation; "a report
  in <outlet>" takes the outlet's type) > outlet-like name (name heads, broadcaster or domain
  shapes) > entity label (PERSON, ORG -> organisation or media when the cue is "reported"/"wrote",
  GPE or FAC -> government) > a bare capitalized full name -> person > unknown.
"""

from __future__ import annotations

import re
from functools import cache

from storytrace.lexicons import phrase_alternation, word_list, word_map
from storytrace.temporal.vocabulary import MONTHS, WEEKDAYS

PERSONAL_PRONOUNS = frozenset({"he", "him", "his", "she", "her", "hers", "himself", "herself"})
FIRST_PERSON_SINGULAR = frozenset({"i", "me", "my", "mine", "myself"})
FIRST_PERSON_PLURAL = frozenset({"we", "us", "our", "ours", "ourselves"})
PLURAL_PRONOUNS = frozenset({"they", "them", "their", "theirs", "themselves"})
NEUTER_PRONOUNS = frozenset({"it", "its", "itself"})
RELATIVE_PRONOUNS = frozenset({"who", "whom", "whose", "which", "that"})
DEFINITE_DETERMINERS = ("the", "this", "that", "these", "those")
INDEFINITE_DETERMINERS = frozenset(
    {"a", "an", "one", "two", "three", "four", "five", "several", "some", "many", "other",
     "another", "multiple", "various", "numerous", "few", "a few", "most", "all", "both"}
)
# Verbs whose subject is typically a publisher: an organisation that "reported" is an outlet.
REPORTING_CUES = frozenset(
    {"report", "reported", "reports", "reporting", "wrote", "writes", "write", "published",
     "publishes", "broadcast", "broadcasts", "aired", "airs", "ran"}
)
# Possessed nouns that make "X's <noun>" the unnamed sources of X.
SOURCE_NOUNS = frozenset({"source", "sources", "informant", "informants", "contacts", "insiders"})
# Possessed nouns that make "X's <noun>" X speaking through its own publication.
PUBLICATION_NOUNS = frozenset(
    {"report", "reports", "reporting", "article", "articles", "story", "stories", "investigation",
     "statement", "release", "analysis", "survey", "poll", "study", "data", "findings", "website",
     "account", "broadcast", "coverage", "tweet", "tweets", "post", "posts", "letter", "commentary",
     "column", "op-ed", "editorial", "remarks", "comments", "testimony", "speech", "interview"}
)
MEDIA_POSSESSED_NOUNS = frozenset({"reporting", "article", "articles", "story", "stories",
                                   "broadcast", "coverage"})
# Owners whose body ("X's management", data/source_body_nouns.txt) speaks as the owner.
BODY_OWNER_TYPES = frozenset({"media", "organization", "government", "self"})
# Documents that, issued by an outlet, are the outlet speaking ("a report by the Herald").
OUTLET_REPORT_NOUNS = MEDIA_POSSESSED_NOUNS | {"report", "reports"}
_HEAD_BREAK = re.compile(
    r",|\s[—–-]\s|—|–|\(|\s(?:of|for|from|at|in|with|on|by|to|who|whom|which|that|whose|and|or)\s"
    r"|\s[a-z]+(?:ed|en)\s(?=(?:by|in|on|at|to|from|with)\s)",  # "a complaint filed by ..."
    re.IGNORECASE,
)
# Nouns of posted content: "a video shared on <platform>" is a post with its platform.
_POST_NOUNS = frozenset({"post", "posts", "video", "videos", "footage", "clip", "clips", "message",
                         "messages", "account", "accounts", "channel", "page", "livestream", "photo",
                         "photos", "image", "images", "statement", "comment", "comments"})
TRAILING_PUNCT = " \t\n\"'“”‘’«»,.;:!?()[]—–-"


# --------------------------------------------------------------------------- lexicons


@cache
def _anywhere(name: str) -> re.Pattern[str]:
    """Matches an entry of list ``name`` anywhere in a mention (case-insensitive)."""
    entries = tuple(e for e in word_list(name) if not e.startswith("role:"))
    return re.compile(phrase_alternation(entries), re.IGNORECASE)


@cache
def _at_end(name: str) -> re.Pattern[str]:
    """Matches an entry of list ``name`` that ends the text (case-insensitive)."""
    entries = tuple(e for e in word_list(name) if not e.startswith("re:"))
    return re.compile(rf"(?:{phrase_alternation(entries)})$", re.IGNORECASE)


def ends_with_title(text: str) -> bool:
    """True when the text ends with a personal title or office ("Genesee County Sheriff"): a name
    so ending names a person's office, not a place."""
    return _at_end("source_titles.txt").search(text.strip()) is not None


@cache
def role_nouns() -> frozenset[str]:
    """Unnamed role nouns ("official", "diplomat") from the anonymity list's ``role:`` lines."""
    return frozenset(e[5:].strip() for e in word_list("source_anonymity_patterns.txt") if e.startswith("role:"))


@cache
def business_descriptions() -> frozenset[str]:
    """Words by which an article refers to a business it named ("the company", "the operator"):
    ``data/source_business_descriptions.txt``."""
    return frozenset(word_list("source_business_descriptions.txt"))


@cache
def title_then_name() -> re.Pattern[str]:
    """A title followed by one to four capitalized words: "Finance Minister Tomas Lind"."""
    titles = tuple(e for e in word_list("source_titles.txt") if not e.startswith("re:"))
    name_word = r"[A-Z][\w'’-]*\.?"
    return re.compile(rf"(?i:{phrase_alternation(titles)})\s+(?P<name>{name_word}(?:\s+{name_word}){{0,3}})")


@cache
def self_words() -> frozenset[str]:
    return frozenset(word_list("source_self_words.txt"))


@cache
def _media_name_heads() -> frozenset[str]:
    return frozenset(word_list("source_media_name_heads.txt"))


@cache
def _media_shapes() -> re.Pattern[str]:
    shapes = [e[3:].strip() for e in word_list("source_media_patterns.txt") if e.startswith("re:")]
    return re.compile("|".join(f"(?:{s})" for s in shapes), re.IGNORECASE)


@cache
def lexicon_words() -> frozenset[str]:
    """Every single word of the type lexicons, to tell a descriptive phrase from a bare name."""
    words: set[str] = set()
    for name in ("source_media_words.txt", "source_government_words.txt", "source_titles.txt",
                 "source_document_words.txt", "source_organization_words.txt", "source_platforms.txt"):
        for entry in word_list(name):
            if not entry.startswith("re:"):
                words.update(entry.split())
    return frozenset(words | role_nouns())


# --------------------------------------------------------------------------- text helpers


def clean_mention(text: str) -> str:
    """The mention with outer quotes and punctuation stripped, spaces collapsed, ’ as '; a quote
    mark whose partner is inside the mention stays ('"Moonfall" studio Cedar Pictures')."""
    spaced = re.sub(r"\s+", " ", text.replace("’", "'")).strip()
    cleaned = spaced.strip(TRAILING_PUNCT)
    if cleaned and spaced.startswith(('"', "“")) and (
            cleaned.count('"') % 2 or cleaned.count("”") > cleaned.count("“")):
        cleaned = spaced[0] + cleaned
    return cleaned


def strip_possessive(text: str) -> str:
    """ "Trump's" -> "Trump", "Reuters'" -> "Reuters"."""
    return re.sub(r"(?:'s|s')$", lambda m: "" if m.group(0) == "'s" else "s", text)


def strip_determiner(text: str) -> str:
    return re.sub(r"^(?:the|a|an)\s+", "", text, flags=re.IGNORECASE)


def split_possessive(text: str) -> tuple[str, str] | None:
    """ "the Herald's sources" -> ("the Herald", "sources"); None when the mention has no owner."""
    match = re.match(r"^(?P<owner>.+?)(?:'s|(?<=s)')\s+(?P<noun>[\w-]+)$", text)
    if match:
        return match.group("owner").strip(), match.group("noun")
    match = re.match(r"^(?P<owner>his|her|their|its|our|my)\s+(?P<noun>[\w-]+)$", text, re.IGNORECASE)
    if match:
        return match.group("owner"), match.group("noun")
    return None


# Words that start a noun phrase of their own, not a modifier shared with the next noun: "he and
# other officials", "Chela and her in-laws", "police and the woman's friend".
_NOT_MODIFIERS = (PERSONAL_PRONOUNS | FIRST_PERSON_SINGULAR | FIRST_PERSON_PLURAL | PLURAL_PRONOUNS
                  | NEUTER_PRONOUNS | INDEFINITE_DETERMINERS | frozenset(DEFINITE_DETERMINERS))


def head_phrase(text: str) -> str:
    """The part of a mention before its first comma, dash, parenthesis, preposition or clause;
    two modifiers of one noun stay together ("U.S. and European officials", "police and fire
    officials": one word, "and", then a phrase ending in a common noun)."""
    head, *rest = _HEAD_BREAK.split(text, maxsplit=1)
    word = head.strip()
    # one word that can modify a noun: not a pronoun or determiner, nor a plural ("officials and
    # state media" are two sources)
    single = rest and " " not in word and word.lower() not in _NOT_MODIFIERS and not word.endswith("s")
    joined = re.match(r"\s*(?:and|or)\s+", text[len(head):]) if single else None
    if joined:
        following = head_phrase(text[len(head) + joined.end():]).split()
        if len(following) > 1 and following[-1].islower() and following[0].lower() not in _NOT_MODIFIERS:
            return f"{word}{text[len(head):len(head) + joined.end()]}{' '.join(following)}"
    return head.strip(TRAILING_PUNCT)


def normalise_outlet(name: str) -> str:
    """A comparable key for an outlet name or domain: "www.harbortimes.co.uk" -> "harbortimes"."""
    key = name.strip().lower()
    key = re.sub(r"^(?:https?://)?(?:www\.)?", "", key).split("/")[0]
    if re.fullmatch(r"[\w-]+(?:\.[\w-]+)+", key):
        labels = key.split(".")
        while len(labels) > 1 and (len(labels[-1]) <= 3 or labels[-1] in {"info", "news", "online"}):
            labels.pop()
        key = labels[-1]
    key = re.sub(r"^the\s+", "", key)
    return re.sub(r"[^\w]", "", key)


def is_plural_mention(text: str) -> bool:
    """Whether a mention names several speakers ("officials", "the sources", "they")."""
    low = clean_mention(text).lower()
    if low in PLURAL_PRONOUNS or low in FIRST_PERSON_PLURAL:
        return True
    head = head_phrase(low).split()
    if not head:
        return False
    word = head[-1]
    return word in {"people", "police", "authorities", "media", "staff"} or (
        word.endswith("s") and not word.endswith("ss") and word[:-1] in role_nouns() | lexicon_words()
    )


# --------------------------------------------------------------------------- person names

_NAME_PARTICLES = "van|von|de|da|del|der|den|di|du|la|le|bin|ibn|al|el|dos|das|y"


def clean_person_name(name: str) -> str:
    """A PERSON entity's text as a name: no title, no trailing clause or line, no possessive."""
    name = re.split(r"[\n,(]|\s[—–-]\s", clean_mention(name), maxsplit=1)[0].strip(TRAILING_PUNCT)
    match = title_then_name().match(name)
    if match:
        name = match.group("name")
    # "Anna Berg of the Harbor Trust" -> "Anna Berg": a full name, then where the person is from
    name = re.sub(r"^([A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*)+)\s+(?:of|from|at|with)\s.*$", r"\1", name)
    # "frontman Anthony X" / "Tennis great Anna X" -> "Anthony X" / "Anna X" (name particles stay).
    name = re.sub(rf"^.*\b(?!(?:{_NAME_PARTICLES})\b)[a-z][\w-]*\s+(?=[A-Z])", "", name)
    name = re.sub(r"(?:\s+[A-Z]{3,})+$", "", name)  # a dateline glued on: "Anna Berg OSLO"
    return strip_possessive(name)


def given_name_gender(name: str) -> str | None:
    """ "m" or "f" from a full name's given name (a weak hint), or None."""
    words = name.split()
    return word_map("person_given_name_genders.txt").get(words[0].lower()) if len(words) > 1 else None


def same_person(a: str, b: str) -> bool:
    """Whether one name's words are all in the other's: "Lind" and "Tomas Lind"."""
    wa = {w.strip(".,").lower() for w in a.split() if w.strip(".,")}
    wb = {w.strip(".,").lower() for w in b.split() if w.strip(".,")}
    return bool(wa) and bool(wb) and (wa <= wb or wb <= wa)


# --------------------------------------------------------------------------- documents and posts

_NAME_JOINS = frozenset({"of", "and", "for", "the", "&", "de"})
_POST_PREPOSITIONS = r"(?:on|to|via)"


def name_aware_head(text: str) -> str:
    """Like ``head_phrase``, but "of", "for" or "and" inside a capitalized name does not end it
    ("the Ministry of Mines and Energy report", "the Department of the Interior")."""
    inside_name = False  # "and" joins only after "of"/"for": "Ministry of Mines and Energy"
    for match in _HEAD_BREAK.finditer(text):
        joint = match.group(0).strip().lower()
        before = text[: match.start()].split()
        after = text[match.end():].split()
        if joint in {"of", "for"} and len(after) > 1 and after[0].lower() == "the":
            after = after[1:]
        joins = joint in {"of", "for"} or (joint in {"and", "&"} and inside_name)
        if joins and before and after and before[-1][0].isupper() and after[0][0].isupper():
            inside_name = True
            continue
        return text[: match.start()].strip(TRAILING_PUNCT)
    return text.strip(TRAILING_PUNCT)


@cache
def _body_words() -> frozenset[str]:
    """Single words naming a body (outlet, state body, organisation): "police", "ministry"."""
    names = ("source_media_words.txt", "source_government_words.txt", "source_organization_words.txt")
    return frozenset(e for name in names for e in word_list(name) if " " not in e and not e.startswith("re:"))


def _issuer_words(premodifier: str) -> str | None:
    """The issuer named before a document noun: the trailing run of capitalized words (with the
    words joining a name) or words naming a body ("A Ministry of Mines and Energy", "police", "UN")."""
    run: list[str] = []
    for word in reversed(strip_determiner(premodifier).split()):
        low = word.lower()
        if low.rstrip(".") in MONTHS or low in WEEKDAYS or low in INDEFINITE_DETERMINERS | set(DEFINITE_DETERMINERS):
            break  # "a February survey", "One message"
        if word[0].isupper() or low in _body_words() or (low in _NAME_JOINS and run and run[0][0].isupper()):
            run.insert(0, word)
        else:
            break
    while run and run[0].lower() in _NAME_JOINS:
        run.pop(0)
    if len(run) == 1 and run[0].lower() in word_list("source_media_words.txt"):
        return None  # "press reports", "News footage": media in general, not an outlet
    return " ".join(run) or None


def document_issuer(text: str) -> tuple[str, str] | None:
    """(issuer, document noun) for a document named with who issued it, or None.

    "the ministry's report" -> ("the ministry", "report"); "A Ministry of Mines and Energy report
    released on Wednesday" -> ("Ministry of Mines and Energy", "report"); "a report released by
    the agency" -> ("the agency", "report"). Not "a survey of voters" ("of" names what it is
    about), nor journalism owned by its outlet ("X's story", "X's coverage": X speaking).
    """
    mention = clean_mention(text)
    documents = _at_end("source_document_words.txt")
    owned = split_possessive(mention)
    if owned and owned[1].lower() in MEDIA_POSSESSED_NOUNS:
        return None
    if owned and documents.fullmatch(owned[1].lower()):
        return owned[0], owned[1].lower()
    head = name_aware_head(mention)
    found = documents.search(head.lower())
    if found is None or found.start() > 0 and not head[found.start() - 1].isspace():
        return None
    noun = head[found.start():]
    # "by X" names the issuer outright, unless X only got the document ("obtained by X").
    after = re.match(r"\s+(?:(?P<verb>[a-z]+(?:ed|en))\s+(?:(?:in|on|last|this|early|late)\s+[\w.]+\s+)?)?"
                     r"(?:by|from)\s+(?P<issuer>.+)$", mention[len(head):])  # "released in May by X"
    if after and (after.group("verb") or "") not in word_list("source_non_issuer_verbs.txt"):
        return name_aware_head(after.group("issuer")), noun.lower()
    # A capitalized noun is a Title Case headline ("Newly Released Document"): no issuer before it.
    issuer = _issuer_words(head[: found.start()]) if noun.islower() else None
    return (issuer, noun) if issuer is not None else None


def is_statement(noun: str) -> bool:
    """Whether a document noun is its author speaking ("statement", "remarks"), not a record."""
    return bool(_at_end("source_statement_words.txt").fullmatch(noun.lower()))


def platform_phrase(text: str) -> tuple[int, int] | None:
    """Where a post names the platform it was shared on, as (start, end) in ``text``: "A video
    shared on Chirpline" -> "Chirpline", "footage posted to a Telegram channel" -> "a Telegram
    channel". A capitalized name counts only after a posting verb, and never a day or month."""
    mention = text.rstrip()
    if not _is_post(mention):
        return None
    platforms = _anywhere("source_platforms.txt")
    verbs = phrase_alternation(tuple(word_list("source_posting_verbs.txt")))
    name = r"[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*)*"
    pattern = (rf"(?:(?i:{verbs})\s+)?(?i:{_POST_PREPOSITIONS})\s+"
               rf"(?P<platform>(?:(?i:a|an|the)\s+)?(?:(?i:{platforms.pattern})(?:\s+{name})?|{name}))")
    for match in re.finditer(pattern, mention):
        platform = match.group("platform")
        posted = not match.group(0).lower().startswith(("on ", "to ", "via "))
        words = {w.lower().rstrip(".") for w in platform.split()}
        if words & (set(MONTHS) | set(WEEKDAYS)):
            continue
        if platforms.search(match.group(0)) or posted:
            return match.start("platform"), match.end("platform")
    return None


# --------------------------------------------------------------------------- classification


def is_self(text: str, outlet: str | None) -> bool:
    """Whether a mention names the publishing outlet or the article's own writers."""
    mention = clean_mention(text)
    if mention.lower() in self_words():
        return True
    if not outlet:
        return False
    outlet_key = normalise_outlet(outlet)
    name = strip_determiner(strip_possessive(mention))
    if normalise_outlet(name) == outlet_key:
        return True
    words = name.split()
    if not words or not all(w[0].isupper() for w in words):
        return False
    # "New York Times" for nytimes.com: initials of the leading words, then the last word.
    initials = "".join(w[0] for w in words[:-1]).lower() + normalise_outlet(words[-1])
    # "The Times" / "The Post" for a domain ending in that name head word.
    short_name = len(words) == 1 and words[0].lower() in _media_name_heads()
    return initials == outlet_key or (short_name and outlet_key.endswith(words[0].lower()))


def personal_name(text: str, entity_label: str | None = None) -> str | None:
    """The personal name in a mention, or None: a PERSON entity, or the capitalized words after a title."""
    mention = clean_mention(text)
    if entity_label == "PERSON":
        return strip_possessive(_without_title(mention))
    appositive = re.match(r"^(?P<head>[^,]+),\s+(?P<name>[A-Z][^,()]+?)\s*(?:,|\(|$)", mention)
    if appositive and bare_full_name(appositive.group("name")) and (
            type_of_head(appositive.group("head")) == "person" or _unnamed_role(appositive.group("head"))):
        return appositive.group("name")  # "the mayor's spokesman, Ann Lee"
    match = title_then_name().search(mention)
    # The titled name must close the mention or its head ("Chairman Ann Lee, who ..."), not sit
    # inside a longer phrase ("a slide that Mr. Lee showed").
    if match is None or not re.match(r"\s*(?:$|[,(—–])", mention[match.end():]):
        return None
    if re.search(r"['’]s\s", match.group("name")):
        return None  # "President Lee's office": what the person owns, not the person
    name = strip_possessive(match.group("name").strip(TRAILING_PUNCT))
    if any(w.lower() in lexicon_words() for w in name.split()):
        return None
    return name


def _without_title(mention: str) -> str:
    """A PERSON mention without a leading title or determiner: "Finance Minister Lind" -> "Lind"."""
    match = title_then_name().search(mention)
    name = match.group("name") if match else strip_determiner(mention)
    return head_phrase(name) or name


def _on_platform(mention: str) -> bool:
    """A platform word in the mention's head ("a Telegram channel"), or after a post-like head
    ("a video that emerged online", "a post on X") or a plural of people ("users on Telegram");
    not "a letter to <platform>"."""
    platforms = _anywhere("source_platforms.txt")
    head = head_phrase(mention)
    if platforms.search(head):
        return True
    if people_on_platform(mention):
        return True
    return _is_post(mention) and bool(platforms.search(mention))


def people_on_platform(mention: str) -> bool:
    """ "residents on Telegram", "users on Twitter": unnamed people posting on a platform."""
    head = head_phrase(mention)
    _, on, place = mention.rpartition(" on ")
    return bool(on and head) and bool(_anywhere("source_platforms.txt").fullmatch(place.strip())) \
        and head.split()[-1].lower().endswith("s") and not bare_full_name(head)


def _is_post(mention: str) -> bool:
    """Whether a post-like noun heads the mention ("a video", "footage circulating ...")."""
    words = head_phrase(mention).lower().split()
    while len(words) > 1 and words[-1] in word_list("source_posting_verbs.txt"):
        words.pop()
    return bool(words) and words[-1] in _POST_NOUNS


def anonymity_cue(mention: str) -> bool:
    return bool(_anywhere("source_anonymity_patterns.txt").search(mention))


def _unnamed_role(head: str) -> bool:
    """An unnamed role noun or an indefinite/plural title heads the phrase: "a senior official"."""
    words = head.lower().split()
    if not words:
        return False
    last, first = words[-1], words[0]
    if last in role_nouns():
        return True
    title_at_end = _at_end("source_titles.txt").search(head.lower())
    if title_at_end and first in INDEFINITE_DETERMINERS and len(words) > 1:
        return True
    singular = last[:-1] if last.endswith("s") else None
    return bool(singular) and bool(_at_end("source_titles.txt").search(head.lower()[:-1])) and (
        first not in DEFINITE_DETERMINERS
    )


def bare_full_name(mention: str) -> bool:
    """Two to four capitalized words, none of them a lexicon word: likely a person's full name."""
    words = strip_determiner(strip_possessive(mention)).split()
    if not 2 <= len(words) <= 4 or mention.lower().startswith("the "):
        return False
    for word in words:
        if not re.fullmatch(r"[A-Z][a-z][\w'-]*\.?|[A-Z]\.", word) or word.lower().strip(".") in lexicon_words():
            return False
    return True


def _media_by_name(mention: str) -> bool:
    """An outlet recognisable from its name: a media name head word, or a broadcaster/domain shape."""
    name = strip_possessive(strip_determiner(mention))
    words = name.split()
    if not words:
        return False
    if "." in name and _media_shapes().fullmatch(name):
        return True  # a web domain: "name.com"
    capitalized = [w for w in words if w[0].isupper() or w[0].isdigit()]
    if len(capitalized) != len(words):
        return False
    heads = _media_name_heads()
    if words[-1].lower() in heads or (len(words) > 1 and words[0].lower() in {"radio", "tv"}):
        return True
    # Abbreviation shapes ("XBC") only count in capitals; domains ("name.com") and channel
    # brands ("7News") in any case.
    return bool(_media_shapes().fullmatch(name)) and (name.isupper() or "." in name or name[0].isdigit())


def type_of_head(head: str) -> str | None:
    """The type given by the head word(s) of a descriptive phrase, or None."""
    low = head.lower()
    if _at_end("source_media_words.txt").search(low):
        return "media"
    if _at_end("source_titles.txt").search(low):
        return "person"
    if _at_end("source_government_words.txt").search(low):
        return "government"
    if _at_end("source_document_words.txt").search(low):
        return "document"
    if _at_end("source_organization_words.txt").search(low):
        # "the State Department Refugee Center": an office inside a state body.
        return "government" if _anywhere("source_government_words.txt").search(low) else "organization"
    singular = low[:-3] + "y" if low.endswith("ies") else low[:-1]  # "deputies" -> "deputy"
    if low.endswith("s") and _at_end("source_titles.txt").search(singular):
        return "person"  # "the two presidents", "the leaders of the two nations": people, each named elsewhere
    return None


def descriptor_and_name(head: str) -> tuple[str, str] | None:
    """ "the Ukrainian outlet Foo Bar" -> ("the Ukrainian outlet", "Foo Bar"): a lowercase descriptor then a name."""
    # a name's words start with a capital or a digit, or are written in camel case ("nCircle")
    name_word = r"(?:[A-Z0-9]|[a-z]+[A-Z])[\w'.&-]*"
    match = re.match(rf"^(?P<desc>(?:\S+\s+)*?[a-z][\w-]*)\s+(?P<name>{name_word}(?:\s+{name_word})*)$", head)
    if match is None or type_of_head(match.group("desc")) is None:
        return None
    return match.group("desc"), match.group("name")


AGE = r"\d{1,3}[- ]years?[- ]old"  # "29-year-old", "40 year old"
# An age, at most two lowercase words, then a capitalised name: "a 40-year-old Eva Lind", "32-year-old protester Ivo Brandt"
AGE_BEFORE_NAME = re.compile(rf"^(?:(?:a|an|the)\s+)?{AGE}\s+(?:[a-z][\w-]*\s+){{0,2}}(?=[A-Z])")


def aged_name(mention: str) -> str | None:
    """ "32-year-old protester Ivo Brandt, a teacher" -> "Ivo Brandt": the name after an age; None without one."""
    match = AGE_BEFORE_NAME.match(clean_mention(mention))
    if match is None:
        return None
    name = re.match(r"[A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*)*", clean_mention(mention)[match.end():])
    return name.group(0).rstrip(".") if name else None


_PHRASE_BREAK = re.compile(r",|\b(?:at|of|for|from|with|in|by|on)\b", re.IGNORECASE)


def body_descriptor_type(mention: str) -> str | None:
    """The type a body's descriptor before a name gives it ("the cable operator Veltra":
    organization, for a business word of ``business_descriptions``; "the Ukrainian outlet Foo":
    media), or None (no such descriptor, a person's title, a word such as "producer" that may be
    a person's job, or an unnamed speaker: "researchers at the security firm Veltra")."""
    described = descriptor_and_name(clean_mention(mention))
    if described is None or anonymity_cue(mention) or _PHRASE_BREAK.search(described[0]):
        return None  # "Ivo Brandt, chief officer with the firm Veltra": the firm is not the speaker
    type_ = type_of_head(described[0])
    if type_ == "organization" and described[0].split()[-1].lower() not in business_descriptions():
        return None  # "Oscar producer Lee Park": a producer may be a person
    return type_ if type_ in {"organization", "media", "government"} else None


def _type_of_entity(entity_label: str | None, cue: str | None) -> str | None:
    if entity_label == "PERSON":
        return "person"
    if entity_label == "ORG":
        reporting = cue is not None and any(word in REPORTING_CUES for word in cue.lower().split())
        return "media" if reporting else "organization"
    if entity_label in {"GPE", "FAC"}:
        return "government"
    return None


def classify_source(
    text: str,
    *,
    entity_label: str | None = None,
    outlet: str | None = None,
    cue: str | None = None,
) -> tuple[str, bool]:
    """The type of one source mention (a value of ``model.SOURCE_TYPES``) and whether it is anonymous.

    Requires the raw mention text; ``entity_label`` is the spaCy label of the mention's head
    (PERSON, ORG, GPE, ...), ``outlet`` the publishing outlet (name or domain) and ``cue`` the
    attribution cue ("reported", "said"), all optional. Pronouns are typed by their form only
    ("he" -> person, "they" -> unknown); ``resolve_sources`` replaces them by their antecedent.
    """
    mention = clean_mention(text)
    low = mention.lower()
    if not mention:
        return "unknown", False
    if is_self(mention, outlet):
        return "self", False
    if low in PERSONAL_PRONOUNS or low in FIRST_PERSON_SINGULAR:
        return "person", False
    if low in PLURAL_PRONOUNS | NEUTER_PRONOUNS | RELATIVE_PRONOUNS:
        return "unknown", False
    if AGE_BEFORE_NAME.match(mention):
        return "person", False  # "40-year-old Eva Lind", "32-year-old protester Ivo Brandt"
    owned = split_possessive(mention)
    if owned and owned[1].lower() in SOURCE_NOUNS:
        return "anonymous", True
    issued = document_issuer(mention) if not anonymity_cue(mention) else None
    issued_type = _issued_document_type(issued, outlet) if issued else None
    if issued_type is not None:
        return issued_type
    if owned and owned[1].lower() in PUBLICATION_NOUNS:
        owner_type, owner_anonymous = classify_source(owned[0], outlet=outlet, cue=cue)
        if owner_type in {"organization", "unknown"} and owned[1].lower() in MEDIA_POSSESSED_NOUNS:
            return "media", False
        if owner_type != "unknown":
            return owner_type, owner_anonymous
    body = owned or _named_body(mention)
    if body and is_body_noun(body[1]):
        spoken_as = body_type(body[1], classify_source(body[0], outlet=outlet, cue=cue)[0])
        if spoken_as is not None:
            return spoken_as, False  # "the network's management" speaks as the network
    if _on_platform(mention):
        return "social_media", False
    head_words = head_phrase(mention).lower().split()
    if anonymity_cue(mention) and any(word in role_nouns() for word in head_words):
        return "anonymous", True  # "people close to <a named person>": the speaker is unnamed
    if is_capital(mention):
        return "government", False  # "Beijing said": a capital speaks for its government, whatever the tagger read
    described = apposition_type(mention)
    if described is not None:  # "X, the public broadcasting company of Y": beats the tagger's label
        return described, False
    body_described = body_descriptor_type(mention)
    if body_described is not None:
        return body_described, False  # "cable operator Veltra": whatever the tagger read
    if personal_name(mention, entity_label):
        return "person", False
    if anonymity_cue(mention):
        return "anonymous", True
    if entity_label == "NORP" and low.split()[0] in ("a", "an", "one"):
        return "anonymous", True  # "a senior Democrat": one unnamed member of a group
    return _classify_description(mention, entity_label, outlet, cue)


def _named_body(mention: str) -> tuple[str, str] | None:
    """ "CNN management" -> ("CNN", "management"): a name, then one last word (a body noun or not)."""
    words = mention.split()
    return (" ".join(words[:-1]), words[-1]) if len(words) > 1 and words[0][0].isupper() else None


def is_body_noun(noun: str) -> bool:
    """Whether ``noun`` names an organisation's people as one body ("management", "producers":
    ``data/source_body_nouns.txt``), so that "X's <noun>" speaks as X when X is a body."""
    return noun.lower() in word_list("source_body_nouns.txt")


def body_type(noun: str, owner_type: str) -> str | None:
    """The type "<owner>'s <noun>" speaks as: the owner's when the noun is a body noun and the
    owner an outlet, company, office or the outlet itself ("CNN's management": media); else None."""
    return owner_type if is_body_noun(noun) and owner_type in BODY_OWNER_TYPES else None


def is_capital(mention: str) -> bool:
    """Whether the whole mention is a capital city (``data/source_capitals.txt``), which as a
    speaker stands for its government."""
    return clean_mention(mention).lower() in word_list("source_capitals.txt")


def _issued_document_type(issued: tuple[str, str], outlet: str | None) -> tuple[str, bool] | None:
    """The type of a document with a known issuer: the issuer's own for an outlet's report or a
    statement ("a report by the Herald", "a statement from the ministry"),
    "document" otherwise; None when the issuer cannot be typed (or is a platform)."""
    issuer, noun = issued
    issuer_type, issuer_anonymous = classify_source(issuer, outlet=outlet)
    if issuer_type in {"unknown", "document", "social_media"}:
        return None
    if issuer_type in {"media", "self"} and noun in OUTLET_REPORT_NOUNS or is_statement(noun):
        return issuer_type, issuer_anonymous
    return "document", False


def apposition_type(mention: str) -> str | None:
    """ "X, the state broadcaster" -> "media": the type of a body that a description set off after
    the name gives (media, government, organization), or "person" when a person's title describes
    a name ("Brandt, the harbour's pilot"); None without one (other people are left to names)."""
    head = head_phrase(mention)
    rest = mention[len(head):] if head and mention.startswith(head) else ""
    apposition = rest.lstrip(" ,—–-(")
    if not apposition or not re.match(r"\s*[,(—–-]", rest):
        return None
    described = type_of_head(head_phrase(strip_determiner(apposition)))
    if described is None:  # "the soft-spoken, tireless priest and builder of ...": one noun phrase
        first = re.split(r"\s+(?:who|which|that|and|of)\s+", apposition)[0].replace(",", "")
        described = type_of_head(head_phrase(strip_determiner(first)))
    if described is None and _media_by_name(apposition):
        described = "media"  # "the paper's online service, paper.com"
    if described == "person" and (bare_full_name(head) or re.fullmatch(r"[A-Z][a-z][\w'-]*", head)):
        return "person"  # "Ivo Brandt, a retired journalist": whatever the tagger took the name for
    return described if described in {"media", "government", "organization"} else None


def _classify_description(
    mention: str, entity_label: str | None, outlet: str | None, cue: str | None
) -> tuple[str, bool]:
    """Type a mention with no name, pronoun or anonymity cue: by its head word, label or shape."""
    head = head_phrase(mention)
    if head and type_of_head(head) == "government":
        return "government", False  # "federal prosecutors", "police": the office speaks, not unnamed people
    if head and _unnamed_role(head):
        return "anonymous", True
    head_type = type_of_head(head) if head else None
    if head_type is None and head and (described := descriptor_and_name(head)):
        head_type = type_of_head(described[0])
    if head_type == "document":
        carried = re.search(r"\bin\s+(?P<outlet>.+)$", mention)  # "a report in the Herald": the outlet
        carrier = classify_source(carried.group("outlet"), outlet=outlet) if carried else None
        if carrier is not None and carrier[0] in {"media", "self"}:
            return carrier
    if head_type is not None:
        return head_type, False
    if _media_by_name(head or mention):
        return "media", False
    described = apposition_type(mention)
    if described is not None:
        return described, False
    entity_type = _type_of_entity(entity_label, cue)
    if entity_type is not None:
        return entity_type, False
    if entity_label is None and bare_full_name(head or mention):
        return "person", False
    return "unknown", False
