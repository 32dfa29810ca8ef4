"""The command line: analyze writes three outputs and a summary; no analysable input is a clear error."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from storytrace import __version__
from storytrace.cli import app
from storytrace.report import validate_dossier

runner = CliRunner()

ARTICLE = """Harbor crane collapses in Port Elvy

By Mara Quist
March 4, 2025

A crane collapsed at the container terminal in Port Elvy on Monday, injuring three workers, the port authority said.
The terminal will stay closed until Friday while inspectors examine the other cranes, a spokesman told reporters.
"""


def test_cli_analyze_writes_dossier_and_summary(tmp_path):
    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "crane.txt").write_text(ARTICLE, encoding="utf-8")
    (corpus / "broken.bin").write_bytes(b"\x00\xff" * 64)
    result = runner.invoke(app, ["analyze", str(corpus), "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    for name in ("dossier.json", "dossier.md", "dossier.html"):
        assert (tmp_path / "out" / name).is_file()
        assert name in result.output
    assert "1 article(s) analysed" in result.output
    assert "broken.bin" in result.output and "binary" in result.output
    data = json.loads((tmp_path / "out" / "dossier.json").read_text(encoding="utf-8"))
    validate_dossier(data)
    [article] = data["articles"]
    assert article["title"] == "Harbor crane collapses in Port Elvy"
    assert article["author"] == "Mara Quist"
    assert article["published"].startswith("2025-03-04")


def test_cli_analyze_fails_clearly_when_nothing_is_analysable(tmp_path):
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    result = runner.invoke(app, ["analyze", str(tmp_path / "empty.txt"), str(tmp_path / "nope"), "-o", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert "no article could be analysed" in result.output
    assert "empty file" in result.output
    assert not (tmp_path / "out" / "dossier.json").exists()


def test_cli_version():
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and __version__ in result.output
