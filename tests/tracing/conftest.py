"""Tracing test fixtures: one in-memory span exporter and metric reader for the session, reset per test.

OpenTelemetry's global tracer and meter providers can be set once per process, so the session sets
them once (``SimpleSpanProcessor``: a span is exported when it ends, no waiting); each test starts
with an empty exporter, drained metrics, ``settings.tracing_implementation = "opentelemetry"``, no
tracing environment variables and the instrumentation off, and leaves it off.
"""

from __future__ import annotations

import json
from typing import Any, Dict, Iterator, List, Optional, Tuple

import pytest
from azure.core.settings import settings
from opentelemetry import metrics, trace
from opentelemetry.sdk.metrics import Histogram, MeterProvider
from opentelemetry.sdk.metrics.export import AggregationTemporality, HistogramDataPoint, InMemoryMetricReader
from opentelemetry.sdk.trace import ReadableSpan, TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter

from azure.ai.inference._tracing.state import STATE
from azure.ai.inference.tracing import AIInferenceInstrumentor

_TRACING_ENV = (
    "AZURE_TRACING_GEN_AI_CONTENT_RECORDING_ENABLED",
    "OTEL_SEMCONV_STABILITY_OPT_IN",
    "AZURE_SDK_TRACING_IMPLEMENTATION",
)


class Telemetry:
    """The session's exporter and metric reader, with the views the tests compare."""

    def __init__(self) -> None:
        self.exporter = InMemorySpanExporter()
        self.reader = InMemoryMetricReader(preferred_temporality={Histogram: AggregationTemporality.DELTA})

    def reset(self) -> None:
        self.exporter.clear()
        self.reader.get_metrics_data()  # delta temporality: drains what earlier tests recorded

    def spans(self) -> List[ReadableSpan]:
        """Every finished span, in export (end) order."""
        return list(self.exporter.get_finished_spans())

    def gen_ai_spans(self) -> List[ReadableSpan]:
        """Finished spans of this package: names ``chat``/``chat <model>``/``embeddings``/``embeddings <model>``."""
        return [span for span in self.spans() if span.name.split(" ")[0] in ("chat", "embeddings")]

    def only_span(self) -> ReadableSpan:
        """The single GenAI span the test produced."""
        found = self.gen_ai_spans()
        assert len(found) == 1, [span.name for span in found]
        return found[0]

    def histogram_points(self) -> Dict[str, List[Tuple[Dict[str, Any], HistogramDataPoint]]]:
        """``{metric name: [(attributes, point)]}`` of everything recorded since the last call (one collection)."""
        data = self.reader.get_metrics_data()
        found: Dict[str, List[Tuple[Dict[str, Any], HistogramDataPoint]]] = {}
        for resource_metrics in data.resource_metrics if data else ():
            for scope_metrics in resource_metrics.scope_metrics:
                for metric in scope_metrics.metrics:
                    points = found.setdefault(metric.name, [])
                    points += [(dict(point.attributes or {}), point) for point in metric.data.data_points]
        return found

    def attributes(self, span: ReadableSpan) -> List[Tuple[str, Any]]:
        """A span's attributes in the order they were set (tuples as lists)."""
        return [
            (key, list(value) if isinstance(value, tuple) else value) for key, value in (span.attributes or {}).items()
        ]

    def events(self, span: ReadableSpan) -> List[Tuple[str, Optional[Any]]]:
        """``(name, parsed gen_ai.event.content)`` of each event (None for events without that attribute)."""
        found = []
        for event in span.events:
            content = (event.attributes or {}).get("gen_ai.event.content")
            found.append((event.name, None if content is None else json.loads(str(content))))
        return found

    def contents(self, span: ReadableSpan) -> List[str]:
        """The raw ``gen_ai.event.content`` strings of a span's events."""
        return [
            str((event.attributes or {})["gen_ai.event.content"])
            for event in span.events
            if "gen_ai.event.content" in (event.attributes or {})
        ]


@pytest.fixture(scope="session")
def session_telemetry() -> Telemetry:
    telemetry = Telemetry()
    assert isinstance(trace.get_tracer_provider(), trace.ProxyTracerProvider), "a tracer provider is already set"
    tracer_provider = TracerProvider()
    tracer_provider.add_span_processor(SimpleSpanProcessor(telemetry.exporter))
    trace.set_tracer_provider(tracer_provider)
    metrics.set_meter_provider(MeterProvider(metric_readers=[telemetry.reader]))
    return telemetry


@pytest.fixture
def telemetry(session_telemetry: Telemetry, monkeypatch: pytest.MonkeyPatch) -> Iterator[Telemetry]:
    """The session's telemetry, emptied; azure-core tracing set to OpenTelemetry; instrumentation off after."""
    for name in _TRACING_ENV:
        monkeypatch.delenv(name, raising=False)
    session_telemetry.reset()
    settings.tracing_implementation.set_value("opentelemetry")
    try:
        yield session_telemetry
    finally:
        AIInferenceInstrumentor().uninstrument()
        settings.tracing_implementation.unset_value()
        STATE.latest_conventions = False


@pytest.fixture
def instrumentor(telemetry: Telemetry) -> AIInferenceInstrumentor:
    """An instrumentor (not yet instrumented) over the reset telemetry."""
    return AIInferenceInstrumentor()
