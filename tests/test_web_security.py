"""Hostile article text never becomes markup: every page and API answer is parsed and checked for
script elements, event-handler attributes and javascript: URLs coming from the data."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from fastapi.testclient import TestClient

from storytrace.model import Article, Attribution, ChainLink, Entity, Quantity, RemovedText, Sentence, TimeExpression
from storytrace.store.add import StoreWriter
from storytrace.web import create_app

SCRIPT = "<script>alert('x')</script>"
IMG = '<img src=x onerror="alert(1)">'
LINK = '<a href="javascript:alert(2)">click</a>'
BREAKOUT = '"><svg onload=alert(3)>'
ATTR = "' onmouseover='alert(4)"
HOSTILE = f"{SCRIPT} {IMG} {LINK} {BREAKOUT} {ATTR}"


def hostile_article(number: int) -> Article:
    """An analysed article whose every string field carries markup, with spans pointing at it."""
    sentences_text = [
        f"Officials in Dunmarsh said {HOSTILE} flooded {number + 3} streets on March 3, 2025.",
        f"The {SCRIPT} agency said the river rose {IMG} overnight near Dunmarsh.",
        f"According to {BREAKOUT} sources, {LINK} the water will recede by Friday in Dunmarsh.",
    ]
    text = " ".join(sentences_text)
    sentences, cursor = [], 0
    for sentence in sentences_text:
        start = text.index(sentence, cursor)
        sentences.append(Sentence(start, start + len(sentence)))
        cursor = start + len(sentence)
    source_start = text.index(SCRIPT, sentences[1].start)
    cue_start = text.index("said", sentences[1].start)
    attribution = Attribution(
        content_spans=[(cue_start + 5, sentences[1].end)],
        source_span=(source_start, source_start + len(SCRIPT)),
        cue_span=(cue_start, cue_start + 4),
        source=f"The {SCRIPT} agency",
        source_type="organization",
        cue="said",
        chain=[ChainLink(IMG, "media"), ChainLink(f"The {SCRIPT} agency", "organization")],
    )
    hostile_date = text.index("March 3, 2025")
    return Article(
        id=f"a-hostile{number:04d}",
        path=f"{SCRIPT}/{IMG}-{number}.txt",
        format="text",
        raw_text=text,
        text=text,
        title=f"{SCRIPT} Flood {IMG} in Dunmarsh {number}",
        published=f"2025-03-0{3 + number}",
        published_source="text",
        author=BREAKOUT,
        outlet=f"{LINK} Gazette",
        url=f"javascript:alert(document.cookie)//{number}",
        language="en",
        removed=[RemovedText(f"{SCRIPT} Subscribe {LINK}", "cta")],
        sentences=sentences,
        entities=[Entity(text.index("Dunmarsh"), text.index("Dunmarsh") + 8, "GPE", "Dunmarsh"),
                  Entity(source_start, source_start + len(SCRIPT), "ORG", SCRIPT)],
        quantities=[Quantity(text.index(str(number + 3)), text.index(str(number + 3)) + len(str(number + 3)),
                             number + 3, f"street {IMG}", str(number + 3))],
        attributions=[attribution],
        time_expressions=[TimeExpression(hostile_date, hostile_date + 13, "March 3, 2025", "DATE", "2025-03-03",
                                         "day", "absolute")],
        reference_date=f"2025-03-0{3 + number}",
        warnings=[f"warning {SCRIPT}"],
        given={"outlet": f"{LINK} Gazette"},
    )


class TagCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))

    handle_startendtag = handle_starttag


FORBIDDEN_TAGS = {"script", "img", "svg", "iframe", "object", "embed", "base", "form-data"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "srcdoc", "data"}


def assert_inert(html: str) -> None:
    parser = TagCollector()
    parser.feed(html)
    parser.close()
    for tag, attrs in parser.tags:
        assert tag not in FORBIDDEN_TAGS, f"<{tag}> element in page"
        for name, value in attrs:
            assert not name.startswith("on"), f"event handler {name}={value!r} on <{tag}>"
            if name in URL_ATTRIBUTES and value is not None:
                cleaned = "".join(ch for ch in value if ch.isprintable() and not ch.isspace()).lower()
                assert not cleaned.startswith(("javascript:", "data:", "vbscript:")), f"{name}={value!r} on <{tag}>"


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    db = tmp_path_factory.mktemp("hostile") / "hostile.db"
    with StoreWriter(db) as writer:
        results = [writer.add_analysed(hostile_article(n)) for n in range(3)]
    assert {r.status for r in results} == {"added"}
    return TestClient(create_app(db))


def page_paths(client: TestClient) -> list[str]:
    stories = client.get("/api/stories").json()["stories"]
    articles = client.get("/api/articles").json()["articles"]
    return (
        ["/", "/articles", "/articles?all=true", "/upload", f"/search?q={SCRIPT}", "/search?q=Dunmarsh",
         "/search?q=alert", "/search?q=%22%3E%3Csvg"]
        + [f"/stories/{s['id']}" for s in stories]
        + [f"/stories/{s['id']}/export?format=html" for s in stories]
        + [f"/articles/{a['id']}" for a in articles]
    )


def test_web_security_every_page_is_inert(client):
    paths = page_paths(client)
    assert len(paths) >= 12
    for path in paths:
        response = client.get(path)
        assert response.status_code == 200, path
        assert_inert(response.text)


def test_web_security_hostile_text_is_shown_escaped(client):
    article_id = client.get("/api/articles").json()["articles"][0]["id"]
    page = client.get(f"/articles/{article_id}").text
    assert "&lt;script&gt;alert(" in page  # the text is shown, as text
    assert "javascript:alert(document.cookie)" in page  # the URL is shown, not linked
    assert '<mark class="source"' in page and "Removed as boilerplate" in page
    hits = client.get("/search", params={"q": "alert"}).text
    assert '<mark class="hit">' in hits and "&lt;script&gt;" in hits


def test_web_security_api_returns_data_as_json_strings(client):
    article_id = client.get("/api/articles").json()["articles"][0]["id"]
    response = client.get(f"/api/articles/{article_id}")
    assert response.headers["content-type"].startswith("application/json")
    assert SCRIPT in response.json()["title"]


@pytest.mark.parametrize("header", ["content-security-policy", "x-content-type-options", "x-frame-options"])
def test_web_security_headers_on_pages(client, header):
    assert header in client.get("/").headers
