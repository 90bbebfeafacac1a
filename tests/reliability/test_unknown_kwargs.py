"""Keyword arguments: unknown ones raise a clear ``TypeError`` before any I/O per call and are accepted by
the constructors (as in 1.0.0b9); other SDKs' keywords get the right advice; every option azure-core's
pipeline understands still works (a table per operation and for the constructors), sync and aio."""

from __future__ import annotations

import functools
import logging
from typing import Any, Callable, Dict, List, NamedTuple

import pytest
from azure.core.credentials import AzureKeyCredential
from azure.core.exceptions import HttpResponseError
from azure.core.pipeline.policies import HeadersPolicy, SansIOHTTPPolicy

import azure.ai.inference as sync_package
import azure.ai.inference.aio as aio_package
from azure.ai.inference.models import ChatCompletions, ImageEmbeddingInput, UserMessage

from tests.emulator import Reply
from tests.flavors import EMULATOR_KEY, ClientFactory, close_stream, collect, resolve

QUESTION = [UserMessage("What is the capital of France?")]
PNG_DATA_URL = "data:image/png;base64,iVBORw0KGgo="


async def _call(clients: ClientFactory, operation: str, **kwargs: Any) -> Any:
    """Run ``operation`` ('complete', 'stream', 'embed', 'image_embed', 'get_model_info') with ``kwargs``."""
    if operation == "complete":
        return await resolve(clients.chat().complete(messages=QUESTION, **kwargs))
    if operation == "stream":
        return await collect(await resolve(clients.chat().complete(messages=QUESTION, stream=True, **kwargs)))
    if operation == "embed":
        return await resolve(clients.embeddings().embed(input=["hello"], **kwargs))
    if operation == "image_embed":
        return await resolve(clients.image_embeddings().embed(input=[ImageEmbeddingInput(image=PNG_DATA_URL)], **kwargs))
    return await resolve(clients.chat().get_model_info(**kwargs))


OPERATIONS = ["complete", "stream", "embed", "image_embed", "get_model_info"]
METHOD_NAMES = {"complete": "complete", "stream": "complete", "embed": "embed", "image_embed": "embed"}


# --- unknown keyword arguments -------------------------------------------------------------------


@pytest.mark.parametrize("operation", OPERATIONS)
async def test_unknown_call_keyword_raises_type_error_before_any_io(clients, emulator, operation):
    with pytest.raises(TypeError) as raised:
        await _call(clients, operation, frobnicate=1)
    message = str(raised.value)
    method = METHOD_NAMES.get(operation, "get_model_info")
    assert message.startswith(f"{method}() got an unexpected keyword argument 'frobnicate'.")
    assert ("model_extras={'frobnicate': ...}" in message) is (operation != "get_model_info")
    assert emulator.requests == []


FACTORIES = {"chat": "ChatCompletionsClient", "embeddings": "EmbeddingsClient", "image_embeddings": "ImageEmbeddingsClient"}


@pytest.mark.parametrize("factory", list(FACTORIES))
async def test_unknown_constructor_keywords_are_accepted_silently_and_logged(clients, emulator, caplog, factory):
    """B1.9: as in 1.0.0b9, unknown constructor keywords reach azure-core, which ignores them."""
    caplog.set_level(logging.DEBUG, logger="azure.ai.inference")
    getattr(clients, factory)(azure_ai_chat_endpoint="https://elsewhere", frobnicate=1, api_verison="x")
    records = [r.getMessage() for r in caplog.records if r.name == "azure.ai.inference._sansio.options"]
    assert records == [
        f"{FACTORIES[factory]}: keyword arguments passed on to azure-core unused: 'azure_ai_chat_endpoint', "
        "'frobnicate', 'api_verison' (did you mean 'api_version'?)"
    ]
    assert emulator.requests == []


