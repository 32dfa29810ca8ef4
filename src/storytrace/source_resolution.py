"""Who the sources of one article are: pronouns and descriptions resolved, one canonical name each, typed chains.

``resolve_sources`` works over one article's attributions in reading order: pronouns ("he",
"they") and descriptions ("the minister", "the newspaper", "the report") take their antecedent,
each source gets one canonical name, and every chain link is typed with
``storytrace.sources.classify_source``. Relations between sources add chain links: "X's sources"
are relayed by X (X after them), a document is issued by its author ("a ministry report": the
ministry before the report), and a post or video is carried by the platform it was shared on
(the platform after it). Canonical names and the rules behind them: see ``resolve_sources``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property

from spacy.tokens import Doc, Span

from storytrace.model import Attribution, ChainLink
from storytrace.sources import (
    AGE, DEFINITE_DETERMINERS, FIRST_PERSON_PLURAL, FIRST_PERSON_SINGULAR, INDEFINITE_DETERMINERS,
    MEDIA_POSSESSED_NOUNS, NEUTER_PRONOUNS, OUTLET_REPORT_NOUNS, PERSONAL_PRONOUNS, PLURAL_PRONOUNS,
    PUBLICATION_NOUNS, RELATIVE_PRONOUNS, REPORTING_CUES, SOURCE_NOUNS, aged_name, anonymity_cue,
    apposition_type, bare_full_name, body_descriptor_type, body_type, business_descriptions,
    classify_source, clean_mention, clean_person_name, descriptor_and_name, document_issuer,
    ends_with_title, given_name_gender, head_phrase, is_capital, is_plural_mention, is_statement,
    lexicon_words, name_aware_head, people_on_platform, personal_name, platform_phrase, role_nouns,
    same_person, self_words, split_possessive, strip_determiner, strip_possessive, title_then_name,
    type_of_head,
)

# ", the state broadcaster,", ", the soft-spoken, tireless pilot,": adjectives may be set off by commas
_APPOSITION = re.compile(r",\s+((?:the|a|an)\s+(?:[\w'-]+,\s+)*[^,.;:!?\"“”]{1,80}?),")
_ACRONYM = re.compile(r"[A-Z][A-Z0-9&-]{1,11}")  # "TMZ", "SEACOM" (not "I")
CITING_CUE_STEMS = ("cite", "citing", "quote", "quoting")
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
    owner: _Source | None = None  # set for "X's sources": the X, who relays them
    noun: str | None = None
    issuer: _Source | None = None  # set for a document: who issued it ("the ministry" of its report)
    platform: _Source | None = None  # set for a post or video: the platform it was shared on
    relay: _Source | None = None  # set for an anonymous source: who first carried it ("X, citing Y")
    statements: set[str] = field(default_factory=set)  # "statement", "remarks": how it spoke

    def canonical(self) -> str:
        if self.owner is not None:
            return _possessive(self.owner.canonical(), self.noun)
        if self.issuer is not None:
            issuer = self.issuer.canonical()
            if issuer.split()[0].lower() in INDEFINITE_DETERMINERS | set(DEFINITE_DETERMINERS):
                return f"{self.noun} by {issuer}"  # "lawsuit by a fired staffer"
            return _possessive(issuer, self.noun) if self.issuer.type == "person" else f"{issuer} {self.noun}"
        return self.name

    def see(self, mention: str, start: int) -> None:
        words = {_ABBREVIATIONS.get(w, w) for w in mention.lower().split()}
        self.words |= words
        if self.gender is None and words & _MALE_MARKS:
            self.gender = "m"
        elif self.gender is None and words & _FEMALE_MARKS:
            self.gender = "f"
        self.last_seen = max(self.last_seen, start)


def _possessive(owner: str, noun: str | None) -> str:
    return f"{owner}' {noun}" if owner.endswith("s") else f"{owner}'s {noun}"


_NOT_ISSUER_LABELS = frozenset({"GPE", "LOC", "NORP", "DATE", "TIME", "CARDINAL", "ORDINAL", "EVENT"})
_RECENT_CHARS = 600  # how far back a full name still settles an ambiguous surname


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

    @cached_property
    def titled_names(self) -> frozenset[str]:
        """Last words of names given a title anywhere in the article ("President Lee", "Sgt. Park"):
        persons' names. Read only when a lone name is judged (the title pattern is slow to scan)."""
        return frozenset(m.group("name").split()[-1].lower() for m in title_then_name().finditer(self.text))

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
            if same or (type_ == "person" == source.type and same_person(name, source.name)):
                if len(name) > len(source.name) and not (type_ == "self" and name.lower() in self_words()):
                    source.name = name
                    if type_ == "person" and source.gender is None:
                        source.gender = given_name_gender(name)
                source.see(mention, start)
                return source
        source = _Source(name, type_, anonymous, plural=plural)
        if type_ == "person":
            source.gender = given_name_gender(name) or self.surname_gender.get(name.split()[-1].lower())
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
            quoted = speaker is None and (_inside_quotes(self.text, at) or _inside_carried_quotation(self.text, at))
            if quoted:  # the person (for "we": or body) last named before the quotation
                wanted = {"person"} if low in FIRST_PERSON_SINGULAR else {"person", "organization", "government"}
                speaker = next((s for s in self.before(at) if s.type in wanted), None)
            if speaker is None and quoted:  # someone quoted, not the article: who is not known
                return self.register(mention, "unknown", False, mention, at, plural=low in FIRST_PERSON_PLURAL)
            return speaker or self.register(self.outlet or mention, "self", False, mention, at)
        if low in NEUTER_PRONOUNS and (named := self.subject_entity_before(span)) is not None:
            return self.resolve(named.text, named.start_char, named.end_char, cue)
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
        issued = document_issuer(mention) if not anonymity_cue(mention) else None
        document = self.resolve_document(text, issued, at, cue) if issued else None
        if document is not None:
            return document
        owned = split_possessive(mention)
        named = _name_after_owner(mention, span)
        if named is not None:  # "the BBC's Lena Marsh in Tehran": the outlet's reporter, by name
            return self.register(self.full_name(named, at), "person", False, mention, at)
        if owned and not personal_name(mention, self.label(span)):
            resolved = self.resolve_owned(text, owned, at, cue)
            if resolved is not None:
                return resolved
        described = self.description_antecedent(mention, at)
        if described is not None:
            described.see(mention, at)
            return described
        described_mention = self.with_apposition(mention, span)
        type_, anonymous = classify_source(described_mention, entity_label=self.label(span),
                                           outlet=self.outlet, cue=cue)
        if type_ in {"unknown", "organization", "government"} and not is_capital(mention) \
                and body_descriptor_type(mention) is None and self.names_known_person(mention):
            type_ = "person"  # "Barkley" unlabelled here, but a PERSON elsewhere in the article
        elif type_ == "person" and self.lone_name(mention) \
                and apposition_type(described_mention) != "person":
            # One capitalised word the tagger called a person, never given a full name in the article:
            # as often a place ("..., Kyiv said") or an outlet ("X reported") as a surname, unless
            # the sentence goes on about it as a person ("Cheeks said he would be").
            if (cue or "").lower() in REPORTING_CUES:
                type_ = "media"
            elif not _followed_by_personal_pronoun(span):
                type_ = "unknown"
        if type_ in {"unknown", "person"} and _ACRONYM.fullmatch(mention):
            # "TMZ reported", "VELTRA said": an acronym or a name in capitals is a body, not a person
            type_ = "media" if set((cue or "").lower().split()) & REPORTING_CUES else "organization"
        shared_on = platform_phrase(mention) if type_ == "social_media" else None
        platform = self.platform_source(text, mention[slice(*shared_on)], at) if shared_on else None
        if platform is not None:  # "video shared on Chirpline": the post, named with its platform
            name = strip_determiner(mention[: shared_on[1]])
        else:
            name = self.name_for(mention, type_, span, at)
        source = self.register(name, type_, anonymous, mention, at, plural=is_plural_mention(mention))
        if platform is not None and platform is not source:
            source.platform = platform
        return source

    def with_apposition(self, mention: str, span: Span | None) -> str:
        """The mention with a description set off by commas right after it ("Foo, the public
        broadcasting company of Y, ..."), which the attribution's source span may leave out (the
        parse often makes the description a subject); else the mention."""
        if span is None or "," in mention:
            return mention
        described = _APPOSITION.match(self.text, span.end_char)
        return f"{mention}, {described.group(1)}" if described else mention

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

    def person_described(self, at: int) -> _Source | None:
        """The person a description without a name ("the 29-year-old") refers to: the subject the
        text goes on about (``recent_subject``), else the nearest named person before ``at``."""
        self.register_entities_before(at)

        def fits(source: _Source) -> bool:
            return source.type == "person" and not source.anonymous

        return self.recent_subject(at, fits) or next((s for s in self.before(at) if fits(s)), None)

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
    def subject_entity_before(span: Span | None) -> Span | None:
        """The organisation or place named as a subject earlier in the sentence of ``span`` (a
        pronoun): "Reavey said Velmora acted after it learned of the attacks" -> "Velmora"."""
        if span is None:
            return None
        before = [e for e in span.sent.ents if e.end <= span.start and e.label_ in ("ORG", "GPE")
                  and e.root.dep_ in ("nsubj", "nsubjpass")]
        return before[-1] if before else None

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
        if noun.lower() in SOURCE_NOUNS:  # "X's sources": the unnamed sources X was said to cite
            relayed = next((s for s in self.before(at) if s.anonymous and s.relay is owner
                            and s.plural == is_plural_mention(noun)), None)
            if relayed is not None:
                relayed.see(text, at)
                return relayed
        if noun.lower() in SOURCE_NOUNS:
            type_, anonymous = "anonymous", True
        elif body_type(noun, owner.type) is not None:
            type_, anonymous = owner.type, False  # "its producers" speak as the network that owns them
        else:
            type_, anonymous = classify_source(text, outlet=self.outlet, cue=cue)
        source = _Source("", type_, anonymous, plural=is_plural_mention(noun), owner=owner, noun=noun.lower())
        source.see(text, at)
        self.sources.append(source)
        return source

    def named_body_before(self, head_word: str, at: int) -> _Source | None:
        """ "the academy" -> the nearest earlier body whose name has that head word ("Academy of
        Motion Picture Arts and Sciences"), for head words no lexicon types."""
        for source in self.before(at):
            name_head = head_phrase(source.name).lower().split()
            if source.type in {"organization", "government", "media"} and name_head[-1:] == [head_word]:
                return source
        return None

    def organisations_before(self, at: int) -> list[tuple[str, Span]]:
        """The ORG entities ending before ``at``, in reading order, each with its name (no "the")."""
        return [(strip_determiner(e.text.strip()), e) for e in self.doc.ents
                if e.label_ == "ORG" and e.end_char <= at]

    def organisation_named_before(self, head_word: str, at: int) -> _Source | None:
        """ "the company" -> the nearest organisation named earlier in the article (an ORG entity,
        not yet a source) whose name ends in that head word ("Korrin Ridge Mining Company"),
        registered as a source; None when no such name precedes ``at``."""
        singular = head_word[:-1] if head_word.endswith("s") else head_word
        for name, entity in reversed(self.organisations_before(at)):
            if name.lower().split()[-1:] in ([head_word], [singular]):
                type_, anonymous = classify_source(name, entity_label="ORG", outlet=self.outlet)
                return self.register(name, type_, anonymous, name, entity.start_char)
        return None

    def company_before(self, at: int) -> _Source | None:
        """ "the company", "the software giant" -> the business the article has named most often
        before ``at`` (the nearest of equals): an ORG entity that ``classify_source`` types an
        organization, not a bracketed abbreviation ("Coordinated Universal Time (UTC)"),
        registered as a source; else the nearest source typed organization; else None. Government
        bodies and outlets are not businesses."""
        named = [(name, e) for name, e in self.organisations_before(at) if "\n" not in e.text
                 and not self.text[max(e.start_char - 2, 0):e.start_char].rstrip(" ").endswith("(")
                 and classify_source(e.text, entity_label="ORG", outlet=self.outlet)[0] == "organization"]
        if not named:
            return next((s for s in self.before(at) if s.type == "organization"), None)
        mentions = Counter(_name_key(name) for name, _ in named)
        name, entity = max(reversed(named), key=lambda found: mentions[_name_key(found[0])])
        return self.register(name, "organization", False, name, entity.start_char)

    def resolve_document(self, text: str, issued: tuple[str, str], at: int, cue: str | None) -> _Source | None:
        """A document with its issuer ("a ministry report", "the agency's study"): a document
        source whose ``issuer`` is the resolved issuer; the issuer itself when it is an outlet or
        the document is a statement ("a statement from the ministry"); None when the issuer cannot
        be typed ("a new report")."""
        issuer_text, noun = issued
        start = at + max(text.replace("’", "'").find(issuer_text), 0)
        end = self.entity_end(start, start + len(issuer_text), limit=at + len(text))
        issuer_text = self.text[start:end] if end > start + len(issuer_text) else issuer_text
        if issuer_text.lower() not in PERSONAL_PRONOUNS | PLURAL_PRONOUNS | NEUTER_PRONOUNS:
            label = self.label(self.span(start, end))
            if label in _NOT_ISSUER_LABELS:
                return None  # "Iowa polls", "a Benghazi email": where or what about, not who issued
            issuer_type, _ = classify_source(issuer_text, entity_label=label, outlet=self.outlet, cue=cue)
            if issuer_type in {"unknown", "document", "social_media"}:
                return None
        issuer = self.resolve(issuer_text, start, end, cue)
        if issuer.type in {"media", "self"} and noun in OUTLET_REPORT_NOUNS or is_statement(noun):
            issuer.see(text, at)
            issuer.statements.add(noun.lower())  # so that "the statement" later finds who made it
            return issuer
        for source in self.sources:
            if source.issuer is issuer and source.noun == noun.lower():
                source.see(text, at)
                return source
        document = _Source("", "document", False, plural=is_plural_mention(noun), issuer=issuer, noun=noun.lower())
        document.see(text, max(at, end))  # after its issuer: the nearer antecedent of a later "it"
        self.sources.append(document)
        return document

    def entity_end(self, start: int, end: int, limit: int) -> int:
        """``end``, or the end of the entity the span starts in when that runs further (up to
        ``limit``): "the Securities and Exchange Commission", which the text rules cut at "and"."""
        span = self.span(start, end)
        for entity in self.doc.ents if span is not None else ():
            if entity.start <= span.start < entity.end and end < entity.end_char <= limit:
                return entity.end_char
        return end

    def platform_source(self, text: str, platform: str, at: int) -> _Source | None:
        """The platform a post was shared on, as a social-media source; None for a date."""
        start = at + max(text.replace("’", "'").find(platform), 0)
        span = self.span(start, start + len(platform))
        if span is not None and span.root.ent_type_ in {"DATE", "TIME"}:
            return None
        return self.register(strip_determiner(platform), "social_media", False, platform, start)

    def description_antecedent(self, mention: str, at: int) -> _Source | None:
        """ "the minister" / "the newspaper" / "the sources" -> the nearest compatible earlier source."""
        match = re.match(r"^(?:the|this|that|these|those)\s+(?P<rest>.+)$", mention, re.IGNORECASE)
        if match is None or clean_mention(mention).lower() in self_words():
            return None
        if "," in mention and personal_name(mention):
            return None  # "the group's spokesman, Ivo Brandt": the name says who
        head = head_phrase(match.group("rest"))
        words = head.split()
        if not words or words[-1][0].isupper():
            return None  # "the Pentagon", "The Times": a name, not a description
        rest = match.group("rest").split()
        if re.fullmatch(AGE, rest[0]) and not (len(rest) > 1 and rest[1][0].isupper()):
            return self.person_described(at)  # "the 29-year-old (striker)": the person the text is about
        head_word = _ABBREVIATIONS.get(words[-1].lower(), words[-1].lower())
        # "the Saudi government" names which government: only a source with those words will do.
        modifiers = {w.lower() for w in words[:-1] if w[0].isupper()}
        kind = "anonymous" if head_word in role_nouns() else type_of_head(head)
        if kind is None and head_word in business_descriptions():
            kind = "organization"  # "the carmaker", "the retailer"
        if kind is None:
            return self.named_body_before(head_word, at) if len(words) == 1 else None
        singular = head_word[:-1] if head_word.endswith("s") else head_word
        self.register_entities_before(at)
        earlier = self.before(at)
        several = kind == "person" and head_word != singular  # "the leaders": not one earlier person
        for source in earlier:
            if kind == "document" and {head_word, singular} & source.statements:
                return source
            if several and not source.plural:
                continue
            if (head_word in source.words or singular in source.words) and _compatible(kind, source) and (
                    modifiers <= source.words):
                return source
        named = self.organisation_named_before(head_word, at) if kind != "anonymous" else None
        if named is not None:
            return named
        if head_word in business_descriptions() and not modifiers and not _plural_word(head_word):
            company = self.company_before(at)  # "the company", "the software giant"
            if company is not None:
                return company
        # Without a shared head word, only kinds with few candidates fall back to the nearest of
        # their type ("the newspaper", "the sources"); "the union", "the government" or "the
        # president" need the word itself (the police are not "the union").
        if kind in {"media", "anonymous"} and not modifiers:
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
            name = name or aged_name(mention) or personal_name(mention, self.label(span))
            head = head_phrase(mention)
            if name is None and (self.names_known_person(mention) or bare_full_name(head)):
                name = clean_person_name(head)  # "Ivo Brandt, a retired journalist"
            if name:
                return self.full_name(name, at)
        elif type_ == "social_media" and people_on_platform(mention):
            return strip_determiner(clean_mention(mention))  # the platform is the evidence
        elif type_ in {"media", "organization", "government", "social_media", "self"}:
            head = name_aware_head(mention)
            offset = self.text.find(head, span.start_char, span.end_char) if span is not None else -1
            if offset >= 0:  # an entity the text rules cut at "and": "the Securities and Exchange Commission"
                head = clean_mention(self.text[offset:self.entity_end(offset, offset + len(head), span.end_char)])
            described = descriptor_and_name(head)
            name = described[1] if described else head
            if name and (name[0].isupper() or re.match(r"^(?:the\s+[A-Z]|[a-z]+[A-Z])", name)):  # "nCircle"
                return strip_possessive(strip_determiner(name))
        mention = _without_stray_quotes(mention)  # 'A “Western diplomat' when the quote closes after the span
        first, _, rest = mention.partition(" ")
        if rest and first.lower() in INDEFINITE_DETERMINERS | set(DEFINITE_DETERMINERS):
            return f"{first.lower()} {rest}"  # "A European diplomat" at a sentence start
        return mention

    def names_known_person(self, mention: str) -> bool:
        """Whether a bare capitalized name is a PERSON entity or person source elsewhere in the article."""
        name = clean_person_name(head_phrase(mention))
        if not name or not re.fullmatch(r"[A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*){0,2}", name) or name.lower() in lexicon_words():
            return False
        names = [n for _, n in self.person_names] + [s.name for s in self.sources if s.type == "person"]
        return any(same_person(name, strip_possessive(other)) for other in names)

    def lone_name(self, mention: str) -> bool:
        """Whether ``mention`` is a single capitalised word that no longer person name in the
        article contains ("Lind" with "Tomas Lind" earlier is not lone) and that is not a title
        ("the DA", "Sheriff": an office held by a person)."""
        name, cleaned = strip_possessive(clean_person_name(mention)), clean_mention(mention)
        if not re.fullmatch(r"[A-Z][\w'-]+", name) or title_then_name().match(cleaned):
            return False
        if re.search(r"\b[a-z]", cleaned) and strip_possessive(cleaned.split()[-1]) != name:
            return False  # a description holding a name ("Director at Veltra, Dana Marsh"), not a name
        if ends_with_title(name):
            return False
        if name.lower() in self.surname_gender:
            return False  # "Mr. Lind" somewhere in the article
        fuller = [n for _, n in self.person_names] + [s.name for s in self.sources if s.type == "person"]
        if any(len(n.split()) > 1 and same_person(name, n) for n in fuller):
            return False
        return name.lower() not in self.titled_names  # "President Lind" somewhere in the article

    def full_name(self, name: str, at: int) -> str:
        """The longest name in the article containing every word of ``name`` (nearest before, else after)."""
        candidates = list(self.person_names)
        candidates += [(s.last_seen, s.name) for s in self.sources if s.type == "person"]
        fuller = [(pos, n) for pos, n in candidates if n and same_person(name, n) and len(n) >= len(name)]
        if not fuller:
            return name
        counts = Counter(n for _, n in fuller)
        # Full names seen more than once beat one-off entity errors ("Lee Headline Word").
        pool = [(pos, n) for pos, n in fuller if counts[n] > 1] or fuller
        families = {n for _, n in pool}
        if any(not same_person(a, b) for a in families for b in families):
            # "Lind" with both "Tomas Lind" and "Greta Lind" in the article: only a full name just
            # before (within a few sentences) decides; otherwise do not guess.
            recent = [(pos, n) for pos, n in fuller if at - _RECENT_CHARS <= pos <= at]
            return max(recent)[1] if recent else name
        return max(families, key=lambda n: (counts[n], len(n)))


