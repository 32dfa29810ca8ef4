"""Who the sources are: the type of a source mention and its one canonical name within an article.

``classify_source`` types one raw mention ("a European diplomat", "the ministry", "a Telegram
channel") as one of ``model.SOURCE_TYPES`` and says whether it is anonymous, from its words, an
optional spaCy entity label, the cue and the publishing outlet. ``resolve_sources`` then works
over one article: pronouns and descriptions take their antecedent, each source gets one
canonical name, and every chain link is typed. Word lists: ``data/source_*.txt`` and
``data/person_given_name_genders.txt``; none names an outlet.

classify_source decision order (first that applies wins):
  self (the outlet itself, "this newspaper", "we") > pronoun form > "X's sources" (anonymous) /
  "X's report" (typed as X) > platform ("a Telegram channel", "a video posted online") >
  unnamed role with an anonymity cue ("people close to <name>") > personal name (PERSON label,
  a title before a name, or a role with a name in apposition) > anonymity cue > head word of the
  mention (unnamed role, media, title, government, document, organisation; a document by a known
  author takes the author's type) > outlet-like name (name heads, broadcaster or domain shapes) >
  entity label (PERSON, ORG -> organisation or media when the cue is "reported"/"wrote", GPE
  or FAC -> government) > a bare capitalized full name -> person > unknown.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field
from functools import cache

from spacy.tokens import Doc, Span

from storytrace.lexicons import phrase_alternation, word_list, word_map
from storytrace.model import Attribution, ChainLink

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
_HEAD_BREAK = re.compile(
    r",|\s[—–-]\s|—|–|\(|\s(?:of|for|from|at|in|with|on|by|to|who|whom|which|that|whose|and|or)\s"
    r"|\s[a-z]+(?:ed|en)\s(?=(?:by|in|on|at|to|from|with)\s)",  # "a complaint filed by ..."
    re.IGNORECASE,
)
_TRAILING_PUNCT = " \t\n\"'“”‘’«»,.;:!?()[]—–-"


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


@cache
def _roles() -> frozenset[str]:
    """Unnamed role nouns ("official", "diplomat") from the anonymity list's ``role:`` lines."""
    return frozenset(e[5:].strip() for e in word_list("source_anonymity_patterns.txt") if e.startswith("role:"))


@cache
def _title_then_name() -> re.Pattern[str]:
    """A title followed by one to four capitalized words: "Finance Minister Tomas Lind"."""
    titles = tuple(e for e in word_list("source_titles.txt") if not e.startswith("re:"))
    name_word = r"[A-Z][\w'’-]*\.?"
    return re.compile(rf"(?i:{phrase_alternation(titles)})\s+(?P<name>{name_word}(?:\s+{name_word}){{0,3}})")


@cache
def _self_words() -> frozenset[str]:
    return frozenset(word_list("source_self_words.txt"))


@cache
def _media_name_heads() -> frozenset[str]:
    return frozenset(word_list("source_media_name_heads.txt"))


@cache
def _media_shapes() -> re.Pattern[str]:
    shapes = [e[3:].strip() for e in word_list("source_media_patterns.txt") if e.startswith("re:")]
    return re.compile("|".join(f"(?:{s})" for s in shapes), re.IGNORECASE)


@cache
def _lexicon_words() -> frozenset[str]:
    """Every single word of the type lexicons, to tell a descriptive phrase from a bare name."""
    words: set[str] = set()
    for name in ("source_media_words.txt", "source_government_words.txt", "source_titles.txt",
                 "source_document_words.txt", "source_organization_words.txt", "source_platforms.txt"):
        for entry in word_list(name):
            if not entry.startswith("re:"):
                words.update(entry.split())
    return frozenset(words | _roles())


# --------------------------------------------------------------------------- text helpers


def clean_mention(text: str) -> str:
    """The mention with outer quotes and punctuation stripped, spaces collapsed, ’ as '."""
    text = re.sub(r"\s+", " ", text.replace("’", "'")).strip(_TRAILING_PUNCT)
    return text


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


def head_phrase(text: str) -> str:
    """The part of a mention before its first comma, dash, parenthesis, preposition or clause."""
    return _HEAD_BREAK.split(text, maxsplit=1)[0].strip(_TRAILING_PUNCT)


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
        word.endswith("s") and not word.endswith("ss") and word[:-1] in _roles() | _lexicon_words()
    )


