"""Verb-cued attributions from the dependency parse: "X said (that) ...", "..., X said", "X told Y ...".

Which verbs are cues is decided by the caller (``cue_model``: a learned model over the verb and
the candidate built here). Frames, in order of preference: ``ccomp`` (clausal complement),
``interrupted`` (the clause the cue interrupts or follows: "The plan, she said, failed", "The
plan failed, she said"; both sides of the cue are content), ``xcomp`` (object plus infinitive:
"urged X to ..."; for raising and passive verbs the subject is content too: "X seems | to ..."),
``prep`` (prepositional object: "called for ..."), ``oprd`` (a predicate with no object: "seems
ready to ..."; the raised subject is content too), ``dobj`` (direct object with the complements
right after it, "called the plan a failure", but not circumstances such as "during the
debate"), ``passive`` (the patient of "was announced by X" or "was rebuffed at a meeting";
"by" is neither cue nor content), ``quote`` (a quotation right next
to the cue) and ``colon`` (content after "said:"). Passive citations ("Y was cited by X in
reporting that ...", "X was quoted as saying ...") have their own frame ``cited``.

The source (found by ``speaker``) is the subject; the agent for passives (none without one); the
governing verb's subject for "saying", "adding" and other subjectless clauses; the modified noun
for "officials saying ..."; none for raising verbs ("the figures seem to ..."). A source set off
by a comma after a complete clause is found whatever the parse made of it ("X happened, a source
told the paper", parsed with "source" as an appositive or "told" as a conjunct): the clause is the
content. The person addressed by a verb of telling ("told reporters") is neither content nor
source. "As X said, ..." attributes the main clause. The cue span holds the verb with its
auxiliaries, negation, particles, adverbs right before or between them, the verb governing a
"to"-infinitive or participle cue ("declined to say", "began urging", "came on the show to talk
about"), the preposition introducing a prepositional content, the object of a light verb whose
complement is the content ("expressed concern about X"), and a colon that introduces the content.
Where a content that follows its cue ends at a comma, dash or semicolon is a learned decision
(``content_edges``) over the extent the parse gives.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from storytrace.attribution import content_edges
from storytrace.attribution.lexicon import claim_noun_lemmas, clause_cue_lemmas, light_verb_lemmas
from storytrace.attribution.speaker import (
    FINITE_TAGS,
    SUBJECTS,
    agent_of,
    comma_before_subject,
    cue_tokens,
    detached_source,
    second_report,
    source_span,
    subject_of,
    subject_start,
)
from storytrace.attribution.spans import (
    QuoteLookup,
    char_span,
    snap_to_quotations,
    subtree_range,
    token_range_span,
    within_line,
)
from storytrace.lexicons import word_list
from storytrace.sources import PUBLICATION_NOUNS

OBJECT_COMPLEMENTS = ("oprd", "prep", "xcomp", "ccomp", "acomp")  # "called it X", "blamed X on Y"
# an object's aside that a comma may close before the verb's complement (", including X, to Y")
OBJECT_ASIDE_DEPS = frozenset({"prep", "appos", "acl", "relcl", "amod", "advmod"})
# circumstances of the saying, not content: "praised X during a debate" (content "X")
CIRCUMSTANCE_PREPOSITIONS = frozenset(
    "during at in after before despite through since amid with by from until".split())
ADDRESSEE_PREPOSITIONS = frozenset({"on", "upon", "to"})  # "called on X to ...": X is asked
CONTENT_PREPOSITIONS = frozenset("for on about against to of over with at".split())
TOPIC_PREPOSITIONS = CONTENT_PREPOSITIONS - CIRCUMSTANCE_PREPOSITIONS - {"on"}
CITING_PASSIVES = frozenset({"cite", "quote"})
# words opening a clause the parse may take for the complement of a cue that follows a quotation
CIRCUMSTANCE_OPENERS = frozenset("when while as after before because since".split())
ASIDE_FRAMES = frozenset({"dobj", "xcomp", "ccomp", "prep", "oprd"})  # content drops ...
ASIDE_DEPS = frozenset({"relcl"})  # ... a closing ", which ..." clause (PolNeAR convention)
RAISING_LEMMAS = frozenset({"seem", "appear"})  # "X seems to ...": X is content, not source
# verbs whose direct object is the person addressed, and the objects that are what is told
HEARER_VERBS = frozenset({"tell", "assure", "remind", "inform", "notify"})
TOLD_THINGS = frozenset({"story", "tale", "lie", "truth", "joke", "secret", "anecdote"})
# verbs of asking: the object is the person asked ("asked the mayor whether ..."), unless it is
# what is asked ("asked a question") or the object of an infinitive ("asked residents to ...")
ASKING_VERBS = frozenset({"ask"})
ASKED_THINGS = frozenset({"question", "favor", "favour", "permission", "help", "money", "price"})
QUESTION_MARKS = frozenset({"if", "whether"})  # "asked him if ...": the question is the content
HEARER_TOPIC_PREPOSITIONS = frozenset({"about", "of"})
OBJECT_TOPIC_PREPOSITIONS = frozenset("about on of for against over to at".split())
TIME_ENTITIES = frozenset({"DATE", "TIME"})  # "reported on Tuesday": never the content
RELATIVE_TAGS = frozenset({"WDT", "WP"})  # "which", "that", "who", "whom", "what"


@dataclass
class Candidate:
    """An attribution found by one extractor, before merging: token-level anchors kept for chains."""

    content: list[tuple[int, int]]
    cue: tuple[int, int] | None
    source: tuple[int, int] | None
    kind: str
    cue_token: Token | None = None
    source_token: Token | None = None
    chain_origins: list[tuple[int, int]] = field(default_factory=list)  # earlier links, oldest first
    chain_relays: list[tuple[int, int]] = field(default_factory=list)  # later links (e.g. outlet told)
    open_colon: bool = False  # content still to come after a colon
    absorbed: set[int] = field(default_factory=set)  # cue tokens folded into this one
    frame: str = ""  # how the content was found: ccomp, interrupted, xcomp, prep, dobj, quote ...
    detached: bool = False  # "<clause>, <source> said" despite the parse (_detached_candidate)


def _before_second_report(complement: Token, token_range: tuple[int, int]) -> tuple[int, int]:
    """A clausal content cut before a second report the parse hung on it (``second_report``),
    with the conjunction and commas before that report."""
    start, end = token_range
    doc = complement.doc
    for child in complement.children:
        if start < child.i < end and second_report(child):
            end = child.left_edge.i
            while end - 1 > start and doc[end - 1].dep_ in ("cc", "punct"):
                end -= 1
            break
    return start, end


def _child(verb: Token, *deps: str) -> Token | None:
    for child in verb.children:
        if child.dep_ in deps:
            return child
    return None


def _with_complements(verb: Token, token_range: tuple[int, int]) -> tuple[int, int]:
    """An object's range extended over the verb's complements right after it ("called the plan
    a failure", "blamed the delay on the weather"), also past the comma that closes an aside of
    the object ("reported the arrival of troops, including engineers, to the border")."""
    start, end = token_range
    for child in sorted(verb.children, key=lambda t: t.i):
        if child.i < end or child.dep_ not in OBJECT_COMPLEMENTS:
            continue
        if child.dep_ == "prep" and (child.lower_ in CIRCUMSTANCE_PREPOSITIONS
                                     or _names_when_or_where(child)):
            break
        if child.left_edge.i != end and not (
                child.left_edge.i == end + 1 and _closes_aside(verb.doc, start, end)):
            break
        end = child.right_edge.i + 1
    return start, end


def _closes_aside(doc: Doc, start: int, end: int) -> bool:
    """True when the comma at ``end`` closes an aside that a comma inside [start, end) opened:
    the words after that comma, up to ``end``, are one phrase hung on an earlier word of the
    range ("some troops, including engineers,"), not a clause or a list item of their own."""
    if end >= len(doc) or doc[end].text != ",":
        return False
    opened = next((i for i in range(end - 2, start, -1) if doc[i].text == ","), None)
    if opened is None:
        return False
    roots = [t for t in doc[opened + 1:end] if not opened < t.head.i < end]
    if len(roots) != 1:
        return False
    aside = roots[0]
    return aside.dep_ in OBJECT_ASIDE_DEPS and start <= aside.head.i < opened \
        and aside.left_edge.i == opened + 1 and aside.right_edge.i == end - 1


def _names_when_or_where(preposition: Token) -> bool:
    """True for a prepositional phrase naming when or on which platform ("announced his
    support on Sunday", "mocked the plan on Twitter"; platforms: ``source_platforms.txt``)."""
    target = _child(preposition, "pobj")
    return target is not None and (target.ent_type_ in TIME_ENTITIES
                                   or target.lower_ in word_list("source_platforms.txt"))


def _with_run_on_clauses(verb: Token, token_range: tuple[int, int]) -> tuple[int, int]:
    """A clausal content extended over further clauses the parse hung on the cue although they
    continue the content with no punctuation between ("said he wants to attack provisions in
    the code that address ...": "address" parsed as a second complement of "said"); not over a
    clause that starts with an auxiliary or a finite verb, the predicate of an outer clause
    ("Officials saying that the plan failed were ignored")."""
    start, end = token_range
    for child in sorted(verb.children, key=lambda t: t.i):
        if child.i >= end and child.dep_ == "ccomp" and child.left_edge.i == end \
                and not verb.doc[end].is_punct and not _predicate_start(verb.doc[end]):
            end = child.right_edge.i + 1
    return start, end


def _predicate_start(token: Token) -> bool:
    return token.pos_ == "AUX" or token.tag_ in FINITE_TAGS or token.tag_ == "MD"


def is_hearer(verb: Token, obj: Token) -> bool:
    """True when ``obj`` is whom a verb of telling or asking addresses ("told reporters",
    "assured him", "asked the mayor"), not what is told or asked ("told a story", "asked a
    question"), nor, for asking, the subject of an infinitive ("asked residents to leave"):
    the hearer is neither content nor source."""
    lemma, thing = verb.lemma_.lower(), obj.lemma_.lower()
    if lemma in ASKING_VERBS:
        return thing not in ASKED_THINGS and _child(verb, "xcomp") is None
    return lemma in HEARER_VERBS and thing not in TOLD_THINGS


def _question_clause(verb: Token) -> Token | None:
    """An "if"/"whether" clause after the verb that the parse made adverbial ("asked them if
    they ..."): for a verb addressing a hearer, the question asked."""
    for child in verb.children:
        if child.dep_ == "advcl" and child.i > verb.i and any(
                c.dep_ == "mark" and c.lower_ in QUESTION_MARKS for c in child.children):
            return child
    return None


def _as_clause(verb: Token) -> bool:
    """True for a cue in an "as" clause with no object or topic ("as they called for ..." is
    temporal), set off by a comma from the clause it attributes ("As the minister said, ...",
    "..., as she put it in her memoir")."""
    doc = verb.doc
    if verb.dep_ != "advcl" or not any(c.dep_ == "mark" and c.lower_ == "as"
                                       for c in verb.children):
        return False
    if any((c.dep_ in ("dobj", "xcomp", "ccomp", "dative", "prt") and c.lower_ != "it")
           or (c.dep_ == "prep" and c.lower_ in TOPIC_PREPOSITIONS) for c in verb.children):
        return False
    low, high = sorted((verb.i, verb.head.i))
    return any(t.text == "," for t in doc[low:high])


def _set_off_clause(verb: Token) -> bool:
    """True for a cue the parse made the clausal complement of the clause it is set off from
    by a comma: after it ("The plan failed, she said") or, with a subject of its own, before it
    ("Instead, Trump told CNN, his policy would be ...": the clause has its own subject)."""
    if verb.dep_ != "ccomp":
        return False
    head, doc = verb.head, verb.doc
    if verb.i > head.i:
        return any(t.text == "," for t in doc[head.i:verb.i])
    end = verb.right_edge.i
    return "," in (doc[end].text, doc[end + 1].text) and _child(verb, "nsubj") is not None \
        and _child(head, "nsubj", "nsubjpass") is not None


def _clausal_complement(verb: Token) -> Token | None:
    """The clause the verb reports: its first clausal complement, or the first one after the
    verb with a subject of its own when the parse also hung an unquoted phrase before the cue on
    the verb ("Like many voters, Ann said she ...", "Inside the hall - which ... -, Ann said he
    ...": the fronted phrase is a circumstance, not what was said). A quotation before the cue
    stays the content ("'We won,' she said, 'and ...'")."""
    complements = [c for c in verb.children if c.dep_ == "ccomp"]
    if not complements:
        return _clause_on_circumstance(verb)
    if len(complements) > 1 and complements[0].i < verb.i:
        after = [c for c in complements if c.i > verb.i
                 and any(x.dep_ in SUBJECTS for x in c.children)]
        first = complements[0]
        start, end = within_line(verb.doc, first.left_edge.i, first.right_edge.i + 1, verb.i)
        piece = verb.doc[start:end] if start < end else None
        quoted = piece is not None and (piece[0].is_quote or piece[-1].is_quote
                                        or (end < len(verb.doc) and verb.doc[end].is_quote))
        if after and not quoted:
            return after[0]
    return complements[0] if complements else None


def _clause_on_circumstance(verb: Token) -> Token | None:
    """A that-clause the parse hung on the noun of a phrase after a verb that reports clauses
    ("said in a statement that ...", "told reporters during a visit on Friday that ..."): a
    relative clause opened by the conjunction "that" (not the pronoun) is the verb's complement,
    unless the noun itself takes such a clause ("the claim that", ``attribution_claim_nouns``)."""
    if verb.lemma_.lower() not in clause_cue_lemmas():
        return None
    for preposition in verb.rights:
        if preposition.dep_ != "prep" or preposition.lower_ == "as":
            continue  # "described the plan as a gamble that few would back": a relative
        for noun in preposition.subtree:
            if noun.dep_ != "pobj" or noun.lemma_.lower() in claim_noun_lemmas():
                continue
            for clause in noun.rights:
                if clause.dep_ in ("relcl", "acl") and any(
                        c.dep_ == "mark" and c.lower_ == "that" and c.i == clause.left_edge.i
                        for c in clause.children):
                    return clause
    return None


def _relative_subject(verb: Token) -> Token | None:
    """The relative pronoun before the cue that is the subject of its reported clause ("the
    plan, which the mayor said was a mistake": "which" ... "was a mistake" is the content)."""
    complement = _clausal_complement(verb)
    subject = _child(complement, "nsubj", "nsubjpass") if complement is not None else None
    if subject is not None and subject.i < verb.i and subject.tag_ in RELATIVE_TAGS:
        return subject
    return None


def _relative_object(verb: Token, exclude: set[int]) -> tuple[Token, tuple[int, int]] | None:
    """The relative pronoun before the cue that is its object, and the token range of what the
    cue calls it ("the island, which he describes as his second home", "what they call a tax
    on farmers"): both are the content; None when the verb has no such object and predicate."""
    obj = _child(verb, "dobj")
    if obj is None or obj.tag_ not in RELATIVE_TAGS or obj.i > verb.i:
        return None
    for child in verb.rights:
        if child.dep_ == "oprd" or (child.dep_ == "prep" and child.lower_ == "as"):
            return obj, subtree_range(child, exclude)
    return None


def _content_range(verb: Token, exclude: set[int]) -> tuple[tuple[int, int] | None, Token | None, str]:
    """Token range of the content, the token joined to the cue (a preposition, or the object of
    a light verb: ``attribution_light_verbs.txt``), if any, and the rule used."""
    complement = _clausal_complement(verb)
    if complement is not None:
        token_range = _with_run_on_clauses(verb, subtree_range(complement, exclude))
        return _before_second_report(complement, token_range), None, "ccomp"
    if verb.dep_ in ("parataxis",) or _as_clause(verb) or _set_off_clause(verb):
        head = verb.head
        own = set(range(verb.left_edge.i, verb.right_edge.i + 1))
        subject = subject_of(verb)
        if subject is not None:
            own |= set(range(subject.left_edge.i, subject.right_edge.i + 1))
        return subtree_range(head, own), None, "interrupted"
    obj = _child(verb, "dobj")
    prepositions = CONTENT_PREPOSITIONS
    if obj is not None and is_hearer(verb, obj):
        obj, prepositions = None, HEARER_TOPIC_PREPOSITIONS  # "told them about X", not "on Friday"
        question = _question_clause(verb)
        if question is not None:
            return subtree_range(question, exclude), None, "ccomp"
    infinitive = _child(verb, "xcomp")
    addressee = _prepositional_addressee(verb, infinitive) if obj is None else None
    if addressee is not None:  # "called on the council to act": "on" joins the cue
        return (addressee.left_edge.i, infinitive.right_edge.i + 1), addressee.head, "xcomp"
    wished = _for_clause(verb)
    if wished is not None:  # "called for the minister to resign": "for" joins the cue
        return subtree_range(wished, exclude | {wished.left_edge.i}), wished.left_edge, "prep"
    if infinitive is not None:
        start = min(infinitive.left_edge.i, obj.left_edge.i if obj is not None else infinitive.i)
        return (start, infinitive.right_edge.i + 1), None, "xcomp"
    predicate = _child(verb, "oprd", "acomp")
    if obj is None and predicate is not None and predicate.i > verb.i:  # "seems ready to ..."
        return _with_complements(verb, subtree_range(predicate)), None, "oprd"
    if obj is None:
        for child in verb.children:
            if child.dep_ == "prep" and child.lower_ in prepositions and child.i > verb.i:
                target = _child(child, "pobj", "pcomp")
                if target is not None and target.ent_type_ not in TIME_ENTITIES:
                    return _with_complements(verb, subtree_range(target)), child, "prep"
    if obj is not None:
        complement = object_complement(obj) if verb.lemma_.lower() in light_verb_lemmas() \
            else None
        if complement is not None:  # "expressed concern about X": X, cue up to "about"
            target, joined = complement
            return subtree_range(target), joined, "dobj"
        return _with_complements(verb, subtree_range(obj)), None, "dobj"
    return None, None, "none"


def _prepositional_addressee(verb: Token, infinitive: Token | None) -> Token | None:
    """The object of "on"/"upon"/"to" between a verb and its infinitive, who is asked to act
    ("called on the council to act", "appealed to members to reject it"); PolNeAR makes the
    preposition part of the cue and the addressee part of the content."""
    if infinitive is None:
        return None
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in ADDRESSEE_PREPOSITIONS \
                and verb.i < child.i < infinitive.i:
            return _child(child, "pobj")
    return None


def _for_clause(verb: Token) -> Token | None:
    """The infinitive clause with its own subject that a "for" opens after the verb ("called for
    the minister to resign", parsed as an adverbial clause marked by "for"); PolNeAR makes
    "for" part of the cue and the clause the content."""
    for child in verb.children:
        if child.dep_ == "advcl" and child.i > verb.i and child.left_edge.lower_ == "for" \
                and child.left_edge.dep_ == "mark" and _child(child, "nsubj") is not None \
                and any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children):
            return child
    return None


def object_complement(obj: Token) -> tuple[Token, Token] | None:
    """The complement of a plain object noun that carries what a light verb's phrase is about,
    and the token that closes the cue: (the pobj, its preposition) for "concern about X" (about,
    on, of, for, against, over, to, at), (the clause, the noun) for "the notion that X" or "a
    plan to X"; None when the noun has other right-hand modifiers first or none of these."""
    if obj.pos_ != "NOUN":
        return None
    for child in obj.rights:
        if child.dep_ in ("acl", "ccomp") and any(
                c.lower_ in ("that", "to") and c.dep_ in ("mark", "aux") for c in child.children):
            return child, obj
        if child.dep_ == "prep" and child.lower_ in OBJECT_TOPIC_PREPOSITIONS:
            target = _child(child, "pobj", "pcomp")
            return (target, child) if target is not None else None
        return None
    return None


def passive_citation(doc: Doc, verb: Token, quotes: QuoteLookup) -> Candidate | None:
    """"Y was cited/quoted by X in reporting that Z" (source X, chain [Y, X]), "Y were cited in
    reports saying Z" (source the reports, chain [Y, reports]) and "X was quoted as saying Z"
    (source X): the inner speech verb's complement is the content."""
    if verb.lemma_.lower() not in CITING_PASSIVES or not any(
            c.dep_ == "auxpass" for c in verb.children):
        return None
    patient = _child(verb, "nsubjpass")
    if patient is None:
        return None
    inner, carrier = None, None
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in ("in", "as"):
            inner = _child(prep, "pcomp")
            if inner is not None:
                break
            carrier = _child(prep, "pobj")  # "Y were cited in reports saying Z": the reports relay Y
            if carrier is None or carrier.lower_ not in PUBLICATION_NOUNS:
                carrier = None
                continue
            inner = _child(carrier, "acl")
            if inner is not None:
                break
            carrier = None
    if inner is None:
        return None
    complement = _child(inner, "ccomp")
    if complement is None:
        return None
    content_range = within_line(doc, *subtree_range(complement), complement.i)
    content_span = token_range_span(doc, *content_range)
    if content_span is None:
        return None
    agent = agent_of(verb)
    cue = cue_tokens(verb)
    origins: list[tuple[int, int]] = []
    if agent is not None or carrier is not None:
        source_head = agent if agent is not None else carrier
        cue.append(agent.head if agent is not None else carrier.head)
        patient_span = source_span(doc, patient, {t.i for t in cue})
        origins = [patient_span] if patient_span else []
    else:
        source_head = patient
        cue += [inner.head, inner]
    cue_ids = {t.i for t in cue}
    outside_source = cue_ids | ({t.i for t in inner.subtree} if carrier is not None else set())
    content = snap_to_quotations(content_span, quotes, verb.idx)
    return Candidate(content, char_span(cue), source_span(doc, source_head, outside_source),
                     _kind(quotes.text, content), verb, source_head, chain_origins=origins,
                     absorbed={inner.i}, frame="cited")


def verb_attribution(doc: Doc, verb: Token, quotes: QuoteLookup,
                     frames: frozenset[str] | None = None) -> Candidate | None:
    """The attribution cued by ``verb``, or None when it has no content or when the way its
    content is attached (its frame: ccomp, interrupted, xcomp, prep, dobj, passive, quote, colon)
    is not among ``frames`` (None allows every frame)."""
    cited = passive_citation(doc, verb, quotes)
    if cited is not None:
        return cited
    passive_agent = agent_of(verb) if any(c.dep_ == "auxpass" for c in verb.children) else None
    cue = cue_tokens(verb)
    cue_ids = {t.i for t in cue}
    exclude = set(cue_ids)
    if passive_agent is not None:  # "by" is neither cue nor content (PolNeAR convention)
        exclude.add(passive_agent.head.i)
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children) or (
        verb.tag_ == "VBN" and verb.dep_ in ("advcl", "acl"))
    raising = verb.lemma_.lower() in RAISING_LEMMAS
    if passive_agent is not None:
        source_head: Token | None = passive_agent
    elif passive or raising:
        source_head = None
    else:
        detached = detached_source(verb)
        if detached is not None and (frames is None or "interrupted" in frames):
            return _detached_candidate(doc, verb, cue, *detached, quotes)
        source_head = subject_of(verb)
    if source_head is not None:
        source_end = source_head.right_edge.i + 1
        if source_head.is_ancestor(verb):
            source_end = verb.left_edge.i  # "reports saying X": the noun, not its clause
        exclude |= set(range(subject_start(source_head), source_end))
    content_range, preposition, rule = _content_range(verb, exclude)
    raised_subject = None  # "X seems to ...", "X is expected to ...": X is part of the content
    if (raising and rule == "oprd") or (
            (raising or (passive and passive_agent is None)) and rule == "xcomp"):
        raised_subject = _child(verb, "nsubj", "nsubjpass")
    elif rule == "ccomp":
        raised_subject = _relative_subject(verb)
    elif rule == "dobj" and (relative := _relative_object(verb, exclude)) is not None:
        raised_subject, content_range = relative  # "which he describes | as his second home"
    if (passive_agent is not None and rule in ("none", "dobj")) or (
            passive and rule == "prep" and preposition.lower_ in CIRCUMSTANCE_PREPOSITIONS):
        patient = _child(verb, "nsubjpass")
        if patient is not None:
            content_range, rule = subtree_range(patient, exclude), "passive"
    quoted = _quotation_ending_before(doc, verb, source_head, quotes)
    if quoted is not None and rule != "passive" \
            and _misses_quotation(doc, verb, source_head, content_range, rule, quoted):
        content_range, preposition, rule = None, None, "none"  # the quotation, below
    if preposition is not None and rule != "passive":
        cue.append(preposition)
    if content_range:
        anchor = verb.i if content_range[0] <= verb.i < content_range[1] else content_range[0]
        if rule in ("ccomp", "interrupted"):
            anchor = verb.i
        content_range = within_line(doc, *content_range, anchor)
        if rule in ASIDE_FRAMES:
            content_range = _without_trailing_aside(doc, *content_range)
        content_range = (content_range[0], content_edges.content_end(
            doc, *content_range, verb, rule, quotes))
    content_span = token_range_span(doc, *content_range) if content_range else None
    colon = _colon_after(doc, verb, exclude)
    if content_span is None:
        content_span = _adjacent_quotation(doc, verb, source_head, quotes)
        rule = "quote" if content_span is not None else "colon"
        if content_span is None and not colon:
            comma = comma_before_subject(verb, source_head)
            if comma is None or (frames is not None and "interrupted" not in frames):
                return None
            return _detached_candidate(doc, verb, cue, source_head, comma, quotes)
    if frames is not None and rule not in frames:
        return None
    cue_span = char_span(cue)
    src = source_span(doc, source_head, cue_ids, verb) if source_head is not None else None
    if content_span is None:
        return Candidate([], _with_colon(quotes.text, cue_span), src, "indirect", verb, source_head,
                         open_colon=True, frame=rule)
    content = snap_to_quotations(content_span, quotes, verb.idx)
    if raised_subject is not None:
        piece = token_range_span(doc, *within_line(doc, *subtree_range(raised_subject, exclude),
                                                   raised_subject.i))
        if piece is not None:
            content = sorted(set(content) | {piece})
    if rule == "interrupted":
        other = _other_side_of_cue(doc, verb, exclude, content_span)
        if other is not None:
            content = sorted(set(content) | set(snap_to_quotations(other, quotes, verb.idx)))
    if content[0][0] > cue_span[1]:
        cue_span = _with_colon(quotes.text, cue_span)
    kind = _kind(quotes.text, content)
    return Candidate(content, cue_span, src, kind, verb, source_head, frame=rule)


