"""What a claim says, rule by rule on small texts: whose account it is, beliefs, who acted, and weights in pounds."""

from __future__ import annotations

from fuse_fixtures import article, entity, extraction

from newsfuse.fuse.record import fuse_event
from newsfuse.fuse.status import modality


def _status(models, text: str, word: str) -> str:
    doc = models.nlp(text)
    return modality(next(t for t in doc if t.text == word))


def _claims(models, text: str, names: dict[str, str], **mentions):
    a = article("a", text, "2024-05-01", "Outlet a")
    found = [entity(text, name, label, f"id_{name}") for name, label in names.items()]
    return fuse_event([a], [extraction(a, entities=found, **mentions)], [], models=models, event_id="ev").claims


# status: whose account, and what is only believed


def test_a_suspects_account_is_claimed_by_one_side(models):
    assert _status(models, "The suspect told police that Smith attacked him first.", "attacked") == "claimed"


def test_a_defence_lawyers_account_is_claimed_by_one_side(models):
    assert _status(models, "His attorney said Smith attacked the man first.", "attacked") == "claimed"
    assert _status(models, "My client was at his house, he was attacked by five people.", "attacked") == "claimed"


def test_a_district_attorney_is_the_prosecution(models):
    assert _status(models, "The district attorney said Smith attacked the man first.", "attacked") == "alleged"


def test_what_someone_thinks_happened_is_no_happening(models):
    text = "A medic pulled into the driveway, thinking that he had happened upon a car-crash scene."
    assert _status(models, text, "crash") == "speculated"
    text = "Hamad told police that he believed Brian Hendrickson was responsible for damage to a car."
    assert _status(models, text, "damage") == "speculated"
    # a happening in the setting of the belief is taken as given: the fall happened, the death is presumed
    assert _status(models, "Mark Vinar has been presumed dead after falling from Mount Cook.", "falling") == "happened"


def test_the_content_of_an_allegation_is_alleged(models):
    assert _status(models, "The talk turned to allegations that Hamad stole items from him.", "stole") == "alleged"
