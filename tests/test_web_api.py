"""The web app over a store: pages, the JSON API (schema-1 data, paging, search), uploads and the access token."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import typer
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from storytrace.report import validate_dossier
from storytrace.store.add import save_dossier
from storytrace.web import create_app

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "examples" / "corpus"
TOKEN = "a-long-enough-token-123"
NEW_ARTICLE = (
    "Korrin Ridge mine to stay closed for inspection\n\nVashmoor Courier\nMarch 10, 2025\n\n"
    "The Korrin Ridge tin mine will stay closed for at least a month while inspectors examine the lower gallery, "
    "the provincial mines office said on Monday. The Vashmoor Miners' Union said 20 workers had lost their jobs.\n"
)


@pytest.fixture(scope="module")
def store(example_dossier, tmp_path_factory):
    folder = tmp_path_factory.mktemp("web")
    db = folder / "dossier.db"
    save_dossier(example_dossier, db)
    return db


@pytest.fixture(scope="module")
def client(store):
    return TestClient(create_app(store))


def csrf_of(client: TestClient) -> str:
    page = client.get("/upload").text
    return re.search(r'name="csrf" value="([^"]+)"', page).group(1)


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/", "Korrin Ridge"),
        ("/articles", "14 workers trapped"),
        ("/search?q=rescue", "Claims ("),
        ("/search?q=%22tin+mine%22", "tin mine"),
        ("/upload", "multipart/form-data"),
    ],
)
def test_web_pages_render(client, path, expected):
    response = client.get(path)
    assert response.status_code == 200
    assert expected in response.text
    assert "script-src" not in response.headers["content-security-policy"]  # no scripts allowed at all


def test_web_story_and_article_pages(client, example_dossier):
    story = example_dossier.stories[0]
    page = client.get(f"/stories/{story.id}").text
    for heading in ("Facts, by independent origins", "Events: what the reports mention", "Conflicts", "Timeline",
                    "Provenance", "Sources"):
        assert heading in page
    assert story.events and all(f'id="event-{e.id}"' in page for e in story.events)
    assert story.conflicts  # the example corpus's 14 vs 20 trapped workers: shown on the facts too
    assert f'class="small disputed" href="#conflict-{story.conflicts[0].id}"' in page
    assert "disputed, number of workers: 14 (" in page
    glance = page.split('id="h-glance"', 1)[1].split("</ul>", 1)[0]  # at a glance, before the facts
    assert "Disputed, number of workers: 14 (" in glance and "one origin (" in glance
    article = example_dossier.articles[0]
    page = client.get(f"/articles/{article.id}").text
    assert '<mark class="source"' in page and '<mark class="time"' in page and 'class="sent claim' in page
    if article.removed:
        assert "<details" in page and "Removed as boilerplate" in page


def test_web_api_stories_and_story(client, example_dossier):
    listing = client.get("/api/stories").json()
    assert listing["total"] == len(example_dossier.stories)
    first = listing["stories"][0]
    assert first["n_articles"] == len(example_dossier.stories[0].article_ids)
    detail = client.get(f"/api/stories/{first['id']}").json()
    for key in ("claims", "facts", "events", "conflicts", "updates", "timeline", "reuse", "sources", "updated_at"):
        assert key in detail
    assert len(detail["facts"]) == first["n_facts"]


def test_web_api_articles_paging(client, example_dossier):
    total = len(example_dossier.articles)
    first = client.get("/api/articles?limit=3").json()
    second = client.get("/api/articles?limit=3&offset=3").json()
    assert first["total"] == second["total"] == total
    assert len(first["articles"]) == len(second["articles"]) == 3
    assert not {a["id"] for a in first["articles"]} & {a["id"] for a in second["articles"]}
    everything = client.get(f"/api/articles?limit={total + 5}").json()["articles"]
    assert {a["id"] for a in everything} == {a.id for a in example_dossier.articles}
    one = client.get(f"/api/articles/{everything[0]['id']}").json()
    assert one["text"] and one["sentences"] and one["store"]["version"] == 1
    assert client.get("/api/articles?limit=0").status_code == 422


def test_web_api_search(client):
    answer = client.get("/api/search", params={"q": "trapped workers"}).json()
    assert answer["articles"] and answer["claims"]
    assert all("\x02" in hit["snippet"] for hit in answer["articles"])
    assert client.get("/api/search", params={"q": 'NEAR("x" OR) :*'}).status_code == 200


@pytest.mark.parametrize("path", ["/api/stories/nope", "/api/articles/a-000000000000", "/api/articles/..%2F..%2Fetc%2Fpasswd"])
def test_web_api_unknown_ids_are_404(client, path):
    assert client.get(path).status_code == 404


@pytest.mark.parametrize("path", ["/stories/nope", "/articles/..%2Fdossier.db", "/static/..%2Fapp.py", "/static/app.py", "/docs"])
def test_web_pages_unknown_paths_are_404(client, path):
    response = client.get(path)
    assert response.status_code == 404
    assert "SQLite format" not in response.text and "def create_app" not in response.text


def test_web_openapi_documents_the_api(client):
    paths = client.get("/openapi.json").json()["paths"]
    for path in ("/api/stories", "/api/stories/{story_id}", "/api/stories/{story_id}/dossier", "/api/articles", "/api/articles/{article_id}", "/api/search"):
        assert path in paths
    assert not any(p.startswith(("/stories", "/articles", "/upload")) for p in paths)


@pytest.mark.parametrize("path", ["/stories/{id}/export?format=json", "/api/stories/{id}/dossier"])
def test_web_export_json_validates(client, example_dossier, path):
    response = client.get(path.format(id=example_dossier.stories[0].id))
    assert response.status_code == 200
    validate_dossier(response.json())
    assert [s["id"] for s in response.json()["stories"]] == [example_dossier.stories[0].id]


def test_web_upload_adds_then_reports_unchanged(client, store):
    files = [("files", ("inspection.txt", NEW_ARTICLE.encode(), "text/plain"))]
    response = client.post("/upload", data={"csrf": csrf_of(client)}, files=files)
    assert response.status_code == 200, response.text
    assert "<td>added</td>" in response.text and "upload/inspection.txt" in response.text
    again = client.post("/upload", data={"csrf": csrf_of(client)}, files=files)
    assert "<td>unchanged</td>" in again.text
    hits = client.get("/api/search", params={"q": '"inspectors examine the lower gallery"'}).json()["articles"]
    assert len(hits) == 1
    article = client.get(f"/api/articles/{hits[0]['article_id']}").json()
    assert article["path"] == "upload/inspection.txt" and article["store"]["story_id"]
    # Nothing was left next to the store: the temporary upload folder is gone.
    assert sorted(p.name for p in store.parent.iterdir() if not p.name.startswith("dossier.db")) == []


@pytest.mark.parametrize(
    ("filename", "size", "status"),
    [("evil.exe", 10, 415), ("big.txt", 3_000, 413), ("noext", 10, 415)],
)
def test_web_upload_rejects_type_and_size(store, filename, size, status):
    client = TestClient(create_app(store, max_upload_bytes=2_000))
    files = [("files", (filename, b"x" * size, "application/octet-stream"))]
    response = client.post("/upload", data={"csrf": csrf_of(client)}, files=files)
    assert response.status_code == status
    assert not [p for p in store.parent.iterdir() if p.name.startswith(".storytrace-upload")]


def test_web_upload_without_form_token_is_refused(client):
    files = [("files", ("x.txt", NEW_ARTICLE.encode(), "text/plain"))]
    assert client.post("/upload", data={"csrf": "forged"}, files=files).status_code == 403
    assert client.post("/upload", files=files).status_code == 403


def test_web_upload_filename_never_becomes_a_path(client, store, tmp_path):
    files = [("files", ("../../../escaped.txt", NEW_ARTICLE.replace("month", "week").encode(), "text/plain"))]
    response = client.post("/upload", data={"csrf": csrf_of(client)}, files=files)
    assert response.status_code == 200
    assert not (store.parent.parent / "escaped.txt").exists() and not (store.parent / "escaped.txt").exists()
    assert "upload/escaped.txt" in response.text


@pytest.mark.parametrize(
    ("headers", "cookies", "status"),
    [
        ({}, {}, 401),
        ({"X-Storytrace-Token": "wrong"}, {}, 401),
        ({"X-Storytrace-Token": TOKEN}, {}, 200),
        ({"Authorization": f"Bearer {TOKEN}"}, {}, 200),
        ({}, {"storytrace_token": TOKEN}, 200),
    ],
)
def test_web_token_checked_on_every_request(store, headers, cookies, status):
    client = TestClient(create_app(store, token=TOKEN), cookies=cookies)
    for path in ("/", "/api/stories", "/static/style.css", "/openapi.json"):
        assert client.get(path, headers=headers).status_code == status


def test_web_token_link_sets_cookie(store):
    client = TestClient(create_app(store, token=TOKEN))
    response = client.get(f"/?token={TOKEN}", follow_redirects=False)
    assert response.status_code == 303 and "token" not in response.headers["location"]
    assert client.get("/").status_code == 200  # the cookie now carries the token


def test_web_unknown_host_refused(store):
    client = TestClient(create_app(store, allowed_hosts=["127.0.0.1", "localhost"]))
    assert client.get("/", headers={"Host": "evil.example"}).status_code == 400
    assert client.get("/", headers={"Host": "127.0.0.1:8000"}).status_code == 200


@pytest.mark.parametrize(("host", "token", "code"), [("0.0.0.0", None, 2), ("192.0.2.7", None, 2), ("::", None, 2), ("0.0.0.0", "short", 2)])
def test_web_serve_refuses_open_bind_without_token(store, host, token, code):
    from storytrace.cli_store import serve_command

    app = typer.Typer()
    app.command()(serve_command)
    args = ["--db", str(store), "--host", host] + (["--token", token] if token else [])
    result = CliRunner().invoke(app, args)
    assert result.exit_code == code


SERVE_RUNNER = (
    "import typer\n"
    "from storytrace.cli_store import serve_command\n"
    "app = typer.Typer()\n"
    "app.command()(serve_command)\n"
    "app()\n"
)


def test_web_serve_command_serves_with_token(store):
    import socket
    import subprocess
    import sys
    import time
    import urllib.error
    import urllib.request

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-c", SERVE_RUNNER, "--db", str(store), "--port", str(port), "--token", TOKEN],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}/api/stories"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(url, timeout=2)
                raise AssertionError("served without the token")
            except urllib.error.HTTPError as error:
                assert error.code == 401
                break
            except urllib.error.URLError:
                assert server.poll() is None, server.stderr.read().decode()
                assert time.monotonic() < deadline, "storytrace serve did not start"
                time.sleep(0.2)
        request = urllib.request.Request(url, headers={"Authorization": f"Bearer {TOKEN}"})
        with urllib.request.urlopen(request, timeout=5) as response:
            assert response.status == 200 and b'"stories"' in response.read()
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_web_upload_changed_file_is_a_new_version(client):
    name = "versioned.txt"
    first = NEW_ARTICLE.replace("Korrin Ridge mine to stay closed", "Korrin Ridge mine closure extended")
    second = first.replace("at least a month", "at least two months")
    for text, status in ((first, "added"), (second, "updated")):
        response = client.post("/upload", data={"csrf": csrf_of(client)}, files=[("files", (name, text.encode(), "text/plain"))])
        assert f"<td>{status}</td>" in response.text
    hits = client.get("/api/search", params={"q": '"at least two months"'}).json()["articles"]
    article = client.get(f"/api/articles/{hits[0]['article_id']}").json()
    assert [v["version"] for v in article["versions"]] == [1, 2] and article["store"]["version"] == 2
    old = article["versions"][0]
    assert old["superseded_by"] == article["id"]
    assert "superseded" in client.get(f"/articles/{old['id']}").text
