"""The API's one JSON error shape, built in one function, and the handlers that route every failure to it.

Every error the service returns looks like ``{"ok": false, "status": 404, "error": "no event 'e_x'"}``
(plus ``"detail"`` for validation errors), whichever endpoint or layer raised it. Web pages get the
same message rendered as HTML by the renderer the app passes in.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import JSONResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from newsfuse.errors import InputError, NotFoundError, StoreError

log = logging.getLogger(__name__)

HtmlErrorRenderer = Callable[[Request, int, str], Response]


class ApiError(Exception):
    """An error the service reports to the client with an HTTP status and a one-line message."""

    def __init__(self, status: int, message: str, *, headers: dict[str, str] | None = None, detail: Any = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.headers = headers
        self.detail = detail


def error_body(status: int, message: str, detail: Any = None) -> dict[str, Any]:
    """The one JSON error shape of the service."""
    body: dict[str, Any] = {"ok": False, "status": status, "error": message}
    if detail is not None:
        body["detail"] = detail
    return body


def error_response(
    status: int, message: str, *, detail: Any = None, headers: dict[str, str] | None = None
) -> JSONResponse:
    return JSONResponse(error_body(status, message, detail), status_code=status, headers=headers)


def wants_html(request: Request) -> bool:
    """Pages outside ``/api`` and ``/static`` answer errors as HTML; everything else as JSON."""
    path = request.url.path
    return not (path.startswith("/api") or path.startswith("/static"))


def _validation_detail(exc: RequestValidationError) -> list[dict[str, Any]]:
    """Where each invalid parameter was and why, without echoing the raw input back."""
    return [
        {"location": ".".join(str(p) for p in err.get("loc", ())), "reason": err.get("msg", "")} for err in exc.errors()
    ]


Responder = Callable[..., Response]


def make_responder(render_html: HtmlErrorRenderer | None = None) -> Responder:
    """``respond(request, status, message, detail=None, headers=None)``: the error as JSON, or as HTML for pages."""

    def respond(
        request: Request, status: int, message: str, detail: Any = None, headers: dict[str, str] | None = None
    ) -> Response:
        if render_html is not None and wants_html(request):
            response = render_html(request, status, message)
            if headers:
                response.headers.update(headers)
            return response
        return error_response(status, message, detail=detail, headers=headers)

    return respond


def install_error_handlers(app: FastAPI, respond: Responder) -> None:
    """Route every exception type the service expects to ``respond`` (unexpected ones: ``CatchUnexpected``)."""

    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError) -> Response:
        return respond(request, exc.status, exc.message, exc.detail, exc.headers)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException) -> Response:
        message = exc.detail if isinstance(exc.detail, str) else "request failed"
        if exc.status_code == 404 and message == "Not Found":
            message = f"nothing at {request.url.path}"
        return respond(request, exc.status_code, message, headers=getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> Response:
        detail = _validation_detail(exc)
        where = ", ".join(d["location"] for d in detail) or "request"
        return respond(request, 400, f"invalid parameter: {where}", detail)

    @app.exception_handler(NotFoundError)
    async def _not_found(request: Request, exc: NotFoundError) -> Response:
        return respond(request, 404, exc.one_line())

    @app.exception_handler(InputError)
    async def _bad_input(request: Request, exc: InputError) -> Response:
        return respond(request, 400, exc.one_line())

    @app.exception_handler(StoreError)
    async def _store(request: Request, exc: StoreError) -> Response:
        log.error("store error on %s: %s", request.url.path, exc)
        return respond(request, 503, "the store is unavailable")


class CatchUnexpected:
    """ASGI middleware: any other exception becomes a logged 500 in the one error shape.

    It sits inside ``SecurityHeaders`` (Starlette's own last-resort handler sits outside every
    middleware), so even a 500 carries the Content-Security-Policy.
    """

    def __init__(self, app: ASGIApp, respond: Responder) -> None:
        self.app = app
        self.respond = respond

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def tracking_send(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, receive, tracking_send)
        except Exception:
            log.exception("unhandled error on %s", scope.get("path"))
            if started:  # too late for an error answer; the server closes the connection
                raise
            await self.respond(Request(scope), 500, "internal error")(scope, receive, send)