def _followed_by_personal_pronoun(span: Span | None) -> bool:
    """Whether a personal pronoun ("he", "his", "her" ...) follows ``span`` in its sentence with no
    other person named between them ("Cheeks said he would be"; not "Lind told Ann Holm he ...")."""
    if span is None:
        return False
    for token in span.sent:
        if token.i < span.end:
            continue
        if token.ent_type_ == "PERSON":
            return False
        if token.lower_ in PERSONAL_PRONOUNS:
            return True
    return False


def _without_stray_quotes(text: str) -> str:
    """``text`` without its double quote marks when they do not pair up inside it."""
    if text.count("“") == text.count("”") and text.count('"') % 2 == 0:
        return text
    return " ".join(re.sub(r'[“”"]', "", text).split())


def _on_headline_line(text: str, at: int) -> bool:
    """Whether offset ``at`` is on a Title Case line without final punctuation (a headline)."""
    start, end = text.rfind("\n", 0, at) + 1, text.find("\n", at)
    line = text[start : end if end >= 0 else len(text)].strip()
    small = {"a", "an", "the", "of", "and", "or", "to", "in", "on", "for", "at", "by", "with", "as", "from"}
    words = [w for w in line.split() if w[0].isalpha() and w.lower() not in small]
    return len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.9 * len(words)


