"""Loader for the recorded real-service traffic in ``tests/data/recordings/azure-ai-inference``.

The files are Azure test-proxy recordings (see that folder's ``SOURCE.md``): ``{"Entries": [...]}``
with parsed JSON bodies, SSE bodies as chunk lists or in the loss-free ``PeerSSE`` compact form,
``{{PEER_B64:<file>}}`` placeholders for image bytes that are not stored, and ``aliases.json`` mapping
a test to the recording it replays. An :class:`Exchange` turns one entry into the emulator
:class:`~tests.emulator.Reply` to script, and knows what the SDK must have sent.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Dict, List, Mapping, Optional, Tuple
from urllib.parse import parse_qsl, urlsplit

from tests.emulator import Reply

RECORDINGS_FOLDER = Path("recordings") / "azure-ai-inference"
"""Where the recordings live, relative to ``tests/data``."""

ROUTES = ("/chat/completions", "/images/embeddings", "/embeddings", "/info")
"""The operation routes, longest first where one ends another."""

PEER_B64 = re.compile(r"\{\{PEER_B64:[^}]+\}\}")
"""The placeholder standing for the base64 text of a file that is not stored."""

_FRAMING = frozenset({"content-length", "transfer-encoding", "date", "connection"})


@dataclass(frozen=True)
class Exchange:
    """One recorded request and its response."""

    method: str
    uri: str
    request_headers: Mapping[str, str]
    request_body: Any
    status: int
    response_headers: Mapping[str, str]
    response_body: Any

    @classmethod
    def from_entry(cls, entry: Mapping[str, Any]) -> Exchange:
        """Build from one test-proxy entry."""
        return cls(
            entry["RequestMethod"],
            entry["RequestUri"],
            dict(entry["RequestHeaders"]),
            entry["RequestBody"],
            int(entry["StatusCode"]),
            dict(entry["ResponseHeaders"]),
            entry["ResponseBody"],
        )

    @property
    def path(self) -> str:
        """The request path after the host, e.g. ``/openai/deployments/gpt-4o-deployment/chat/completions``."""
        return urlsplit(self.uri).path

    @property
    def query(self) -> List[Tuple[str, str]]:
        """The request's query pairs in order."""
        return parse_qsl(urlsplit(self.uri).query, keep_blank_values=True)

    @property
    def endpoint_path(self) -> str:
        """The path part of the endpoint the client was built with: the request path minus the route."""
        route = next(route for route in ROUTES if self.path.endswith(route))
        return self.path[: -len(route)]

    @property
    def api_version(self) -> str:
        """The recorded ``api-version`` (sanitized ones included, e.g. ``yyyy-mm-dd-preview``)."""
        return dict(self.query)["api-version"]

    def request_header(self, name: str) -> Optional[str]:
        """A recorded request header (case-insensitive), or None."""
        return _header(self.request_headers, name)

    def response_header(self, name: str) -> Optional[str]:
        """A recorded response header (case-insensitive), or None."""
        return _header(self.response_headers, name)

    @property
    def is_sse(self) -> bool:
        """Whether the response is an SSE stream (a chunk list or the ``PeerSSE`` form)."""
        return isinstance(self.response_body, list) or (
            isinstance(self.response_body, dict) and "PeerSSE" in self.response_body
        )

    def reply(self) -> Reply:
        """The recorded response as a scripted emulator reply (status, headers, body).

        Framing headers (length, chunking, date) are left to the emulator; SSE bodies are sent one
        recorded chunk per HTTP chunk; JSON bodies are re-encoded; text bodies are sent as UTF-8.
        """
        headers = [(name, value) for name, value in self.response_headers.items() if name.lower() not in _FRAMING]
        if self.is_sse:
            chunks = [chunk.encode("utf-8") for chunk in sse_chunks(self.response_body)]
            return Reply(self.status, chunks=chunks, headers=headers)
        if isinstance(self.response_body, str):
            return Reply(self.status, body=self.response_body.encode("utf-8"), headers=headers)
        return Reply(self.status, json=self.response_body, headers=headers)


def _header(headers: Mapping[str, str], name: str) -> Optional[str]:
    wanted = name.lower()
    return next((value for key, value in headers.items() if key.lower() == wanted), None)


def sse_chunks(body: Any) -> List[str]:
    """The recorded SSE chunk strings of a response body, expanding the ``PeerSSE`` compact form.

    ``{"PeerSSE": {"head": [...], "template": "...{{C}}...", "contents": [...], "tail": [...]}}`` is the
    head chunks, then the template with ``{{C}}`` replaced by each content (JSON-string-escaped), then
    the tail chunks.
    """
    if isinstance(body, list):
        return [str(chunk) for chunk in body]
    compact = body["PeerSSE"]
    middle = [compact["template"].replace("{{C}}", json.dumps(content)[1:-1]) for content in compact["contents"]]
    return [*compact["head"], *middle, *compact["tail"]]


def has_placeholder(value: Any) -> bool:
    """Whether a recorded JSON value contains a ``{{PEER_B64:...}}`` placeholder anywhere."""
    return bool(PEER_B64.search(json.dumps(value)))


class Recordings:
    """The recordings folder: loads a test's exchanges (through ``aliases.json``) and test data files."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self._aliases: Dict[str, str] = json.loads((directory / "aliases.json").read_text(encoding="utf-8"))

    def resolve(self, test_name: str) -> str:
        """The name of the recording a test replays (itself unless ``aliases.json`` says otherwise)."""
        return self._aliases.get(test_name, test_name)

    def twin(self, test_name: str, is_async: bool) -> str:
        """``test_name`` for sync, or its async twin's name when ``aliases.json`` lists one
        (``x.pyTestXtest_y`` -> ``x_async.pyTestXAsynctest_async_y``), so aio replays go through the alias."""
        module, _, rest = test_name.partition(".py")
        test_class, _, test = rest.partition("test_")
        async_name = f"{module}_async.py{test_class}Asynctest_async_{test}"
        return async_name if is_async and async_name in self._aliases else test_name

    def load(self, test_name: str) -> List[Exchange]:
        """The exchanges recorded for ``test_name`` (e.g. ``test_chat_completions_client.pyTestChat
        CompletionsClienttest_chat_completions_multi_turn``), in order."""
        path = self.directory / f"{self.resolve(test_name)}.json"
        entries = json.loads(path.read_text(encoding="utf-8"))["Entries"]
        return [Exchange.from_entry(entry) for entry in entries]

    def test_data(self, name: str) -> bytes:
        """A file of the recordings' ``test-data`` folder, as bytes."""
        return (self.directory / "test-data" / name).read_bytes()
