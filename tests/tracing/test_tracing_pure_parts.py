"""The pure tracing modules without a socket: attributes, event payloads, conventions, clock, switches."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from azure.ai.inference._tracing import attributes, conventions, events, state
from azure.ai.inference.models import CompletionsFinishReason

TRACING_PACKAGE = Path(attributes.__file__).parent
PURE_MODULES = ("attributes", "conventions", "events", "state")
FORBIDDEN_IMPORTS = ("asyncio", "aiohttp", "requests", "azure.core.pipeline", "opentelemetry")


def _describe(endpoint, latest, kwargs=None, args=()):
    return attributes.describe_call("chat", endpoint, args, kwargs or {}, None, latest)


@pytest.mark.parametrize(
    ("endpoint", "b9_port", "latest_port"),
    [
        ("https://h.example.com", None, 443),
        ("https://h:443/x", None, 443),
        ("http://h/", None, 80),
        ("http://h:80/", 80, 80),
        ("https://h:8443/models", 8443, 8443),
    ],
)
def test_server_port_rules(endpoint, b9_port, latest_port):
    """T-7.2 in the default conventions; the latest conventions always record the port."""
    assert _describe(endpoint, False).request_attributes.get("server.port") == b9_port
    assert _describe(endpoint, True).request_attributes.get("server.port") == latest_port


def test_server_address_is_the_lower_cased_host_without_ipv6_brackets():
    assert _describe("https://H.Example.COM/x", False).request_attributes["server.address"] == "h.example.com"
    assert _describe("http://[::1]:8080", False).request_attributes["server.address"] == "::1"


def test_an_endpoint_with_an_invalid_port_gives_no_server_attributes():
    assert "server.address" not in _describe("https://h:notaport/", False).request_attributes


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (None, "none"),
        (CompletionsFinishReason.STOPPED, "stop"),
        ("tool_calls", "tool_calls"),
        ("weird_reason", "weird_reason"),
        (3, "none"),
    ],
)
def test_finish_reason_text(value, text):
    assert attributes.finish_reason_text(value) == text


def test_error_type_qualifies_all_but_builtins():
    class Custom(Exception):
        pass

    assert attributes.error_type(ValueError("x")) == "ValueError"
    assert attributes.error_type(Custom()) == f"{__name__}.Custom"


def test_event_clock_spaces_events_by_at_least_one_microsecond():
    """T-9.6 with a frozen clock T, then a clock that moved on."""
    clock = events.EventClock()
    assert [clock.next(5_000) for _ in range(4)] + [clock.next(1_000_000)] == [5_000, 6_000, 7_000, 8_000, 1_000_000]


def test_to_json_uses_default_separators_and_readable_non_ascii():
    assert events.to_json({"a": ["Café", 1], "b": None}) == '{"a": ["Café", 1], "b": null}'
    assert events.to_json({"when": b"x"}) == '{"when": "b\'x\'"}'


def test_redaction_drops_name_and_arguments_and_an_emptied_function():
    calls = [
        {"id": "a", "type": "function", "function": {"name": "f", "arguments": "{}"}},
        {"id": "b", "type": "function", "function": {"name": "g", "arguments": "{}", "call_id": None}},
    ]
    assert events.redacted_tool_calls(calls) == [
        {"id": "a", "type": "function"},
        {"id": "b", "type": "function", "function": {"call_id": None}},
    ]
    assert calls[0]["function"] == {"name": "f", "arguments": "{}"}


@pytest.mark.parametrize(
    ("completed", "payload"), [(True, {"index": 0}), (False, {"finish_reason": "error", "index": 0})]
)
def test_a_stream_without_choices_still_gets_one_choice_event(completed, payload):
    assert events.streamed_choice_payloads({"choices": []}, True, completed) == [payload]


def test_input_message_parts_for_images_and_audio():
    message = {
        "role": "user",
        "content": [
            {"type": "image_url", "image_url": {"url": "https://x/y.png"}},
            {"type": "image_url", "image_url": {"url": "data:image/png;base64,AAAA"}},
            {"type": "input_audio", "input_audio": {"data": "UklG", "format": "wav"}},
            {"type": "video", "video": {"id": 1}},
        ],
    }
    assert conventions.input_messages([message]) == [
        {
            "role": "user",
            "parts": [
                {"type": "uri", "modality": "image", "uri": "https://x/y.png"},
                {"type": "blob", "modality": "image", "mime_type": "image/png", "content": "AAAA"},
                {"type": "blob", "modality": "audio", "mime_type": "audio/wav", "content": "UklG"},
                {"type": "video", "video": {"id": 1}},
            ],
        }
    ]


def test_output_messages_keep_reasoning_and_name():
    completion = {
        "choices": [
            {"index": 0, "finish_reason": None, "message": {"content": "x", "reasoning_content": "r", "name": "n"}}
        ]
    }
    assert conventions.output_messages(completion) == [
        {
            "role": "assistant",
            "parts": [{"type": "reasoning", "content": "r"}, {"type": "text", "content": "x"}],
            "name": "n",
            "finish_reason": "none",
        }
    ]


@pytest.mark.parametrize(
    ("value", "latest"),
    [
        ("gen_ai_latest_experimental", True),
        ("http,gen_ai_latest_experimental", True),
        (" GEN_AI_LATEST_EXPERIMENTAL ", True),
        ("http", False),
        ("", False),
        ("gen_ai", False),
    ],
)
def test_latest_conventions_opt_in(value, latest):
    assert state.latest_conventions_from_env({"OTEL_SEMCONV_STABILITY_OPT_IN": value}) is latest


@pytest.mark.parametrize("module", PURE_MODULES)
def test_pure_module_does_no_io_and_needs_no_opentelemetry(module):
    tree = ast.parse((TRACING_PACKAGE / f"{module}.py").read_text(encoding="utf-8"))
    imported = [alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names]
    imported += [
        node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module and node.level == 0
    ]
    assert [name for name in imported if name.startswith(FORBIDDEN_IMPORTS)] == []
    assert [node.name for node in ast.walk(tree) if isinstance(node, ast.AsyncFunctionDef)] == []


def test_the_shells_hold_no_attribute_or_event_decision():
    """Sync and async share every attribute and event: no GenAI name appears in the wrappers."""
    tree = ast.parse((TRACING_PACKAGE / "wrappers.py").read_text(encoding="utf-8"))
    literals = [node.value for node in ast.walk(tree) if isinstance(node, ast.Constant) and isinstance(node.value, str)]
    assert [text for text in literals if text.startswith(("gen_ai", "server.", "error."))] == []