def _inside_quotes(text: str, at: int) -> bool:
    """Whether offset ``at`` lies inside a quotation opened before it in its paragraph."""
    before = text[text.rfind("\n", 0, at) + 1 : at]
    opened = before.count("“") - before.count("”")
    doubled = before.count("''")  # some wires write quotes as two apostrophes
    return opened > 0 or (opened == 0 and (before.count('"') % 2 == 1 or doubled % 2 == 1))


def _inside_carried_quotation(text: str, at: int) -> bool:
    """Whether offset ``at`` lies in a quotation carried over from an earlier paragraph: nothing
    is opened before it in its paragraph, and the rest of the paragraph closes a quotation it did
    not open ('"I thanked them.\nAnd I meant it," she said': the second "I")."""
    start, end = text.rfind("\n", 0, at) + 1, text.find("\n", at)
    before, after = text[start:at], text[at : len(text) if end < 0 else end]
    if any(mark in before for mark in ('"', "“", "”", "''")):
        return False
    return _closes_first(after, "“", "”") or after.count('"') % 2 == 1 or after.count("''") % 2 == 1


def _closes_first(text: str, opening: str, closing: str) -> bool:
    """Whether a closing mark comes in ``text`` before any opening one."""
    close = text.find(closing)
    return close >= 0 and not 0 <= text.find(opening) < close


