"""The local web app over a storytrace store: ``create_app(db_path, token=None)`` gives a FastAPI app."""

from __future__ import annotations

from .app import create_app

__all__ = ["create_app"]
