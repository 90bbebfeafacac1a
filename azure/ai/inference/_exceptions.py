"""Exceptions by cause: subclasses of the azure-core exception 1.0.0b9 raises for the same answer.

Code written for 1.0.0b9 keeps working: ``except HttpResponseError`` still catches every one of
them, and ``str(error)``, ``error.message``, ``error.status_code``, ``error.error`` and
``error.response`` are as before. The classes add what a caller branches on, and every error
raised by a call carries notes (``error.__notes__``, shown under the traceback on Python 3.11+):
the operation, the method and the URL (credentials removed), the request id and what to do.

Troubleshooting (each class, when it is raised, what to do):

=============================== ============================================ ==============================================
Exception (base class)          Raised when                                  What to do
=============================== ============================================ ==============================================
``RateLimitError``              HTTP 429: too many requests or tokens        Wait ``error.retry_after`` seconds (None: the
(``HttpResponseError``)         for the deployment's quota (after the        service gave no hint) and try again; lower the
                                retries the client already made).            request rate or raise the quota.
``ContentFilterError``          The service's content filter refused the     Change the prompt; ``error.content_filter_results``
(``HttpResponseError``)         prompt (HTTP 400, code ``content_filter``)   says which category fired (hate, self_harm,
                                or an error event of a stream said so.       sexual, violence, jailbreak, ...).
``ContextLengthExceededError``  The messages and ``max_tokens`` do not fit   Shorten or drop messages, or lower
(``HttpResponseError``)         the model's context window (HTTP 400/413/    ``max_tokens``/``max_completion_tokens``.
                                422, code ``context_length_exceeded``).
``PermissionDeniedError``       HTTP 403: the credential is valid but not    Grant the identity a role on the resource (e.g.
(``HttpResponseError``)         allowed to use this resource or model.       "Cognitive Services User"), or check network rules.
``InternalServerError``         HTTP 5xx after the client's retries.         Try again later; report the request id
(``HttpResponseError``)                                                      (``error.request_id``) if it persists.
``ClientAuthenticationError``   HTTP 401: bad key or token (azure-core's     Check the key, or the token's scope
(azure-core, unchanged)         class, as in 1.0.0b9).                       (``credential_scopes``) for Entra ID.
``ResourceNotFoundError``       HTTP 404: no such route or deployment        Check the endpoint: the base URL without the
(azure-core, unchanged)         (azure-core's class, as in 1.0.0b9).         route; the notes show the URL that was asked.
``ServiceResponseTimeoutError`` The call's ``timeout`` (the deadline of the  Raise ``timeout``/``read_timeout``, or stream
(azure-core, unchanged)         whole call) or ``read_timeout`` (one read)   the answer; the message and notes name the timeout
                                passed.                                      that fired and its value.
``ServiceRequestError``         No connection could be made (refused, DNS,   Check the endpoint's host and port (in the notes)
(azure-core, unchanged)         TLS); ``ServiceRequestTimeoutError`` when    and that the service is reachable from here.
                                ``connection_timeout`` or ``timeout`` passed
                                while connecting.
=============================== ============================================ ==============================================

A per-call ``error_map={status: MyError}`` still wins over these classes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Dict, Mapping, Optional

from azure.core.exceptions import HttpResponseError

if TYPE_CHECKING:
    from .models import ContentFilterResults

__all__ = [
    "ContentFilterError",
    "ContextLengthExceededError",
    "InternalServerError",
    "PermissionDeniedError",
    "RateLimitError",
    "ServiceErrorDetails",
]

REQUEST_ID_HEADERS = ("x-request-id", "apim-request-id", "x-ms-request-id", "x-ms-client-request-id")
"""Response headers that identify a request to the service's support, most specific first."""


class ServiceErrorDetails(HttpResponseError):
    """Base of this package's exceptions by cause: an ``HttpResponseError`` with the service's details.

    ``status_code``, ``reason``, ``message`` (azure-core's text, as in 1.0.0b9), ``error`` (the parsed
    error object) and ``response`` are azure-core's fields; this class adds the service's own ``code``
    and ``service_message``, and the request ids the response carried.
    """

    _error_body: Optional[Mapping[str, Any]] = None

    @property
    def code(self) -> Optional[str]:
        """The service's error code (e.g. ``"content_filter"``, ``"429"``), or None when it sent none.

        :rtype: str or None
        """
        code = getattr(self.error, "code", None)
        return str(code) if code is not None else None

    @property
    def service_message(self) -> Optional[str]:
        """The service's own error message (without azure-core's decoration), or None.

        :rtype: str or None
        """
        message = getattr(self.error, "message", None)
        return str(message) if message is not None else None

    @property
    def request_ids(self) -> Dict[str, str]:
        """The request id headers of the response that are present (``x-request-id``, ``apim-request-id``,
        ``x-ms-request-id``, ``x-ms-client-request-id``), by lower-case name.

        :rtype: dict[str, str]
        """
        headers = getattr(self.response, "headers", None) or {}
        lowered = {str(name).lower(): str(value) for name, value in headers.items()}
        return {name: lowered[name] for name in REQUEST_ID_HEADERS if name in lowered}

    @property
    def request_id(self) -> Optional[str]:
        """The most specific request id of the response (see ``request_ids``), or None.

        :rtype: str or None
        """
        return next(iter(self.request_ids.values()), None)


class RateLimitError(ServiceErrorDetails):
    """HTTP 429: the service throttled the call (raised after the client's own retries).

    ``retry_after`` is the wait the service asked for, in seconds, from ``retry-after-ms``,
    ``x-ms-retry-after-ms`` or ``Retry-After`` (seconds or an HTTP date); None when absent.
    """

    retry_after: Optional[float] = None


class ContentFilterError(ServiceErrorDetails):
    """The service's content filter refused the request (Azure OpenAI and Azure AI Model Inference)."""

    @property
    def content_filter_results(self) -> Optional[ContentFilterResults]:
        """The per-category results the service sent, typed (``error.content_filter_results.jailbreak.detected``)
        and readable as a mapping as well (``error.content_filter_results["hate"]["filtered"]``); None when the
        error body carried none.

        :rtype: ~azure.ai.inference.models.ContentFilterResults or None
        """
        from .models import ContentFilterResults  # pylint: disable=import-outside-toplevel  # models import this module (via _sansio.errors)

        body = self._error_body or {}
        inner = body.get("innererror")
        for holder in (inner if isinstance(inner, Mapping) else {}, body):
            for key in ("content_filter_result", "content_filter_results"):
                value = holder.get(key)
                if isinstance(value, Mapping):
                    return ContentFilterResults(value)
        return None


class ContextLengthExceededError(ServiceErrorDetails):
    """The request does not fit the model's context window (messages plus the tokens to generate)."""


class PermissionDeniedError(ServiceErrorDetails):
    """HTTP 403: the credential was accepted but may not use this resource, deployment or model."""


class InternalServerError(ServiceErrorDetails):
    """HTTP 500 or above: the service failed (raised after the client's own retries)."""