@pytest.mark.parametrize("operation", OPERATIONS)
async def test_unknown_constructor_keywords_do_not_reach_the_requests(clients, emulator, operation):
    """Nothing forwarded to azure-core breaks a call (requests raises TypeError for a foreign request option)."""
    settings = {"azure_ai_chat_endpoint": "https://elsewhere", "azure_ai_chat_key": "k", "loop_forever": True}
    for factory in FACTORIES:
        setattr(clients, factory, functools.partial(getattr(clients, factory), **settings))
    result = await _call(clients, operation)
    assert _is_success(operation, result)
    assert len(emulator.requests) == 1


async def test_load_client_accepts_unknown_keywords(clients, emulator):
    client = await clients.load_client(frobnicate=1, temperature=0.25)
    result = await resolve(client.complete(messages=QUESTION))
    assert (type(client).__name__, emulator.last_request.json()["temperature"]) == ("ChatCompletionsClient", 0.25)
    assert "Paris" in result.choices[0].message.content
    assert [request.path for request in emulator.requests] == ["/info", "/chat/completions"]


FOREIGN_CONSTRUCTOR_KEYWORDS = [
    ("api_key", "credential=AzureKeyCredential(<key>)"),
    ("azure_endpoint", "endpoint=<url>"),
    ("max_retries", "retry_total=<number of retries>"),
    ("default_headers", "headers={...}"),
    ("extra_headers", "headers={...}"),
    ("default_query", "params={...}"),
    ("extra_body", "model_extras=<the same dict>"),
    ("azure_ad_token_provider", "TokenCredential"),
    ("http_client", "transport=<transport>"),
]


@pytest.mark.parametrize("factory", list(FACTORIES))
@pytest.mark.parametrize(("name", "advice"), FOREIGN_CONSTRUCTOR_KEYWORDS)
def test_another_sdks_constructor_keyword_warns_with_the_right_advice(flavor, emulator, factory, name, advice):
    package = aio_package if flavor == "aio" else sync_package
    with pytest.warns(UserWarning) as warned:
        client = getattr(package, FACTORIES[factory])(emulator.url, AzureKeyCredential(EMULATOR_KEY), **{name: "sk-x1"})
    message = str(warned[0].message)
    assert len(warned) == 1
    assert message.startswith(f"{FACTORIES[factory]}() does not use the keyword argument '{name}' (it belongs to another SDK): ")
    assert advice in message and "sk-x1" not in message
    assert warned[0].filename == __file__  # the warning points at the caller's line, not into the package
    assert client._config.endpoint == emulator.url and emulator.requests == []


@pytest.mark.parametrize("factory", list(FACTORIES))
def test_base_url_in_a_constructor_raises_with_the_right_advice(flavor, factory):
    """azure-core's PipelineClient takes ``base_url`` from the client itself (1.0.0b9 failed there too)."""
    package = aio_package if flavor == "aio" else sync_package
    with pytest.raises(TypeError) as raised:
        getattr(package, FACTORIES[factory])("https://x.example", AzureKeyCredential("k"), base_url="https://y.example")
    assert str(raised.value) == (
        f"{FACTORIES[factory]}.__init__() got an unexpected keyword argument 'base_url'. It belongs to another SDK: "
        "pass the URL as the endpoint (the first argument, endpoint=<url>)."
    )


async def test_load_client_warns_once_for_another_sdks_keyword(flavor, emulator):
    package = aio_package if flavor == "aio" else sync_package
    with pytest.warns(UserWarning, match="'max_retries'.*retry_total") as warned:
        called = package.load_client(emulator.url, AzureKeyCredential(EMULATOR_KEY), max_retries=2)
        client = await called if flavor == "aio" else called  # awaited here: this line is the caller
    await resolve(client.close())
    assert (len(warned), warned[0].filename) == (1, __file__)
    assert [request.path for request in emulator.requests] == ["/info"]


