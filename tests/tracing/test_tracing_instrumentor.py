"""The AIInferenceInstrumentor facade: flags, environment variables, idempotence, patching and restoring."""

from __future__ import annotations

import inspect
import logging
import subprocess
import sys
from pathlib import Path

import pytest
from azure.core.settings import settings

import azure.ai.inference as sync_package
import azure.ai.inference.aio as aio_package
import azure.ai.inference.tracing as tracing_module
from azure.ai.inference.models import UserMessage
from azure.ai.inference.tracing import AIInferenceInstrumentor
from tests.emulator import Reply
from tests.flavors import collect, resolve

REPO = Path(__file__).resolve().parents[2]
CLASSES = [
    (package, name, method)
    for package in (sync_package, aio_package)
    for name, method in (
        ("ChatCompletionsClient", "complete"),
        ("EmbeddingsClient", "embed"),
        ("ImageEmbeddingsClient", "embed"),
    )
]
CONTENT_ENV = "AZURE_TRACING_GEN_AI_CONTENT_RECORDING_ENABLED"


def _methods():
    return [getattr(getattr(package, name), method) for package, name, method in CLASSES]


def test_module_exports_only_the_instrumentor():
    assert tracing_module.__all__ == ["AIInferenceInstrumentor"]


def test_flags_start_off_and_follow_instrument_and_uninstrument(instrumentor):
    assert (instrumentor.is_instrumented(), instrumentor.is_content_recording_enabled()) == (False, False)
    instrumentor.instrument(enable_content_recording=True)
    assert (instrumentor.is_instrumented(), instrumentor.is_content_recording_enabled()) == (True, True)
    instrumentor.uninstrument()
    assert (instrumentor.is_instrumented(), instrumentor.is_content_recording_enabled()) == (False, False)


def test_state_is_shared_by_all_instances(instrumentor):
    instrumentor.instrument(enable_content_recording=True)
    other = AIInferenceInstrumentor()
    assert (other.is_instrumented(), other.is_content_recording_enabled()) == (True, True)
    other.uninstrument()
    assert instrumentor.is_instrumented() is False


def test_instrument_and_uninstrument_twice_are_harmless(instrumentor):
    originals = _methods()
    instrumentor.uninstrument()
    instrumentor.instrument()
    traced = _methods()
    instrumentor.instrument()
    assert _methods() == traced
    instrumentor.uninstrument()
    instrumentor.uninstrument()
    assert (_methods(), instrumentor.is_instrumented()) == (originals, False)


def test_instrument_patches_every_client_class_and_restores_the_originals(instrumentor):
    originals = _methods()
    instrumentor.instrument()
    traced = _methods()
    assert all(new is not old for new, old in zip(traced, originals))
    assert [(new.__name__, new.__doc__) for new in traced] == [(old.__name__, old.__doc__) for old in originals]
    assert [inspect.iscoroutinefunction(new) for new in traced] == [False, False, False, True, True, True]
    instrumentor.uninstrument()
    assert _methods() == originals


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("true", True),
        ("TRUE", True),
        ("True", True),
        ("False", False),
        ("1", False),
        ("yes", False),
        (" true", False),
        ("", False),
        ("invalid", False),
    ],
)
def test_content_recording_comes_from_the_environment_when_not_given(instrumentor, monkeypatch, value, expected):
    monkeypatch.setenv(CONTENT_ENV, value)
    instrumentor.instrument()
    assert instrumentor.is_content_recording_enabled() is expected


def test_reinstrumenting_rereads_the_environment_variable(instrumentor, monkeypatch):
    """Q12 (kept): ``instrument()`` without argument on an instrumented process re-reads the variable."""
    monkeypatch.setenv(CONTENT_ENV, "true")
    instrumentor.instrument()
    monkeypatch.setenv(CONTENT_ENV, "false")
    instrumentor.instrument()
    assert (instrumentor.is_instrumented(), instrumentor.is_content_recording_enabled()) == (True, False)


