"""The process-wide tracing switches, held in one small object, and the environment variables that set them."""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Mapping, Optional

__all__ = ["STATE", "TracingState", "content_recording_from_env", "latest_conventions_from_env"]

CONTENT_RECORDING_ENV = "AZURE_TRACING_GEN_AI_CONTENT_RECORDING_ENABLED"
STABILITY_OPT_IN_ENV = "OTEL_SEMCONV_STABILITY_OPT_IN"
LATEST_CONVENTIONS_OPT_IN = "gen_ai_latest_experimental"


@dataclass
class TracingState:
    """Shared by every ``AIInferenceInstrumentor`` instance and every traced call of the process."""

    instrumented: bool = False
    """Whether the client methods are currently replaced by traced ones."""
    content_recording: bool = False
    """Whether message contents, tool names and tool arguments are recorded."""
    latest_conventions: bool = False
    """Whether spans follow the current GenAI semantic conventions instead of the 1.0.0b9 ones."""


STATE = TracingState()


def content_recording_from_env(environ: Optional[Mapping[str, str]] = None) -> bool:
    """Read ``AZURE_TRACING_GEN_AI_CONTENT_RECORDING_ENABLED``: only ``true`` (any case) switches recording on.

    :param environ: The environment to read; ``os.environ`` when None.
    :type environ: Mapping[str, str] or None
    :return: Whether the variable asks for content recording.
    :rtype: bool
    """
    value = (os.environ if environ is None else environ).get(CONTENT_RECORDING_ENV, "")
    return value.lower() == "true"


def latest_conventions_from_env(environ: Optional[Mapping[str, str]] = None) -> bool:
    """Read ``OTEL_SEMCONV_STABILITY_OPT_IN``, a comma-separated list, for ``gen_ai_latest_experimental``.

    :param environ: The environment to read; ``os.environ`` when None.
    :type environ: Mapping[str, str] or None
    :return: Whether the current GenAI conventions are requested.
    :rtype: bool
    """
    value = (os.environ if environ is None else environ).get(STABILITY_OPT_IN_ENV, "")
    return LATEST_CONVENTIONS_OPT_IN in (part.strip().lower() for part in value.split(","))