FOREIGN_CALL_KEYWORDS = [
    ("extra_body", "pass the dict itself as model_extras=<the same dict>"),
    ("extra_headers", "headers={...}"),
    ("extra_query", "params={...}"),
    ("max_retries", "retry_total=<number of retries>"),
    ("api_key", "credential=AzureKeyCredential(<key>)"),
    ("base_url", "endpoint=<url>"),
    ("request_timeout", "timeout=<seconds>"),
]


@pytest.mark.parametrize("operation", ["complete", "stream", "embed"])
@pytest.mark.parametrize(("name", "advice"), FOREIGN_CALL_KEYWORDS)
async def test_another_sdks_call_keyword_raises_with_the_right_advice(clients, emulator, operation, name, advice):
    with pytest.raises(TypeError) as raised:
        await _call(clients, operation, **{name: {"top_k": 5}})
    message = str(raised.value)
    assert message.startswith(f"{METHOD_NAMES[operation]}() got an unexpected keyword argument '{name}'. It belongs to another SDK: ")
    assert advice in message
    assert f"model_extras={{'{name}'" not in message  # following the hint must not send a field named like the keyword
    assert emulator.requests == []


async def test_extra_body_advice_gives_the_request_openai_python_would_send(clients, emulator):
    """The hint for ``extra_body={...}`` is ``model_extras=<the same dict>``: its entries become body fields."""
    await resolve(clients.chat().complete(messages=QUESTION, model_extras={"top_k": 5}))
    body = emulator.last_request.json()
    assert (body["top_k"], "extra_body" in body) == (5, False)
    assert emulator.last_request.header("extra-parameters") == "pass-through"


@pytest.mark.parametrize(
    ("operation", "typo", "suggestion"),
    [
        ("complete", "temprature", "temperature"),
        ("complete", "retry_totl", "retry_total"),
        ("complete", "raw_response_hok", "raw_response_hook"),
        ("embed", "dimension", "dimensions"),
        ("get_model_info", "header", "headers"),
    ],
)
async def test_misspelt_keyword_gets_a_suggestion(clients, operation, typo, suggestion):
    with pytest.raises(TypeError, match=f"'{typo}'. Did you mean '{suggestion}'\\?"):
        await _call(clients, operation, **{typo: 1})


@pytest.mark.parametrize("operation", OPERATIONS)
async def test_cls_is_rejected_with_a_pointer_to_raw_response_hook(clients, emulator, operation):
    with pytest.raises(TypeError, match="'cls' is not supported; .*raw_response_hook"):
        await _call(clients, operation, cls=lambda *args: args)
    assert emulator.requests == []


@pytest.mark.parametrize(
    ("name", "hint"),
    [("tracing_attributes", "tracing_options={'attributes': {...}}"), ("network_span_namer", "constructor option")],
)
async def test_tracing_constructor_options_are_rejected_per_call_with_a_hint(clients, emulator, name, hint):
    with pytest.raises(TypeError) as raised:
        await _call(clients, "complete", **{name: {}})
    assert f"'{name}'" in str(raised.value) and hint in str(raised.value)
    assert emulator.requests == []


@pytest.mark.parametrize("operation", ["embed", "image_embed"])
async def test_embed_rejects_stream(clients, emulator, operation):
    """B6.6 (changed, see CHANGELOG): ``embed(stream=True)`` raises TypeError instead of returning raw bytes."""
    with pytest.raises(TypeError, match="embed\\(\\) got an unexpected keyword argument 'stream'"):
        await _call(clients, operation, stream=True)
    assert emulator.requests == []


async def test_type_error_never_shows_the_value(clients):
    with pytest.raises(TypeError) as raised:
        await _call(clients, "complete", api_key="sk-do-not-print-me")
    assert "'api_key'" in str(raised.value)
    assert "sk-do-not-print-me" not in str(raised.value)


# --- load_client: call defaults of the other client kinds are dropped ----------------------------


