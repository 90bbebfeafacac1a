"""The recorded exchanges of tests/data/realtraffic: loading, their wire events, and the accumulation rule
of ``get_final_completion()`` written out plainly (an independent reference for the SDK's accumulator)."""

from __future__ import annotations

import copy
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

DATA = Path(__file__).resolve().parent.parent / "data" / "realtraffic"
HEADER_KEYS = ("id", "created", "model")
OWN_KEYS = ("id", "created", "model", "object", "choices", "usage")
DELTA_TEXTS = ("content", "reasoning_content", "reasoning", "refusal")
ITEM_TEXTS = {"reasoning_details": ("text", "summary")}


@dataclass
class Exchange:
    """One recorded request and response."""

    path: Path
    record: Dict[str, Any]

    @property
    def name(self) -> str:
        return f"{self.path.parent.name}/{self.path.stem}"

    @property
    def status(self) -> int:
        return int(self.record["response"]["status"])

    @property
    def body(self) -> str:
        return str(self.record["response"]["body"])

    @property
    def request_body(self) -> Dict[str, Any]:
        return dict(self.record["request"]["body"])

    def chunks(self) -> List[bytes]:
        """The body as sent: a stream one event per HTTP chunk (framing kept byte for byte), else whole."""
        if not self.is_stream:
            return [self.body.encode("utf-8")]
        blocks = self.body.split("\n\n")
        return [(block + "\n\n").encode("utf-8") for block in blocks[:-1]] + ([blocks[-1].encode()] if blocks[-1] else [])

    @property
    def is_stream(self) -> bool:
        return self.status == 200 and self.record["response"]["content_type"].startswith("text/event-stream")


def load_exchanges() -> List[Exchange]:
    return [Exchange(path, json.loads(path.read_text("utf-8"))) for path in sorted(DATA.glob("*/*.json"))]


def stream_events(body: str) -> Tuple[List[Dict[str, Any]], Optional[Dict[str, Any]]]:
    """The JSON events of a recorded stream up to its end, and the error that ends it (if any).

    An event of type ``error``, or a JSON object with a non-null top-level ``error``, ends the stream.
    """
    events: List[Dict[str, Any]] = []
    for block in body.split("\n\n"):
        lines = [line for line in block.split("\n") if line and not line.startswith(":")]
        kind = next((line[6:].strip() for line in lines if line.startswith("event:")), "message")
        data = "\n".join(line[5:].lstrip(" ") if line[5:6] == " " else line[5:] for line in lines if line.startswith("data:"))
        if not data:
            continue
        if data == "[DONE]":
            break
        payload = json.loads(data)
        if kind == "error" or payload.get("error") is not None:
            return events, payload.get("error", payload)
        events.append(payload)
    return events, None


def yielded(events: List[Dict[str, Any]]) -> List[Dict[str, Any]]:
    """The events a stream yields as updates: those with choices or usage (B10.4)."""
    return [event for event in events if event.get("choices") or event.get("usage")]


# ---- the rule of get_final_completion(), written out (independently of the SDK's code) ----


def merge(old: Any, new: Any, texts: Tuple[str, ...] = ()) -> Any:
    """Objects key by key, indexed list items by index (others appended), ``texts`` keys concatenated,
    anything else the last non-null value."""
    if new is None:
        return old
    if old is None:
        return copy.deepcopy(new)
    if isinstance(old, dict) and isinstance(new, dict):
        for key, value in new.items():
            if value is None:
                continue
            if key in texts and isinstance(old.get(key), str) and isinstance(value, str):
                old[key] += value
            else:
                old[key] = merge(old.get(key), value)
        return old
    if isinstance(old, list) and isinstance(new, list):
        for item in new:
            index = item.get("index") if isinstance(item, dict) else None
            same = [o for o in old if isinstance(o, dict) and o.get("index") == index] if type(index) is int else []
            if same:
                merge(same[0], item, texts)
            else:
                old.append(copy.deepcopy(item))
        return old
    return copy.deepcopy(new)