def _name_after_owner(mention: str, span: Span | None) -> str | None:
    """ "the BBC's Lena Marsh in Tehran" -> "Lena Marsh": a person (a PERSON entity of the
    mention's span) named after a body that owns them (its correspondent, its spokesman), up to
    where the person is, without a title; else None."""
    match = re.match(r"^(?:the\s+)?[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*)*(?:'s|’s)\s+"
                     r"(?P<name>[A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*){1,3})(?=\s+(?:in|at|of|from|on)\b|,|$)",
                     clean_mention(mention))
    if match is None or span is None:
        return None
    name = clean_person_name(match.group("name"))
    people = [e.text for e in span.ents if e.label_ == "PERSON"]
    return name if len(name.split()) > 1 and any(name in person for person in people) else None


def _plural_word(word: str) -> bool:
    """ "owners", "companies" (not "business")."""
    return word.endswith("s") and not word.endswith("ss")


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
    links_of: dict[int, list[_Source]] = {}
    new_mentions: dict[int, list[bool]] = {}
    previous: list[Attribution] = []  # attributions resolved so far, in reading order
    for attribution in ordered:
        text, start, end = mention_of(attribution)
        cue = article.text[slice(*attribution.cue_span)] if attribution.cue_span else attribution.cue
        if text and clean_mention(text):
            if start is None:
                start, end = article.locate(text, position(attribution)) or (None, None)
            article.resolved[id(attribution)] = article.resolve(text, start, end, cue)
        # Chain links are resolved in reading order too, so that later mentions can refer to them
        # ("citing unnamed officials" ... "the sources said").
        source = article.resolved.get(id(attribution))
        links = [_chain_source(article, attribution, link.source, source) for link in attribution.chain]
        links_of[id(attribution)] = links
        # "a source" / "two officials" introduce sources of their own: an earlier source of that
        # name keeps its carrier, this mention gets only the carriers its sentence names.
        new_mentions[id(attribution)] = [_introduces(link.source) for link in attribution.chain]
        _note_relays(links)
        _note_cited_sources(article, attribution, source, cue, previous, links_of)
        previous.append(attribution)
    for attribution in attributions:
        source = article.resolved.get(id(attribution))
        links = links_of[id(attribution)]
        if not links and source is not None:
            links = [source]
        links = _with_relations(links, new_mentions.get(id(attribution)) if attribution.chain else None)
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


