"""The emulated Azure AI Model Inference service: auth, routing, ``api-version``, dispatch to routes."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Dict, FrozenSet, Optional

from .recorder import RecordedRequest
from .routes import errors
from .routes.chat import complete_chat
from .routes.embeddings import embed_images, embed_texts
from .routes.info import model_info
from .routing import (
    CHAT_COMPLETIONS,
    EMBEDDINGS,
    IMAGE_EMBEDDINGS,
    INFO,
    OPERATION_METHODS,
    ApiStyle,
    RouteMatch,
    match_route,
)
from .script import Reply


@dataclass(frozen=True)
class ServiceSettings:
    """What the emulated deployment is: its key, accepted bearer tokens and model."""

    api_key: Optional[str] = "emulator-key"
    accepted_tokens: FrozenSet[str] = field(default_factory=frozenset)
    model_name: str = "emulator-model"
    model_type: str = "chat-completion"
    model_provider_name: str = "Emulator"


class EmulatedService:
    """Computes the reply of the emulated service to one request (no I/O, thread-safe)."""

    def __init__(self, settings: ServiceSettings) -> None:
        self.settings = settings
        self._operations: Dict[str, Callable[[RecordedRequest, RouteMatch], Reply]] = {
            CHAT_COMPLETIONS: lambda request, match: complete_chat(request, settings.model_name, match.style),
            EMBEDDINGS: lambda request, _: embed_texts(request, settings.model_name),
            IMAGE_EMBEDDINGS: lambda request, _: embed_images(request, settings.model_name),
            INFO: self._model_info,
        }

    def respond(self, request: RecordedRequest) -> Reply:
        """The reply to ``request``; emulator bugs become a 500 reply naming the exception."""
        try:
            return self._respond(request)
        except errors.ServiceError as error:
            return error.reply
        except Exception as error:  # noqa: BLE001 - report any emulator bug to the client
            return errors.internal_error(error)

    def is_authorized(self, request: RecordedRequest) -> bool:
        """``api-key: <key>``, ``Authorization: Bearer <key>`` or a bearer token from ``accepted_tokens``."""
        key = self.settings.api_key
        if key is None:
            return True
        authorization = request.header("authorization") or ""
        scheme, _, token = authorization.partition(" ")
        bearer = token.strip() if scheme.lower() == "bearer" else None
        return request.header("api-key") == key or bearer == key or bearer in self.settings.accepted_tokens

    def _respond(self, request: RecordedRequest) -> Reply:
        if not self.is_authorized(request):
            return errors.unauthorized()
        match = match_route(request.path)
        if match.operation is None and match.style is ApiStyle.MODEL_INFERENCE:
            return errors.model_route_not_found()
        if match.operation is None:
            return errors.resource_not_found()
        allowed = OPERATION_METHODS[match.operation]
        if request.method != allowed:
            return errors.method_not_allowed(request.method, request.path, allowed)
        if match.style.requires_api_version and not request.query_value("api-version"):
            return errors.missing_api_version()
        return self._operations[match.operation](request, match)

    def _model_info(self, _: RecordedRequest, match: RouteMatch) -> Reply:
        settings = self.settings
        model_type = settings.model_type if match.model_type is None else match.model_type
        return model_info(settings.model_name, model_type, settings.model_provider_name)
