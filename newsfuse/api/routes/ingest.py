"""``POST /api/ingest``: store articles sent as JSONL/JSON, or fetched from a list of URLs. Needs the bearer token.

Without a configured token (``NEWSFUSE_TOKEN`` or ``Settings.token``) the server is read-only and
this endpoint answers 403; with one, a request without the right ``Authorization: Bearer`` header
gets 401. URLs go through the ingest stage's fetcher, so private addresses stay refused unless
the operator allowed them; local file paths are never accepted from a client.
"""

from __future__ import annotations

import hmac
import io
import json
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

from fastapi import APIRouter, Depends
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse

from newsfuse.api.errors import ApiError
from newsfuse.api.schemas import ErrorOut, IngestOut
from newsfuse.api.service import Service, get_service
from newsfuse.errors import InputError
from newsfuse.ingest import Source, ingest, read_source, store_articles, to_article
from newsfuse.ingest.decode import decode_bytes
from newsfuse.ingest.jsonl import read_json, read_jsonl
from newsfuse.ingest.sources import is_url
from newsfuse.records import IngestReport, RawDocument, Skipped

router = APIRouter(tags=["ingest"])

MAX_URLS = 100
BODY_ORIGIN = "POST /api/ingest"
JSONL_TYPES = {"application/x-ndjson", "application/jsonl", "application/x-jsonlines", "application/jsonlines"}
SNIFFED_TYPES = {"", "text/plain", "application/octet-stream"}  # the ingest readers detect the format
URL_LIST_TYPES = {"text/uri-list"}

REQUEST_BODY_DOC = {
    "description": "JSONL (one article object a line: id, url, title, text, published, source, language), "
    'a JSON array of article objects, `{"urls": [...]}`, or `text/uri-list`.',
    "content": {
        "application/x-ndjson": {"schema": {"type": "string"}},
        "application/json": {
            "schema": {
                "oneOf": [
                    {
                        "type": "object",
                        "properties": {"urls": {"type": "array", "items": {"type": "string", "format": "uri"}}},
                        "required": ["urls"],
                    },
                    {"type": "array", "items": {"type": "object"}},
                ]
            }
        },
        "text/uri-list": {"schema": {"type": "string"}},
    },
}


def require_token(request: Request, service: Service = Depends(get_service)) -> None:
    """Writes need the configured bearer token; with none configured the server is read-only."""
    expected = service.settings.token
    if not expected:
        raise ApiError(403, "this server is read-only: start it with NEWSFUSE_TOKEN set to allow writes")
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), expected.encode()):
        raise ApiError(401, "missing or wrong bearer token", headers={"WWW-Authenticate": 'Bearer realm="newsfuse"'})


@router.post(
    "/api/ingest",
    response_model=IngestOut,
    summary="Store articles (JSONL body) or fetch and store a list of URLs",
    dependencies=[Depends(require_token)],
    openapi_extra={"requestBody": REQUEST_BODY_DOC, "security": [{"bearer": []}]},
    responses={
        400: {"model": ErrorOut, "description": "unreadable body"},
        401: {"model": ErrorOut, "description": "missing or wrong token"},
        403: {"model": ErrorOut, "description": "server is read-only"},
        413: {"model": ErrorOut, "description": "body too large"},
        415: {"model": ErrorOut, "description": "unsupported content type"},
        422: {"model": ErrorOut, "description": "no article in the body could be read"},
    },
)
async def ingest_endpoint(request: Request, service: Service = Depends(get_service)) -> JSONResponse:
    media_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    body = await request.body()
    if not body.strip():
        raise ApiError(400, 'empty request body: send JSONL articles or {"urls": [...]}')
    urls = requested_urls(media_type, body)
    if urls is not None:

        def store_articles() -> IngestReport:
            return ingest(urls, service.store, service.settings, detector=service.language_detector())
    elif media_type in JSONL_TYPES or media_type in SNIFFED_TYPES or media_type == "application/json":

        def store_articles() -> IngestReport:
            return _ingest_body(service, body, media_type)
    else:
        raise ApiError(
            415, f"unsupported content type {media_type!r}: use application/x-ndjson, application/json or text/uri-list"
        )
    report, processed = await run_in_threadpool(service.ingest, store_articles)
    if urls is None and not report.new and not report.already_stored and report.skipped:
        # nothing in the body could be read: the client's error, said as one (a refused URL is not)
        first = report.skipped[0]
        raise ApiError(422, f"no article could be read: {first.describe()}", detail=report.to_json()["skipped"])
    return JSONResponse({**report.to_json(), "processed": processed}, status_code=200)


def parsed_json(body: bytes) -> Any:
    """The JSON value of a body declared ``application/json``; malformed JSON is the client's 400."""
    try:
        return json.loads(body)
    except UnicodeDecodeError as exc:
        raise ApiError(400, f"malformed JSON body: not UTF-8 (byte {exc.start})") from None
    except json.JSONDecodeError as exc:
        raise ApiError(400, f"malformed JSON body: {exc.msg} at line {exc.lineno} column {exc.colno}") from None
    except (ValueError, RecursionError):
        raise ApiError(400, "malformed JSON body: nested too deeply or unreadable") from None


def requested_urls(media_type: str, body: bytes) -> list[str] | None:
    """The URLs a request asks for, or ``None`` when its body holds articles instead."""
    if media_type in URL_LIST_TYPES:
        lines = body.decode("utf-8", errors="replace").splitlines()
        urls = [line.strip() for line in lines if line.strip() and not line.startswith("#")]
    elif media_type == "application/json":
        value: Any = parsed_json(body)
        if not (isinstance(value, dict) and "urls" in value):
            return None
        urls = value["urls"]
        if not isinstance(urls, list) or not all(isinstance(u, str) for u in urls):
            raise ApiError(400, 'invalid body: "urls" must be a list of strings')
    else:
        return None
    return checked_urls(urls)


def checked_urls(urls: list[str]) -> list[str]:
    if not urls:
        raise ApiError(400, "invalid body: no URLs given")
    if len(urls) > MAX_URLS:
        raise ApiError(413, f"too many URLs: {len(urls)} given, at most {MAX_URLS} per request")
    for position, url in enumerate(urls, start=1):
        if not is_url(url):
            raise ApiError(400, f"invalid body: URL {position} ({url[:80]!r}) is not an http(s) URL")
    return urls


def _ingest_body(service: Service, body: bytes, media_type: str) -> IngestReport:
    """Run the ingest stage's readers over the body: as the declared format, or detected like an uploaded file."""
    settings = service.settings
    if media_type in JSONL_TYPES:
        documents = read_jsonl(io.BytesIO(body), BODY_ORIGIN, settings.max_document_bytes)
    elif media_type == "application/json":
        documents = _read_json_body(body)
    else:
        documents = read_source(Source(BODY_ORIGIN, "stdin"), settings, None, stdin=io.BytesIO(body))
    ingested_at = datetime.now(UTC).isoformat(timespec="seconds")
    detector = service.language_detector()
    items = (
        to_article(item, detector, settings, ingested_at) if isinstance(item, RawDocument) else item
        for item in documents
    )
    return store_articles(items, service.store, service.settings.batch_size, run_id=uuid.uuid4().hex)


def _read_json_body(body: bytes) -> Iterator[RawDocument | Skipped]:
    try:
        text = decode_bytes(body, BODY_ORIGIN)
    except InputError as exc:
        yield Skipped(BODY_ORIGIN, exc.reason, exc.position)
        return
    yield from read_json(text, BODY_ORIGIN)
