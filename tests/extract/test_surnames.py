"""Kept surname-only persons: a long run merges "Zorvath" into "Kelan Zorvath" as a full read of the store does."""

from __future__ import annotations

from newsfuse.extract import SurnameOnlyPersons, store_resolver, update
from newsfuse.records import Article, content_id


def article(text: str) -> Article:
    return Article(id=content_id("", text), text=text, published="2025-08-19", ingested_at="2025-08-19T00:00:00+00:00")


def test_kept_persons_merge_the_surname_when_the_full_name_arrives(store, models):
    first = article("Zorvath met defence officials in Ankara on Tuesday and toured a drone factory.")
    other = article("Quillan spoke to farmers in Konya on Monday about the harvest.")
    second = article("Defence Minister Kelan Zorvath said on Wednesday that talks in Ankara went well.")
    store.add_articles([first, other])
    persons, resolver = SurnameOnlyPersons.from_store(store), store_resolver(store, models)
    update(store, [first.id, other.id], models=models, resolver=resolver, persons=persons)
    (alone,) = [m for m in store.get_extraction(first.id).entities if m.text == "Zorvath"]
    assert persons.with_surnames(["zorvath"]) == [alone.entity_id]
    store.add_articles([second])
    report = update(store, [second.id], models=models, resolver=resolver, persons=persons)
    assert report.merged_entities == 1
    (person,) = [e for e in store.entities(label="PERSON") if e.canonical == "Kelan Zorvath"]
    (merged,) = [m for m in store.get_extraction(first.id).entities if m.text == "Zorvath"]
    assert merged.entity_id == person.id != alone.entity_id
    assert store.get_entity(alone.entity_id) is None
    assert persons.with_surnames(["zorvath"]) == []  # merged away


def test_only_the_batch_surnames_are_looked_at(store, models):
    persons = SurnameOnlyPersons()
    lone = article("Zorvath met defence officials in Ankara on Tuesday and toured a drone factory.")
    store.add_articles([lone])
    update(store, [lone.id], models=models, persons=persons)
    assert list(persons.by_surname) == ["zorvath"]
    persons.discard(persons.with_surnames(["zorvath"]))
    assert persons.with_surnames(["zorvath"]) == []
