"""Streamed exchanges of the recorded real-service traffic in ``tests/data/recordings/azure-ai-inference/``.

A minimal loader for the streaming replay tests: each Azure test-proxy entry whose response is an
event stream, with the PeerSSE compact form expanded back into the recorded chunk list (head chunks,
the template once per content with ``{{C}}`` replaced by the JSON-string-escaped content, tail chunks).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Dict, List

from tests.paths import SHARED
from tests.replay.recordings import RECORDINGS_FOLDER

RECORDINGS = SHARED / RECORDINGS_FOLDER


@dataclass(frozen=True)
class StreamedExchange:
    """One recorded request whose response was a server-sent event stream."""

    name: str
    request_body: Dict[str, Any]
    chunks: List[str]

    def events(self) -> List[Dict[str, Any]]:
        """The JSON of every ``data:`` event before ``[DONE]`` (each recorded chunk is one event)."""
        payloads = [chunk[len("data:") :].strip() for chunk in self.chunks if chunk.startswith("data:")]
        return [json.loads(payload) for payload in payloads if payload != "[DONE]"]


def expand_peer_sse(body: Any) -> List[str]:
    """The recorded SSE chunk list of a response body, expanding the PeerSSE compact form."""
    if isinstance(body, list):
        return [str(chunk) for chunk in body]
    compact = body["PeerSSE"]
    middle = [compact["template"].replace("{{C}}", json.dumps(content)[1:-1]) for content in compact["contents"]]
    return [*compact["head"], *middle, *compact["tail"]]


def _is_event_stream(entry: Dict[str, Any]) -> bool:
    headers = {name.lower(): value for name, value in (entry.get("ResponseHeaders") or {}).items()}
    return str(headers.get("content-type", "")).startswith("text/event-stream")


def streamed_exchanges() -> List[StreamedExchange]:
    """Every streamed exchange of the recordings, named ``<recorded test>#<entry>``; empty if absent."""
    exchanges = []
    for path in sorted(RECORDINGS.glob("test_*.json")) if RECORDINGS.is_dir() else []:
        entries = json.loads(path.read_text(encoding="utf-8")).get("Entries", [])
        for number, entry in enumerate(entries):
            if _is_event_stream(entry):
                name = f"{path.stem.split('test_', 2)[-1]}#{number}"
                exchanges.append(StreamedExchange(name, entry["RequestBody"], expand_peer_sse(entry["ResponseBody"])))
    return exchanges
