"""The ingest stage end to end: readers to store, idempotency, batches, bad input skipped, the rest goes on."""

from __future__ import annotations

import io
import json

import pytest

from newsfuse.ingest import ingest, read_documents
from newsfuse.records import Article, DateSource, Skipped
from newsfuse.settings import Settings

STORY = (
    "The regional government announced on Tuesday a new programme to repair rural roads, "
    "with work starting in the northern districts before the winter."
)
GERMAN = "Die Landesregierung kündigte am Dienstag ein neues Programm zur Sanierung ländlicher Straßen an."


def write_seedlike(folder):
    folder.mkdir()
    (folder / "000.txt").write_text(f" date 2024-10-01 Roads to be repaired\n\nTALLINN\n\n{STORY}\n")
    (folder / "001.txt").write_text(
        f"Repairs planned for rural roads\nTALLINN\n\nTALLINN – {STORY} Officials agreed.\n"
    )
    (folder / "002.txt").write_text(f" date 2024-09-30 ERR News - Baltic Wire) TALLINN, - {STORY} More to come.\n")
    return folder


def test_ingest_seedlike_folder_then_again_is_idempotent(tmp_path, store, detector):
    folder = write_seedlike(tmp_path / "seeds")
    first = ingest([str(folder)], store, Settings(), detector=detector)
    assert len(first.new) == 3 and first.already_stored == () and first.skipped == ()
    by_origin = {a.origin.rsplit("/", 1)[-1]: a for a in store.iter_articles()}
    assert by_origin["000.txt"].published == "2024-10-01"
    assert by_origin["001.txt"].published is None
    assert by_origin["002.txt"].published == "2024-09-30"
    assert by_origin["002.txt"].source == "ERR News - Baltic Wire"
    assert {a.dateline for a in by_origin.values()} == {"TALLINN"}
    assert {a.language for a in by_origin.values()} == {"en"}
    before = {a.id: a.ingested_at for a in store.iter_articles()}

    second = ingest([str(folder)], store, Settings(), detector=detector)
    assert second.new == () and sorted(second.already_stored) == sorted(first.new)
    assert {a.id: a.ingested_at for a in store.iter_articles()} == before  # nothing rewritten
    assert store.count_articles() == 3


def test_same_content_reformatted_gets_the_same_id(tmp_path, store, detector):
    (tmp_path / "a.txt").write_text(f"Roads to be repaired\n\n{STORY}")
    (tmp_path / "b.jsonl").write_text(
        json.dumps({"id": "x1", "title": "ROADS to be  repaired", "text": STORY.replace(" ", "\n", 3)}) + "\n"
    )
    report = ingest([str(tmp_path)], store, Settings(), detector=detector)
    assert len(report.new) == 1 and len(report.already_stored) == 1


def test_each_batch_is_one_transaction(tmp_path, store, detector):
    rows = [{"id": f"n{i}", "text": f"{STORY} Item number {i}."} for i in range(5)]
    (tmp_path / "five.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    report = ingest([str(tmp_path / "five.jsonl")], store, Settings(batch_size=2), detector=detector)
    assert len(report.new) == 5
    counts = [r[0] for r in store.db.query("SELECT article_count FROM ingest_batches ORDER BY id")]
    assert counts == [2, 2, 1]
    per_batch = store.db.query("SELECT batch_id, COUNT(*) FROM articles GROUP BY batch_id ORDER BY batch_id")
    assert [r[1] for r in per_batch] == [2, 2, 1]


def test_bad_inputs_are_skipped_with_reasons_and_the_rest_goes_on(tmp_path, store, detector):
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "good.txt").write_text(f"Roads to be repaired\n\n{STORY}")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blank.txt").write_text("   \n\n ")
    (folder / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(100))
    (folder / "lines.jsonl").write_text(json.dumps({"text": GERMAN}) + "\n{oops\n")
    (folder / "broken.xml").write_text("<rss version='2.0'><channel><item><title>x</titl")
    (folder / "huge.txt").write_text("word " * 400)
    (folder / "short.txt").write_text("Too short.")
    report = ingest(
        [str(folder), str(tmp_path / "missing.txt")], store, Settings(max_document_bytes=1000), detector=detector
    )
    assert len(report.new) == 2
    reasons = {(s.input.rsplit("/", 1)[-1], s.position): s.reason for s in report.skipped}
    assert reasons[("empty.txt", None)] == "empty input"
    assert reasons[("blank.txt", None)] == "empty input"
    assert "binary" in reasons[("image.png", "byte 8")]
    assert "malformed JSON" in reasons[("lines.jsonl", "line 2")]
    assert "malformed XML" in reasons[("broken.xml", None)]
    assert "1000-byte limit" in reasons[("huge.txt", None)]
    assert "too short" in reasons[("short.txt", None)]
    assert reasons[("missing.txt", None)] == "no such file or directory"
    german = next(a for a in store.iter_articles() if a.text == GERMAN)
    assert german.language == "de"


