"""Hostile inputs, each ingested beside one good report: a clean line naming the input, the good report stored.

Every case is a real file (or URL) a careless or malicious user could pass. The command must not
crash (no traceback), must say in one stderr line what it skipped or changed and in which input,
and the store must stay intact: the good report stored, ``PRAGMA integrity_check`` ok.
"""

from __future__ import annotations

import gzip
import json
import sqlite3
import zlib

import pytest
from typer.testing import CliRunner

from newsfuse.cli.main import build_app

GOOD = {"id": "good-1", "title": "Harbour reopens", "text": "The harbour reopened on Monday after storm repairs."}
BODY = "Officials in the harbour town said on Monday that ships were waiting outside the port for the storm to end. "


def warc_record(number: int, length: int | None = None) -> bytes:
    page = f"<html><head><title>Story {number}</title></head><body><p>{BODY * 4}</p></body></html>".encode()
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + page
    head = (
        f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:{number:08d}>\r\n"
        f"WARC-Target-URI: http://example.com/{number}\r\nContent-Type: application/http; msgtype=response\r\n"
        f"Content-Length: {len(http) if length is None else length}\r\n\r\n"
    ).encode()
    return head + http + b"\r\n\r\n"


def jsonl(*rows: dict) -> bytes:
    return "".join(json.dumps(r) + "\n" for r in rows).encode()


def bomb() -> bytes:
    """A WARC.gz whose second record is 300 MB of one letter: 300 KB compressed."""
    page = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><body><p>" + b"a" * (300 << 20)
    head = b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: %d\r\n\r\n" % len(page)
    packer = zlib.compressobj(1, zlib.DEFLATED, 31)
    return gzip.compress(warc_record(1)) + packer.compress(head + page) + packer.flush()


def whole_warc_gz() -> bytes:
    return b"".join(gzip.compress(warc_record(i)) for i in range(1, 6))


# name -> (content, what the line about it says, articles of it that must be stored)
CASES: dict[str, tuple[bytes, str, int]] = {
    "cut.warc.gz": (whole_warc_gz()[:-200], "gzip stream cut short", 4),
    "impossible-length.warc": (warc_record(1) + warc_record(2, 10**15) + warc_record(3), "runs past the end", 1),
    "declared-bomb.warc.gz": (gzip.compress(warc_record(1)) + gzip.compress(warc_record(2, 10**12)), "bomb", 1),
    "bomb.warc.gz": (bomb(), "bomb", 1),
    "garbage.warc": (b"WARC/1.0\r\n" + b"\xff" * 5000, "WARC", 0),
    "not-a-warc.gz": (gzip.compress(b"hello " * 100), "gzip-compressed", 0),
    "invalid-utf8.txt": (
        f"Storm closes harbour\n\n{BODY}".encode() + b"\xe9\xff caf\xc3\xa9 \xc3\xa9t\xc3\xa9",
        "invalid UTF-8",
        1,
    ),
    "legacy.txt": ("Sturm schließt Hafen\n\n".encode("cp1252") + BODY.encode() + b"\xe9", "low confidence", 1),
    "nul.jsonl": (
        jsonl({"title": "Storm\x00 hits", "text": BODY + "\x00\x07\x1b[31m red"}),
        "control characters removed",
        1,
    ),
    "surrogate.jsonl": (
        b'{"title": "Storm", "text": "' + BODY.encode() + b' \\ud800 lone"}\n',
        "control characters",
        1,
    ),
    "huge-title.jsonl": (jsonl({"title": "Storm " * 400_000, "text": BODY}), "title of", 1),
    "year-one.jsonl": (jsonl({"title": "Storm", "text": BODY, "published": "0001-01-01"}), "before 1800", 1),
    "far-future.jsonl": (jsonl({"title": "Storm", "text": BODY, "published": "9999-12-31"}), "in the future", 1),
    "bad-date.jsonl": (jsonl({"title": "Storm", "text": BODY, "published": "2024-13-45"}), "stored as unknown", 1),
    "malformed.jsonl": (jsonl({"title": "Storm", "text": BODY})[:-1] + b"\n{bad json\n", "line 2", 1),
    "deep.json": (b"[" * 100_000 + b"]" * 100_000, "deep.json", 0),
    "wrong-shape.json": (b'{"text": 5, "title": ["x"]}', "wrong-shape.json", 0),
    "cut-feed.xml": (
        b'<?xml version="1.0"?><rss version="2.0"><channel><item><title>Storm</title><descr',
        "cut-feed.xml",
        0,
    ),
    "binary.html": (b"<html>\x00\x01\x02\x03" + bytes(range(256)) * 10, "binary", 0),
    "script-only.html": (b"<html><body><script>alert(1)</script></body></html>", "script-only.html", 0),
    "empty.txt": (b"", "empty input", 0),
    "whitespace.txt": (b" \n\t " * 1000, "empty input", 0),
}


@pytest.fixture
def ingest(tmp_path):
    runner = CliRunner()
    app = build_app()
    good = tmp_path / "good.jsonl"
    good.write_bytes(jsonl(GOOD))
    db = tmp_path / "n.db"

    def run(*inputs: str):
        result = runner.invoke(app, ["ingest", *inputs, str(good), "--db", str(db), "--store-only", "--format", "json"])
        return result, db

    return run


def stored(db) -> list[str]:
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return [r[0] for r in conn.execute("SELECT origin FROM articles")]
    finally:
        conn.close()


@pytest.mark.parametrize("name", sorted(CASES))
def test_hostile_file(name, ingest, tmp_path):
    content, said, kept = CASES[name]
    path = tmp_path / name
    path.write_bytes(content)
    result, db = ingest(str(path))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code == 0, result.output  # the good report was stored
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if name in line or (kept and said in line)]
    assert any(said in line for line in lines), result.stderr
    origins = stored(db)
    assert sum(o.startswith(str(path)) for o in origins) == kept
    assert any("good.jsonl" in o for o in origins)


@pytest.mark.parametrize(
    "url",
    ["http://127.0.0.1:9/feed.xml", "http://[::1]/x", "http://169.254.169.254/latest/meta-data", "ftp://example.com/x"],
)
def test_hostile_url(url, ingest):
    result, db = ingest(url)
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.stderr
    assert any(url.split("//")[1].split("/")[0] in line for line in result.stderr.splitlines()), result.stderr
    assert [o for o in stored(db) if "good.jsonl" in o]


def test_limits_are_listed_by_problems(ingest, tmp_path):
    path = tmp_path / "year-one.jsonl"
    path.write_bytes(CASES["year-one.jsonl"][0])
    _, db = ingest(str(path))
    listed = CliRunner().invoke(build_app(), ["problems", "--db", str(db), "--format", "json"])
    assert listed.exit_code == 0, listed.output
    (problem,) = json.loads(listed.stdout)
    assert (problem["stage"], problem["kind"]) == ("ingest", "limited")
    assert "0001-01-01" in problem["reason"]


def test_document_over_the_size_limit(ingest, tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSFUSE_MAX_DOCUMENT_BYTES", "100000")
    path = tmp_path / "huge.txt"
    path.write_text("Huge report\n\n" + BODY * 2000, encoding="utf-8")
    result, db = ingest(str(path))
    assert result.exit_code == 0, result.output
    assert any("huge.txt" in line and "100000-byte limit" in line for line in result.stderr.splitlines())
    assert not [o for o in stored(db) if "huge.txt" in o]