async def test_load_client_passes_embeddings_defaults_to_an_embeddings_client(clients, emulator):
    client = await clients.load_client(endpoint=f"{emulator.url}/mt/embeddings", dimensions=3, temperature=0.5)
    await resolve(client.embed(input=["hello"]))
    assert type(client).__name__ == "EmbeddingsClient"
    assert emulator.last_request.json()["dimensions"] == 3
    assert "temperature" not in emulator.last_request.json()


async def test_load_client_passes_chat_defaults_to_a_chat_client(clients, emulator):
    client = await clients.load_client(dimensions=3, temperature=0.5)
    await resolve(client.complete(messages=QUESTION))
    assert type(client).__name__ == "ChatCompletionsClient"
    assert emulator.last_request.json()["temperature"] == 0.5
    assert "dimensions" not in emulator.last_request.json()


# --- known per-call keyword arguments --------------------------------------------------------------


class Observed(NamedTuple):
    """What a call left behind: the requests the emulator received, hook calls and log records."""

    requests: List[Any]
    calls: List[Any]
    records: List[logging.LogRecord]

    @property
    def request(self) -> Any:
        return self.requests[-1]


Case = Callable[[List[Any]], Dict[str, Any]]


def _hooked(name: str) -> Case:
    return lambda calls: {name: calls.append}


CALL_OPTIONS: List[Any] = [
    ("headers", lambda calls: {"headers": {"x-custom": "1"}}, lambda o: o.request.header("x-custom") == "1"),
    ("params", lambda calls: {"params": {"extra": "v"}}, lambda o: o.request.query_value("extra") == "v"),
    (
        "request_id",
        lambda calls: {"request_id": "req-42"},
        lambda o: o.request.header("x-ms-client-request-id") == "req-42",
    ),
    (
        "user_agent",
        lambda calls: {"user_agent": "reliability-test/1.0"},
        lambda o: o.request.header("user-agent").startswith("reliability-test/1.0 azsdk-python-ai-inference/"),
    ),
    (
        "user_agent_overwrite",
        lambda calls: {"user_agent": "only-me", "user_agent_overwrite": True},
        lambda o: o.request.header("user-agent") == "only-me",
    ),
    ("raw_request_hook", _hooked("raw_request_hook"), lambda o: [c.http_request.method for c in o.calls] == [o.request.method]),
    ("raw_response_hook", _hooked("raw_response_hook"), lambda o: [c.http_response.status_code for c in o.calls] == [200]),
    (
        "logging_enable",
        lambda calls: {"logging_enable": True},
        lambda o: any(r.name == "azure.core.pipeline.policies._universal" and "Request URL" in r.getMessage() for r in o.records),
    ),
    (
        "logger",
        lambda calls: {"logger": logging.getLogger("tests.reliability.custom")},
        lambda o: any(r.name == "tests.reliability.custom" and "Request URL" in r.getMessage() for r in o.records),
    ),
    (
        "http_logging_level",
        lambda calls: {"http_logging_level": logging.WARNING},
        lambda o: any(r.levelno == logging.WARNING and "Request URL" in r.getMessage() for r in o.records),
    ),
    ("retry_options", lambda calls: {"retry_total": 2, "retry_connect": 1, "retry_read": 1, "retry_status": 1}, None),
    ("retry_backoff", lambda calls: {"retry_backoff_factor": 0.1, "retry_backoff_max": 1}, None),
    ("retry_on_methods", lambda calls: {"retry_on_methods": ["GET"]}, None),
    ("timeouts", lambda calls: {"connection_timeout": 30, "read_timeout": 30, "timeout": 60}, None),
    ("connection_options", lambda calls: {"connection_verify": False, "connection_cert": None, "proxies": {}}, None),
    ("redirects", lambda calls: {"permit_redirects": False, "redirect_max": 1}, None),
    ("credential_options", lambda calls: {"enforce_https": False, "enable_cae": False}, None),
    ("tracing_options", lambda calls: {"tracing_options": {"enabled": False, "attributes": {"a": "b"}}}, None),
]


