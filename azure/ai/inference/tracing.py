"""OpenTelemetry tracing of the chat completions and embeddings clients: ``AIInferenceInstrumentor``.

The module imports without any tracing library; creating an ``AIInferenceInstrumentor`` needs
opentelemetry-api (the ``opentelemetry`` extra of this package installs it together with
azure-core-tracing-opentelemetry, which azure-core needs to create the spans).
"""

from __future__ import annotations

import importlib.util
import logging
from typing import Optional

from azure.core.settings import settings

from ._optional import OPENTELEMETRY_MISSING_HINT
from ._tracing.state import STATE, content_recording_from_env, latest_conventions_from_env

__all__ = ["AIInferenceInstrumentor"]

_LOGGER = logging.getLogger(__name__)

try:
    from azure.core.tracing import AbstractSpan, SpanKind  # noqa: F401  # pylint: disable=unused-import
    from opentelemetry.trace import Span, StatusCode  # noqa: F401  # pylint: disable=unused-import

    _TRACING_LIBRARY_AVAILABLE = True
except ModuleNotFoundError:
    _TRACING_LIBRARY_AVAILABLE = False

_NOT_INSTALLED = (
    "Azure Core Tracing Opentelemetry is not installed. "
    "Please install it using 'pip install azure-core-tracing-opentelemetry'" + OPENTELEMETRY_MISSING_HINT
)


class AIInferenceInstrumentor:
    """Traces ``complete`` and ``embed`` of the sync and async clients with OpenTelemetry spans and metrics.

    The instrumentation is process-wide: every instance reads and changes the same state, and every
    client, existing or future, is traced while it is on. A call produces a span only while azure-core
    has a tracing implementation (``azure.core.settings.settings.tracing_implementation =
    "opentelemetry"`` or ``AZURE_SDK_TRACING_IMPLEMENTATION=opentelemetry``), checked on every call.

    :raises ModuleNotFoundError: If opentelemetry-api is not installed.

    .. admonition:: Example:

        .. literalinclude:: ../../samples/sample_chat_completions_with_tracing.py
            :start-after: [START instrument]
            :end-before: [END instrument]
            :language: python
            :dedent: 4
            :caption: Trace every client of the process, message contents included.
    """

    def __init__(self) -> None:
        if not _TRACING_LIBRARY_AVAILABLE:
            raise ModuleNotFoundError(_NOT_INSTALLED)

    def instrument(self, enable_content_recording: Optional[bool] = None) -> None:
        """Start tracing, or, when tracing is already on, only update the content recording switch.

        Content recording puts chat messages, tool names and tool arguments on the spans. The
        environment variable ``OTEL_SEMCONV_STABILITY_OPT_IN``, when it lists
        ``gen_ai_latest_experimental``, selects the current GenAI semantic conventions instead of the
        ones of azure-ai-inference 1.0.0b9; it is read by every ``instrument`` call.

        :param enable_content_recording: Whether to record message contents. When None, the
         environment variable ``AZURE_TRACING_GEN_AI_CONTENT_RECORDING_ENABLED`` decides (only the
         value ``true``, in any case, switches recording on). Default value is None.
        :type enable_content_recording: bool or None
        """
        if enable_content_recording is None:
            enable_content_recording = content_recording_from_env()
        STATE.latest_conventions = latest_conventions_from_env()
        if not STATE.instrumented:
            from ._tracing.patching import patch_clients  # pylint: disable=import-outside-toplevel

            _log_what_would_stop_tracing()
            patch_clients()
            STATE.instrumented = True
        STATE.content_recording = bool(enable_content_recording)

    def uninstrument(self) -> None:
        """Stop tracing and restore the original client methods; does nothing when tracing is off."""
        if not STATE.instrumented:
            return
        from ._tracing.patching import restore_clients  # pylint: disable=import-outside-toplevel

        STATE.content_recording = False
        restore_clients()
        STATE.instrumented = False

    def is_instrumented(self) -> bool:
        """Whether tracing is on.

        :return: True between ``instrument()`` and ``uninstrument()``.
        :rtype: bool
        """
        return STATE.instrumented

    def is_content_recording_enabled(self) -> bool:
        """Whether message contents are recorded.

        :return: The content recording switch (False while tracing is off).
        :rtype: bool
        """
        return STATE.content_recording


def _log_what_would_stop_tracing() -> None:
    if not _azure_core_plugin_installed():
        _LOGGER.warning(
            "azure-core-tracing-opentelemetry is not installed: azure-core has no OpenTelemetry span "
            "type, so calls are not traced. Install it with 'pip install azure-core-tracing-opentelemetry'."
        )
    elif settings.tracing_implementation() is None:
        # DEBUG, not WARNING: the setting may legitimately be made after instrument(); it is read per call.
        _LOGGER.debug(
            "azure-core has no tracing implementation yet, so calls are not traced until one is set: "
            'azure.core.settings.settings.tracing_implementation = "opentelemetry" '
            "(or AZURE_SDK_TRACING_IMPLEMENTATION=opentelemetry)."
        )


def _azure_core_plugin_installed() -> bool:
    try:
        return importlib.util.find_spec("azure.core.tracing.ext.opentelemetry_span") is not None
    except ImportError:
        return False
