"""What kind of service an endpoint URL addresses, and what that means for ``api-version``, token
scopes and the ``/info`` route. Pure string inspection of the URL: no request is ever made.

* ``OPENAI_V1``: the path ends in ``/v1`` (Azure OpenAI's ``/openai/v1``, OpenAI-compatible servers);
  ``api-version`` is sent only when given, there is no ``/info``.
* ``GITHUB_MODELS``: host ``models.github.ai``, path ending in ``/inference``; as ``OPENAI_V1``.
* ``AZURE_OPENAI_DEPLOYMENT``: the path contains ``/openai/deployments/<name>``; ``api-version`` is
  sent (default or given), the service has no ``/info`` (it answers 404).
* ``MODEL_INFERENCE``: anything else; ``api-version`` is sent, ``/info`` exists.
"""

from __future__ import annotations

import enum
from typing import List, Optional
from urllib.parse import SplitResult, urlsplit

from azure.core.exceptions import ResourceNotFoundError

__all__ = [
    "COGNITIVE_SERVICES_SCOPE",
    "MACHINE_LEARNING_SCOPE",
    "EndpointKind",
    "classify",
    "default_api_version",
    "default_scopes",
    "require_info_route",
]

MACHINE_LEARNING_SCOPE = "https://ml.azure.com/.default"
"""The original package's default token scope (Serverless API and Managed Compute endpoints)."""
COGNITIVE_SERVICES_SCOPE = "https://cognitiveservices.azure.com/.default"
"""The token scope of Azure OpenAI, Azure AI Services and Azure AI Foundry resources."""

_COGNITIVE_SERVICES_HOSTS = ("openai.azure.com", "cognitiveservices.azure.com", "services.ai.azure.com")
_GITHUB_MODELS_HOST = "models.github.ai"


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
    parts = _split(endpoint) if isinstance(endpoint, str) else None
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