def _note_relays(links: list[_Source]) -> None:
    """An anonymous link followed by another ("unnamed officials" then the outlet citing them) is
    relayed by it: later mentions of those sources ("the sources said", "X's sources") keep the
    outlet that first carried them in their chains."""
    for link, following in zip(links, links[1:]):
        if link.anonymous and link.relay is None and following is not link and following is not link.owner:
            link.relay = following


def _note_cited_sources(article: _ArticleSources, attribution: Attribution, source: _Source | None,
                        cue: str | None, previous: list[Attribution], links_of: dict[int, list[_Source]]) -> None:
    """ "X's report cited unnamed officials": the content names who X relied on, not a claim.

    Those unnamed sources are registered as relayed by X (so "the sources said" later resolves to
    them), and the nearest earlier attribution to X alone ("According to X, ...") gets them as its
    original source. Only an anonymous source as the whole content counts ("cited a poll showing
    ..." is content)."""
    if source is None or not cue or not cue.lower().startswith(CITING_CUE_STEMS):
        return
    if len(attribution.content_spans) != 1:
        return
    start, end = attribution.content_spans[0]
    mention = clean_mention(article.text[start:end])
    if not mention or len(mention.split()) > 8 or not anonymity_cue(mention):
        return
    cited = article.resolve(mention, start, end)
    if not cited.anonymous or cited is source:
        return
    if cited.relay is None:
        cited.relay = source
    for earlier in reversed(previous):
        links = links_of.get(id(earlier), [])
        if article.resolved.get(id(earlier)) is source and links in ([], [source]):
            links_of[id(earlier)] = [cited, source]
            break


