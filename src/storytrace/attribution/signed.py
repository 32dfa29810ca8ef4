"""Signed quotations: a quotation or an embedded post followed by a dash and the name of its author.

Two layouts that news pages carry without any speech verb:

- a quotation signed after a dash, as in reader voices and pull quotes:
  ``“We will rebuild the bridge.” ― Ana Petrov`` (the dash is the cue, the quotation the content);
- an embedded post, whose paragraph ends with a dash, the author and a handle in parentheses:
  ``The count is wrong. pic.example/abc — Ana Petrov (@anapetrov) May 3, 2031``. The content is the
  paragraph before the dash, without markup left at its start or links at its end; the handle is
  required here, so that a dash used as punctuation inside a sentence is never read as a signature.

The name (at most MAX_NAME_TOKENS tokens, no verb, every word capitalised) runs from the dash to the
handle, the end of the line, or a comma or period that ends it. Any kind of dash counts (hyphen,
en dash, em dash, horizontal bar).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from storytrace.attribution.quotes import paragraph_spans
from storytrace.attribution.spans import QuoteLookup
from storytrace.attribution.speech import Candidate

MAX_NAME_TOKENS = 5
_DASH = "-–—―"
_AFTER_QUOTATION = re.compile(rf"[ \t\u00a0]*([{_DASH}])[ \t\u00a0]*")
_NAME_END = re.compile(r"\s*\(@|\s*[,.]?[ \t\u00a0]*(?:\n|$)")
_POST_SIGNATURE = re.compile(rf"[ \t\u00a0]([{_DASH}])[ \t\u00a0]+([^\n()]{{2,80}}?)[ \t\u00a0]*\(@\w+\)")
_LEADING_TAG = re.compile(r"\s*<[^<>\n]{0,300}>\s*")  # markup left at the start of an embedded post
_TRAILING_LINKS = re.compile(r"(?:\s+(?:https?://|pic\.|www\.)\S*)+\s*$")


def signed_attributions(doc: Doc, quotes: QuoteLookup) -> list[Candidate]:
    """Candidates for quotations signed after a dash and for embedded posts (see module docstring)."""
    text = quotes.text
    found = []
    seen_quotations = set()
    for _, end, quotation in quotes.parts:
        if id(quotation) in seen_quotations or end != quotation.end:
            continue
        seen_quotations.add(id(quotation))
        dash = _AFTER_QUOTATION.match(text, end)
        if dash is None:
            continue
        candidate = _signed(doc, quotation.parts, dash.start(1), dash.end())
        if candidate is not None:
            found.append(candidate)
    for start, end in paragraph_spans(text):
        for signature in _POST_SIGNATURE.finditer(text, start, end):
            tag = _LEADING_TAG.match(text, start, signature.start())
            begin = tag.end() if tag else start
            body = _TRAILING_LINKS.sub("", text[begin:signature.start()]).rstrip()
            if not body or quotes.at(begin) is not None:
                continue
            candidate = _signed(doc, [(begin, begin + len(body))], signature.start(1), signature.start(2))
            if candidate is not None:
                found.append(candidate)
    return found


def _signed(doc: Doc, content: list[tuple[int, int]], dash: int, name_start: int) -> Candidate | None:
    """The candidate for ``content`` signed by the name at ``name_start`` after the dash at ``dash``."""
    text = doc.text
    stop = _NAME_END.search(text, name_start)
    if stop is None or stop.start() <= name_start:
        return None
    name = doc.char_span(name_start, stop.start(), alignment_mode="contract")
    cue = doc.char_span(dash, dash + 1, alignment_mode="expand")  # a dash may be glued to a closing mark
    if name is None or cue is None or not 0 < len(name) <= MAX_NAME_TOKENS:
        return None
    if any(t.pos_ in ("VERB", "AUX") and not t.is_title for t in name):
        return None
    if not all(t.is_title or t.is_upper or not t.is_alpha for t in name) or not any(t.is_alpha for t in name):
        return None
    return Candidate(content, (dash, dash + 1), (name.start_char, name.end_char), "direct",
                     cue[0], name.root, frame="signed")
