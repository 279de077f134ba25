"""Schemathesis against the OpenAPI document: generated requests never produce a server error.

Bounded (a fixed number of examples per operation, derandomised, no deadline) so it stays fast
and repeatable; runs in-process over ASGI against a store holding the test reports.
"""

from __future__ import annotations

import pytest
import schemathesis
from api_fixtures import fill_store
from api_records import fill_events
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from newsfuse.api import create_app
from newsfuse.settings import Settings
from newsfuse.store import open_store

TOKEN = "schemathesis-token"
EXAMPLES_PER_OPERATION = 30
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]


@pytest.fixture(scope="module")
def api_schema(tmp_path_factory):
    path = tmp_path_factory.mktemp("schemathesis") / "service.db"
    with open_store(path) as store:
        fill_store(store)
        fill_events(store)
        app = create_app(store, Settings(db=path, token=TOKEN))
        yield schemathesis.openapi.from_asgi("/api/openapi.json", app)


def test_every_operation_is_exercised(api_schema):
    labels = {operation.ok().label for operation in api_schema.get_all_operations()}
    assert {
        "GET /api/events",
        "GET /api/events/{event_id}",
        "GET /api/articles",
        "GET /api/articles/{article_id}",
        "GET /api/entities",
        "GET /api/entities/{entity_id}",
        "GET /api/search",
        "POST /api/ingest",
        "GET /api/health",
    } <= labels


def exercise(operation, mode: GenerationMode) -> None:
    """Generated requests for one operation; the write endpoint gets the token so its body is reached."""

    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(
        max_examples=EXAMPLES_PER_OPERATION,
        deadline=None,
        derandomize=True,
        suppress_health_check=list(HealthCheck),
        database=None,
    )
    def call(case):
        if operation.method.upper() == "POST":
            case.headers = {**(case.headers or {}), "Authorization": f"Bearer {TOKEN}"}
        case.call_and_validate(checks=CHECKS)

    call()


def test_no_server_error_and_responses_match_the_schema(api_schema):
    for result in api_schema.get_all_operations():
        exercise(result.ok(), GenerationMode.POSITIVE)


def test_invalid_requests_are_refused_without_server_error(api_schema):
    for result in api_schema.get_all_operations():
        operation = result.ok()
        if operation.label == "GET /api/health":
            continue  # takes no input, so nothing can be made invalid
        exercise(operation, GenerationMode.NEGATIVE)
