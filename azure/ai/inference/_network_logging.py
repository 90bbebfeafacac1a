"""azure-core's network trace logging (``logging_enable=True``) with the credentials redacted.

azure-core's ``NetworkTraceLoggingPolicy`` logs every request header verbatim at DEBUG, the key and the
bearer token included. This subclass hands it a copy of the request whose credential headers and URL
credentials read ``REDACTED`` (see ``_sansio/redaction.py``); the log format, the logger
(``azure.core.pipeline.policies._universal``) and the switches stay azure-core's. The request that is
sent is not touched.
"""

from __future__ import annotations

import copy
from typing import Any

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
