"""Our client on the benchmark workloads: ``azure.ai.inference`` sync and aio, default settings.

The interface matches ``floor.py``: ``chat()``, ``stream(tools)`` (returns the update count and the
time to the first update), ``embed(as_base64)`` and ``close()``.
"""

from __future__ import annotations

import time
from typing import Any, Tuple

from azure.core.credentials import AzureKeyCredential

from . import fields
from .floor import KEY

__all__ = ["AsyncOurs", "SyncOurs"]


def _messages() -> Any:
    from azure.ai.inference.models import SystemMessage, UserMessage

    return [SystemMessage(fields.SYSTEM_PROMPT), UserMessage(fields.USER_PROMPT)]


class SyncOurs:
    """``azure.ai.inference.ChatCompletionsClient`` and ``EmbeddingsClient`` on one endpoint."""

    def __init__(self, base_url: str, route: str) -> None:
        from azure.ai.inference import ChatCompletionsClient, EmbeddingsClient

        endpoint = f"{base_url}/{route}"
        self._chat = ChatCompletionsClient(endpoint, AzureKeyCredential(KEY))
        self._embeddings = EmbeddingsClient(endpoint, AzureKeyCredential(KEY))
        self._messages = _messages()

    def chat(self) -> int:
        return fields.read_chat_model(self._chat.complete(messages=self._messages))

    def stream(self, tools: bool) -> Tuple[int, float]:
        started = time.perf_counter()
        first = 0.0
        count = 0
        with self._chat.complete(messages=self._messages, stream=True) as updates:
            for update in updates:
                fields.read_update_model(update, tools)
                if not count:
                    first = time.perf_counter() - started
                count += 1
        return count, first

    def embed(self, as_base64: bool) -> int:
        result = self._embeddings.embed(input=fields.EMBED_INPUT, encoding_format="base64" if as_base64 else None)
        return fields.read_embeddings_model(result)

    def close(self) -> None:
        self._chat.close()
        self._embeddings.close()


class AsyncOurs:
    """``azure.ai.inference.aio.ChatCompletionsClient`` and ``EmbeddingsClient`` on one endpoint."""

    def __init__(self, base_url: str, route: str) -> None:
        from azure.ai.inference.aio import ChatCompletionsClient, EmbeddingsClient

        endpoint = f"{base_url}/{route}"
        self._chat = ChatCompletionsClient(endpoint, AzureKeyCredential(KEY))
        self._embeddings = EmbeddingsClient(endpoint, AzureKeyCredential(KEY))
        self._messages = _messages()

    async def chat(self) -> int:
        return fields.read_chat_model(await self._chat.complete(messages=self._messages))

    async def stream(self, tools: bool) -> Tuple[int, float]:
        started = time.perf_counter()
        first = 0.0
        count = 0
        async with await self._chat.complete(messages=self._messages, stream=True) as updates:
            async for update in updates:
                fields.read_update_model(update, tools)
                if not count:
                    first = time.perf_counter() - started
                count += 1
        return count, first

    async def embed(self, as_base64: bool) -> int:
        result = await self._embeddings.embed(
            input=fields.EMBED_INPUT, encoding_format="base64" if as_base64 else None
        )
        return fields.read_embeddings_model(result)

    async def close(self) -> None:
        await self._chat.close()
        await self._embeddings.close()
