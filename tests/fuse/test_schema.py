"""The exported event JSON is described by newsfuse/fuse/schema/event.schema.json."""

from __future__ import annotations

import json
from importlib import resources

import jsonschema
import pytest
from fuse_fixtures import meeting_event

from newsfuse.fuse.record import fuse_event
from newsfuse.records.claims import event_record_from_json


@pytest.fixture(scope="module")
def schema():
    text = resources.files("newsfuse.fuse").joinpath("schema/event.schema.json").read_text(encoding="utf-8")
    value = json.loads(text)
    jsonschema.Draft202012Validator.check_schema(value)
    return value


@pytest.fixture(scope="module")
def exported(models):
    articles, extractions, links = meeting_event(with_d=True)
    return fuse_event(articles, extractions, links, models=models).to_json()


def test_exported_record_validates_and_round_trips(schema, exported):
    jsonschema.validate(json.loads(json.dumps(exported)), schema, cls=jsonschema.Draft202012Validator)
    assert exported["contradictions"], "the fixture has a date contradiction, so that part of the schema is exercised"
    assert event_record_from_json(exported).to_json() == exported


@pytest.mark.parametrize(
    "breakage",
    [
        lambda r: r.pop("claims"),
        lambda r: r["claims"][0].update(modality="certain"),
        lambda r: r["claims"][0]["evidence"][0].pop("article_id"),
        lambda r: r.update(unexpected=1),
        lambda r: r["claims"][0]["support"].update(independent_sources="two"),
    ],
)
def test_schema_rejects_records_that_break_the_contract(schema, exported, breakage):
    broken = json.loads(json.dumps(exported))
    breakage(broken)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, schema, cls=jsonschema.Draft202012Validator)


def test_every_record_field_is_in_the_schema(schema, exported):
    assert set(exported) == set(schema["properties"])
    claim_fields = set(exported["claims"][0])
    assert claim_fields == set(schema["$defs"]["claim"]["properties"])
