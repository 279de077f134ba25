"""``eval dates`` bookkeeping: both DATE figures, spurious mentions inside the annotated sentences, sub-corpora."""

from __future__ import annotations

from newsfuse.eval.dates import DateReport, annotated_sentences, score_document
from newsfuse.eval.meantime import read_document
from newsfuse.records.mentions import DateMention

# (token, sentence): a headline, a dateline, one annotated sentence, one sentence past the annotation.
TOKENS = [
    ("Airline", 0),
    ("waits", 0),
    ("May", 1),
    ("4", 1),
    (",", 1),
    ("2009", 1),
    ("It", 2),
    ("said", 2),
    ("Monday", 2),
    ("it", 2),
    ("waited", 2),
    ("since", 2),
    ("2007", 2),
    (".", 2),
    ("Talks", 3),
    ("resume", 3),
    ("in", 3),
    ("June", 3),
    (".", 3),
]
XML = """<?xml version="1.0" ?><Document doc_id="7" doc_name="7_airline" lang="en" url="">
{tokens}
<Markables>
<TIMEX3 m_id="1" type="DATE" value="2009-05-04" functionInDocument="CREATION_TIME"><token_anchor t_id="3"/>\
<token_anchor t_id="4"/><token_anchor t_id="5"/><token_anchor t_id="6"/></TIMEX3>
<TIMEX3 m_id="2" type="DATE" value="2009-05-04" functionInDocument="NONE"><token_anchor t_id="9"/></TIMEX3>
</Markables>
</Document>
"""


def _document(tmp_path):
    tokens = "\n".join(
        f'<token t_id="{i + 1}" sentence="{s}" number="{i}">{t}</token>' for i, (t, s) in enumerate(TOKENS)
    )
    path = tmp_path / "corpus_demo" / "7_airline.xml"
    path.parent.mkdir()
    path.write_text(XML.format(tokens=tokens), encoding="utf-8")
    return read_document(path)


def _mention(doc, text: str, value: str) -> DateMention:
    start = doc.text.index(text)
    return DateMention(start, start + len(text), text, value, "day")


def test_spurious_counts_only_inside_the_annotated_sentences(tmp_path):
    doc = _document(tmp_path)
    assert annotated_sentences([doc]) == 2
    predictions = [
        _mention(doc, "May 4, 2009", "2009-05-04"),
        _mention(doc, "Monday", "2009-05-04"),
        _mention(doc, "2007", "2007"),  # in an annotated sentence, no gold timex: spurious
        _mention(doc, "June", "2009-06"),  # past the annotation: neither predicted nor spurious
    ]
    report = DateReport()
    score_document(doc, predictions, report, last_sentence=2)
    assert (report.predicted, report.spurious) == (3, 1)
    assert report.date_accuracy() == 1.0
    summary = report.to_json()
    assert summary["date_accuracy_excluding_dct"] == 1.0
    assert summary["creation_time"]["gold"] == 1


def test_a_missed_gold_date_counts_as_wrong_in_both_figures(tmp_path):
    doc = _document(tmp_path)
    report = DateReport()
    score_document(doc, [_mention(doc, "May 4, 2009", "2009-05-04")], report)
    assert report.by_type["DATE"].accuracy == 0.0
    assert report.date_accuracy() == 0.5
    assert report.errors[0]["predicted"] is None
