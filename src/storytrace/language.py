"""Language identification by stop-word share: enough to tell English from other languages, offline."""

from __future__ import annotations

import re
from functools import cache

from .lexicons import entries

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_CYRILLIC = re.compile(r"[\u0400-\u04FF]")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_ARABIC = re.compile(r"[\u0600-\u06FF]")


@cache
def _stopwords() -> dict[str, frozenset[str]]:
    table = {}
    for line in entries("language_stopwords.txt"):
        code, *words = line.split()
        table[code] = frozenset(words)
    return table


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None when there is too little text to tell."""
    sample = text[:20000]
    letters = [c for c in sample if c.isalpha()]
    if len(letters) < 20:
        return None
    for pattern, code in ((_CYRILLIC, "ru"), (_CJK, "zh"), (_ARABIC, "ar")):
        if len(pattern.findall(sample)) > 0.3 * len(letters):
            if code == "ru" and re.search(r"[іїєґ]", sample.lower()):
                return "uk"
            return code
    words = [w.lower() for w in _WORD.findall(sample)]
    if len(words) < 5:
        return None
    scores = {code: sum(w in stop for w in words) / len(words) for code, stop in _stopwords().items()}
    code, best = max(scores.items(), key=lambda item: item[1])
    return code if best >= 0.08 else None