def _effect(operation: str, check: Any) -> Callable[[Observed, Any], bool]:
    if check is not None:
        return lambda observed, result: bool(check(observed))
    return lambda observed, result: _is_success(operation, result) and len(observed.requests) == 1


def _is_success(operation: str, result: Any) -> bool:
    if operation == "complete":
        return isinstance(result, ChatCompletions) and "Paris" in result.choices[0].message.content
    if operation == "stream":
        return "Paris" in "".join(u.choices[0].delta.content or "" for u in result if u.choices)
    if operation in ("embed", "image_embed"):
        return len(result.data) == 1
    return bool(result.model_name == "emulator-model")


@pytest.mark.parametrize("operation", OPERATIONS)
@pytest.mark.parametrize(("name", "make_kwargs", "check"), CALL_OPTIONS, ids=[case[0] for case in CALL_OPTIONS])
async def test_known_call_option_passes_through(clients, emulator, caplog, operation, name, make_kwargs, check):
    caplog.set_level(logging.DEBUG)
    calls: List[Any] = []
    result = await _call(clients, operation, **make_kwargs(calls))
    observed = Observed(emulator.requests, calls, caplog.records)
    assert _is_success(operation, result)
    assert _effect(operation, check)(observed, result)


async def test_error_map_maps_a_status_to_the_callers_exception(clients, emulator):
    class TeapotError(HttpResponseError):
        pass

    emulator.script(Reply(418, json={"error": {"code": "teapot", "message": "short and stout"}}))
    with pytest.raises(TeapotError) as raised:
        await _call(clients, "complete", error_map={418: TeapotError})
    assert raised.value.status_code == 418


async def test_content_type_passes_through_with_a_body(clients, emulator):
    body = b'{"messages": [{"role": "user", "content": "What is the capital of France?"}]}'
    result = await resolve(clients.chat().complete(body, content_type="application/json; charset=utf-8"))
    assert "Paris" in result.choices[0].message.content
    assert emulator.last_request.header("content-type") == "application/json; charset=utf-8"


# --- known constructor keyword arguments -----------------------------------------------------------


