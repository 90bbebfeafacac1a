"""What kind of service an endpoint URL addresses, and what that means for ``api-version``, token
scopes and the ``/info`` route. Pure string inspection of the URL: no request is ever made.

* ``OPENAI_V1``: the path ends in ``/v1`` (Azure OpenAI's ``/openai/v1``, OpenAI-compatible servers);
  ``api-version`` is sent only when given, there is no ``/info``.
* ``GITHUB_MODELS``: host ``models.github.ai``, path ending in ``/inference``; as ``OPENAI_V1``.
* ``AZURE_OPENAI_DEPLOYMENT``: the path contains ``/openai/deployments/<name>``; ``api-version`` is
  sent (default or given), the service has no ``/info`` (it answers 404).
* ``MODEL_INFERENCE``: anything else; ``api-version`` is sent, ``/info`` exists.

An endpoint pasted with its route (``.../chat/completions``, ``.../embeddings``,
``.../images/embeddings``) after a known base (the host alone, ``/models``, a ``.../v1`` route,
``/openai/deployments/<name>``, GitHub Models' ``/inference``) and/or with an ``api-version`` in its
query is normalised: the route and the ``api-version`` parameter are removed (the latter becomes the
client's ``api_version`` unless one is given), and the change is logged at DEBUG. Any other endpoint
is kept verbatim (a deployment named ``embeddings`` stays a deployment).
"""

from __future__ import annotations

import enum
import logging
import re
from typing import List, Optional, Tuple
from urllib.parse import SplitResult, parse_qsl, urlencode, urlsplit, urlunsplit

from azure.core.exceptions import ResourceNotFoundError

from .redaction import redacted_url

__all__ = [
    "COGNITIVE_SERVICES_SCOPE",
    "MACHINE_LEARNING_SCOPE",
    "EndpointKind",
    "classify",
    "default_api_version",
    "default_scopes",
    "require_info_route",
    "without_pasted_route",
]

_LOGGER = logging.getLogger(__name__)

MACHINE_LEARNING_SCOPE = "https://ml.azure.com/.default"
"""The original package's default token scope (Serverless API and Managed Compute endpoints)."""
COGNITIVE_SERVICES_SCOPE = "https://cognitiveservices.azure.com/.default"
"""The token scope of Azure OpenAI, Azure AI Services and Azure AI Foundry resources."""

_COGNITIVE_SERVICES_HOSTS = ("openai.azure.com", "cognitiveservices.azure.com", "services.ai.azure.com")
_GITHUB_MODELS_HOST = "models.github.ai"
_PASTED_ROUTES = ("/chat/completions", "/images/embeddings", "/embeddings")
_API_VERSION = "api-version"
_KNOWN_BASE = re.compile(r"(|/models|(/.*)?/v1|/openai/deployments/[^/]+|(/orgs/[^/]+)?/inference)", re.IGNORECASE)


class EndpointKind(str, enum.Enum):
    """The kind of service an endpoint URL addresses."""

    MODEL_INFERENCE = "model_inference"
    """Azure AI Model Inference (Serverless API, Managed Compute, ``/models`` of AI Services)."""
    AZURE_OPENAI_DEPLOYMENT = "azure_openai_deployment"
    """A classic Azure OpenAI deployment route: ``.../openai/deployments/<name>``."""
    OPENAI_V1 = "openai_v1"
    """An OpenAI-style ``.../v1`` route: Azure OpenAI's ``/openai/v1``, OpenAI-compatible servers."""
    GITHUB_MODELS = "github_models"
    """GitHub Models: ``https://models.github.ai/inference`` (or ``.../orgs/<org>/inference``)."""

    @property
    def is_openai_style(self) -> bool:
        """Whether the route follows OpenAI's conventions: no ``api-version`` and no ``/info``."""
        return self in (EndpointKind.OPENAI_V1, EndpointKind.GITHUB_MODELS)


def _split(endpoint: str) -> Optional[SplitResult]:
    try:
        parts = urlsplit(endpoint)
        if not parts.netloc and "://" not in endpoint:  # "host/path" without a scheme
            parts = urlsplit("//" + endpoint)
        return parts
    except ValueError:  # e.g. an unbalanced IPv6 bracket: not a URL we can read
        return None


def classify(endpoint: object) -> EndpointKind:
    """Return the kind of service ``endpoint`` addresses, from its host and path alone (no I/O).

    The query string and trailing slashes are ignored; anything unrecognised is ``MODEL_INFERENCE``,
    the kind the original package was written for.

    :param endpoint: The endpoint URL given to a client.
    :type endpoint: str
    :return: The endpoint kind.
    :rtype: EndpointKind
    """
    parts = _split(without_pasted_route(endpoint)[0]) if isinstance(endpoint, str) else None
    if parts is None:
        return EndpointKind.MODEL_INFERENCE
    path = parts.path.rstrip("/").lower()
    host = (parts.hostname or "").lower()
    if path.endswith("/v1"):
        return EndpointKind.OPENAI_V1
    if host == _GITHUB_MODELS_HOST and path.endswith("/inference"):
        return EndpointKind.GITHUB_MODELS
    if "/openai/deployments/" in path + "/":
        return EndpointKind.AZURE_OPENAI_DEPLOYMENT
    return EndpointKind.MODEL_INFERENCE


