"""Contract fixtures: one Prism mock per official OpenAPI document, and SDK clients pointed at it.

The documents are read from ``tests/data/spec/openapi``, prepared for Prism
in a temporary folder (``prism_contract_document``), and served by Prism with request validation on.
Prism is found at ``$PRISM_BIN`` or ``tools/prism/node_modules/.bin/prism`` (installed by ``make test``).

Where Prism serves: the documents are Swagger 2.0 with no ``host``/``basePath`` (only
``x-ms-parameterized-host``, which Prism ignores), so the routes are served at the root and the SDK's
endpoint is Prism's base URL itself. Prism also checks the documents' security requirement, either
an ``api-key`` header (``ApiKeyAuth``) or an ``Authorization: Bearer`` header (``OAuth2Auth``), and
the required ``api-version`` query parameter; a request with neither header gets a 401.
The tests skip, saying why, when node or Prism is missing.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, Callable, Dict, Iterator, List, Optional

import pytest
from azure.core.credentials import AccessToken, AzureKeyCredential
from azure.core.exceptions import HttpResponseError
from azure.core.pipeline import PipelineRequest, PipelineResponse

import azure.ai.inference as sdk
from prism_contract_document import prepare_for_prism
from prism_mock_server import PrismServer, why_prism_cannot_run
from tests.paths import OPENAPI_DIR

OPENAPI = OPENAPI_DIR
CONTRACT_VERSIONS = ["2024-05-01-preview", "2025-05-01"]
CONTRACT_KEY = "contract-key"


@pytest.fixture(scope="session")
def prism_for(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Callable[[str], PrismServer]]:
    """``prism_for(version)``: the Prism mock of that document, started on first use, stopped at the end."""
    reason = why_prism_cannot_run()
    if reason is not None:
        pytest.skip(reason)
    servers: Dict[str, PrismServer] = {}

    def server_for(version: str) -> PrismServer:
        if version not in servers:
            official = json.loads((OPENAPI / f"{version}.json").read_text(encoding="utf-8"))
            document = tmp_path_factory.mktemp("openapi") / f"{version}.json"
            document.write_text(json.dumps(prepare_for_prism(official)), encoding="utf-8")
            servers[version] = PrismServer(document)
            servers[version].start()
        return servers[version]

    yield server_for
    for server in servers.values():
        server.stop()


class StaticTokenCredential:
    """A sync TokenCredential returning a fixed token (Prism only checks that a bearer token is sent)."""

    def get_token(self, *scopes: str, **kwargs: Any) -> AccessToken:
        return AccessToken("contract-token", 4102444800)


class ContractCase:
    """Sync SDK clients aimed at one Prism mock; remembers what each call sent and got back."""

    def __init__(self, server: PrismServer, version: str) -> None:
        self.server = server
        self.version = version
        self.sent: List[Dict[str, Any]] = []
        self.statuses: List[int] = []
        self._clients: List[Any] = []

    def record_request(self, request: PipelineRequest) -> None:  # type: ignore[type-arg]
        http_request = request.http_request
        body = http_request.content if hasattr(http_request, "content") else http_request.body
        raw = body
        if hasattr(body, "read"):  # a file-like body: read it, then rewind it for the transport
            position = body.tell()
            raw = body.read()
            body.seek(position)
        self.sent.append(
            {
                "url": http_request.url,
                "headers": dict(http_request.headers),
                "body": json.loads(raw) if raw else None,
            }
        )

    def record_response(self, response: PipelineResponse) -> None:  # type: ignore[type-arg]
        self.statuses.append(response.http_response.status_code)

    def client(self, kind: str, credential: Any = None, **kwargs: Any) -> Any:
        """A ``ChatCompletionsClient`` / ``EmbeddingsClient`` / ``ImageEmbeddingsClient`` for this document."""
        client = getattr(sdk, kind)(
            self.server.url,
            AzureKeyCredential(CONTRACT_KEY) if credential is None else credential,
            api_version=self.version,
            raw_request_hook=self.record_request,
            raw_response_hook=self.record_response,
            **kwargs,
        )
        self._clients.append(client)
        return client

    @property
    def last_body(self) -> Dict[str, Any]:
        """The JSON body of the latest request."""
        body = self.sent[-1]["body"]
        assert isinstance(body, dict)
        return body

    def accepted(self, call: Callable[[], Any]) -> Any:
        """Run an SDK call that Prism must accept; fail with Prism's violations if it does not."""
        try:
            result = call()
        except HttpResponseError as error:
            pytest.fail(f"Prism rejected the request ({error.status_code}):\n{format_violations(error)}")
        assert self.statuses[-1] == 200
        return result

    def violations(self, call: Callable[[], Any]) -> List[Dict[str, Any]]:
        """Run an SDK call that Prism must reject; return its violations."""
        with pytest.raises(HttpResponseError) as raised:
            call()
        assert raised.value.status_code == 422, format_violations(raised.value)
        response: Any = raised.value.response
        violations = response.json()["validation"]
        assert isinstance(violations, list)
        return violations

    def close(self) -> None:
        for client in self._clients:
            client.close()


def format_violations(error: HttpResponseError) -> str:
    """Prism's violation list of a rejected request, one per line."""
    response: Optional[Any] = error.response
    try:
        violations = response.json().get("validation", []) if response is not None else []
    except ValueError:
        return str(error)
    return "\n".join(f"{'.'.join(map(str, v['location']))}: {v['message']}" for v in violations) or str(error)


@pytest.fixture(params=CONTRACT_VERSIONS)
def contract(request: pytest.FixtureRequest, prism_for: Callable[[str], PrismServer]) -> Iterator[ContractCase]:
    """A ``ContractCase`` for each official document version."""
    case = ContractCase(prism_for(str(request.param)), str(request.param))
    yield case
    case.close()


@pytest.fixture
def prism_2025_05_01(prism_for: Callable[[str], PrismServer]) -> str:
    """The base URL of the Prism mock of the 2025-05-01 document."""
    return prism_for("2025-05-01").url
