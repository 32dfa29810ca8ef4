"""The living dossier: an SQLite store that grows article by article (WAL, FTS5, migrations in code).

    from storytrace.store import StoreWriter, save_dossier
    with StoreWriter("dossier.db") as writer:
        results = writer.add_paths(["new-article.html"])

Reading (``storytrace.store.read``) needs no NLP; writing imports the pipeline on first use.
"""

from __future__ import annotations

from .db import connect, fts_query, read_snapshot, reading, write_transaction
from .schema import MIGRATIONS, SCHEMA_VERSION

_LAZY = {"StoreWriter": "add", "AddResult": "add", "save_dossier": "add"}


def __getattr__(name: str):
    """Import the writer (and with it the NLP pipeline) only when it is used."""
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
    raise AttributeError(f"module 'storytrace.store' has no attribute {name!r}")


__all__ = [
    "StoreWriter",
    "AddResult",
    "save_dossier",
    "connect",
    "read_snapshot",
    "reading",
    "write_transaction",
    "fts_query",
    "MIGRATIONS",
    "SCHEMA_VERSION",
]
