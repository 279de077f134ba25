"""``eval entities``: the held-out-style newswire contract over a small CAT XML document of our own."""

from __future__ import annotations

from newsfuse.eval.entities import newswire_gold
from newsfuse.eval.meantime import read_document

# (sentence, token) pairs; sentence 7 is after the fully annotated opening.
TOKENS = [
    (0, "Vantor"),
    (0, "sues"),
    (0, "the"),
    (0, "US"),
    (2, "Spokeswoman"),
    (2, "Ada"),
    (2, "Brill"),
    (2, "of"),
    (2, "Danish"),
    (2, "firm"),
    (2, "Vantor"),
    (2, "spoke"),
    (2, "."),
    (7, "Vantor"),
    (7, "won"),
    (7, "."),
]
# m_id, token numbers (1-based), syntactic type, instance
MENTIONS = [
    ("1", [1], "NAM", "ORG1"),
    ("2", [3, 4], "NAM", "LOC1"),
    ("3", [5, 6, 7], "NAM", "PER1"),
    ("4", [9], "NAM", "LOC2"),
    ("5", [9, 10, 11], "", "ORG1"),
    ("6", [11], "NAM", "ORG1"),
    ("7", [14], "NAM", "ORG1"),
]
KINDS = {"ORG1": "ORG", "LOC1": "LOC", "PER1": "PER", "LOC2": "LOC"}


def _cat_xml() -> str:
    tokens = "".join(
        f'<token t_id="{i}" sentence="{s}" number="{i - 1}">{t}</token>' for i, (s, t) in enumerate(TOKENS, 1)
    )
    marks, rels = [], []
    for m_id, t_ids, syntactic, instance in MENTIONS:
        anchors = "".join(f'<token_anchor t_id="{t}"/>' for t in t_ids)
        marks.append(f'<ENTITY_MENTION m_id="{m_id}" syntactic_type="{syntactic}">{anchors}</ENTITY_MENTION>')
        rels.append(f'<REFERS_TO r_id="r{m_id}"><source m_id="{m_id}"/><target m_id="i{instance}"/></REFERS_TO>')
    for instance, kind in KINDS.items():
        marks.append(f'<ENTITY m_id="i{instance}" ent_type="{kind}" instance_id="{instance}" TAG_DESCRIPTOR="x"/>')
    return (
        f'<?xml version="1.0" ?><Document doc_id="d" doc_name="d" lang="en" url="">{tokens}'
        f"<Markables>{''.join(marks)}</Markables><Relations>{''.join(rels)}</Relations></Document>"
    )


def test_newswire_gold_is_flat_bare_and_from_the_annotated_opening(tmp_path):
    path = tmp_path / "d.xml"
    path.write_text(_cat_xml(), encoding="utf-8")
    doc = read_document(path)
    gold = {(doc.text[s:e], kind) for s, e, kind in newswire_gold(doc)}
    # "the" and the title are not part of a name; a nationality is not scored; the phrase around a name
    # is not a name; the name after the opening is left out (that part is not fully annotated).
    assert gold == {("Vantor", "ORG"), ("US", "LOC"), ("Ada Brill", "PER")}
    assert sum(1 for s, e, _ in newswire_gold(doc) if doc.text[s:e] == "Vantor") == 2
