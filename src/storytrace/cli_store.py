"""Store commands for the CLI: ``add`` (grow a store), ``serve`` (the local web app), ``export`` (one story's dossier).

Thin shells over ``storytrace.store`` and ``storytrace.web``; registered in ``cli.py`` with
``app.command("add")(add_command)`` and the like.
"""

from __future__ import annotations

import ipaddress
import secrets
import sys
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from .errors import StorytraceError
from .settings import Settings

console = Console(stderr=True)
LOOPBACK_NAMES = {"localhost"}


def add_command(
    paths: list[Path] = typer.Argument(..., help="Files, folders (read recursively) or glob patterns."),
    db: Path = typer.Option(..., "--db", help="The store (an SQLite file; created when missing)."),
    processes: int = typer.Option(1, "-j", "--processes", help="Worker processes for per-article analysis (0 = one per core)."),
    batch_size: int = typer.Option(8, "--batch-size", help="Articles analysed together before they are committed one by one."),
) -> None:
    """Add articles to a store: only new ones are analysed; each is committed with the story it joins."""
    from .store.add import StoreWriter

    settings = Settings(processes=processes, batch_size=batch_size)
    try:
        with StoreWriter(db, settings) as writer:
            results = writer.add_paths([str(p) for p in paths], progress=_progress_printer())
            repaired = list(writer.repaired)
            regrouped = list(writer.regrouped)
    except StorytraceError as exc:
        console.print(f"[bold red]error[/]: {exc.message}")
        raise typer.Exit(1) from None
    counts: dict[str, int] = {}
    for result in results:
        counts[result.status] = counts.get(result.status, 0) + 1
    table = Table("input", "status", "story", "note", title=f"storytrace add → {db}", title_justify="left")
    for result in results:
        table.add_row(result.path, result.status, result.story_id or "", result.reason or "")
    if len(results) <= 100:
        console.print(table)
    console.print(", ".join(f"{n} {status}" for status, n in sorted(counts.items())) or "no input")
    if repaired:
        console.print(f"[yellow]note[/]: {len(repaired)} stored article(s) moved to the story the current clustering "
                      "gives them (the store was made by another version); their stories were rebuilt")
    for ids, story_id in regrouped:
        console.print(f"[yellow]regrouped[/]: {len(ids)} article(s) moved to story {story_id} (stories that report "
                      "one happening merged, or a story holding two happenings split); the stories concerned were rebuilt")
    if counts.get("error"):
        raise typer.Exit(2)


def _progress_printer():
    def progress(done: int, total: int) -> None:
        if total > 5:
            console.print(f"analysed {done}/{total}", highlight=False)

    return progress


def is_loopback(host: str) -> bool:
    if host.lower() in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def serve_command(
    db: Path = typer.Option(..., "--db", help="The store to browse (created empty when missing)."),
    host: str = typer.Option("127.0.0.1", "--host", help="Address to bind. Anything but loopback needs --token."),
    port: int = typer.Option(8000, "--port", help="Port to listen on."),
    token: str | None = typer.Option(None, "--token", envvar="STORYTRACE_TOKEN",
                                     help="Secret every request must carry (required off loopback); 'generate' makes one."),
) -> None:
    """Browse, search and grow a store in the browser (a local web app)."""
    import uvicorn

    from .web import create_app

    if token == "generate":
        token = secrets.token_urlsafe(18)
    if not is_loopback(host) and not token:
        console.print(f"[bold red]error[/]: binding to {host} exposes the store beyond this machine; "
                      "give --token SECRET (or --token generate)")
        raise typer.Exit(2)
    if token is not None and len(token) < 12:
        console.print("[bold red]error[/]: the token must have at least 12 characters")
        raise typer.Exit(2)
    allowed = None
    if is_loopback(host):
        allowed = ["127.0.0.1", "localhost", "::1", host.lower().strip("[]")]
    try:
        app = create_app(db, token=token, allowed_hosts=allowed)
    except StorytraceError as exc:
        console.print(f"[bold red]error[/]: {exc.message}")
        raise typer.Exit(1) from None
    shown = f"[{host}]" if ":" in host else host
    url = f"http://{shown}:{port}/" + (f"?token={token}" if token else "")
    console.print(f"storytrace serving {db} at {url}", highlight=False)
    uvicorn.run(app, host=host, port=port, log_level="warning")


def export_command(
    db: Path = typer.Option(..., "--db", help="The store."),
    story: str = typer.Option(..., "--story", help="Story id (see `storytrace serve` or /api/stories)."),
    format: str = typer.Option("json", "--format", help="json, md or html."),
    out: Path | None = typer.Option(None, "-o", "--out", help="File to write (default: standard output)."),
) -> None:
    """Write one stored story as a dossier (JSON schema 1, Markdown or HTML), as `analyze` would."""
    from .report import dossier_json, render_html, render_markdown
    from .store import reading
    from .store.read import story_dossier

    renderers = {"json": dossier_json, "md": render_markdown, "markdown": render_markdown, "html": render_html}
    if format not in renderers:
        console.print(f"[bold red]error[/]: unknown format {format!r} (json, md or html)")
        raise typer.Exit(2)
    try:
        with reading(db) as conn:
            dossier = story_dossier(conn, story)
        if dossier is None:
            console.print(f"[bold red]error[/]: no story {story!r} in {db}")
            raise typer.Exit(1)
        text = renderers[format](dossier)
    except StorytraceError as exc:
        console.print(f"[bold red]error[/]: {exc.message}")
        raise typer.Exit(1) from None
    if out is None:
        sys.stdout.write(text)
    else:
        out.write_text(text, encoding="utf-8")
        console.print(f"story {story} written to {out}")