# --------------------------------------------------------------------------- classification


def is_self(text: str, outlet: str | None) -> bool:
    """Whether a mention names the publishing outlet or the article's own writers."""
    mention = clean_mention(text)
    if mention.lower() in _self_words():
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
    if appositive and _bare_full_name(appositive.group("name")) and (
            _type_of_head(appositive.group("head")) == "person" or _unnamed_role(appositive.group("head"))):
        return appositive.group("name")  # "the mayor's spokesman, Ann Lee"
    match = _title_then_name().search(mention)
    # The titled name must close the mention or its head ("Chairman Ann Lee, who ..."), not sit
    # inside a longer phrase ("a slide that Mr. Lee showed").
    if match is None or not re.match(r"\s*(?:$|[,(—–])", mention[match.end():]):
        return None
    if re.search(r"['’]s\s", match.group("name")):
        return None  # "President Lee's office": what the person owns, not the person
    name = strip_possessive(match.group("name").strip(_TRAILING_PUNCT))
    if any(w.lower() in _lexicon_words() for w in name.split()):
        return None
    return name


def _without_title(mention: str) -> str:
    """A PERSON mention without a leading title or determiner: "Finance Minister Lind" -> "Lind"."""
    match = _title_then_name().search(mention)
    name = match.group("name") if match else strip_determiner(mention)
    return head_phrase(name) or name


_POST_NOUNS = frozenset({"post", "posts", "video", "videos", "footage", "clip", "clips", "message",
                         "messages", "account", "accounts", "channel", "page", "livestream", "photo",
                         "photos", "image", "images", "statement", "comment", "comments"})


def _on_platform(mention: str) -> bool:
    """A platform word in the mention's head ("a Telegram channel"), or after a post-like head
    ("a video that emerged online", "a post on X"); not "a letter to <platform>"."""
    platforms = _anywhere("source_platforms.txt")
    head = head_phrase(mention)
    if platforms.search(head):
        return True
    head_words = head.lower().split()
    return bool(head_words) and head_words[-1] in _POST_NOUNS and bool(platforms.search(mention))


def _anonymity_cue(mention: str) -> bool:
    return bool(_anywhere("source_anonymity_patterns.txt").search(mention))


def _unnamed_role(head: str) -> bool:
    """An unnamed role noun or an indefinite/plural title heads the phrase: "a senior official"."""
    words = head.lower().split()
    if not words:
        return False
    last, first = words[-1], words[0]
    if last in _roles():
        return True
    title_at_end = _at_end("source_titles.txt").search(head.lower())
    if title_at_end and first in INDEFINITE_DETERMINERS and len(words) > 1:
        return True
    singular = last[:-1] if last.endswith("s") else None
    return bool(singular) and bool(_at_end("source_titles.txt").search(head.lower()[:-1])) and (
        first not in DEFINITE_DETERMINERS
    )


def _bare_full_name(mention: str) -> bool:
    """Two to four capitalized words, none of them a lexicon word: likely a person's full name."""
    words = strip_determiner(strip_possessive(mention)).split()
    if not 2 <= len(words) <= 4 or mention.lower().startswith("the "):
        return False
    for word in words:
        if not re.fullmatch(r"[A-Z][a-z][\w'-]*\.?|[A-Z]\.", word) or word.lower().strip(".") in _lexicon_words():
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
    capitalized = [w for w in words if w[0].isupper()]
    if len(capitalized) != len(words):
        return False
    heads = _media_name_heads()
    if words[-1].lower() in heads or (len(words) > 1 and words[0].lower() in {"radio", "tv"}):
        return True
    # Abbreviation shapes ("XBC") only count in capitals; domains ("name.com") in any case.
    return bool(_media_shapes().fullmatch(name)) and (name.isupper() or "." in name)


def _type_of_head(head: str) -> str | None:
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
    return None


