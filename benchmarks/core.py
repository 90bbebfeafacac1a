"""The azure-core reference: the floor's work done through a bare ``azure.core.PipelineClient``.

The same policies as our client's pipeline (azure-core's documented order, with a key credential), the
same transports (requests, aiohttp), the same bodies and fields as the floor, and no SDK code at all:
no models, no settings, no SSE decoder beyond the floor's. Its ratio to the floor is the part of our
cost that azure-core and its transports take before our code does anything.
"""

from __future__ import annotations

import json
import time
from typing import Any, List, Tuple

from azure.core import AsyncPipelineClient, PipelineClient
from azure.core.credentials import AzureKeyCredential
from azure.core.pipeline import policies
from azure.core.rest import HttpRequest

from . import fields
from .floor import KEY, chat_body, embed_body, SSEBuffer, StreamReader

__all__ = ["AsyncCore", "SyncCore"]

_HEADERS = {"Content-Type": "application/json", "Accept": "application/json", "Authorization": f"Bearer {KEY}"}
_QUERY = "?api-version=2024-05-01-preview"


def _policies(is_async: bool) -> List[Any]:
    redirect = policies.AsyncRedirectPolicy() if is_async else policies.RedirectPolicy()
    retry = policies.AsyncRetryPolicy() if is_async else policies.RetryPolicy()
    return [
        policies.RequestIdPolicy(),
        policies.HeadersPolicy(),
        policies.UserAgentPolicy(sdk_moniker="benchmark-core/1.0"),
        policies.ProxyPolicy(),
        redirect,
        retry,
        policies.AzureKeyCredentialPolicy(AzureKeyCredential(KEY), "api-key"),
        policies.CustomHookPolicy(),
        policies.NetworkTraceLoggingPolicy(),
        policies.DistributedTracingPolicy(),
        policies.SensitiveHeaderCleanupPolicy(),
        policies.HttpLoggingPolicy(),
    ]


class SyncCore:
    """Bare sync ``PipelineClient`` (requests transport)."""

    def __init__(self, base_url: str, route: str) -> None:
        self._client: PipelineClient[Any, Any] = PipelineClient(base_url, policies=_policies(False))
        self._prefix = f"{base_url}/{route}/"

    def _send(self, operation: str, body: bytes, stream: bool) -> Any:
        request = HttpRequest("POST", self._prefix + operation + _QUERY, headers=_HEADERS, content=body)
        return self._client.send_request(request, stream=stream)

    def chat(self) -> int:
        return fields.read_chat_dict(json.loads(self._send("chat/completions", chat_body(False), False).content))

    def stream(self, tools: bool) -> Tuple[int, float]:
        reader = StreamReader(time.perf_counter(), tools)
        response = self._send("chat/completions", chat_body(True), True)
        splitter = SSEBuffer()
        for chunk in response.iter_bytes():
            reader.read(splitter.feed(chunk))
        response.close()
        return reader.result()

    def embed(self, as_base64: bool) -> int:
        return fields.read_embeddings_dict(json.loads(self._send("embeddings", embed_body(as_base64), False).content))

    def close(self) -> None:
        self._client.close()


class AsyncCore:
    """Bare ``AsyncPipelineClient`` (aiohttp transport)."""

    def __init__(self, base_url: str, route: str) -> None:
        self._client: AsyncPipelineClient[Any, Any] = AsyncPipelineClient(base_url, policies=_policies(True))
        self._prefix = f"{base_url}/{route}/"

    async def _send(self, operation: str, body: bytes, stream: bool) -> Any:
        request = HttpRequest("POST", self._prefix + operation + _QUERY, headers=_HEADERS, content=body)
        return await self._client.send_request(request, stream=stream)

    async def chat(self) -> int:
        response = await self._send("chat/completions", chat_body(False), False)
        return fields.read_chat_dict(json.loads(response.content))

    async def stream(self, tools: bool) -> Tuple[int, float]:
        reader = StreamReader(time.perf_counter(), tools)
        response = await self._send("chat/completions", chat_body(True), True)
        splitter = SSEBuffer()
        async for chunk in response.iter_bytes():
            reader.read(splitter.feed(chunk))
        await response.close()
        return reader.result()

    async def embed(self, as_base64: bool) -> int:
        response = await self._send("embeddings", embed_body(as_base64), False)
        return fields.read_embeddings_dict(json.loads(response.content))

    async def close(self) -> None:
        await self._client.close()
