"""Extraction results in the store: idempotent updates, and surname-only people merged once their full name appears."""

from __future__ import annotations

from newsfuse.extract import update
from newsfuse.records import Article, content_id


def article(text: str, published: str = "2025-08-19") -> Article:
    return Article(id=content_id("", text), text=text, published=published, ingested_at="2025-08-19T00:00:00+00:00")


def test_surname_only_person_is_merged_when_the_full_name_arrives(store, models):
    first = article("Zorvath met defence officials in Ankara on Tuesday and toured a drone factory.")
    second = article("Defence Minister Kelan Zorvath said on Wednesday that talks in Ankara went well.")
    store.add_articles([first])
    update(store, [first.id], models=models)
    (alone,) = [m for m in store.get_extraction(first.id).entities if m.text == "Zorvath"]
    store.add_articles([second])
    report = update(store, [second.id], models=models)
    assert report.merged_entities == 1
    (person,) = [e for e in store.entities(label="PERSON") if e.canonical == "Kelan Zorvath"]
    assert {o.article_id for o in store.entity_mentions(person.id)} == {first.id, second.id}
    (merged,) = [m for m in store.get_extraction(first.id).entities if m.text == "Zorvath"]
    assert merged.entity_id == person.id != alone.entity_id
    assert store.get_entity(alone.entity_id) is None


def test_extraction_round_trips_through_the_store(store, models):
    text = "Tokyo will spend 200 billion yen (about $1.4 billion) by the end of fiscal 2027, a diplomatic source said."
    stored = article(text)
    store.add_articles([stored])
    update(store, [stored.id], models=models)
    again = update(store, [stored.id], models=models, force=True)
    assert again.extracted == [stored.id]
    extraction = store.get_extraction(stored.id)
    assert extraction.money[1].conversion_of == 0
    assert extraction.dates[0].bound == "by"
    assert extraction.quotes[0].anonymous
    assert store.stats()["extracted_articles"] == 1