def descriptor_and_name(head: str) -> tuple[str, str] | None:
    """ "the Ukrainian outlet Foo Bar" -> ("the Ukrainian outlet", "Foo Bar"): a lowercase descriptor then a name."""
    match = re.match(r"^(?P<desc>(?:\S+\s+)*?[a-z][\w-]*)\s+(?P<name>[A-Z0-9][\w'.&-]*(?:\s+[A-Z0-9][\w'.&-]*)*)$", head)
    if match is None or _type_of_head(match.group("desc")) is None:
        return None
    return match.group("desc"), match.group("name")


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
    owned = split_possessive(mention)
    if owned and owned[1].lower() in SOURCE_NOUNS:
        return "anonymous", True
    if owned and owned[1].lower() in PUBLICATION_NOUNS:
        owner_type, owner_anonymous = classify_source(owned[0], outlet=outlet, cue=cue)
        if owner_type in {"organization", "unknown"} and owned[1].lower() in MEDIA_POSSESSED_NOUNS:
            return "media", False
        if owner_type != "unknown":
            return owner_type, owner_anonymous
    if _on_platform(mention):
        return "social_media", False
    head_words = head_phrase(mention).lower().split()
    if _anonymity_cue(mention) and any(word in _roles() for word in head_words):
        return "anonymous", True  # "people close to <a named person>": the speaker is unnamed
    if personal_name(mention, entity_label):
        return "person", False
    if _anonymity_cue(mention):
        return "anonymous", True
    return _classify_description(mention, entity_label, outlet, cue)


def _classify_description(
    mention: str, entity_label: str | None, outlet: str | None, cue: str | None
) -> tuple[str, bool]:
    """Type a mention with no name, pronoun or anonymity cue: by its head word, label or shape."""
    head = head_phrase(mention)
    if head and _unnamed_role(head):
        return "anonymous", True
    head_type = _type_of_head(head) if head else None
    if head_type is None and head and (described := descriptor_and_name(head)):
        head_type = _type_of_head(described[0])
    if head_type == "document":
        author = re.search(r"\b(?:from|by|of|in)\s+(?P<author>.+)$", mention, re.IGNORECASE)
        if author:
            author_type, author_anonymous = classify_source(author.group("author"), outlet=outlet)
            if author_type not in {"unknown", "document"}:
                return author_type, author_anonymous
    if head_type is not None:
        return head_type, False
    if _media_by_name(head or mention):
        return "media", False
    entity_type = _type_of_entity(entity_label, cue)
    if entity_type is not None:
        return entity_type, False
    rest = mention[len(head):]
    apposition = rest.lstrip(" ,—–-(")
    if apposition and re.match(r"\s*[,(—–-]", rest):
        described = _type_of_head(head_phrase(strip_determiner(apposition)))
        if described in {"media", "government", "organization"}:
            return described, False
    if entity_label is None and _bare_full_name(head or mention):
        return "person", False
    return "unknown", False


# --------------------------------------------------------------------------- one article's sources

_ABBREVIATIONS = {"sen.": "senator", "rep.": "representative", "gov.": "governor", "gen.": "general",
                  "col.": "colonel", "lt.": "lieutenant", "adm.": "admiral", "dr.": "doctor"}
_MALE_MARKS = {"mr.", "mr", "he", "him", "his", "himself", "spokesman", "king", "prince", "sir", "lord"}
_FEMALE_MARKS = {"mrs.", "ms.", "mrs", "ms", "miss", "she", "her", "hers", "herself", "spokeswoman",
                 "queen", "princess", "dame", "lady", "congresswoman", "chairwoman"}


@dataclass(eq=False)
class _Source:
    """One source of an article, gathering all its mentions."""

    name: str
    type: str
    anonymous: bool
    plural: bool = False
    gender: str | None = None
    last_seen: int = -1
    words: set[str] = field(default_factory=set)
    owner: _Source | None = None  # set for "X's sources": the X
    noun: str | None = None

    def canonical(self) -> str:
        if self.owner is not None:
            owner = self.owner.canonical()
            return f"{owner}' {self.noun}" if owner.endswith("s") else f"{owner}'s {self.noun}"
        return self.name

    def see(self, mention: str, start: int) -> None:
        words = {_ABBREVIATIONS.get(w, w) for w in mention.lower().split()}
        self.words |= words
        if self.gender is None and words & _MALE_MARKS:
            self.gender = "m"
        elif self.gender is None and words & _FEMALE_MARKS:
            self.gender = "f"
        self.last_seen = max(self.last_seen, start)


_RECENT_CHARS = 600  # how far back a full name still settles an ambiguous surname
_NAME_PARTICLES = "van|von|de|da|del|der|den|di|du|la|le|bin|ibn|al|el|dos|das|y"