def _introduces(mention: str) -> bool:
    """Whether a mention introduces a source rather than refers back to one: "a source", "two officials"."""
    words = clean_mention(mention).lower().split()
    return bool(words) and words[0] in INDEFINITE_DETERMINERS


def _with_relations(links: list[_Source], introduced: list[bool] | None = None) -> list[_Source]:
    """Chain links with the sources they imply: a document's issuer before it, the owner X right
    after "X's sources", the outlet that first carried unnamed sources right after them (unless it
    is a later link already, or the mention introduces a source its sentence carries: ``introduced``,
    per link) and the platform right after a post (all as the nearer link). The same
    source twice in a row, or a document's issuer again right after it, is kept once."""
    expanded: list[_Source] = []
    for index, link in enumerate(links):
        following = links[index + 1] if index + 1 < len(links) else None
        if link.issuer is not None:
            expanded.append(link.issuer)
        expanded.append(link)
        if link.owner is not None and link.anonymous and following is not link.owner:
            expanded.append(link.owner)
        elif link.relay is not None and link.relay not in links[index + 1:] and not (
                following is not None and introduced and introduced[index]):
            expanded.append(link.relay)  # "the sources" first carried by X: X before the nearer reporters
        if link.platform is not None and following is not link.platform:
            expanded.append(link.platform)
    kept: list[_Source] = []
    for link in expanded:
        if kept and (kept[-1] is link or kept[-1].issuer is link):
            continue
        kept.append(link)
    return kept