@pytest.mark.parametrize("explicit", [True, False])
def test_explicit_argument_overrides_the_environment(instrumentor, monkeypatch, explicit):
    monkeypatch.setenv(CONTENT_ENV, "false" if explicit else "true")
    instrumentor.instrument(enable_content_recording=explicit)
    first = instrumentor.is_content_recording_enabled()
    instrumentor.instrument(enable_content_recording=not explicit)
    assert (first, instrumentor.is_content_recording_enabled()) == (explicit, not explicit)


async def test_no_span_without_instrument(clients, emulator, telemetry):
    result = await resolve(clients.chat().complete(messages=[UserMessage("hi")]))
    assert result.choices[0].message.content
    assert telemetry.gen_ai_spans() == []


async def test_no_span_after_uninstrument(clients, emulator, instrumentor, telemetry):
    instrumentor.instrument()
    instrumentor.uninstrument()
    await resolve(clients.chat().complete(messages=[UserMessage("hi")]))
    assert telemetry.gen_ai_spans() == []


async def test_calls_are_untraced_while_azure_core_has_no_tracing_implementation(
    clients, emulator, instrumentor, telemetry
):
    """T-3.2: checked per call; the result and the stream are returned unchanged."""
    instrumentor.instrument()
    settings.tracing_implementation.unset_value()
    chat = clients.chat()
    emulator.script(
        Reply.sse([{"id": "x", "choices": [{"index": 0, "delta": {"content": "a"}, "finish_reason": "stop"}]}])
    )
    stream = await resolve(chat.complete(messages=[UserMessage("hi")], stream=True))
    assert type(stream).__name__ in ("StreamingChatCompletions", "AsyncStreamingChatCompletions")
    assert len(await collect(stream)) == 1
    settings.tracing_implementation.set_value("opentelemetry")
    await resolve(chat.complete(messages=[UserMessage("hi")]))
    assert [span.name for span in telemetry.gen_ai_spans()] == ["chat"]


async def test_load_client_returns_traced_clients(clients, emulator, instrumentor, telemetry):
    instrumentor.instrument()
    chat = await clients.load_client()
    await resolve(chat.complete(messages=[UserMessage("hi")]))
    assert [span.name for span in telemetry.gen_ai_spans()] == ["chat"]


def test_instrument_warns_when_azure_core_tracing_opentelemetry_is_missing(instrumentor, monkeypatch, caplog):
    monkeypatch.setattr(tracing_module, "_azure_core_plugin_installed", lambda: False)
    with caplog.at_level(logging.WARNING, logger="azure.ai.inference.tracing"):
        instrumentor.instrument()
    assert [
        "azure-core-tracing-opentelemetry is not installed" in record.getMessage() for record in caplog.records
    ] == [True]


def test_instrument_logs_at_debug_when_azure_core_has_no_tracing_implementation(instrumentor, caplog):
    settings.tracing_implementation.unset_value()
    with caplog.at_level(logging.DEBUG, logger="azure.ai.inference.tracing"):
        instrumentor.instrument()
    assert [(record.levelno, record.getMessage()) for record in caplog.records] == [
        (
            logging.DEBUG,
            "azure-core has no tracing implementation yet, so calls are not traced until one is set: "
            'azure.core.settings.settings.tracing_implementation = "opentelemetry" '
            "(or AZURE_SDK_TRACING_IMPLEMENTATION=opentelemetry).",
        )
    ]


def test_instrument_logs_nothing_when_azure_core_has_a_tracing_implementation(instrumentor, caplog):
    with caplog.at_level(logging.DEBUG, logger="azure.ai.inference.tracing"):
        instrumentor.instrument()
    assert [record.getMessage() for record in caplog.records] == []


