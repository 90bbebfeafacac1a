"""Run one test body against the sync and the async clients: a client factory and awaitable helpers.

A behaviour test takes the ``clients`` fixture (parametrized ``sync``/``aio``) and writes its story
once; ``resolve`` awaits only what is awaitable, ``collect`` drains either kind of stream.
"""

from __future__ import annotations

import inspect
from typing import Any, Callable, List, Optional

from azure.core.credentials import AzureKeyCredential

import azure.ai.inference as sync_package
import azure.ai.inference.aio as aio_package

EMULATOR_KEY = "emulator-key"


async def resolve(value: Any) -> Any:
    """Await ``value`` if it is awaitable (an async client's call), else return it."""
    return await value if inspect.isawaitable(value) else value


async def collect(stream: Any) -> List[Any]:
    """Drain a sync or async stream into a list."""
    if hasattr(stream, "__aiter__"):
        return [update async for update in stream]
    return list(stream)


async def close_stream(stream: Any) -> None:
    """Close a sync (``close``) or async (``aclose``) stream."""
    await resolve(stream.aclose() if hasattr(stream, "aclose") else stream.close())


class ClientFactory:
    """Builds clients of one flavor (``sync`` or ``aio``) against an endpoint; closes them all at the end."""

    def __init__(self, flavor: str, endpoint: str) -> None:
        self.flavor = flavor
        self.endpoint = endpoint
        self.package: Any = aio_package if flavor == "aio" else sync_package
        self._opened: List[Any] = []

    @property
    def is_async(self) -> bool:
        return self.flavor == "aio"

    def _build(self, name: str, endpoint: Optional[str], credential: Any, kwargs: Any) -> Any:
        client_class = getattr(self.package, name)
        client = client_class(
            self.endpoint if endpoint is None else endpoint,
            AzureKeyCredential(EMULATOR_KEY) if credential is None else credential,
            **kwargs,
        )
        self._opened.append(client)
        return client

    def chat(self, endpoint: Optional[str] = None, credential: Any = None, **kwargs: Any) -> Any:
        """A ChatCompletionsClient of this flavor."""
        return self._build("ChatCompletionsClient", endpoint, credential, kwargs)

    def embeddings(self, endpoint: Optional[str] = None, credential: Any = None, **kwargs: Any) -> Any:
        """An EmbeddingsClient of this flavor."""
        return self._build("EmbeddingsClient", endpoint, credential, kwargs)

    def image_embeddings(self, endpoint: Optional[str] = None, credential: Any = None, **kwargs: Any) -> Any:
        """An ImageEmbeddingsClient of this flavor."""
        return self._build("ImageEmbeddingsClient", endpoint, credential, kwargs)

    async def load_client(self, endpoint: Optional[str] = None, credential: Any = None, **kwargs: Any) -> Any:
        """``load_client`` of this flavor; the returned client is closed at the end of the test."""
        client = await resolve(
            self.package.load_client(
                self.endpoint if endpoint is None else endpoint,
                AzureKeyCredential(EMULATOR_KEY) if credential is None else credential,
                **kwargs,
            )
        )
        self._opened.append(client)
        return client

    def token_credential(self, get_token: Callable[..., Any]) -> Any:
        """A credential of this flavor whose ``get_token`` (awaited for aio) calls ``get_token``."""
        if self.is_async:

            class AsyncCredential:
                async def get_token(self, *scopes: str, **kwargs: Any) -> Any:
                    return get_token(*scopes, **kwargs)

                async def close(self) -> None:
                    return None

            return AsyncCredential()

        class SyncCredential:
            def get_token(self, *scopes: str, **kwargs: Any) -> Any:
                return get_token(*scopes, **kwargs)

        return SyncCredential()

    async def close_all(self) -> None:
        """Close every client this factory built."""
        for client in reversed(self._opened):
            await resolve(client.close())
        self._opened.clear()
