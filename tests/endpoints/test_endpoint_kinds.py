"""Route awareness without I/O: the endpoint classification table, default api-version and token scopes."""

from __future__ import annotations

import pytest
from azure.core.credentials import AzureKeyCredential
from azure.core.exceptions import ResourceNotFoundError
from hypothesis import given
from hypothesis import strategies as st

from azure.ai.inference._configuration import DEFAULT_API_VERSION, ChatCompletionsClientConfiguration
from azure.ai.inference._sansio import endpoints
from azure.ai.inference._sansio.endpoints import EndpointKind
from azure.ai.inference._sansio.model_info import INFO_NOT_SUPPORTED, LOAD_CLIENT_NOT_SUPPORTED

KEY = AzureKeyCredential("k")
ML = ["https://ml.azure.com/.default"]
COGNITIVE = ["https://cognitiveservices.azure.com/.default"]

CLASSIFICATION = [
    # Azure AI Model Inference and everything unrecognised
    ("https://my-model.eastus2.models.ai.azure.com", EndpointKind.MODEL_INFERENCE),
    ("https://my-resource.services.ai.azure.com/models", EndpointKind.MODEL_INFERENCE),
    ("https://my-resource.services.ai.azure.com/api/models", EndpointKind.MODEL_INFERENCE),
    ("https://models.inference.ai.azure.com", EndpointKind.MODEL_INFERENCE),
    ("http://127.0.0.1:8000", EndpointKind.MODEL_INFERENCE),
    ("http://127.0.0.1:8000/mt/embeddings", EndpointKind.MODEL_INFERENCE),
    ("https://example.com/x?foo=bar", EndpointKind.MODEL_INFERENCE),
    ("https://example.com/v1beta", EndpointKind.MODEL_INFERENCE),
    ("https://example.com/inference", EndpointKind.MODEL_INFERENCE),
    ("", EndpointKind.MODEL_INFERENCE),
    ("not a url", EndpointKind.MODEL_INFERENCE),
    ("http://[::1", EndpointKind.MODEL_INFERENCE),
    # classic Azure OpenAI deployments
    ("https://my-aoai.openai.azure.com/openai/deployments/gpt-4o", EndpointKind.AZURE_OPENAI_DEPLOYMENT),
    ("https://my-aoai.openai.azure.com/openai/deployments/gpt-4o/", EndpointKind.AZURE_OPENAI_DEPLOYMENT),
    ("http://127.0.0.1:8000/openai/deployments/d", EndpointKind.AZURE_OPENAI_DEPLOYMENT),
    # OpenAI-style /v1 routes
    ("https://my-aoai.openai.azure.com/openai/v1", EndpointKind.OPENAI_V1),
    ("https://my-aoai.openai.azure.com/openai/v1/", EndpointKind.OPENAI_V1),
    ("https://my-resource.services.ai.azure.com/openai/v1", EndpointKind.OPENAI_V1),
    ("https://my-resource.cognitiveservices.azure.com/openai/v1?api-version=preview", EndpointKind.OPENAI_V1),
    ("http://localhost:8000/v1", EndpointKind.OPENAI_V1),
    ("http://localhost:11434/V1/", EndpointKind.OPENAI_V1),
    ("localhost:8080/v1", EndpointKind.OPENAI_V1),
    ("https://api.openai.com/v1", EndpointKind.OPENAI_V1),
    # GitHub Models
    ("https://models.github.ai/inference", EndpointKind.GITHUB_MODELS),
    ("https://models.github.ai/inference/", EndpointKind.GITHUB_MODELS),
    ("https://MODELS.GITHUB.AI/inference", EndpointKind.GITHUB_MODELS),
    ("https://models.github.ai/orgs/contoso/inference", EndpointKind.GITHUB_MODELS),
]


@pytest.mark.parametrize("endpoint, kind", CLASSIFICATION)
def test_classify_endpoint(endpoint, kind):
    assert endpoints.classify(endpoint) is kind


@pytest.mark.parametrize("value", [None, 42, b"https://models.github.ai/inference"])
def test_classify_non_string_is_model_inference(value):
    assert endpoints.classify(value) is EndpointKind.MODEL_INFERENCE


@pytest.mark.parametrize(
    "kind, openai_style",
    [
        (EndpointKind.MODEL_INFERENCE, False),
        (EndpointKind.AZURE_OPENAI_DEPLOYMENT, False),
        (EndpointKind.OPENAI_V1, True),
        (EndpointKind.GITHUB_MODELS, True),
    ],
)
def test_openai_style_kinds(kind, openai_style):
    assert kind.is_openai_style is openai_style