def test_progress_bar_does_not_touch_the_result(tmp_path, store, detector):
    (tmp_path / "a.txt").write_text(f"Roads to be repaired\n\n{STORY}")
    report = ingest([str(tmp_path)], store, Settings(), progress=True, detector=detector)
    assert len(report.new) == 1


def test_read_documents_from_stdin_without_a_store(detector):
    stdin = io.BytesIO(json.dumps({"id": "s1", "text": STORY, "published": "2024-10-01"}).encode() + b"\n")
    [article] = read_documents(["-"], Settings(), detector=detector, stdin=stdin)
    assert isinstance(article, Article)
    assert article.id.startswith("a_") and article.external_id == "s1"
    assert article.language == "en"
    assert (article.published, article.published_via) == ("2024-10-01", DateSource.FEED)
    assert article.origin == "-:1"


def test_nothing_readable_gives_only_skips(tmp_path, detector):
    items = list(read_documents([str(tmp_path / "none-*.txt")], Settings(), detector=detector))
    assert items and all(isinstance(i, Skipped) for i in items)


def test_seed_reports_acceptance(shared_dir, store, detector):
    seeds = shared_dir / "seeds"
    if not seeds.is_dir():
        pytest.skip("no seeds")
    report = ingest([str(seeds)], store, Settings(), detector=detector)
    assert len(report.new) == 3 and not report.skipped
    by_file = {a.origin.rsplit("/", 1)[-1][:3]: a for a in store.iter_articles()}
    assert [by_file[k].published for k in ("000", "001", "002")] == ["2025-08-20", None, "2025-08-19"]
    assert by_file["002"].source == "MENAFN - Live Mint"
    assert {a.dateline for a in by_file.values()} == {"ANKARA"}
    assert {a.language for a in by_file.values()} == {"en"}
    assert ingest([str(seeds)], store, Settings(), detector=detector).new == ()


def test_ecbplus_all_articles_with_external_ids(shared_dir, store, detector):
    path = shared_dir / "data" / "ecbplus" / "articles.jsonl"
    if not path.is_file():
        pytest.skip("no ECB+ data")
    expected = [json.loads(line)["id"] for line in path.read_text().splitlines() if line.strip()]
    report = ingest([str(path)], store, Settings(), detector=detector)
    assert not report.skipped
    stored = {r[0] for r in store.db.query("SELECT external_id FROM articles")}
    assert stored == set(expected)
    assert len(report.new) == len(expected) == 772


def test_an_undated_record_takes_its_date_from_an_opening_dateline_but_a_given_date_wins(tmp_path, detector):
    path = tmp_path / "undated.jsonl"
    records = [
        {"id": "a", "title": "Roads", "text": f"TALLINN, Oct. 1, 2024 (ERR) - {STORY}"},
        {"id": "b", "title": "Roads", "text": f"Oct. 1, 2024\n{STORY} Given date.", "published": "2024-10-02"},
        {"id": "c", "title": "Roads", "text": f"{STORY} No dateline, it was promised on October 1, 2024."},
    ]
    path.write_text("\n".join(json.dumps(r) for r in records))
    found = {a.external_id: a for a in read_documents([str(path)], Settings(), detector=detector)}
    assert (found["a"].published, found["a"].published_via) == ("2024-10-01", DateSource.DATELINE)
    assert (found["b"].published, found["b"].published_via) == ("2024-10-02", DateSource.FEED)
    assert (found["c"].published, found["c"].published_via) == (None, DateSource.UNKNOWN)
