"""Exception notes: the context of a failed call (operation, URL, request id) and what to do about it.

Notes never change ``str(error)`` or ``error.message`` (code written for 1.0.0b9 parses them). They are
added with ``BaseException.add_note`` (shown under the traceback on Python 3.11+); on older Pythons
they are kept in the same ``__notes__`` list, so ``error.__notes__`` works everywhere. URLs are shown
with credentials redacted; header values other than request ids are never shown.
"""

from __future__ import annotations

import contextlib
from typing import Any, Iterable, Iterator, List, Optional
from urllib.parse import urlsplit

from azure.core.exceptions import (
    AzureError,
    ClientAuthenticationError,
    ResourceNotFoundError,
    ServiceRequestError,
    ServiceRequestTimeoutError,
)

from .._exceptions import (
    REQUEST_ID_HEADERS,
    ContentFilterError,
    ContextLengthExceededError,
    InternalServerError,
    PermissionDeniedError,
    RateLimitError,
)
from .redaction import redacted_url

__all__ = ["add_notes", "call_notes", "noted_call", "operation_name"]

_OPERATIONS = (("/chat/completions", "complete"), ("/images/embeddings", "embed"), ("/embeddings", "embed"))
ENDPOINT_SHAPES = (
    "https://<resource>.services.ai.azure.com/models, "
    "https://<resource>.openai.azure.com/openai/deployments/<deployment>, "
    "https://<resource>.openai.azure.com/openai/v1 or https://models.github.ai/inference"
)
_NOT_FOUND_ADVICE = (
    "The service has nothing at this URL. The endpoint must be the base URL the client appends the route "
    "(/chat/completions, /embeddings, /images/embeddings, /info) to, without it, for example "
    f"{ENDPOINT_SHAPES}. Check the deployment or model name too."
)


def add_notes(error: BaseException, notes: Iterable[str]) -> None:
    """Add each note to ``error`` once (``add_note`` on Python 3.11+, the ``__notes__`` list before).

    :param error: The exception.
    :type error: BaseException
    :param notes: The notes, in order.
    :type notes: Iterable[str]
    """
    for note in notes:
        existing: List[str] = list(getattr(error, "__notes__", None) or [])
        if note in existing:
            continue
        if hasattr(error, "add_note"):
            error.add_note(note)
        else:  # Python < 3.11: the attribute add_note would have created
            setattr(error, "__notes__", [*existing, note])


def operation_name(client: str, url: str) -> str:
    """Return ``<client>.<method>`` for a request URL (``ChatCompletionsClient.complete``, ...).

    :param client: The client's class name.
    :type client: str
    :param url: The request URL.
    :type url: str
    :return: The public method that sent the request.
    :rtype: str
    """
    path = urlsplit(url).path.rstrip("/")
    method = next((name for route, name in _OPERATIONS if path.endswith(route)), "get_model_info")
    return f"{client}.{method}"


def call_notes(error: BaseException, *, client: str, method: str, url: str) -> List[str]:
    """Return the notes for an error raised by a call: what was sent, the request id, what to do.

    :param error: The exception.
    :type error: BaseException
    :keyword client: The client's class name.
    :paramtype client: str
    :keyword method: The HTTP method.
    :paramtype method: str
    :keyword url: The request URL (redacted here).
    :paramtype url: str
    :return: The notes.
    :rtype: list[str]
    """
    notes = [f"{operation_name(client, url)}: {method} {redacted_url(url)}"]
    request_id = _request_id_note(getattr(error, "response", None))
    if request_id:
        notes.append(request_id)
    advice = _advice(error, url)
    if advice:
        notes.append(advice)
    return notes


@contextlib.contextmanager
def noted_call(client: str, request: Any) -> Iterator[None]:
    """Add ``call_notes`` to an ``AzureError`` raised in the block, then let it propagate.

    :param client: The client's class name.
    :type client: str
    :param request: The request being sent.
    :type request: ~azure.core.rest.HttpRequest
    :return: A context manager.
    :rtype: Iterator[None]
    """
    try:
        yield
    except AzureError as error:
        add_notes(error, call_notes(error, client=client, method=request.method, url=request.url))
        raise


def _request_id_note(response: Any) -> Optional[str]:
    headers = getattr(response, "headers", None)
    if not headers:
        return None
    lowered = {str(name).lower(): str(value) for name, value in headers.items()}
    found = [f"{name}={lowered[name]}" for name in REQUEST_ID_HEADERS if name in lowered]
    return "Request id: " + ", ".join(found) if found else None


def _advice(error: BaseException, url: str) -> Optional[str]:
    if isinstance(error, ResourceNotFoundError) and getattr(error, "response", None) is not None:
        if urlsplit(url).path.rstrip("/").endswith("/info"):
            return "This endpoint has no /info route (Azure OpenAI deployments have none). " + _NOT_FOUND_ADVICE
        return _NOT_FOUND_ADVICE
    if isinstance(error, ClientAuthenticationError):
        return (
            "The service rejected the credential: check the key given to AzureKeyCredential, or for Entra ID "
            "the token's scope (the client's credential_scopes keyword)."
        )
    if isinstance(error, RateLimitError):
        wait = "" if error.retry_after is None else f" (it asked to wait {error.retry_after:g} s)"
        return f"The service throttled the call{wait}: retry later, lower the request rate or raise the quota."
    return _cause_advice(error) or _connection_advice(error, url)


def _cause_advice(error: BaseException) -> Optional[str]:
    if isinstance(error, ContentFilterError):
        return "The content filter refused the request; error.content_filter_results says which category fired."
    if isinstance(error, ContextLengthExceededError):
        return "The messages do not fit the model's context window: shorten them or lower max_tokens."
    if isinstance(error, PermissionDeniedError):
        return "The credential may not use this resource: grant its identity a role on it, or check network rules."
    if isinstance(error, InternalServerError):
        return "The service failed after the client's retries: try again later, quoting the request id."
    return None


def _connection_advice(error: BaseException, url: str) -> Optional[str]:
    if not isinstance(error, ServiceRequestError) or isinstance(error, ServiceRequestTimeoutError):
        return None
    if getattr(error, "inner_exception", None) is None:  # raised by a policy (e.g. https required), not a socket
        return None
    parts = urlsplit(url)
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError:  # a port that is not a number: the URL says it all
        return None
    return (
        f"No connection could be made to host {parts.hostname} port {port}: check the endpoint's host and port, "
        "and that the service is reachable from here (proxy, firewall, DNS)."
    )
