"""The floor clients: the least a keep-alive HTTP+JSON client must do for each workload.

``SyncFloor`` uses one urllib3 connection pool, ``AsyncFloor`` one aiohttp session with its default
connector (the same connector azure-core's aiohttp transport uses). Both send the same JSON bodies and
headers as the SDK, parse with the stdlib ``json`` module, split server-sent events on blank lines, and
read the same fields as ``ours.py``.
"""

from __future__ import annotations

import json
import time
from typing import Any, Dict, List, Optional, Tuple

import aiohttp
import urllib3

from . import fields

__all__ = ["AsyncFloor", "SSEBuffer", "StreamReader", "SyncFloor", "chat_body", "embed_body"]

KEY = "benchmark-key"
_HEADERS = {
    "Content-Type": "application/json",
    "Accept": "application/json",
    "Authorization": f"Bearer {KEY}",
    "api-key": KEY,
}
_QUERY = "?api-version=2024-05-01-preview"


def chat_body(stream: bool) -> bytes:
    """The chat request body, as the SDK sends it for the benchmark messages."""
    body: Dict[str, Any] = {"messages": fields.MESSAGES_WIRE}
    if stream:
        body["stream"] = True
    return json.dumps(body).encode("utf-8")


def embed_body(as_base64: bool) -> bytes:
    """The embeddings request body, as the SDK sends it for the benchmark input."""
    body: Dict[str, Any] = {"input": fields.EMBED_INPUT}
    if as_base64:
        body["encoding_format"] = "base64"
    return json.dumps(body).encode("utf-8")


class SSEBuffer:
    """Minimal event splitter: ``data:`` payloads of blank-line-terminated events."""

    def __init__(self) -> None:
        self._pending = b""

    def feed(self, chunk: bytes) -> List[bytes]:
        self._pending += chunk
        events = self._pending.split(b"\n\n")
        self._pending = events.pop()
        return [event[6:] for event in events if event.startswith(b"data: ")]


class StreamReader:
    """Reads one stream's events: parses JSON, reads the workload's fields, notes the first-chunk time."""

    def __init__(self, started: float, tools: bool) -> None:
        self.started = started
        self.tools = tools
        self.count = 0
        self.first: Optional[float] = None
        self.done = False

    def read(self, payloads: List[bytes]) -> None:
        for payload in payloads:
            if payload == b"[DONE]":
                self.done = True
                return
            fields.read_update_dict(json.loads(payload), self.tools)
            if self.first is None:
                self.first = time.perf_counter() - self.started
            self.count += 1

    def result(self) -> Tuple[int, float]:
        return self.count, self.first or 0.0


class SyncFloor:
    """urllib3 keep-alive client: one connection, preloaded JSON bodies, chunk-by-chunk SSE."""

    def __init__(self, base_url: str, route: str) -> None:
        self._pool = urllib3.PoolManager(maxsize=1, retries=False).connection_from_url(base_url)
        self._route = route

    def _post(self, operation: str, body: bytes, preload: bool) -> Any:
        path = f"/{self._route}/{operation}{_QUERY}"
        return self._pool.urlopen("POST", path, body=body, headers=_HEADERS, preload_content=preload)

    def chat(self) -> int:
        return fields.read_chat_dict(json.loads(self._post("chat/completions", chat_body(False), True).data))

    def stream(self, tools: bool) -> Tuple[int, float]:
        reader = StreamReader(time.perf_counter(), tools)
        response = self._post("chat/completions", chat_body(True), False)
        splitter = SSEBuffer()
        for chunk in response.read_chunked():
            reader.read(splitter.feed(chunk))
        response.release_conn()
        return reader.result()

    def embed(self, as_base64: bool) -> int:
        return fields.read_embeddings_dict(json.loads(self._post("embeddings", embed_body(as_base64), True).data))

    def close(self) -> None:
        self._pool.close()


class AsyncFloor:
    """aiohttp client: one session with its default connector, bodies read whole, SSE read as it comes."""

    def __init__(self, base_url: str, route: str) -> None:
        self._session = aiohttp.ClientSession()
        self._prefix = f"{base_url}/{route}/"

    async def _post_json(self, operation: str, body: bytes) -> Any:
        async with self._session.post(self._prefix + operation + _QUERY, data=body, headers=_HEADERS) as response:
            return json.loads(await response.read())

    async def chat(self) -> int:
        return fields.read_chat_dict(await self._post_json("chat/completions", chat_body(False)))

    async def stream(self, tools: bool) -> Tuple[int, float]:
        reader = StreamReader(time.perf_counter(), tools)
        url = self._prefix + "chat/completions" + _QUERY
        async with self._session.post(url, data=chat_body(True), headers=_HEADERS) as response:
            splitter = SSEBuffer()
            async for chunk in response.content.iter_any():
                reader.read(splitter.feed(chunk))
        return reader.result()

    async def embed(self, as_base64: bool) -> int:
        return fields.read_embeddings_dict(await self._post_json("embeddings", embed_body(as_base64)))

    async def close(self) -> None:
        await self._session.close()