class AddHeader(SansIOHTTPPolicy):  # type: ignore[type-arg]
    """Adds one header to every request."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.name = name

    def on_request(self, request: Any) -> None:
        request.http_request.headers[self.name] = "1"


def _transport(clients: ClientFactory) -> Any:
    if clients.is_async:
        from azure.core.pipeline.transport import AioHttpTransport

        return AioHttpTransport()
    from azure.core.pipeline.transport import RequestsTransport

    return RequestsTransport()


CLIENT_OPTIONS: List[Any] = [
    ("api_version", lambda c: {"api_version": "2024-08-01-preview"}, lambda o, cl: o.request.query_value("api-version") == "2024-08-01-preview"),
    ("headers", lambda c: {"headers": {"x-client": "c"}}, lambda o, cl: o.request.header("x-client") == "c"),
    ("user_agent", lambda c: {"user_agent": "ua-test"}, lambda o, cl: o.request.header("user-agent").startswith("ua-test ")),
    ("sdk_moniker", lambda c: {"sdk_moniker": "custom/1"}, lambda o, cl: "azsdk-python-custom/1" in o.request.header("user-agent")),
    (
        "logging_enable",
        lambda c: {"logging_enable": True},
        lambda o, cl: any("Request URL" in r.getMessage() and r.levelno == logging.DEBUG for r in o.records),
    ),
    ("auto_request_id", lambda c: {"auto_request_id": False}, lambda o, cl: o.request.header("x-ms-client-request-id") is None),
    ("request_id_header_name", lambda c: {"request_id_header_name": "x-rid"}, lambda o, cl: o.request.header("x-rid") is not None),
    ("per_call_policies", lambda c: {"per_call_policies": [AddHeader("x-per-call")]}, lambda o, cl: o.request.header("x-per-call") == "1"),
    ("per_retry_policies", lambda c: {"per_retry_policies": [AddHeader("x-per-retry")]}, lambda o, cl: o.request.header("x-per-retry") == "1"),
    (
        "policies",
        lambda c: {"policies": [HeadersPolicy(headers={"api-key": EMULATOR_KEY, "x-only": "1"})]},
        lambda o, cl: o.request.header("x-only") == "1" and o.request.header("authorization") is None,
    ),
    (
        "timeouts",
        lambda c: {"connection_timeout": 7, "read_timeout": 9},
        lambda o, cl: (cl._client._pipeline._transport.connection_config.timeout, cl._client._pipeline._transport.connection_config.read_timeout) == (7, 9),
    ),
    ("credential_scopes", lambda c: {"credential_scopes": ["s/.default"]}, lambda o, cl: cl._config.credential_scopes == ["s/.default"]),
    ("polling_interval", lambda c: {"polling_interval": 5}, lambda o, cl: cl._config.polling_interval == 5),
    ("raw_request_hook", lambda c: {"raw_request_hook": c.append}, lambda o, cl: len(o.calls) == 1),
    ("transport", lambda c: {"transport": c.transport}, None),
    (
        "retry_options",
        lambda c: {"retry_total": 3, "retry_backoff_factor": 0.1, "retry_backoff_max": 2, "retry_mode": "fixed", "retry_on_status_codes": [418], "timeout": 30},
        None,
    ),
    ("connection_options", lambda c: {"connection_verify": False, "connection_data_block_size": 1024, "use_env_settings": False}, None),
    ("redirect_options", lambda c: {"permit_redirects": True, "redirect_max": 3, "redirect_remove_headers": ["x"], "redirect_on_status_codes": [307]}, None),
    ("logging_options", lambda c: {"logger": logging.getLogger("x"), "http_logging_level": logging.DEBUG, "additional_allowed_query_params": ["a"]}, None),
    ("cleanup_options", lambda c: {"blocked_redirect_headers": ["x"], "disable_redirect_cleanup": True, "user_agent_use_env": False}, None),
    ("tracing_options", lambda c: {"tracing_attributes": {"a": "b"}, "network_span_namer": lambda request: "n"}, None),
]


class _Calls(list):  # type: ignore[type-arg]
    """Hook calls, with a spare transport for the ``transport`` case."""

    transport: Any = None


@pytest.mark.parametrize(("name", "make_kwargs", "check"), CLIENT_OPTIONS, ids=[case[0] for case in CLIENT_OPTIONS])
async def test_known_constructor_option_is_accepted(clients, emulator, caplog, name, make_kwargs, check):
    caplog.set_level(logging.DEBUG)
    calls = _Calls()
    calls.transport = _transport(clients)
    chat = clients.chat(**make_kwargs(calls))
    result = await resolve(chat.complete(messages=QUESTION))
    observed = Observed(emulator.requests, calls, caplog.records)
    assert isinstance(result, ChatCompletions) and "Paris" in result.choices[0].message.content
    assert check is None or check(observed, chat)


async def test_known_options_reach_the_emulator_for_a_stream_that_is_closed_early(clients, emulator):
    stream = await resolve(clients.chat().complete(messages=QUESTION, stream=True, headers={"x-s": "1"}, read_timeout=30))
    await close_stream(stream)
    assert emulator.last_request.header("x-s") == "1"


async def test_output_type_is_not_a_keyword_argument_of_complete(clients, emulator):
    """``output_type`` is internal (derived from ``response_format``): passing it is an unknown argument."""
    with pytest.raises(TypeError, match="output_type"):
        await resolve(clients.chat().complete(messages=[UserMessage("x")], output_type=dict))
    assert emulator.requests == []
