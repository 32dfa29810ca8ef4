"""The local web app over a store: server-rendered pages, a JSON API (schema-1 data), search and uploads.

Thin by design: routes look ids up in the store, call the library, and format. Every article-derived
string is escaped by Jinja2 autoescape; pages carry a strict Content-Security-Policy (no scripts at
all); no request path reaches the file system (ids are database keys, the one stylesheet is held in
memory); uploads are size- and type-limited, written under a temporary folder inside the store's
own folder with names we choose, and deleted after they are read. With a token, every request must
carry it (``Authorization: Bearer``, ``X-Storytrace-Token`` header, or the cookie set by ``?token=``).
"""

from __future__ import annotations

import hmac
import re
import secrets
import shutil
import tempfile
import threading
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import quote

from fastapi import FastAPI, HTTPException, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse, RedirectResponse, Response
from jinja2 import Environment, PackageLoader
from pydantic import BaseModel, ConfigDict
from python_multipart.multipart import MultipartParser, parse_options_header

from .. import __version__
from ..errors import StorytraceError
from ..report.views import conflict_value_text, direction_note, dispute_note, fact_disputes, story_highlights
from ..settings import Settings
from ..store import connect, reading
from ..store import read as store_read
from . import pages

MAX_UPLOAD_BYTES = 5_000_000  # one upload request, all files together
MAX_UPLOAD_FILES = 20
UPLOAD_SUFFIXES = (".txt", ".text", ".md", ".markdown", ".html", ".htm", ".xhtml", ".json", ".jsonl", ".ndjson",
                   ".xml", ".rss", ".atom")  # the ingest formats
PAGE_SIZE = 50
TOKEN_COOKIE = "storytrace_token"
PAGE_CSP = ("default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
            "base-uri 'none'; frame-ancestors 'none'")
EXPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"
_SAFE_NAME = re.compile(r"[^A-Za-z0-9._ -]+")


# --------------------------------------------------------------------------- API models (documented in /openapi.json)


class StorySummary(BaseModel):
    id: str
    title: str
    article_ids: list[str]
    n_articles: int
    n_claims: int
    n_facts: int
    n_conflicts: int
    n_updates: int
    created_at: str
    updated_at: str


class StoryList(BaseModel):
    total: int
    stories: list[StorySummary]


class StoryDetail(BaseModel):
    """A schema-1 story object (claims, facts, events, conflicts, updates, timeline, reuse, sources) plus store times."""

    model_config = ConfigDict(extra="allow")
    id: str
    title: str
    article_ids: list[str]
    claims: list[dict[str, Any]]
    facts: list[dict[str, Any]]
    events: list[dict[str, Any]] = []
    conflicts: list[dict[str, Any]]
    updates: list[dict[str, Any]]
    timeline: list[dict[str, Any]]
    reuse: list[dict[str, Any]]
    sources: list[dict[str, Any]]
    created_at: str
    updated_at: str


class ArticleSummary(BaseModel):
    id: str
    version: int
    superseded_by: str | None
    story_id: str | None
    url: str | None
    path: str
    title: str | None
    outlet: str | None
    published: str | None
    added_at: str


class ArticleList(BaseModel):
    total: int
    offset: int
    limit: int
    articles: list[ArticleSummary]


class ArticleDetail(BaseModel):
    """A schema-1 article object (cleaned text, removed boilerplate, sentences, annotations) plus its store record."""

    model_config = ConfigDict(extra="allow")
    id: str
    path: str
    format: str
    text: str
    removed: list[dict[str, Any]]
    sentences: list[dict[str, Any]]
    store: ArticleSummary
    versions: list[ArticleSummary]


class SearchHit(BaseModel):
    kind: str  # article | claim
    article_id: str
    story_id: str | None
    claim_id: str | None = None
    title: str | None = None
    snippet: str  # plain text; matched words between \u0002 and \u0003


class SearchAnswer(BaseModel):
    query: str
    articles: list[SearchHit]
    claims: list[SearchHit]


# --------------------------------------------------------------------------- the app


