"""storytrace: turn a pile of news articles into a dossier per story.

    import storytrace
    dossier = storytrace.analyze(["articles/"])
    storytrace.write_dossier(dossier, "out/")
"""

__version__ = "0.1.0"

from .errors import (  # noqa: E402
    InputError,
    ModelNotInstalledError,
    NoArticlesError,
    SchemaError,
    StoreError,
    StorytraceError,
)
from .model import Article, Claim, Dossier, Fact, Story, dossier_from_dict, dossier_to_dict  # noqa: E402
from .settings import Settings  # noqa: E402

_LAZY = {"analyze": "pipeline", "write_dossier": "report", "validate_dossier": "report"}


def __getattr__(name: str):
    """Import the pipeline and reports on first use, so ``import storytrace.model`` stays light."""
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
    raise AttributeError(f"module 'storytrace' has no attribute {name!r}")

__all__ = [
    "__version__",
    "analyze",
    "write_dossier",
    "validate_dossier",
    "Settings",
    "Dossier",
    "Story",
    "Article",
    "Claim",
    "Fact",
    "dossier_to_dict",
    "dossier_from_dict",
    "StorytraceError",
    "InputError",
    "NoArticlesError",
    "ModelNotInstalledError",
    "SchemaError",
    "StoreError",
]
