"""The OpenAPI document: FastAPI's generated schema, the bearer scheme, and fusion's event record schema.

``GET /api/events/{event_id}`` returns ``EventRecord.to_json()``, whose contract is fusion's JSON
Schema (``newsfuse/fuse/schema/event.schema.json``). It is embedded here (its ``$defs`` moved into
``components``) so clients and schemathesis check responses against the one real definition. The API
adds one field to the record, ``news`` (``curate/precision.py``), described by ``schemas.NewsOut``.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi

from newsfuse.api.schemas import NewsOut

EVENT_PATH = "/api/events/{event_id}"
PREFIX = "EventRecord"


def event_record_schema() -> dict[str, Any] | None:
    """Fusion's event schema, or ``None`` when this installation lacks it."""
    path = resources.files("newsfuse.fuse").joinpath("schema/event.schema.json")
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else None


def api_event_schema() -> dict[str, Any] | None:
    """What ``/api/events/{id}`` answers: fusion's record schema with the required ``news`` field added."""
    schema = event_record_schema()
    if schema is None:
        return None
    schema["properties"]["news"] = NewsOut.model_json_schema(ref_template="#/$defs/{model}")
    schema["required"] = [*schema["required"], "news"]
    return schema


def _rewrite_refs(node: Any) -> Any:
    if isinstance(node, dict):
        out = {k: _rewrite_refs(v) for k, v in node.items()}
        ref = out.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/$defs/"):
            out["$ref"] = f"#/components/schemas/{PREFIX}_{ref.removeprefix('#/$defs/')}"
        return out
    if isinstance(node, list):
        return [_rewrite_refs(v) for v in node]
    return node


def embed_event_schema(document: dict[str, Any], event_schema: dict[str, Any]) -> None:
    """Put the event schema into ``components`` and point the event endpoint's 200 answer at it."""
    event_schema = dict(event_schema)
    definitions = event_schema.pop("$defs", {})
    for key in ("$schema", "$id"):
        event_schema.pop(key, None)
    schemas = document.setdefault("components", {}).setdefault("schemas", {})
    schemas[PREFIX] = _rewrite_refs(event_schema)
    for name, definition in definitions.items():
        schemas[f"{PREFIX}_{name}"] = _rewrite_refs(definition)
    answer = document["paths"][EVENT_PATH]["get"]["responses"]["200"]
    answer["content"] = {"application/json": {"schema": {"$ref": f"#/components/schemas/{PREFIX}"}}}


def build_openapi(app: FastAPI) -> dict[str, Any]:
    if app.openapi_schema is None:
        document = get_openapi(title=app.title, version=app.version, description=app.description, routes=app.routes)
        document.setdefault("components", {}).setdefault("securitySchemes", {})["bearer"] = {
            "type": "http",
            "scheme": "bearer",
        }
        event_schema = api_event_schema()
        if event_schema is not None:
            embed_event_schema(document, event_schema)
        app.openapi_schema = document
    return app.openapi_schema
