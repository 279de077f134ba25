"""The HTTP protocol the server runs: uvicorn's, except that its own 400s use the API's JSON error shape.

uvicorn answers a request it cannot parse (an invalid Content-Length, a broken request line) itself,
before the app sees it, in plain text; this answers the same in the one JSON shape, with the
security headers every other response carries.
"""

from __future__ import annotations

import json

from newsfuse.api.errors import error_body
from newsfuse.api.middleware import SECURITY_HEADERS


def raw_400(message: str) -> bytes:
    """A complete ``400 Bad Request`` response with a JSON error body, ready to write to the socket."""
    body = json.dumps(error_body(400, f"malformed HTTP request: {message.rstrip('.')}")).encode()
    lines = [b"HTTP/1.1 400 Bad Request", b"content-type: application/json", b"content-length: %d" % len(body)]
    lines += [b"connection: close", *(name + b": " + value for name, value in SECURITY_HEADERS)]
    return b"\r\n".join(lines) + b"\r\n\r\n" + body


class _JsonErrors:
    transport: object

    def send_400_response(self, msg: str) -> None:
        self.transport.write(raw_400(msg))
        self.transport.close()


def http_protocol() -> type:
    """uvicorn's fastest available HTTP/1.1 protocol class, with JSON 400s (pass as ``uvicorn.run(http=...)``)."""
    try:
        from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

        return type("JsonErrorsHttpTools", (_JsonErrors, HttpToolsProtocol), {})
    except ImportError:  # httptools is optional in uvicorn
        from uvicorn.protocols.http.h11_impl import H11Protocol

        return type("JsonErrorsH11", (_JsonErrors, H11Protocol), {})
