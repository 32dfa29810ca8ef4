"""Who speaks and which words cue a verb-cued attribution: the source of a cue verb (its subject,
inherited from the governing verb for "saying", "adding" and other subjectless clauses, or a
second report the parse hung on the first one's clause; the agent of a passive; a source set off
by a comma after a complete clause, "X happened, a city official told the paper") and the source
and cue spans (``source_span``, ``cue_tokens``). What is said, the content, is
``storytrace.attribution.speech``'s.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from storytrace.attribution.lexicon import clause_cue_lemmas
from storytrace.attribution.spans import breaks_line, subtree_range, trimmed_tokens, within_line

SUBJECTS = ("nsubj", "nsubjpass", "csubj")
CUE_MODIFIERS = ("aux", "auxpass", "neg", "prt")
INHERITING_DEPS = ("advcl", "xcomp", "conj", "pcomp")
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})  # a detached source needs a finite cue


def subject_of(verb: Token) -> Token | None:
    """The subject of ``verb``, inherited from the governing verb for subjectless clauses, or the
    noun a participle modifies ("officials saying ..."). Of several subjects the nearest to the
    verb ("''... Or Ferguson,'' Trump said": the parse also takes "Ferguson"). When the parse
    joined the verb's line to the one before and found the subject there, the noun before the
    verb on its own line is the subject ("Sales fell\nOfficials on Monday said ...")."""
    found = _parsed_subject(verb)
    wrapped = any(c.dep_ in ("aux", "auxpass", "neg") and _on_other_line(c, verb)
                  for c in verb.children)
    if found is not None and _on_other_line(found, verb) and not wrapped:
        return _subject_on_line(verb)
    return found  # a line broken inside the verb group ("Ann has\nrepeatedly said") is one line


def _on_other_line(a: Token, b: Token) -> bool:
    """True when a line break lies between tokens ``a`` and ``b``."""
    low, high = sorted((a.i, b.i))
    return any(breaks_line(t) for t in a.doc[low:high])


def _subject_on_line(verb: Token) -> Token | None:
    """The noun before ``verb`` on its line, past adverbs, phrases of time and prepositional
    phrases ("Velmora on Wednesday released", "Residents on Twitter reported"), or before the
    verb it shares a subject with ("Ann lost the lead but responded"), or the subject of the
    conjunct before it on the line; None without one."""
    governor = verb
    for _ in range(3):
        found = _noun_before(governor)
        if found is not None or governor.dep_ not in INHERITING_DEPS or governor.head.i > governor.i:
            return found
        if _on_other_line(governor.head, verb):  # "Ann lost X, but said Y" hung on a headline
            return _subject_of_conjunct_before(governor)
        governor = governor.head
    return None


def _subject_of_conjunct_before(verb: Token) -> Token | None:
    """The subject of the nearest conjunct before ``verb`` on its line, or None."""
    for sibling in reversed([c for c in verb.head.children if c.dep_ == "conj" and c.i < verb.i]):
        if _on_other_line(sibling, verb):
            return None
        subject = next((c for c in sibling.children if c.dep_ in SUBJECTS), None)
        if subject is not None:
            return subject
    return None


def _noun_before(verb: Token) -> Token | None:
    """The noun before ``verb`` on its line (``_subject_on_line``), or None."""
    doc = verb.doc
    for token in reversed(doc[:verb.i]):
        if breaks_line(token):
            return None
        if token.dep_ == "pobj" and token.head.i < token.i and not _on_other_line(token.head, token):
            continue  # "Residents on Twitter reported": past the phrase to the noun it modifies
        if token.pos_ in ("NOUN", "PROPN", "PRON") and token.ent_type_ not in ("DATE", "TIME"):
            return token
        if token.pos_ not in ("ADV", "AUX", "PART", "ADP", "DET", "NUM") \
                and token.ent_type_ not in ("DATE", "TIME"):
            return None
    return None


def _parsed_subject(verb: Token, depth: int = 0) -> Token | None:
    subjects = [child for child in verb.children if child.dep_ in SUBJECTS]
    if subjects:
        nearest = min(subjects, key=lambda child: abs(child.i - verb.i))
        return _named_after_quotation(nearest, verb) or nearest
    if depth < 3 and second_report(verb):  # "said X and warned ...": the speaker warned
        return _parsed_subject(verb.head.head, depth + 1)
    if verb.dep_ == "acl" and verb.tag_ == "VBG":
        return verb.head
    if depth < 3 and verb.dep_ in INHERITING_DEPS and verb.head is not verb:
        return _parsed_subject(verb.head, depth + 1)
    return None


def quoted_statement_end(doc: Doc, start: int, end: int) -> int | None:
    """The index after the last quoted statement closing in tokens [start, end): a closing mark
    right after a comma, question or exclamation mark or dash ('"We won," the mayor ...'), or
    None. A quoted title or term ('the "Daily" host') closes no statement."""
    for i in range(end - 1, max(start, 1) - 1, -1):
        if doc[i].is_quote and doc[i - 1].text in (",", "?", "!", "—", "–", "-"):
            return i + 1
    return None


def subject_start(subject: Token) -> int:
    """Index of the first token of the subject phrase: its left edge, or the first token after a
    quoted statement the parse hung on it ('"...," Lopez, 69, told ...')."""
    after = quoted_statement_end(subject.doc, subject.left_edge.i, subject.i)
    return after if after is not None else subject.left_edge.i


def _named_after_quotation(subject: Token, verb: Token) -> Token | None:
    """The noun phrase between a quoted statement and the verb when the parse took a noun inside
    the statement as the subject and hung the speaker on it ('"A fine day," Ann, the
    mayor, said'), else None."""
    if not subject.i < verb.i:
        return None
    after = quoted_statement_end(subject.doc, subject.i, verb.i)
    if after is None:
        return None
    return next((t for t in subject.doc[after:verb.i] if t.pos_ in ("PROPN", "NOUN", "PRON")
                 and not after <= t.head.i < verb.i), None)


def second_report(verb: Token) -> bool:
    """True for a reporting verb the parse made a conjunct of the clause reported before it ("he
    said the bridge was safe and warned drivers to ...": the speaker's second report, not part
    of the first): no subject of its own, a complement of its own, and a lemma that reports
    clauses (``attribution_cue_verbs.txt``)."""
    head = verb.head
    return verb.dep_ == "conj" and verb.pos_ == "VERB" and verb.i > head.i \
        and head.dep_ == "ccomp" and verb.lemma_.lower() in clause_cue_lemmas() \
        and not any(c.dep_ in SUBJECTS for c in verb.children) \
        and any(c.dep_ in ("ccomp", "xcomp", "dobj") for c in verb.children)


def agent_of(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "agent":
            for grandchild in child.children:
                if grandchild.dep_ == "pobj":
                    return grandchild
    return None


def source_span(doc: Doc, head: Token, cue_ids: set[int],
                cue: Token | None = None) -> tuple[int, int] | None:
    """The source phrase around ``head``: its subtree kept inside the head's line (the cue's
    line when the parse joined lines) and after a dateline dash, without a preposition left
    bare at its end, with a closing comma or dash when the phrase holds an appositive."""
    start, end = subtree_range(head, cue_ids)
    start = max(start, quoted_statement_end(doc, start, head.i) or start)
    if cue is not None:
        # the cue's first word: a line broken inside the verb group ("has\nsaid") is one line
        first = min(cue_ids | {cue.i})
        anchor = first if head.i < first else cue.i
        if _on_other_line(head, doc[anchor]):
            start, end = within_line(doc, start, end, anchor)
            if start >= end or not any(t.is_alpha for t in doc[start:end]):
                return None
            head = max(doc[start:end], key=lambda t: (t.pos_ in ("PROPN", "NOUN", "PRON"), t.i))
    for i in range(head.i - 1, start - 1, -1):
        if breaks_line(doc[i]):
            start = i + 1
            break
        if doc[i].text in "—–" and i > 0 and (doc[i - 1].text == ")" or doc[i - 1].is_upper):
            start = i + 1
            break
    for i in range(head.i, end):
        if "\n" in doc[i].text:
            end = i
            break
    start, end = trimmed_tokens(doc, start, end)
    start = _after_leading_participle(doc, start, end)
    while end - 1 > start and doc[end - 1].dep_ == "prep" and not any(doc[end - 1].children):
        end -= 1  # "Police at first told ...": the parse hung a bare "at" on the source
    if start >= end:
        return None
    span = (doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text))
    inner = [doc[i].text for i in range(start, end)]
    if end < len(doc) and end not in cue_ids:
        closing = doc[end].text
        if (closing == "," and "," in inner) or (closing in "—–" and closing in inner):
            span = (span[0], doc[end].idx + len(closing))
    return span


NAMING_DEPS = ("npadvmod", "appos", "nsubj", "nsubjpass")  # how a parse may hang the name on the participle


def _after_leading_participle(doc: Doc, start: int, end: int) -> int:
    """The source's first token after a participle phrase set off before it by a comma ("Writing
    from Rome, Italy, Ivo Brandt": how the source spoke, not who; the parse may even make the
    participle the subject and hang the name on it); else ``start``."""
    first = doc[start]
    if first.tag_ not in ("VBG", "VBN"):
        return start

    def in_phrase(token: Token) -> bool:  # inside the participle's own phrase, not the name after it
        branch = next((t for t in [token, *token.ancestors] if t.head.i == first.i and t.i != first.i), None)
        return branch is not None and branch.dep_ not in NAMING_DEPS

    for i in range(start + 1, end - 1):
        if not in_phrase(doc[i]):
            break
        after = doc[i + 1]
        if doc[i].text == "," and after.ent_type_ not in ("GPE", "LOC") \
                and (after.pos_ in ("PROPN", "NOUN", "PRON") or after.tag_ == "DT"):
            return i + 1  # not "Rome, Italy": a place's second part
    return start


def cue_tokens(verb: Token) -> list[Token]:
    """The verb with its auxiliaries, negation, particles and the adverbs between them; a
    modifier set off from the verb by punctuation is not part of the cue (the parse may hang a
    quotation's '"Certainly not," the mayor said' negation on the verb)."""
    tokens = [verb]
    doc = verb.doc
    modifiers = [c for c in verb.children if c.dep_ in CUE_MODIFIERS
                 and not any(t.is_punct for t in doc[min(c.i, verb.i) + 1:max(c.i, verb.i)])]
    tokens += modifiers
    first = min(t.i for t in tokens)
    for child in verb.children:
        if child.dep_ == "advmod" and first <= child.i < verb.i:
            tokens.append(child)
        elif child.dep_ == "advmod" and child.i == first - 1 and child.tag_ == "RB" \
                and not child.is_sent_start and child.lower_ not in ("so", "as", "how", "why"):
            tokens.append(child)
    governor = _governing_cue(verb)
    if governor is not None:
        tokens += [t for t in cue_tokens(governor) if t.i < verb.i]
        tokens.append(governor)
    return sorted(set(tokens), key=lambda t: t.i)


def _governing_cue(verb: Token) -> Token | None:
    """The verb governing ``verb`` when it belongs to the cue (PolNeAR convention): "declined
    to say" and, with no punctuation or object of the governing verb between them, "began
    urging", "came on the show to talk about" (an infinitive of purpose); else None."""
    head = verb.head
    if head.i >= verb.i or head.pos_ not in ("VERB", "AUX", "ADJ"):
        return None
    infinitive = verb.tag_ == "VB" and any(c.lower_ == "to" and c.dep_ == "aux"
                                           for c in verb.children)
    if verb.dep_ == "xcomp" and infinitive:
        return head
    between = verb.doc[head.i + 1:verb.i]
    if any(t.is_punct or "\n" in t.whitespace_
           or (t.dep_ in ("dobj", "dative") and t.head.i == head.i) for t in between):
        return None
    if (verb.dep_ == "xcomp" and verb.tag_ == "VBG") or (verb.dep_ == "advcl" and infinitive):
        return head
    return None


def detached_source(verb: Token) -> tuple[Token, int] | None:
    """The source of a subjectless cue that follows a complete clause and a comma, when the parse
    hung the source phrase on that clause ("Police closed the road, a city official told the
    paper": "official" as an appositive, "told" as a subjectless adverbial clause).

    Returns the head of the noun phrase that ends right before the verb and starts right after a
    comma (or a comma and a closing quotation mark) on the verb's line, and the index of that
    comma, when the verb is finite, not subordinate, has no clausal complement after it (one
    before it is the clause: "C, the highway patrol said" with "patrol" hung on C's last noun)
    and no subject of its own after the comma (the parse may take a noun of the clause before it
    as the subject), and the words before the comma (and before that subject) hold the main
    clause it hangs on (with a subject, not subordinate).
    """
    if verb.tag_ not in FINITE_TAGS or any(c.dep_ in ("xcomp", "mark") or (c.dep_ == "ccomp" and c.i > verb.i)
                                           for c in verb.children):
        return None
    subjects = [c.i for c in verb.children if c.dep_ in SUBJECTS]
    doc, start = verb.doc, verb.sent.start
    found = None
    for token in doc[start:verb.i]:
        comma = token.left_edge.i - 1
        if comma > start and doc[comma].is_quote and doc[comma - 1].text == ",":
            comma -= 1  # '..., Vincent," team manager Lee said': the closing quote hangs on the clause
        if token.pos_ not in ("NOUN", "PROPN", "PRON") or token.dep_ in SUBJECTS + ("expl",) \
                or token.right_edge.i != verb.i - 1 or comma <= start or doc[comma].text != ",":
            continue  # an expletive is nobody: "..., oh dear, there goes the band"
        phrase = doc[comma + 1:verb.i]
        if phrase[0].is_quote:
            phrase = phrase[1:]
        if phrase[0].tag_.startswith("W") or "\n" in phrase.text:
            continue
        if found is None or comma < found[1]:
            found = (token, comma)
    if found is None or any(i > found[1] for i in subjects):
        return None
    line_start = within_line(doc, start, found[1], found[1] - 1)[0]
    for token in doc[line_start:min(subjects + [found[1]])]:
        if (token.i == verb.head.i or token.head.i == verb.i) and token.pos_ in ("VERB", "AUX") \
                and any(c.dep_ in SUBJECTS for c in token.children) \
                and not any(c.dep_ == "mark" for c in token.children):
            return found
    return None


def comma_before_subject(verb: Token, subject: Token | None) -> int | None:
    """For a cue with a subject and no content of its own ("<clause>, a source told the paper",
    the parse having made the cue a conjunct of the clause): the index of the comma right before
    the subject when the words before it on the line are one main clause (a verb with a
    subject, not adverbial, not subordinate); else None."""
    if subject is None or subject.i > verb.i or subject.head.i != verb.i \
            or subject.right_edge.i != verb.i - 1 or verb.tag_ not in FINITE_TAGS \
            or subject.left_edge.tag_.startswith("W"):
        return None
    doc = verb.doc
    comma = subject.left_edge.i - 1
    if comma <= verb.sent.start or doc[comma].text != ",":
        return None
    start = within_line(doc, verb.sent.start, comma, comma - 1)[0]
    roots = [t for t in doc[start:comma] if not t.is_punct
             and (t.head.i == t.i or not start <= t.head.i < comma)]
    if len(roots) != 1 or roots[0].pos_ not in ("VERB", "AUX") or roots[0].dep_ == "advcl" \
            or not any(c.dep_ in SUBJECTS for c in roots[0].children) \
            or any(c.dep_ == "mark" for c in roots[0].children):
        return None
    return comma