def clean_person_name(name: str) -> str:
    """A PERSON entity's text as a name: no title, no trailing clause or line, no possessive."""
    name = re.split(r"[\n,(]|\s[—–-]\s", clean_mention(name), maxsplit=1)[0].strip(_TRAILING_PUNCT)
    match = _title_then_name().match(name)
    if match:
        name = match.group("name")
    # "frontman Anthony X" / "Tennis great Anna X" -> "Anthony X" / "Anna X" (name particles stay).
    name = re.sub(rf"^.*\b(?!(?:{_NAME_PARTICLES})\b)[a-z][\w-]*\s+(?=[A-Z])", "", name)
    name = re.sub(r"(?:\s+[A-Z]{3,})+$", "", name)  # a dateline glued on: "Anna Berg OSLO"
    return strip_possessive(name)


def _given_name_gender(name: str) -> str | None:
    words = name.split()
    return word_map("person_given_name_genders.txt").get(words[0].lower()) if len(words) > 1 else None


def _name_key(name: str) -> str:
    return re.sub(r"[^\w]", "", strip_determiner(strip_possessive(name)).lower())


class _ArticleSources:
    """The sources of one article while its mentions are resolved in reading order."""

    def __init__(self, doc: Doc, outlet: str | None, attributions: list[Attribution]):
        self.doc, self.outlet = doc, outlet
        self.text = doc.text  # Doc.text is rebuilt on every access: read it once
        self.sources: list[_Source] = []
        self.person_entities = [e for e in doc.ents if e.label_ == "PERSON"]
        # Names for canonical forms; headline lines ("Lee Wins Vote") glue verbs to names, so skip them.
        self.person_names = [(e.start_char, clean_person_name(e.text)) for e in self.person_entities
                             if not _on_headline_line(self.text, e.start_char)]
        self.speakers: list[tuple[int, int, Attribution]] = [
            (s, e, a) for a in attributions for s, e in a.content_spans
        ]
        self.resolved: dict[int, _Source] = {}
        self.seen_entities: set[int] = set()
        self.mentions: list[tuple[int, int, _Source]] = []
        self.sentences = list(doc.sents)
        self.sentence_starts = [sentence.start_char for sentence in self.sentences]
        # "Mr. Lee" / "Ms. Park" anywhere in the article: the surname's gender.
        self.surname_gender = {
            m.group(2).lower(): ("m" if m.group(1) == "Mr" else "f")
            for m in re.finditer(r"\b(Mr|Mrs|Ms)\.?\s+([A-Z][\w'-]+)", self.text)
        }

    # ---- where a mention is in the doc
    def span(self, start: int | None, end: int | None) -> Span | None:
        if start is None or end is None or end <= start:
            return None
        return self.doc.char_span(start, end, alignment_mode="expand")

    @staticmethod
    def label(span: Span | None) -> str | None:
        return (span.root.ent_type_ or None) if span is not None else None

    def locate(self, text: str, near: int) -> tuple[int, int] | None:
        """The occurrence of ``text`` in the doc nearest to offset ``near``."""
        needle = clean_mention(text)
        found = [m.start() for m in re.finditer(re.escape(needle), self.text)] if needle else []
        if not found:
            return None
        start = min(found, key=lambda s: abs(s - near))
        return start, start + len(needle)

    # ---- the sources met so far
    def before(self, offset: int) -> list[_Source]:
        """Sources seen before ``offset``, nearest first."""
        seen = [s for s in self.sources if 0 <= s.last_seen < offset]
        return sorted(seen, key=lambda s: s.last_seen, reverse=True)

    def register(self, name: str, type_: str, anonymous: bool, mention: str, start: int,
                 plural: bool = False) -> _Source:
        key = "self" if type_ == "self" else _name_key(name)
        for source in self.sources:
            same = ("self" if source.type == "self" else _name_key(source.name)) == key
            if same or (type_ == "person" == source.type and _same_person(name, source.name)):
                if len(name) > len(source.name) and not (type_ == "self" and name.lower() in _self_words()):
                    source.name = name
                    if type_ == "person" and source.gender is None:
                        source.gender = _given_name_gender(name)
                source.see(mention, start)
                return source
        source = _Source(name, type_, anonymous, plural=plural)
        if type_ == "person":
            source.gender = _given_name_gender(name) or self.surname_gender.get(name.split()[-1].lower())
        source.see(mention, start)
        self.sources.append(source)
        return source

    # ---- resolving one mention
    def resolve(self, text: str, start: int | None, end: int | None, cue: str | None = None) -> _Source:
        """The source a mention refers to (registered on first sight); the mention is remembered."""
        source = self._resolve(text, start, end, cue)
        if start is not None and end is not None:
            self.mentions.append((start, end, source))
        return source

    def _resolve(self, text: str, start: int | None, end: int | None, cue: str | None) -> _Source:
        mention = clean_mention(text)
        low = mention.lower()
        at = start if start is not None else 0
        span = self.span(start, end)
        if low in PERSONAL_PRONOUNS:
            return self.person_before(low, at) or self.register(mention, "person", False, mention, at)
        if low in FIRST_PERSON_SINGULAR | FIRST_PERSON_PLURAL:
            speaker = self.speaker_around(at)
            if speaker is None and _inside_quotes(self.text, at):
                wanted = {"person"} if low in FIRST_PERSON_SINGULAR else None
                speaker = next((s for s in self.before(at) if wanted is None or s.type in wanted), None)
            return speaker or self.register(self.outlet or mention, "self", False, mention, at)
        if low in PLURAL_PRONOUNS | NEUTER_PRONOUNS:
            plural = low in PLURAL_PRONOUNS
            for source in self.before(at):
                kinds = {"organization", "government", "media", "self"} | (set() if plural else {"document"})
                if source.type in kinds or (plural and source.plural):
                    source.see(mention, at)
                    return source
            return self.register(mention, "unknown", False, mention, at, plural=plural)
        if low in RELATIVE_PRONOUNS and span is not None:
            antecedent = self.antecedent_of_relative(span)
            if antecedent is not None:
                return self.resolve(antecedent.text, antecedent.start_char, antecedent.end_char, cue)
        owned = split_possessive(mention)
        if owned and not personal_name(mention, self.label(span)):
            resolved = self.resolve_owned(text, owned, at, cue)
            if resolved is not None:
                return resolved
        described = self.description_antecedent(mention, at)
        if described is not None:
            described.see(mention, at)
            return described
        type_, anonymous = classify_source(mention, entity_label=self.label(span), outlet=self.outlet, cue=cue)
        if type_ in {"unknown", "organization", "government"} and self.names_known_person(mention):
            type_ = "person"  # "Barkley" unlabelled here, but a PERSON elsewhere in the article
        name = self.name_for(mention, type_, span, at)
        return self.register(name, type_, anonymous, mention, at, plural=is_plural_mention(mention))

    def person_before(self, pronoun: str, at: int) -> _Source | None:
        """The nearest person (source or PERSON entity) before ``at`` whose gender does not clash."""
        wanted = "f" if pronoun in _FEMALE_MARKS else "m"
        self.register_entities_before(at)

        def fits(source: _Source) -> bool:
            return source.type == "person" and not source.anonymous and source.gender in {None, wanted}

        subject = self.recent_subject(at, fits)
        if subject is not None:
            subject.gender = wanted
            subject.see(pronoun, at)
            return subject
        for source in self.before(at):
            if fits(source):
                source.gender = wanted
                source.see(pronoun, at)
                return source
        return None

    def recent_subject(self, at: int, fits) -> _Source | None:
        """The subject a pronoun at ``at`` most likely continues: the last fitting subject before it
        in its own sentence, else the first (main-clause) one in up to three sentences back.
        Mentions inside quotations are skipped ("'Lee is wrong,' he said" is not about Lee)."""
        index = bisect_right(self.sentence_starts, at) - 1
        for back in range(0, 4):
            if index - back < 0:
                break
            sentence = self.sentences[index - back]
            candidates = sorted(
                ((start, source) for start, end, source in self.mentions
                if sentence.start_char <= start < min(sentence.end_char, at) and fits(source)
                and self.is_subject(start, end) and not _inside_quotes(self.text, start)),
                key=lambda candidate: candidate[0],
            )
            if candidates:
                return candidates[-1][1] if back == 0 else candidates[0][1]
        return None

    def is_subject(self, start: int, end: int) -> bool:
        span = self.span(start, end)
        return span is not None and span.root.dep_ in {"nsubj", "nsubjpass"}

    def register_entities_before(self, at: int) -> None:
        """Make the PERSON entities before ``at`` candidates for pronouns and descriptions."""
        for entity in self.person_entities:
            if entity.end_char <= at and entity.start_char not in self.seen_entities and not _on_headline_line(
                    self.text, entity.start_char):
                self.seen_entities.add(entity.start_char)
                name = self.full_name(clean_person_name(entity.text), entity.start_char)
                source = self.register(name, "person", False, " ".join(_entity_context(entity)), entity.start_char)
                self.mentions.append((entity.start_char, entity.end_char, source))

    def speaker_around(self, at: int) -> _Source | None:
        """For "I"/"we" inside quoted content: the source of the attribution that quotes it."""
        enclosing = [(e - s, a) for s, e, a in self.speakers if s <= at < e and id(a) in self.resolved]
        return self.resolved[id(min(enclosing, key=lambda x: x[0])[1])] if enclosing else None

    @staticmethod
    def antecedent_of_relative(span: Span) -> Span | None:
        """ "officials, who said" -> the noun phrase "officials" the relative clause hangs on."""
        token = span.root
        if token.head.dep_ != "relcl":
            return None
        noun = token.head.head
        for entity in noun.doc.ents:
            if entity.start <= noun.i < entity.end:
                return entity
        return noun.doc[noun.left_edge.i : noun.i + 1]

    def resolve_owned(self, text: str, owned: tuple[str, str], at: int, cue: str | None) -> _Source | None:
        """ "X's sources" -> anonymous sources owned by X; "X's report" -> X itself; "his campaign"
        -> a source named after its resolved owner ("Lee's campaign"), typed by the mention."""
        owner_text, noun = owned
        owner_is_pronoun = owner_text.lower() in PERSONAL_PRONOUNS | PLURAL_PRONOUNS | NEUTER_PRONOUNS
        if noun.lower() not in SOURCE_NOUNS | PUBLICATION_NOUNS and not owner_is_pronoun:
            return None
        offset = text.find(owner_text)
        owner_start = at + max(offset, 0)
        owner = self.resolve(owner_text, owner_start, owner_start + len(owner_text), cue)
        if noun.lower() in PUBLICATION_NOUNS:
            if owner.type in {"organization", "unknown"} and noun.lower() in MEDIA_POSSESSED_NOUNS:
                owner.type = "media"
            return owner
        for source in self.sources:
            if source.owner is owner and source.noun == noun.lower():
                source.see(text, at)
                return source
        type_, anonymous = ("anonymous", True) if noun.lower() in SOURCE_NOUNS else classify_source(
            text, outlet=self.outlet, cue=cue)
        source = _Source("", type_, anonymous, plural=is_plural_mention(noun), owner=owner, noun=noun.lower())
        source.see(text, at)
        self.sources.append(source)
        return source

    def description_antecedent(self, mention: str, at: int) -> _Source | None:
        """ "the minister" / "the newspaper" / "the sources" -> the nearest compatible earlier source."""
        match = re.match(r"^(?:the|this|that|these|those)\s+(?P<rest>.+)$", mention, re.IGNORECASE)
        if match is None or clean_mention(mention).lower() in _self_words():
            return None
        head = head_phrase(match.group("rest"))
        words = head.split()
        if not words or words[-1][0].isupper():
            return None  # "the Pentagon", "The Times": a name, not a description
        head_word = _ABBREVIATIONS.get(words[-1].lower(), words[-1].lower())
        # "the Saudi government" names which government: only a source with those words will do.
        modifiers = {w.lower() for w in words[:-1] if w[0].isupper()}
        kind = "anonymous" if head_word in _roles() else _type_of_head(head)
        if kind is None:
            return None
        singular = head_word[:-1] if head_word.endswith("s") else head_word
        self.register_entities_before(at)
        earlier = self.before(at)
        for source in earlier:
            if (head_word in source.words or singular in source.words) and _compatible(kind, source) and (
                    modifiers <= source.words):
                return source
        # Without a shared head word, only kinds with few candidates fall back to the nearest of
        # their type ("the newspaper"); "the government" or "the president" need the word itself.
        if kind in {"media", "organization", "anonymous"} and not modifiers:
            plural = is_plural_mention(mention)
            for source in earlier:
                if _compatible(kind, source) and (kind != "anonymous" or source.plural == plural):
                    return source
        return None

    # ---- canonical names
    def name_for(self, mention: str, type_: str, span: Span | None, at: int) -> str:
        """The name a mention gives its source: a person's full name, an outlet's name, or the mention."""
        if type_ == "person":
            name = None
            if span is not None and span.root.ent_type_ == "PERSON":
                entity = next(e for e in self.doc.ents if e.start <= span.root.i < e.end)
                # An entity running past the mention ("Lee Says" in a headline) is cut to the mention.
                inside = span.start_char <= entity.start_char and entity.end_char <= span.end_char
                name = clean_person_name(entity.text if inside else mention)
            name = name or personal_name(mention, self.label(span))
            if name is None and self.names_known_person(mention):
                name = clean_person_name(head_phrase(mention))
            if name:
                return self.full_name(name, at)
        elif type_ in {"media", "organization", "government", "social_media", "self"}:
            head = head_phrase(mention)
            described = descriptor_and_name(head)
            name = described[1] if described else head
            if name and (name[0].isupper() or re.match(r"^the\s+[A-Z]", name)):
                return strip_possessive(strip_determiner(name))
        first, _, rest = mention.partition(" ")
        if rest and first.lower() in INDEFINITE_DETERMINERS | set(DEFINITE_DETERMINERS):
            return f"{first.lower()} {rest}"  # "A European diplomat" at a sentence start
        return mention

    def names_known_person(self, mention: str) -> bool:
        """Whether a bare capitalized name is a PERSON entity or person source elsewhere in the article."""
        name = clean_person_name(head_phrase(mention))
        if not name or not re.fullmatch(r"[A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*){0,2}", name) or name.lower() in _lexicon_words():
            return False
        names = [n for _, n in self.person_names] + [s.name for s in self.sources if s.type == "person"]
        return any(_same_person(name, strip_possessive(other)) for other in names)

    def full_name(self, name: str, at: int) -> str:
        """The longest name in the article containing every word of ``name`` (nearest before, else after)."""
        candidates = list(self.person_names)
        candidates += [(s.last_seen, s.name) for s in self.sources if s.type == "person"]
        fuller = [(pos, n) for pos, n in candidates if n and _same_person(name, n) and len(n) >= len(name)]
        if not fuller:
            return name
        counts = Counter(n for _, n in fuller)
        # Full names seen more than once beat one-off entity errors ("Lee Headline Word").
        pool = [(pos, n) for pos, n in fuller if counts[n] > 1] or fuller
        families = {n for _, n in pool}
        if any(not _same_person(a, b) for a in families for b in families):
            # "Lind" with both "Tomas Lind" and "Greta Lind" in the article: only a full name just
            # before (within a few sentences) decides; otherwise do not guess.
            recent = [(pos, n) for pos, n in fuller if at - _RECENT_CHARS <= pos <= at]
            return max(recent)[1] if recent else name
        return max(families, key=lambda n: (counts[n], len(n)))


