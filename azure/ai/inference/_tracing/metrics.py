"""The GenAI client metrics ``gen_ai.client.operation.duration`` and ``gen_ai.client.token.usage``.

Both are histograms from opentelemetry-api's global meter (scope ``azure.ai.inference``), with the
bucket boundaries the GenAI conventions advise. They are recorded once per traced call, when its
span ends, with the span's operation, system or provider, models, server and error type.
"""

from __future__ import annotations

import functools
from typing import Any, List, Mapping, Sequence, Tuple

from opentelemetry import metrics
from opentelemetry.metrics import Histogram, Meter

from .._version import VERSION
from .attributes import metric_attributes

__all__ = ["record_operation"]

_DURATION_BUCKETS = [0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24, 20.48, 40.96, 81.92]
_TOKEN_BUCKETS: List[float] = [4.0**power for power in range(14)]
_TOKEN_COUNTS = (("input", "gen_ai.usage.input_tokens"), ("output", "gen_ai.usage.output_tokens"))


def record_operation(span_attributes: Mapping[str, Any], duration_seconds: float) -> None:
    """Record the duration of one operation and, when the span has them, its input and output tokens.

    :param span_attributes: The attributes recorded on the operation's span.
    :type span_attributes: Mapping[str, Any]
    :param duration_seconds: The operation's duration.
    :type duration_seconds: float
    """
    duration, token_usage = _instruments()
    attributes = metric_attributes(span_attributes)
    duration.record(duration_seconds, attributes)
    if "error.type" in attributes:
        return
    for token_type, key in _TOKEN_COUNTS:
        count = span_attributes.get(key)
        if isinstance(count, int) and not isinstance(count, bool):
            token_usage.record(count, {**attributes, "gen_ai.token.type": token_type})


@functools.lru_cache(maxsize=None)
def _instruments() -> Tuple[Histogram, Histogram]:
    meter = metrics.get_meter("azure.ai.inference", VERSION)
    duration = _histogram(
        meter, "gen_ai.client.operation.duration", "s", "GenAI operation duration.", _DURATION_BUCKETS
    )
    usage = _histogram(
        meter, "gen_ai.client.token.usage", "{token}", "Number of input and output tokens used.", _TOKEN_BUCKETS
    )
    return duration, usage


def _histogram(meter: Meter, name: str, unit: str, description: str, buckets: Sequence[float]) -> Histogram:
    try:
        return meter.create_histogram(name, unit, description, explicit_bucket_boundaries_advisory=buckets)
    except TypeError:  # opentelemetry-api before 1.23 has no bucket advice
        return meter.create_histogram(name, unit, description)
