"""Bytes to text: size and binary checks, BOM and encoding detection, newline normalisation."""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from charset_normalizer import from_bytes

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Control characters that never occur in text files (NUL and friends, not tab/newline/form feed).
_BINARY_BYTES = set(range(0, 9)) | {11, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31}


class Rejected(Exception):
    """An input deliberately not analysed; ``reason`` says why (it goes to the dossier's inputs)."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


@dataclass
class Decoded:
    text: str
    encoding: str
    warnings: list[str]


def looks_binary(data: bytes) -> bool:
    """True when the first 8 KiB hold bytes that text files do not (NUL and other controls)."""
    sample = data[:8192]
    if not sample:
        return False
    controls = sum(1 for b in sample if b in _BINARY_BYTES)
    return b"\x00" in sample or controls / len(sample) > 0.01


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def decode_bytes(data: bytes, *, max_bytes: int) -> Decoded:
    """Decode an input file's bytes, or raise Rejected with the reason (empty, too large, binary, undecodable)."""
    if len(data) > max_bytes:
        raise Rejected(f"too large: {len(data) / 1e6:.1f} MB over the {max_bytes / 1e6:.0f} MB limit")
    if not data.strip():
        raise Rejected("empty file")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(normalise_newlines(data.decode(encoding)), encoding, [])
            except UnicodeDecodeError as exc:
                raise Rejected(f"undecodable: byte order mark says {encoding} but {exc.reason}") from None
    if looks_binary(data):
        raise Rejected("binary file (control bytes in the first 8 KiB), not text")
    try:
        return Decoded(normalise_newlines(data.decode("utf-8")), "utf-8", [])
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is None:
        raise Rejected("undecodable: no text encoding fits these bytes")
    warnings = [f"not UTF-8: decoded as {best.encoding}"]
    return Decoded(normalise_newlines(str(best)), best.encoding, warnings)