@pytest.mark.parametrize(
    "endpoint, expected",
    [
        ("https://m.eastus2.models.ai.azure.com", DEFAULT_API_VERSION),
        ("https://a.openai.azure.com/openai/deployments/gpt", DEFAULT_API_VERSION),
        ("https://a.openai.azure.com/openai/v1", None),
        ("https://models.github.ai/inference", None),
        ("http://localhost:8000/v1", None),
    ],
)
def test_default_api_version_by_route(endpoint, expected):
    assert endpoints.default_api_version(endpoint, DEFAULT_API_VERSION) == expected


SCOPES = [
    ("https://my-aoai.openai.azure.com/openai/v1", COGNITIVE),
    ("https://my-aoai.openai.azure.com/openai/deployments/gpt-4o", COGNITIVE),
    ("https://my-res.cognitiveservices.azure.com/openai/v1", COGNITIVE),
    ("https://my-res.services.ai.azure.com/models", COGNITIVE),
    ("https://my-res.services.ai.azure.com/api/projects/p", COGNITIVE),
    ("https://MY-RES.SERVICES.AI.AZURE.COM/models", COGNITIVE),
    ("https://my-model.eastus2.models.ai.azure.com", ML),
    ("https://my-endpoint.eastus2.inference.ml.azure.com", ML),
    ("https://models.github.ai/inference", ML),
    ("https://openai.azure.com.evil.example/openai/v1", ML),
    ("https://notopenai.azure.com/openai/v1", ML),
    ("http://127.0.0.1:8000", ML),
    ("", ML),
]


@pytest.mark.parametrize("endpoint, scopes", SCOPES)
def test_default_scopes_follow_host(endpoint, scopes):
    assert endpoints.default_scopes(endpoint) == scopes


def test_configuration_omits_api_version_on_openai_route():
    config = ChatCompletionsClientConfiguration("https://a.openai.azure.com/openai/v1", KEY)
    assert config.api_version is None


def test_configuration_keeps_explicit_api_version_on_openai_route():
    config = ChatCompletionsClientConfiguration("http://localhost/v1", KEY, api_version="preview")
    assert config.api_version == "preview"


def test_configuration_defaults_api_version_on_model_inference_route():
    config = ChatCompletionsClientConfiguration("https://m.models.ai.azure.com", KEY)
    assert config.api_version == DEFAULT_API_VERSION


def test_configuration_scopes_follow_host_by_default():
    config = ChatCompletionsClientConfiguration("https://a.openai.azure.com/openai/v1", KEY)
    assert config.credential_scopes == COGNITIVE


def test_configuration_explicit_scopes_win():
    config = ChatCompletionsClientConfiguration(
        "https://a.openai.azure.com/openai/v1", KEY, credential_scopes=["https://example/.default"]
    )
    assert config.credential_scopes == ["https://example/.default"]


@pytest.mark.parametrize(
    "endpoint, detail",
    [
        ("http://localhost/v1", "This endpoint is an OpenAI-style `/v1` route"),
        ("https://models.github.ai/inference", "This endpoint is GitHub Models' `/inference` route"),
    ],
)
@pytest.mark.parametrize("message", [INFO_NOT_SUPPORTED, LOAD_CLIENT_NOT_SUPPORTED])
def test_require_info_route_raises_resource_not_found(endpoint, detail, message):
    with pytest.raises(ResourceNotFoundError) as caught:
        endpoints.require_info_route(endpoint, message)
    expected = f"{message} {detail}, which has no `/info`; no request was sent."
    assert (caught.value.message, str(caught.value)) == (expected, expected)
    assert (caught.value.response, caught.value.status_code, caught.value.reason) == (None, 404, "Not Found")


@pytest.mark.parametrize(
    "endpoint", ["https://m.models.ai.azure.com", "https://a.openai.azure.com/openai/deployments/gpt", ""]
)
def test_require_info_route_accepts_other_routes(endpoint):
    endpoints.require_info_route(endpoint, INFO_NOT_SUPPORTED)  # returns without raising
    assert endpoints.classify(endpoint).is_openai_style is False


@given(st.text())
def test_classify_and_scopes_accept_any_text(endpoint):
    assert isinstance(endpoints.classify(endpoint), EndpointKind)
    assert endpoints.default_scopes(endpoint) in (ML, COGNITIVE)


@given(
    st.sampled_from(["http", "https"]),
    st.from_regex(r"[a-z0-9-]{1,20}(\.[a-z0-9-]{1,20}){0,3}", fullmatch=True),
    st.sampled_from(["/v1", "/openai/v1", "/v1/", "/openai/v1?api-version=preview"]),
)
def test_any_host_with_a_v1_path_is_openai_style(scheme, host, path):
    assert endpoints.classify(f"{scheme}://{host}{path}") is EndpointKind.OPENAI_V1