def _detached_candidate(doc: Doc, verb: Token, cue: list[Token], source: Token, comma: int,
                        quotes: QuoteLookup) -> Candidate | None:
    """The attribution of a cue whose source follows the content clause and a comma at
    ``comma`` (``detached_source``, ``comma_before_subject``): the clause is the content; what
    follows the verb (the hearer, the date) is neither. The source keeps a comma closing an
    appositive ("a spokeswoman, Ann White,")."""
    content_range = within_line(doc, verb.sent.start, comma, comma - 1)
    content_span = token_range_span(doc, *content_range)
    if content_span is None:
        return None
    first = comma + 2 if doc[comma + 1].is_quote else comma + 1
    src = token_range_span(doc, first, verb.i)
    if src is not None and doc[verb.i - 1].text == "," and "," in doc[first:verb.i - 1].text:
        src = (src[0], doc[verb.i - 1].idx + 1)
    content = snap_to_quotations(content_span, quotes, verb.idx)
    return Candidate(content, char_span(cue), src, _kind(quotes.text, content), verb, source,
                     frame="interrupted", detached=True)


def _without_trailing_aside(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Token range [start, end) without a relative clause set off by a comma at its end ("the
    visas, which are issued to ...")."""
    for token in doc[start:end]:
        comma = token.left_edge.i - 1
        if token.dep_ in ASIDE_DEPS and token.right_edge.i >= end - 1 and comma > start \
                and doc[comma].text == ",":
            return start, comma
    return start, end


def _other_side_of_cue(doc: Doc, verb: Token, group: set[int],
                       content: tuple[int, int]) -> tuple[int, int] | None:
    """The part of the interrupted clause on the other side of the cue group from ``content``
    ("Voters, she suggested, do not have to worry": "Voters"; "The plan, she said, is dead":
    "is dead"), or None when the clause does not reach past the group on that side."""
    head = verb.head
    group = group | set(range(verb.left_edge.i, verb.right_edge.i + 1))
    first, last = min(group), max(group)
    if content[0] > verb.idx and head.left_edge.i < first:
        start, end = within_line(doc, head.left_edge.i, first, first - 1)
    elif content[1] <= verb.idx and head.right_edge.i > last:
        start, end = within_line(doc, last + 1, head.right_edge.i + 1, last + 1)
    else:
        return None
    return token_range_span(doc, start, end)


def _with_colon(text: str, cue_span: tuple[int, int]) -> tuple[int, int]:
    """The cue with the colon that follows it ("said:")."""
    rest = text[cue_span[1]:cue_span[1] + 2]
    if rest.startswith(":"):
        return cue_span[0], cue_span[1] + 1
    return cue_span


def _kind(text: str, content: list[tuple[int, int]]) -> str:
    quoted = [(text[a] in "“\"" or text.startswith("''", a)) and text[b - 1] in "”\"'"
              for a, b in content]
    if all(quoted):
        return "direct"
    joined = "".join(text[a:b] for a, b in content)
    return "mixed" if any(m in joined for m in ("“", "\"", "''")) else "indirect"


def _colon_after(doc: Doc, verb: Token, exclude: set[int]) -> bool:
    """True when the verb's clause ends with a colon (content follows)."""
    sent = verb.sent
    last = sent.end - 1
    while last > sent.start and doc[last].is_space:
        last -= 1
    return doc[last].text == ":" and doc[last].i > verb.i


def _adjacent_quotation(doc: Doc, verb: Token, subject: Token | None,
                        quotes: QuoteLookup) -> tuple[int, int] | None:
    """A quotation ending just before the subject/verb group, or starting just after the verb."""
    before = _quotation_ending_before(doc, verb, subject, quotes)
    if before is not None:
        return before
    last = verb.i
    if subject is not None and subject.i > verb.i:
        last = subject.right_edge.i
    k = last + 1
    while k < len(doc) and (doc[k].is_space or doc[k].text in ",:—–-"):
        k += 1
    if k < len(doc):
        found = quotes.at(doc[k].idx)
        if found is not None and found[0] == doc[k].idx:
            return found[0], found[1]
    return None


def _quotation_ending_before(doc: Doc, verb: Token, subject: Token | None,
                     quotes: QuoteLookup) -> tuple[int, int] | None:
    """The quotation ending just before the subject/verb group ("'...,' Ann said"), if any."""
    first = min(verb.i, subject_start(subject)) if subject is not None else verb.i
    k = first - 1
    while k >= 0 and (doc[k].is_space or doc[k].text in ",—–-"):
        k -= 1
    if k >= 0:
        found = quotes.at(doc[k].idx)
        if found is not None and found[1] == doc[k].idx + len(doc[k].text):
            return found[0], found[1]
    return None


def _misses_quotation(doc: Doc, verb: Token, subject: Token | None,
                      content_range: tuple[int, int] | None, rule: str,
                      quoted: tuple[int, int]) -> bool:
    """True when the content the parse gives a verb right after a quotation leaves most of that
    quotation's words out, so the quotation is the content: "'...,' she said on Twitter", or a
    head deep inside the quotation. Only for a quotation that ends inside the sentence (on a
    comma, dash, question or exclamation mark, not a full stop). A clause the verb reports after
    itself, or the quotation's second half ("'...,' she said, 'and ...'"), keeps the parse's
    content."""
    inside = doc.char_span(quoted[0], quoted[1], alignment_mode="contract")
    closes_on = _last_inside(doc.text, quoted[1])
    if inside is None or not closes_on or closes_on not in ",?!—–-…" \
            or "\n" in doc.text[quoted[1]:verb.idx] or not _next_to_verb(verb, subject):
        return False
    if content_range is None:
        return True
    start, end = content_range
    words = [t.i for t in inside if not t.is_punct and not t.is_space]
    if sum(not start <= i < end for i in words) <= 0.2 * len(words):
        return False  # the parse's content holds the quotation
    if subject is not None and subject.i > verb.i:
        return True  # "'...,' said Ann, who ...": the inverted order closes the quotation
    if closes_on in "?!" and rule == "dobj" and start > verb.i:
        return False  # '"Shame!" Ann shared the post': the object is what she relays
    circumstance = doc[start].lower_ in CIRCUMSTANCE_OPENERS  # "'...,' she said when asked"
    return not (rule in ("ccomp", "interrupted") and start > verb.i and not circumstance)


def _last_inside(text: str, end: int) -> str:
    """The character before the closing mark of the quotation ending at ``end``."""
    close = end - 2 if text.startswith("''", end - 2) else end - 1
    return text[close - 1] if close > 0 else ""


def _next_to_verb(verb: Token, subject: Token | None) -> bool:
    """True when a subject before the verb ends next to it, with only auxiliaries, adverbs,
    negation and commas between ("Ann later said"; not a second verb sharing the subject: "Ann
    said X and vowed Y")."""
    if subject is None or subject.i > verb.i:
        return True
    return all(t.dep_ in ("aux", "auxpass", "advmod", "neg") or t.text == ","
               for t in verb.doc[subject.right_edge.i + 1:verb.i])
