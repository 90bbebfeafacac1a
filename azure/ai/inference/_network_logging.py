"""azure-core's network trace logging (``logging_enable=True``) with the credentials redacted.

azure-core's ``NetworkTraceLoggingPolicy`` logs every request header verbatim at DEBUG, the key and the
bearer token included. This subclass hands it a copy of the request whose credential headers and URL
credentials read ``REDACTED`` (see ``_sansio/redaction.py``); the log format, the logger
(``azure.core.pipeline.policies._universal``) and the switches stay azure-core's. The request that is
sent is not touched.
"""

from __future__ import annotations

import copy
import logging
import sys
from typing import Any, List

from azure.core.pipeline import PipelineRequest
from azure.core.pipeline.policies import NetworkTraceLoggingPolicy

from ._sansio.redaction import redacted_headers, redacted_url

__all__ = ["RedactingNetworkTraceLoggingPolicy"]


class RedactingNetworkTraceLoggingPolicy(NetworkTraceLoggingPolicy):
    """``NetworkTraceLoggingPolicy`` that never logs a credential; works in sync and async pipelines.

    :keyword bool logging_enable: Log every request and response of the client at DEBUG. Defaults to
     False; a call's own ``logging_enable`` wins.
    """

    def on_request(self, request: PipelineRequest[Any]) -> None:
        """Log the request, with credentials redacted, if logging is enabled for it.

        :param request: The request about to be sent.
        :type request: ~azure.core.pipeline.PipelineRequest
        """
        if not request.context.options.get("logging_enable", self.enable_http_logger):
            super().on_request(request)  # nothing is logged: no copy needed
            return
        super().on_request(PipelineRequest(_redacted_copy(request.http_request), request.context))


def _redacted_copy(http_request: Any) -> Any:
    shown = copy.copy(http_request)
    shown.headers = redacted_headers(http_request.headers)
    shown.url = redacted_url(http_request.url)
    return shown


_TRANSPORT_LOGGERS = (
    "azure.core.pipeline.transport._requests_basic",
    "azure.core.pipeline.transport._aiohttp",
    "azure.core.pipeline.transport._requests_asyncio",
    "azure.core.pipeline.transport._requests_trio",
)
_STREAM_FAILURE_TEXTS = ("Unable to stream download", "Incomplete download")
_PACKAGE = "azure.ai.inference"
_MAX_AWAIT_DEPTH = 64


class _StreamFailureDemotion(logging.Filter):
    """Turns azure-core's "Unable to stream download." / "Incomplete download." warnings into DEBUG
    records while one of this package's streams is reading: the stream raises the error itself, and
    with no logging configured Python's last-resort handler would print the warning on stderr.

    Records logged for other packages' downloads (no frame of this package on the stack) are untouched.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno == logging.WARNING and str(record.msg).startswith(_STREAM_FAILURE_TEXTS):
            if _called_from_this_package():
                record.levelno, record.levelname = logging.DEBUG, logging.getLevelName(logging.DEBUG)
        return True


def _called_from_this_package() -> bool:
    """Whether a frame of this package (other than this module) is on the stack, or, in a task, is
    awaiting: the frame of a coroutine resumed by its task is not linked to the awaiting frames."""
    frame = sys._getframe(1)  # pylint: disable=protected-access  # the only stack walk; runs on failures only
    while frame is not None:
        if _is_ours(frame):
            return True
        frame = frame.f_back  # type: ignore[assignment]
    return any(_is_ours(frame) for frame in _awaiting_frames())


def _is_ours(frame: Any) -> bool:
    module = str(frame.f_globals.get("__name__", ""))
    return module.startswith(_PACKAGE) and module != __name__  # this module's filter frame does not count


def _awaiting_frames() -> List[Any]:
    asyncio = sys.modules.get("asyncio")  # never imported here: no loaded asyncio, no task
    try:
        task = asyncio.current_task() if asyncio is not None else None
    except RuntimeError:  # no running event loop in this thread
        return []
    awaitable = task.get_coro() if task is not None else None
    frames: List[Any] = []
    for _ in range(_MAX_AWAIT_DEPTH):
        if awaitable is None:
            break
        frame = getattr(awaitable, "cr_frame", None) or getattr(awaitable, "ag_frame", None)
        if frame is not None:
            frames.append(frame)
        awaitable = getattr(awaitable, "cr_await", None) or getattr(awaitable, "ag_await", None)
    return frames


def _install_stream_failure_demotion() -> None:
    for name in _TRANSPORT_LOGGERS:
        logger = logging.getLogger(name)
        if not any(isinstance(existing, _StreamFailureDemotion) for existing in logger.filters):
            logger.addFilter(_StreamFailureDemotion())


_install_stream_failure_demotion()
