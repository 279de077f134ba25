"""What a claim says, rule by rule on small texts: status, furniture, restatements, the verb 'stop', disputes."""

from __future__ import annotations

from fuse_fixtures import article, duration, entity, extraction

from newsfuse.fuse.arguments import offset
from newsfuse.fuse.merge import status_conflict
from newsfuse.fuse.record import fuse_event
from newsfuse.records.claims import Evidence

FIGHT = {"Klitschko": ("PERSON", "p_kl"), "Rahman": ("PERSON", "p_ra"), "Mannheim": ("GPE", "g_ma")}


def _fused(models, texts: dict[str, str], names: dict[str, tuple[str, str]], durations=()):
    articles, extractions = [], []
    for n, (article_id, text) in enumerate(texts.items()):
        a = article(article_id, text, f"2024-05-0{n + 1}", f"Outlet {article_id}")
        found = [entity(text, name, label, eid) for name, (label, eid) in names.items() if name in text]
        spans = [duration(text, phrase, seconds) for phrase, seconds in durations if phrase in text]
        articles.append(a)
        extractions.append(extraction(a, entities=found, quantities=spans))
    return fuse_event(articles, extractions, [], models=models, event_id="ev")


def test_stopping_a_boxer_is_no_visit(models):
    record = _fused(models, {"a": "Klitschko stopped Rahman in the seventh round in Mannheim on Saturday."}, FIGHT)
    assert record.claims and all(c.predicate != "visit" for c in record.claims)


def test_setting_aside_a_challenge_was_done(models):
    text = "Klitschko easily set aside the challenge of Rahman, stopping him in seven rounds on Saturday in Mannheim."
    record = _fused(models, {"a": text}, FIGHT)
    stop = next(c for c in record.claims if c.trigger == "stop")
    assert stop.modality == "happened"


def test_what_was_supposed_to_happen_is_planned(models):
    record = _fused(models, {"a": "Klitschko and Rahman were supposed to meet in Mannheim on Friday."}, FIGHT)
    meeting = next(c for c in record.claims if c.predicate == "meet")
    assert meeting.modality == "planned"


def test_page_furniture_states_no_claim(models):
    furniture = "Get alerted to news or sign up for a scheduled news email that is delivered right to your inbox."
    texts = {k: f"Klitschko stopped Rahman in Mannheim on Saturday.\n{furniture}" for k in "ab"}
    record = _fused(models, texts, FIGHT)
    assert all("inbox" not in c.statement for c in record.claims)


def test_one_sentence_is_one_claim(models):
    sentence = "A boy and a man were killed and a woman was wounded when a gunman opened fire on their car in an alley."
    record = _fused(models, {"a": sentence, "b": sentence.replace("their car", "the car")}, {})
    statements = [c.statement for c in record.claims]
    assert len(statements) == len(set(statements))


def test_an_offset_is_not_how_long_it_lasted():
    text = "The two met two days after the break-in, and talked for two hours."
    assert offset(text, duration(text, "two days", 172800))
    assert not offset(text, duration(text, "two hours", 7200))


def _evidence(article_id: str, text: str, modality: str) -> Evidence:
    word = "land" if "land" in text else "bomb"
    start = text.index(word)
    return Evidence(article_id, article_id, None, 0, len(text), 0, len(text), text, modality, None, None, False,
                    None, start, start + len(word))  # fmt: skip


def test_a_narrated_negation_is_no_dispute_but_a_reported_one_is():
    landed = _evidence("a", "Rahman landed a punch on Klitschko.", "happened")
    narrated = _evidence("b", "It was a round in which Rahman did not land a punch.", "negated")
    assert status_conflict("c", (landed, narrated), {}) == []
    bombed = _evidence("a", "Sudan bombed the camp.", "happened")
    reported = _evidence("b", "Sudan did not bomb the camp, its spokesman said.", "negated")
    assert [k.slot for k in status_conflict("c", (bombed, reported), {})] == ["status"]


def test_a_headline_infinitive_is_planned(models):
    record = _fused(models, {"a": "Klitschko to meet Rahman in Mannheim\nThe two boxers shook hands on Friday."}, FIGHT)
    meeting = next(c for c in record.claims if c.predicate == "meet")
    assert meeting.modality == "planned"


HOSTING = {"Ellen DeGeneres": ("PERSON", "p_dg"), "Oscars": ("EVENT", "e_os")}


def test_a_return_to_host_in_a_headline_is_planned(models):
    texts = {
        "a": "Ellen DeGeneres Returns to Host the Oscars\nThe comedian hosted the show in 2007.",
        "b": "Ellen DeGeneres returns to host the Oscars next year, the academy said.",
    }
    for article_id, text in texts.items():
        record = _fused(models, {article_id: text}, HOSTING)
        hosting = [c for c in record.claims if "2007" not in c.statement]
        assert hosting and all(c.modality == "planned" for c in hosting), [
            (c.trigger, c.statement, c.modality) for c in record.claims
        ]


def test_a_coming_return_and_an_eagerness_to_be_hosting_are_planned(models):
    for text in (
        "Ellen DeGeneres will return to host the Oscars, the academy announced.",
        "Ellen DeGeneres said she was so excited to be hosting the Oscars.",
    ):
        record = _fused(models, {"a": text}, HOSTING)
        hosting = [c for c in record.claims if c.trigger in {"host", "oscars"}]
        assert hosting and all(c.modality == "planned" for c in hosting), [
            (c.trigger, c.modality) for c in record.claims
        ]
