"""Fixtures for the emulator's own tests: a fresh emulator per test and a JSON helper client."""

from __future__ import annotations

import http.client
import json
from typing import Any, Dict, Iterator, Mapping, Optional, Tuple

import pytest

from tests.emulator import Emulator

KEY = "emulator-key"
API_VERSION = "2024-05-01-preview"


@pytest.fixture
def emu() -> Iterator[Emulator]:
    """A running emulator with the default settings (stopped after the test)."""
    with Emulator(accepted_tokens=["entra-token"]) as emulator:
        yield emulator


class JsonClient:
    """A tiny keep-alive HTTP client (``http.client``) that speaks JSON to the emulator."""

    def __init__(self, port: int) -> None:
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)

    def call(
        self,
        method: str,
        target: str,
        body: Any = None,
        headers: Optional[Mapping[str, str]] = None,
        *,
        raw: Optional[bytes] = None,
    ) -> Tuple[int, Dict[str, str], bytes]:
        """Send one request; return status, headers (lower-cased names) and the whole body."""
        payload = raw if raw is not None else (None if body is None else json.dumps(body).encode("utf-8"))
        sent = {"api-key": KEY, "Content-Type": "application/json", **(headers or {})}
        self.connection.request(method, target, body=payload, headers=sent)
        response = self.connection.getresponse()
        data = response.read()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, data

    def post(self, target: str, body: Any, headers: Optional[Mapping[str, str]] = None) -> Tuple[int, Any]:
        """POST JSON; return status and the decoded JSON body."""
        status, _, data = self.call("POST", target, body, headers)
        return status, json.loads(data)

    def close(self) -> None:
        self.connection.close()


@pytest.fixture
def client(emu: Emulator) -> Iterator[JsonClient]:
    """A :class:`JsonClient` connected to ``emu``."""
    json_client = JsonClient(emu.port)
    yield json_client
    json_client.close()


def chat_target(prefix: str = "") -> str:
    """The chat completions target with the api-version query."""
    return f"{prefix}/chat/completions?api-version={API_VERSION}"


def user(text: Any) -> Dict[str, Any]:
    """A user message."""
    return {"role": "user", "content": text}
