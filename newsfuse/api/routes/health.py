"""``/api/health``: liveness and what this server is, without touching the event snapshot."""

from __future__ import annotations

from fastapi import APIRouter, Depends
from starlette.responses import Response

from newsfuse import __version__
from newsfuse.api.schemas import HealthOut
from newsfuse.api.service import Service, get_service, json_bytes

router = APIRouter(tags=["health"])


@router.get("/api/health", response_model=HealthOut, summary="Is the service up")
async def health(service: Service = Depends(get_service)) -> Response:
    body = {
        "ok": True,
        "status": "ok",
        "version": __version__,
        "schema_version": service.schema_version,
        "writable": service.settings.token is not None,
    }
    return Response(json_bytes(body), media_type="application/json", headers={"Cache-Control": "no-store"})