def _on_headline_line(text: str, at: int) -> bool:
    """Whether offset ``at`` is on a Title Case line without final punctuation (a headline)."""
    start, end = text.rfind("\n", 0, at) + 1, text.find("\n", at)
    line = text[start : end if end >= 0 else len(text)].strip()
    small = {"a", "an", "the", "of", "and", "or", "to", "in", "on", "for", "at", "by", "with", "as", "from"}
    words = [w for w in line.split() if w[0].isalpha() and w.lower() not in small]
    return len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.9 * len(words)


def _inside_quotes(text: str, at: int) -> bool:
    """Whether offset ``at`` lies inside a quotation opened in its paragraph."""
    paragraph = text[text.rfind("\n", 0, at) + 1 : at]
    opened = paragraph.count("“") - paragraph.count("”")
    doubled = paragraph.count("''")  # some wires write quotes as two apostrophes
    return opened > 0 or (opened == 0 and (paragraph.count('"') % 2 == 1 or doubled % 2 == 1))


def _same_person(a: str, b: str) -> bool:
    """Whether one name's words are all in the other's: "Lind" and "Tomas Lind"."""
    wa = {w.strip(".,").lower() for w in a.split() if w.strip(".,")}
    wb = {w.strip(".,").lower() for w in b.split() if w.strip(".,")}
    return bool(wa) and bool(wb) and (wa <= wb or wb <= wa)