def default_api_version(endpoint: object, fallback: str) -> Optional[str]:
    """Return the ``api-version`` to send when the caller gave none.

    :param endpoint: The endpoint URL.
    :type endpoint: str
    :param fallback: The package's default api-version.
    :type fallback: str
    :return: None for OpenAI-style routes (no ``api-version`` is sent), else ``fallback``.
    :rtype: str or None
    """
    return None if classify(endpoint).is_openai_style else fallback


def default_scopes(endpoint: object) -> List[str]:
    """Return the token scopes to request when the caller gave no ``credential_scopes``.

    :param endpoint: The endpoint URL.
    :type endpoint: str
    :return: ``[COGNITIVE_SERVICES_SCOPE]`` for hosts under ``openai.azure.com``,
     ``cognitiveservices.azure.com`` or ``services.ai.azure.com``; else ``[MACHINE_LEARNING_SCOPE]``.
    :rtype: list[str]
    """
    parts = _split(endpoint) if isinstance(endpoint, str) else None
    host = (parts.hostname or "").lower() if parts is not None else ""
    if any(host == suffix or host.endswith("." + suffix) for suffix in _COGNITIVE_SERVICES_HOSTS):
        return [COGNITIVE_SERVICES_SCOPE]
    return [MACHINE_LEARNING_SCOPE]


_NO_INFO_ROUTE = {
    EndpointKind.OPENAI_V1: "This endpoint is an OpenAI-style `/v1` route",
    EndpointKind.GITHUB_MODELS: "This endpoint is GitHub Models' `/inference` route",
}


def require_info_route(endpoint: object, message: str) -> None:
    """Raise at once, with no request sent, when ``endpoint`` is a route known to have no ``/info``.

    The exception is the ``ResourceNotFoundError`` the service's 404 would have produced, so
    ``except ResourceNotFoundError`` clauses and checks of ``status_code == 404`` keep working; it has
    no ``response``.

    :param endpoint: The endpoint URL.
    :type endpoint: str
    :param message: The message of the operation (``get_model_info`` or ``load_client``).
    :type message: str
    :raises ~azure.core.exceptions.ResourceNotFoundError: For OpenAI-style routes.
    """
    kind = classify(endpoint)
    if kind.is_openai_style:
        detail = f"{_NO_INFO_ROUTE[kind]}, which has no `/info`; no request was sent."
        error = ResourceNotFoundError(message=f"{message} {detail}")
        error.status_code, error.reason = 404, "Not Found"  # what 1.0.0b9's callers got from the service's answer
        raise error


def without_pasted_route(endpoint: str) -> Tuple[str, Optional[str]]:
    """Return the endpoint without a pasted operation route and ``api-version``, and that api-version.

    ``https://h/openai/v1/chat/completions`` gives ``("https://h/openai/v1", None)``;
    ``https://h/openai/deployments/d/embeddings?api-version=2024-10-21`` gives
    ``("https://h/openai/deployments/d", "2024-10-21")``. An endpoint with neither is returned as is.

    :param endpoint: The endpoint given to a client.
    :type endpoint: str
    :return: The endpoint to send requests to, and the ``api-version`` its query carried (or None).
    :rtype: tuple[str, str or None]
    """
    parts = _split(endpoint) if isinstance(endpoint, str) and "/" in endpoint else None
    if parts is None or not parts.netloc:
        return endpoint, None
    path = parts.path.rstrip("/")
    route = next((route for route in _PASTED_ROUTES if path.lower().endswith(route)), None)
    if route is not None and not _KNOWN_BASE.fullmatch(path[: len(path) - len(route)]):
        route = None
    query = parse_qsl(parts.query, keep_blank_values=True)
    versions = [value for name, value in query if name.lower() == _API_VERSION]
    if route is None and not versions:
        return endpoint, None
    path = path[: len(path) - len(route)] if route else parts.path
    kept = urlencode([(name, value) for name, value in query if name.lower() != _API_VERSION])
    normalized = urlunsplit((parts.scheme, parts.netloc, path, kept, parts.fragment))
    if "://" not in endpoint:  # "host/path" given without a scheme: keep it that way
        normalized = normalized[2:] if normalized.startswith("//") else normalized
    _LOGGER.debug("Endpoint normalised to %s (removed: route %r, api-version %r).", redacted_url(normalized), route, versions[:1])
    return normalized, (versions[-1] or None) if versions else None
