"""The command line: a thin Typer shell over the library that formats results and turns errors into messages."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.markup import escape

from . import __version__
from .cli_store import add_command, export_command, serve_command
from .errors import StorytraceError
from .pipeline import analyze
from .report import write_dossier
from .settings import Settings

app = typer.Typer(add_completion=False, no_args_is_help=True, help="Turn news articles into a dossier per story.")
console = Console(stderr=True)
PROGRESS_THRESHOLD = 5  # show a progress bar for runs of more than this many files


app.command("add")(add_command)
app.command("serve")(serve_command)
app.command("export")(export_command)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"storytrace {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Print the version and exit."),
) -> None:
    """storytrace: who claims what, citing whom, how many independent origins, what changed and when."""


@app.command("analyze")
def analyze_command(
    paths: list[Path] = typer.Argument(..., help="Files, folders (read recursively) or glob patterns."),
    out: Path = typer.Option(Path("storytrace-out"), "-o", "--out", help="Folder for dossier.json, dossier.md, dossier.html."),
    processes: int = typer.Option(1, "-j", "--processes", help="Worker processes for per-article analysis (0 = one per core)."),
    one_story: bool = typer.Option(False, "--one-story", help="Put all articles in one story instead of clustering."),
    db: Path | None = typer.Option(None, "--db", help="Also write the dossier into this SQLite store."),
) -> None:
    """Analyse articles and write the dossier (JSON, Markdown, HTML)."""
    settings = Settings(processes=processes, one_story=one_story)
    try:
        with _progress() as progress:
            dossier = analyze([str(p) for p in paths], settings, progress=progress)
    except StorytraceError as exc:
        console.print(f"[bold red]error[/]: {escape(exc.message)}", soft_wrap=True)
        raise typer.Exit(1) from None
    written = write_dossier(dossier, out)
    if db is not None:
        from .store import save_dossier

        save_dossier(dossier, db)
        written["store"] = db
    _summary(dossier, written)


class _progress:
    """A rich progress bar for the per-article stage on runs of more than a few files; silent otherwise."""

    def __init__(self):
        self.bar: Progress | None = None
        self.task = None

    def __enter__(self):
        return self

    def __call__(self, done: int, total: int) -> None:
        if total <= PROGRESS_THRESHOLD:
            return
        if self.bar is None:
            self.bar = Progress(TextColumn("analysing"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), console=console)
            self.bar.start()
            self.task = self.bar.add_task("articles", total=total)
        self.bar.update(self.task, completed=done)

    def __exit__(self, *exc):
        if self.bar is not None:
            self.bar.stop()
        return False


def _summary(dossier, written: dict[str, Path]) -> None:
    ok = [r for r in dossier.inputs if r.status == "ok"]
    other = [r for r in dossier.inputs if r.status != "ok"]
    console.print(f"[bold]{len(dossier.articles)}[/] article(s) analysed from {len(ok)} input(s); "
                  f"{len(other)} skipped or failed; {len(dossier.stories)} story(ies).")
    if other:
        console.print("Not analysed:")
        for record in other:
            console.print(f"  {record.status:7} {escape(record.path)}: {escape(record.reason or '')}", soft_wrap=True)
    for story in dossier.stories:
        single = sum(1 for f in story.facts if f.independent_sources <= 1 and len(f.article_ids) > 1)
        console.print(f"  story {story.id}: {escape(story.title)} — {len(story.article_ids)} article(s), {len(story.facts)} fact(s) "
                      f"({single} repeated with a single origin), {len(story.conflicts)} conflict(s), {len(story.updates)} update(s)")
    console.print("Dossier written to:")
    for kind, path in written.items():
        console.print(f"  {kind:9} {escape(str(path))}", soft_wrap=True)
