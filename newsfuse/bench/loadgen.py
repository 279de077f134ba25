"""A small loopback HTTP/1.1 load generator: N concurrent keep-alive clients, latency per request.

Written on raw asyncio streams rather than an HTTP client library so that, on a 2-core machine,
the client costs little next to the server it measures.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class LoadResult:
    path: str
    clients: int
    requests: int
    errors: int  # non-200 answers and broken connections
    seconds: float
    latencies_ms: tuple[float, ...]  # sorted

    @property
    def throughput(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    def percentile(self, fraction: float) -> float:
        if not self.latencies_ms:
            return float("nan")
        index = min(len(self.latencies_ms) - 1, max(0, round(fraction * len(self.latencies_ms)) - 1))
        return self.latencies_ms[index]


def request_bytes(host: str, port: int, path: str) -> bytes:
    return f"GET {path} HTTP/1.1\r\nHost: {host}:{port}\r\nAccept: */*\r\nConnection: keep-alive\r\n\r\n".encode()


async def _read_response(reader: asyncio.StreamReader) -> int:
    head = await reader.readuntil(b"\r\n\r\n")
    status = int(head[9:12])
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value)
            break
    if length:
        await reader.readexactly(length)
    return status


async def _client(
    host: str, port: int, payload: bytes, count: int, start: asyncio.Event, latencies: list[float]
) -> int:
    errors = 0
    reader, writer = await asyncio.open_connection(host, port)
    try:
        await start.wait()
        for _ in range(count):
            began = time.perf_counter()
            writer.write(payload)
            try:
                status = await _read_response(reader)
            except (asyncio.IncompleteReadError, ConnectionError):
                errors += 1
                reader, writer = await asyncio.open_connection(host, port)
                continue
            latencies.append((time.perf_counter() - began) * 1000)
            errors += status != 200
    finally:
        writer.close()
    return errors


async def _run(host: str, port: int, path: str, clients: int, per_client: int) -> LoadResult:
    payload = request_bytes(host, port, path)
    start = asyncio.Event()
    latencies: list[float] = []
    tasks = [asyncio.create_task(_client(host, port, payload, per_client, start, latencies)) for _ in range(clients)]
    await asyncio.sleep(0.2)  # let every connection open before the clock starts
    began = time.perf_counter()
    start.set()
    errors = sum(await asyncio.gather(*tasks))
    elapsed = time.perf_counter() - began
    return LoadResult(path, clients, len(latencies), errors, elapsed, tuple(sorted(latencies)))


def run_load(host: str, port: int, path: str, *, clients: int, per_client: int) -> LoadResult:
    """``clients`` connections each send ``per_client`` sequential GETs of ``path`` (a closed loop)."""
    return asyncio.run(_run(host, port, path, clients, per_client))