def _run_without_opentelemetry(code: str) -> subprocess.CompletedProcess:
    blocker = (
        "import sys\n"
        "class Block:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name == 'opentelemetry' or name.startswith('opentelemetry.'):\n"
        "            raise ModuleNotFoundError(name)\n"
        "sys.meta_path.insert(0, Block())\n"
    )
    return subprocess.run(
        [sys.executable, "-c", blocker + code], cwd=REPO, capture_output=True, text=True, timeout=60, check=False
    )


def test_module_imports_without_opentelemetry_and_the_constructor_says_what_to_install():
    code = (
        "import azure.ai.inference.tracing as t\n"
        "try:\n"
        "    t.AIInferenceInstrumentor()\n"
        "except ModuleNotFoundError as error:\n"
        "    print(error)\n"
    )
    completed = _run_without_opentelemetry(code)
    assert (completed.returncode, completed.stdout.strip()) == (
        0,
        "Azure Core Tracing Opentelemetry is not installed. "
        "Please install it using 'pip install azure-core-tracing-opentelemetry'"
        " (It is part of this package's `opentelemetry` extra.)",
    )


def test_importing_the_module_changes_no_client_method():
    code = (
        "import azure.ai.inference as p\n"
        "before = p.ChatCompletionsClient.complete\n"
        "import azure.ai.inference.tracing\n"
        "print(p.ChatCompletionsClient.complete is before)\n"
    )
    completed = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=60, check=False
    )
    assert completed.stdout.strip() == "True"


async def test_the_environment_variable_is_an_azure_core_tracing_implementation(
    clients, emulator, instrumentor, telemetry, monkeypatch
):
    instrumentor.instrument()
    settings.tracing_implementation.unset_value()
    monkeypatch.setenv("AZURE_SDK_TRACING_IMPLEMENTATION", "OpenTelemetry")
    await resolve(clients.chat().complete(messages=[UserMessage("hi")]))
    assert [span.name for span in telemetry.gen_ai_spans()] == ["chat"]


def test_without_azure_core_tracing_opentelemetry_calls_run_untraced_after_a_warning(emulator):
    """T-2.3: opentelemetry-api present, the azure-core plugin missing: a warning, then no span and no error."""
    code = (
        "import sys, logging\n"
        "class Block:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name.startswith('azure.core.tracing.ext.opentelemetry_span'):\n"
        "            raise ModuleNotFoundError(name)\n"
        "sys.meta_path.insert(0, Block())\n"
        "logging.basicConfig(level=logging.WARNING, stream=sys.stdout, format='%(name)s: %(message)s')\n"
        "from opentelemetry import trace\n"
        "from opentelemetry.sdk.trace import TracerProvider\n"
        "from opentelemetry.sdk.trace.export import SimpleSpanProcessor\n"
        "from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter\n"
        "from azure.core.credentials import AzureKeyCredential\n"
        "from azure.core.settings import settings\n"
        "from azure.ai.inference import ChatCompletionsClient\n"
        "from azure.ai.inference.tracing import AIInferenceInstrumentor\n"
        "exporter = InMemorySpanExporter()\n"
        "provider = TracerProvider()\n"
        "provider.add_span_processor(SimpleSpanProcessor(exporter))\n"
        "trace.set_tracer_provider(provider)\n"
        "settings.tracing_implementation = 'opentelemetry'\n"
        "AIInferenceInstrumentor().instrument()\n"
        f"with ChatCompletionsClient({emulator.url!r}, AzureKeyCredential('emulator-key')) as client:\n"
        "    result = client.complete(messages=[{'role': 'user', 'content': 'hi'}])\n"
        "print(bool(result.choices[0].message.content), len(exporter.get_finished_spans()))\n"
    )
    completed = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=60, check=False
    )
    lines = completed.stdout.strip().splitlines()
    assert (completed.returncode, lines[-1]) == (0, "True 0"), completed.stderr
    assert lines[0].startswith("azure.ai.inference.tracing: azure-core-tracing-opentelemetry is not installed")