def templates() -> Environment:
    env = Environment(
        loader=PackageLoader("storytrace", "web/templates"),
        autoescape=True,  # every page, whatever the template's extension
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(safe_url=pages.safe_url, source_chain=pages.source_chain, version=__version__,
                       direction_note=direction_note, quote=lambda s: quote(str(s), safe=""),
                       fact_disputes=fact_disputes, dispute_note=dispute_note,
                       conflict_value_text=conflict_value_text)
    env.filters["marked"] = _split_snippet
    return env


def _split_snippet(snippet: str | None) -> list[tuple[str, bool]]:
    """FTS snippet -> (text, matched) runs; the template escapes each run."""
    out: list[tuple[str, bool]] = []
    for i, part in enumerate((snippet or "").split(store_read.SNIPPET_START)):
        if i == 0:
            out.append((part.replace(store_read.SNIPPET_END, ""), False))
            continue
        hit, _, rest = part.partition(store_read.SNIPPET_END)
        out += [(hit, True), (rest.replace(store_read.SNIPPET_START, ""), False)]
    return [run for run in out if run[0]]


def create_app(
    db_path: str | Path,
    token: str | None = None,
    *,
    allowed_hosts: list[str] | None = None,
    settings: Settings | None = None,
    max_upload_bytes: int = MAX_UPLOAD_BYTES,
) -> FastAPI:
    """The web app over the store at ``db_path`` (created empty when missing).

    ``token``: required on every request when given. ``allowed_hosts``: Host header values accepted
    (defends a loopback server against DNS rebinding); None accepts any.
    """
    db_path = Path(db_path).resolve()
    connect(db_path, create=True).close()  # create or migrate once, up front
    app = FastAPI(title="storytrace", version=__version__, docs_url=None, redoc_url=None,
                  description="A living dossier: stories, articles and claims from a storytrace store.")
    env = templates()
    stylesheet = resources.files("storytrace.web").joinpath("static/style.css").read_bytes()
    csrf = secrets.token_urlsafe(24)  # proves an upload form was served by this app (no cross-site posts)
    writer_lock = threading.Lock()
    state: dict[str, Any] = {"writer": None}

    def render(name: str, status: int = 200, **context: Any) -> HTMLResponse:
        return HTMLResponse(env.get_template(name).render(**context), status_code=status)

    # ------------------------------------------------------------------ access control and headers

    @app.middleware("http")
    async def guard(request: Request, call_next):
        if allowed_hosts is not None:
            host = request.headers.get("host", "").lower()
            if host.rsplit(":", 1)[0].strip("[]") not in allowed_hosts and host not in allowed_hosts:
                return PlainTextResponse("unknown host", status_code=400)
        if token is not None:
            given = request.query_params.get("token")
            if given is not None and request.method == "GET" and hmac.compare_digest(given, token):
                response = RedirectResponse(str(request.url.remove_query_params("token")), status_code=303)
                response.set_cookie(TOKEN_COOKIE, token, httponly=True, samesite="strict")
                return _secured(response)
            if not _has_token(request, token):
                return _secured(PlainTextResponse("a token is required: open the link printed by `storytrace serve`",
                                                  status_code=401))
        return _secured(await call_next(request))

    @app.get("/static/style.css", include_in_schema=False)
    def style() -> Response:
        return Response(stylesheet, media_type="text/css", headers={"Cache-Control": "max-age=300"})

    # ------------------------------------------------------------------ pages

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def stories_page() -> HTMLResponse:
        with reading(db_path) as conn:
            stories = store_read.list_stories(conn)
            total = store_read.count_articles(conn)
            recent = store_read.recent_inputs(conn, 10)
        return render("stories.html.j2", stories=stories, total_articles=total, recent=recent)

    @app.get("/stories/{story_id}", response_class=HTMLResponse, include_in_schema=False)
    def story_page(story_id: str) -> HTMLResponse:
        with reading(db_path) as conn:
            row = store_read.story_row(conn, story_id)
            story = store_read.get_story(conn, story_id)
            if row is None or story is None:
                return render("error.html.j2", 404, message="No such story.",
                              merged_into=store_read.merged_into(conn, story_id))
            members = store_read.articles_by_id(conn, story.article_ids)
        claims = {c.id: c for c in story.claims}
        facts = sorted(story.facts, key=lambda f: (-f.independent_sources, -len(f.article_ids), f.id))
        highlights = story_highlights(story, members)
        return render("story.html.j2", row=row, story=story, facts=facts, claims=claims, members=members,
                      highlights=highlights)

    @app.get("/stories/{story_id}/export", include_in_schema=False)
    def story_export(story_id: str, format: str = Query("json", pattern="^(json|md|html)$")) -> Response:
        from ..report import dossier_json, render_html, render_markdown

        with reading(db_path) as conn:
            dossier = store_read.story_dossier(conn, story_id)
        if dossier is None:
            raise HTTPException(404, "no such story")
        name = f"storytrace-{_SAFE_NAME.sub('', story_id)[:40]}"
        if format == "json":
            return Response(dossier_json(dossier), media_type="application/json",
                            headers={"Content-Disposition": f'attachment; filename="{name}.json"'})
        if format == "md":
            return Response(render_markdown(dossier), media_type="text/markdown; charset=utf-8",
                            headers={"Content-Disposition": f'attachment; filename="{name}.md"'})
        return HTMLResponse(render_html(dossier), headers={"Content-Security-Policy": EXPORT_CSP})

    @app.get("/articles", response_class=HTMLResponse, include_in_schema=False)
    def articles_page(offset: int = Query(0, ge=0), all: bool = False) -> HTMLResponse:
        with reading(db_path) as conn:
            total = store_read.count_articles(conn, include_superseded=all)
            rows = store_read.list_articles(conn, offset=offset, limit=PAGE_SIZE, include_superseded=all)
        return render("articles.html.j2", rows=rows, total=total, show_all=all,
                      paging=pages.page_numbers(total, offset, PAGE_SIZE))

    @app.get("/articles/{article_id}", response_class=HTMLResponse, include_in_schema=False)
    def article_page(article_id: str) -> HTMLResponse:
        with reading(db_path) as conn:
            row = store_read.article_row(conn, article_id)
            article = store_read.get_article(conn, article_id)
            if row is None or article is None:
                return render("error.html.j2", 404, message="No such article.")
            story = store_read.get_story(conn, row.story_id) if row.story_id and not row.superseded_by else None
            versions = store_read.versions_of(conn, article_id)
        view = pages.article_view(article, pages.claims_of(story, article_id))
        return render("article.html.j2", row=row, article=article, view=view, story=story, versions=versions)

    @app.get("/search", response_class=HTMLResponse, include_in_schema=False)
    def search_page(q: str = Query("", max_length=500)) -> HTMLResponse:
        with reading(db_path) as conn:
            results = store_read.search(conn, q) if q.strip() else None
        return render("search.html.j2", q=q, results=results)

    @app.get("/upload", response_class=HTMLResponse, include_in_schema=False)
    def upload_form() -> HTMLResponse:
        return render("upload.html.j2", csrf=csrf, suffixes=UPLOAD_SUFFIXES, limit=max_upload_bytes, results=None)

    @app.post("/upload", response_class=HTMLResponse, include_in_schema=False)
    async def upload(request: Request) -> HTMLResponse:
        try:
            fields, files = await _read_multipart(request, max_upload_bytes)
        except _UploadRejected as rejected:
            return render("upload.html.j2", rejected.status, csrf=csrf, suffixes=UPLOAD_SUFFIXES,
                          limit=max_upload_bytes, results=None, error=rejected.message)
        if not hmac.compare_digest(fields.get("csrf", ""), csrf):
            return render("error.html.j2", 403, message="The upload form has expired: reload the upload page and try again.")
        try:
            results = await run_in_threadpool(_add_uploads, files)
        except _UploadRejected as rejected:
            return render("upload.html.j2", rejected.status, csrf=csrf, suffixes=UPLOAD_SUFFIXES,
                          limit=max_upload_bytes, results=None, error=rejected.message)
        except StorytraceError as exc:
            return render("upload.html.j2", 500, csrf=csrf, suffixes=UPLOAD_SUFFIXES, limit=max_upload_bytes,
                          results=None, error=exc.message)
        return render("upload.html.j2", csrf=csrf, suffixes=UPLOAD_SUFFIXES, limit=max_upload_bytes, results=results)

    def _add_uploads(files: list[tuple[str, bytes]]):
        """Write the uploads under a fresh folder next to the store, add them, delete the folder."""
        if not files:
            raise _UploadRejected(400, "choose at least one file")
        folder = Path(tempfile.mkdtemp(prefix=".storytrace-upload-", dir=db_path.parent))
        try:
            names: dict[str, str] = {}
            paths = []
            for number, (filename, data) in enumerate(files):
                suffix = Path(filename).suffix.lower()
                if suffix not in UPLOAD_SUFFIXES:
                    raise _UploadRejected(415, f"not an article file: {filename!r} (accepted: {', '.join(UPLOAD_SUFFIXES)})")
                path = folder / f"upload-{number}{suffix}"  # our name; the request's name is only shown
                path.write_bytes(data)
                names[str(path)] = "upload/" + (_SAFE_NAME.sub("_", Path(filename).name)[:100] or f"file-{number}")
                paths.append(path)
            with writer_lock:
                if state["writer"] is None:
                    from ..store.add import StoreWriter

                    state["writer"] = StoreWriter(db_path, settings or Settings(processes=1))
                return state["writer"].add_paths(paths, display_names=names)
        finally:
            shutil.rmtree(folder, ignore_errors=True)

    # ------------------------------------------------------------------ JSON API

    @app.get("/api/stories", response_model=StoryList, tags=["stories"])
    def api_stories() -> dict[str, Any]:
        """Every story, newest activity first, with counts of articles, claims, facts, conflicts and updates."""
        with reading(db_path) as conn:
            rows = store_read.list_stories(conn)
        return {"total": len(rows), "stories": [vars(r) for r in rows]}

    @app.get("/api/stories/{story_id}", response_model=StoryDetail, tags=["stories"],
             responses={404: {"description": "no such story"}})
    def api_story(story_id: str) -> dict[str, Any]:
        """One story as in the schema-1 dossier, with when it was created and last updated."""
        with reading(db_path) as conn:
            data = store_read.story_json(conn, story_id)
            row = store_read.story_row(conn, story_id)
            merged = store_read.merged_into(conn, story_id) if data is None or row is None else None
        if data is None or row is None:
            raise HTTPException(404, f"no such story (its articles are now in story {merged})" if merged else "no such story")
        return {**data, "created_at": row.created_at, "updated_at": row.updated_at}

    @app.get("/api/stories/{story_id}/dossier", tags=["stories"],
             responses={200: {"description": "a schema-1 dossier (validated) holding this story and its articles"},
                        404: {"description": "no such story"}})
    def api_story_dossier(story_id: str) -> Response:
        """One story as a complete schema-1 dossier, the same JSON `storytrace export --format json` writes."""
        from ..report import dossier_json

        with reading(db_path) as conn:
            dossier = store_read.story_dossier(conn, story_id)
        if dossier is None:
            raise HTTPException(404, "no such story")
        return Response(dossier_json(dossier), media_type="application/json")

    @app.get("/api/articles", response_model=ArticleList, tags=["articles"])
    def api_articles(offset: int = Query(0, ge=0), limit: int = Query(PAGE_SIZE, ge=1, le=500),
                     include_superseded: bool = False) -> dict[str, Any]:
        """Stored articles, most recently added first, a page at a time (``total`` counts them all)."""
        with reading(db_path) as conn:
            total = store_read.count_articles(conn, include_superseded=include_superseded)
            rows = store_read.list_articles(conn, offset=offset, limit=limit, include_superseded=include_superseded)
        return {"total": total, "offset": offset, "limit": limit, "articles": [vars(r) for r in rows]}

    @app.get("/api/articles/{article_id}", response_model=ArticleDetail, tags=["articles"],
             responses={404: {"description": "no such article"}})
    def api_article(article_id: str) -> dict[str, Any]:
        """One article as in the schema-1 dossier, with its store record and every version of it."""
        with reading(db_path) as conn:
            data = store_read.article_json(conn, article_id)
            row = store_read.article_row(conn, article_id)
            versions = store_read.versions_of(conn, article_id)
        if data is None or row is None:
            raise HTTPException(404, "no such article")
        return {**data, "store": vars(row), "versions": [vars(v) for v in versions]}

    @app.get("/api/search", response_model=SearchAnswer, tags=["search"])
    def api_search(q: str = Query(..., max_length=500, description="words (all required), \"a phrase\", or prefix*")) -> dict[str, Any]:
        """Full-text search over current articles (title and text) and claims."""
        with reading(db_path) as conn:
            results = store_read.search(conn, q)
        return {
            "query": q,
            "articles": [{"kind": "article", "article_id": r["id"], "story_id": r["story_id"], "title": r["title"],
                          "snippet": r["snippet"]} for r in results.articles],
            "claims": [{"kind": "claim", "article_id": r["article_id"], "story_id": r["story_id"],
                        "claim_id": r["claim_id"], "snippet": r["snippet"]} for r in results.claims],
        }

    @app.exception_handler(404)
    async def not_found(request: Request, exc: Exception):
        if request.url.path.startswith("/api/"):
            detail = getattr(exc, "detail", "not found")
            return JSONResponse({"detail": detail}, status_code=404)
        return render("error.html.j2", 404, message="Not found.")

    @app.exception_handler(StorytraceError)
    async def storytrace_error(request: Request, exc: StorytraceError):
        return JSONResponse({"detail": exc.message, "code": exc.code}, status_code=500)

    return app


# --------------------------------------------------------------------------- helpers


def _has_token(request: Request, token: str) -> bool:
    candidates = [
        request.headers.get("x-storytrace-token"),
        request.cookies.get(TOKEN_COOKIE),
    ]
    auth = request.headers.get("authorization", "")
    if auth.lower().startswith("bearer "):
        candidates.append(auth[7:].strip())
    return any(c is not None and hmac.compare_digest(c.encode(), token.encode()) for c in candidates)


def _secured(response: Response) -> Response:
    response.headers.setdefault("Content-Security-Policy", PAGE_CSP)
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "no-referrer"
    response.headers["X-Frame-Options"] = "DENY"
    return response


class _UploadRejected(Exception):
    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status, self.message = status, message


async def _read_multipart(request: Request, limit: int) -> tuple[dict[str, str], list[tuple[str, bytes]]]:
    """Form fields and (file name, bytes) of a multipart body read in memory, refusing more than ``limit`` bytes."""
    content_type, params = parse_options_header(request.headers.get("content-type", ""))
    if content_type != b"multipart/form-data" or b"boundary" not in params:
        raise _UploadRejected(400, "send the files as multipart/form-data")
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit + 64_000:
        raise _UploadRejected(413, f"upload too large (at most {limit // 1_000_000} MB at once)")
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > limit + 64_000:
            raise _UploadRejected(413, f"upload too large (at most {limit // 1_000_000} MB at once)")
    parts: list[dict[str, Any]] = []
    current: dict[str, Any] = {}

    def begin() -> None:
        current.clear()
        current.update(headers={}, data=bytearray(), name=b"", value=b"")

    def header_field(data: bytes, start: int, end: int) -> None:
        current["name"] += data[start:end]

    def header_value(data: bytes, start: int, end: int) -> None:
        current["value"] += data[start:end]

    def header_end() -> None:
        current["headers"][bytes(current["name"]).lower()] = bytes(current["value"])
        current["name"], current["value"] = b"", b""

    def part_data(data: bytes, start: int, end: int) -> None:
        current["data"] += data[start:end]

    def end() -> None:
        parts.append(dict(current))

    parser = MultipartParser(params[b"boundary"], callbacks={
        "on_part_begin": begin, "on_header_field": header_field, "on_header_value": header_value,
        "on_header_end": header_end, "on_part_data": part_data, "on_part_end": end,
    })
    try:
        parser.write(bytes(body))
        parser.finalize()
    except Exception as exc:
        raise _UploadRejected(400, f"malformed upload: {type(exc).__name__}") from None
    fields: dict[str, str] = {}
    files: list[tuple[str, bytes]] = []
    for part in parts:
        _, disposition = parse_options_header(part["headers"].get(b"content-disposition", b""))
        name = disposition.get(b"name", b"").decode("utf-8", "replace")
        filename = disposition.get(b"filename")
        if filename is not None:
            if filename or part["data"]:
                files.append((filename.decode("utf-8", "replace"), bytes(part["data"])))
        elif len(part["data"]) <= 10_000:
            fields[name] = bytes(part["data"]).decode("utf-8", "replace")
        if len(files) > MAX_UPLOAD_FILES:
            raise _UploadRejected(413, f"at most {MAX_UPLOAD_FILES} files at once")
    if sum(len(data) for _, data in files) > limit:
        raise _UploadRejected(413, f"upload too large (at most {limit // 1_000_000} MB at once)")
    return fields, files