def _merge_tool_call(calls: List[Dict[str, Any]], fragment: Dict[str, Any]) -> None:
    """By ``index``, else by ``id``, else (neither given) into the last call."""
    index, call_id = fragment.get("index"), fragment.get("id")
    call = next((c for c in calls if index is not None and c["_index"] == index), None)
    if call is None and call_id:
        call = next((c for c in calls if c["id"] == call_id), None)
    if call is None and index is None and not call_id and calls:
        call = calls[-1]
    if call is None:
        call = {"_index": index, "_arrival": len(calls), "id": "", "type": "function", "function": {"name": "", "arguments": ""}}
        calls.append(call)
    for key, value in fragment.items():
        if key in ("id", "type") and value:
            call[key] = value
        elif key == "function" and isinstance(value, dict):
            for name, part in value.items():
                if name == "arguments" and isinstance(part, str):
                    call["function"]["arguments"] += part
                elif name == "name" and part:
                    call["function"]["name"] = part
                elif name not in ("name", "arguments"):
                    call["function"][name] = merge(call["function"].get(name), part)
        elif key not in ("index", "id", "type", "function"):
            call[key] = merge(call.get(key), value)


def _without_nulls(call: Dict[str, Any]) -> Dict[str, Any]:
    """A tool call's fields and its function's fields, without the private keys and fields never non-null."""
    function = {key: value for key, value in call["function"].items() if value is not None}
    return {**{k: v for k, v in call.items() if not k.startswith("_") and v is not None}, "function": function}


def _final_choice(index: int, deltas: List[Dict[str, Any]], choices: List[Dict[str, Any]]) -> Dict[str, Any]:
    message: Dict[str, Any] = {"role": "assistant", "content": None}
    calls: List[Dict[str, Any]] = []
    for delta in deltas:
        for key, value in delta.items():
            if key in DELTA_TEXTS:
                if isinstance(value, str):
                    message[key] = (message.get(key) or "") + value
            elif key == "role":
                message["role"] = value or message["role"]
            elif key == "tool_calls":
                for fragment in value or []:
                    _merge_tool_call(calls, fragment)
            else:
                message[key] = merge(message.get(key), value, ITEM_TEXTS.get(key, ()))
    message = {key: value for key, value in message.items() if value is not None or key == "content"}
    if calls:
        calls.sort(key=lambda c: (0, c["_index"]) if c["_index"] is not None else (1, c["_arrival"]))
        message["tool_calls"] = [_without_nulls(call) for call in calls]
    final: Dict[str, Any] = {"index": index, "finish_reason": None, "message": message}
    for choice in choices:
        for key, value in choice.items():
            if key == "finish_reason":
                final[key] = value if value is not None else final[key]
            elif key not in ("index", "delta"):
                final[key] = merge(final.get(key), value)
    return {key: value for key, value in final.items() if value is not None or key == "finish_reason"}


def accumulate(events: List[Dict[str, Any]]) -> Dict[str, Any]:
    """The final completion of a stream's events by the documented rule."""
    header: Dict[str, Any] = {}
    extras: Dict[str, Any] = {}
    usage: Optional[Dict[str, Any]] = None
    per_choice: Dict[int, List[Dict[str, Any]]] = {}
    for event in events:
        for key in HEADER_KEYS:
            if key not in header and event.get(key):
                header[key] = event[key]
        for key, value in event.items():
            if key not in OWN_KEYS:
                extras[key] = merge(extras.get(key), value)
        usage = event["usage"] if event.get("usage") else usage
        for choice in event.get("choices") or []:
            per_choice.setdefault(choice.get("index", 0), []).append(choice)
    final: Dict[str, Any] = {key: header[key] for key in ("id",) if key in header}
    final["object"] = "chat.completion"
    final.update({key: header[key] for key in ("created", "model") if key in header})
    final.update({key: value for key, value in extras.items() if value is not None})
    final["choices"] = [
        _final_choice(index, [c["delta"] for c in choices if isinstance(c.get("delta"), dict)], choices)
        for index, choices in sorted(per_choice.items())
    ]
    if usage is not None:
        final["usage"] = usage
    return final
