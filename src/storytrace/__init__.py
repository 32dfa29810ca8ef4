"""storytrace: turn a pile of news articles into a dossier per story."""

__version__ = "0.1.0"