def _compatible(kind: str, source: _Source) -> bool:
    if kind == "anonymous":
        return source.anonymous
    if kind == "media":
        return source.type in {"media", "self"}
    if kind == "organization":
        return source.type in {"organization", "media", "government"}
    return source.type == kind


def _entity_context(entity: Span) -> list[str]:
    """The words of a PERSON entity with its title and apposition: "Defense Minister", "a lawyer"."""
    root = entity.root
    words = [t.text for t in root.subtree if t.i < entity.start and t.dep_ in {"compound", "amod", "nmod", "poss"}]
    for child in root.children:
        if child.dep_ == "appos":
            words += [t.text for t in child.subtree]
    return words + [entity.text]


def resolve_sources(
    attributions: list[Attribution], doc: Doc, *, outlet: str | None = None
) -> list[Attribution]:
    """Type and name the sources of one article's attributions, and type every link of their chains.

    Requires: attributions of one article with ``source_span`` (char offsets into ``doc.text``)
    and/or raw ``source`` text, optional ``cue_span`` and ``chain`` (raw link texts, original
    source first); ``doc`` the spaCy Doc of the article text (entities and parse used);
    ``outlet`` the publishing outlet (name or domain) when known.
    Adds, in place, on the same objects (returned): ``source`` (the canonical name in the
    article), ``source_type``, ``anonymous`` and a typed, canonically named ``chain`` (built as
    ``[source]`` when empty; "X's sources" gets its owner X appended as the nearer reporter).
    Pronouns and descriptions ("he", "the minister", "the newspaper", "the sources") take the
    nearest compatible earlier source; "I"/"we" inside quoted content take the quoting source.
    Canonical names: a person is named by a full name seen in the article, without titles
    ("Tomas Lind", not "Finance Minister Lind"): the most frequent full name containing the
    mention's words, the longest on ties; when a surname belongs to several full names, the one
    named in the preceding ~600 characters, else the short name is kept. An outlet,
    organisation or government body is named by its proper name without "the" ("Harbor Times",
    "Voz" for "the outlet Voz"); "X's sources" by "<X>'s sources"; the outlet itself by the
    longest self mention or ``outlet``; anything else by its mention.
    """
    article = _ArticleSources(doc, outlet, attributions)
    first_person = FIRST_PERSON_SINGULAR | FIRST_PERSON_PLURAL

    def mention_of(attribution: Attribution) -> tuple[str | None, int | None, int | None]:
        if attribution.source_span is not None:
            start, end = attribution.source_span
            return article.text[start:end], start, end
        return attribution.source, None, None

    def position(attribution: Attribution) -> int:
        spans = [attribution.source_span, attribution.cue_span, *attribution.content_spans]
        return min((s[0] for s in spans if s is not None), default=0)

    # Reading order; "I"/"we" last, so the attribution quoting them is resolved first.
    ordered = sorted(attributions, key=lambda a: (
        clean_mention(mention_of(a)[0] or "").lower() in first_person, position(a)))
    for attribution in ordered:
        text, start, end = mention_of(attribution)
        cue = article.text[slice(*attribution.cue_span)] if attribution.cue_span else attribution.cue
        if text and clean_mention(text):
            if start is None:
                start, end = article.locate(text, position(attribution)) or (None, None)
            article.resolved[id(attribution)] = article.resolve(text, start, end, cue)
    for attribution in attributions:
        source = article.resolved.get(id(attribution))
        links = [_chain_source(article, attribution, link.source, source) for link in attribution.chain]
        if not links and source is not None:
            links = [source]
        links = _with_owners(links)
        if source is not None:
            attribution.source = source.canonical()
            attribution.source_type = source.type
            attribution.anonymous = source.anonymous
        attribution.chain = [ChainLink(source=s.canonical(), source_type=s.type) for s in links]
    return attributions


def _chain_source(article: _ArticleSources, attribution: Attribution, raw: str,
                  source: _Source | None) -> _Source:
    """The source a chain link names: the attribution's own source, or the link text located nearby."""
    if source is not None and attribution.source_span is not None:
        own = article.text[slice(*attribution.source_span)]
        if clean_mention(own).lower() == clean_mention(raw).lower():
            return source
    anchor = attribution.cue_span or attribution.source_span or next(iter(attribution.content_spans), (0, 0))
    near = anchor[0]
    start, end = article.locate(raw, near) or (near, None)
    return article.resolve(raw, start, end)


def _with_owners(links: list[_Source]) -> list[_Source]:
    """Chain links with the owner X right after each "X's sources" (as the nearer reporter)."""
    expanded: list[_Source] = []
    for index, link in enumerate(links):
        expanded.append(link)
        following = links[index + 1] if index + 1 < len(links) else None
        if link.owner is not None and link.anonymous and following is not link.owner:
            expanded.append(link.owner)
    return expanded
