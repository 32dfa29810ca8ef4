"""Settings: every knob of a run in one object, recorded in the dossier so it can be explained later."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Settings:
    """Options of a run. Results never carry knobs; this object does."""

    processes: int = 1  # worker processes for the per-article stages (0 = one per core)
    batch_size: int = 32  # texts per nlp.pipe batch
    max_bytes: int = 5_000_000  # inputs larger than this are skipped
    max_chars: int = 1_000_000  # cleaned texts longer than this are cut for NLP (with a warning)
    model: str | None = None  # spaCy pipeline name; None = the first English small model installed
    attribution: bool = True
    temporal: bool = True
    one_story: bool = False  # put every article in one story (skip clustering)

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)
