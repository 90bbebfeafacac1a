"""The clients' default retry policy against the emulator, sync and aio: which replies and errors are
retried, how many attempts are made and how long each wait is (recorded, never slept)."""

from __future__ import annotations

from typing import Any, AsyncIterator

import pytest
from azure.core.exceptions import (
    ClientAuthenticationError,
    HttpResponseError,
    ResourceExistsError,
    ResourceNotFoundError,
    ServiceRequestError,
    ServiceResponseError,
)
from azure.core.pipeline.policies import AsyncRetryPolicy, RetryPolicy

from azure.ai.inference._retry import AsyncInferenceRetryPolicy, InferenceRetryPolicy
from azure.ai.inference.models import ChatCompletions, UserMessage

from tests.emulator import Fault, Reply
from tests.flavors import collect, resolve

QUESTION = [UserMessage("What is the capital of France?")]


async def _complete(chat: Any, **kwargs: Any) -> Any:
    return await resolve(chat.complete(messages=QUESTION, **kwargs))


async def test_default_retry_policy_is_the_inference_policy(clients):
    policy = clients.chat()._config.retry_policy
    expected = AsyncInferenceRetryPolicy if clients.is_async else InferenceRetryPolicy
    assert type(policy) is expected
    assert (policy.total_retries, policy.status_retries, policy.backoff_factor, policy.RETRY_AFTER_MAX) == (
        10,
        3,
        0.8,
        60.0,
    )


@pytest.mark.parametrize("status", [408, 409, 429, 500, 502, 503, 504])
async def test_complete_retries_transient_status_then_returns_the_result(clients, emulator, record_waits, status):
    chat = clients.chat()
    waits = record_waits(chat)
    emulator.script(Reply(status, json={"error": {"code": str(status), "message": "busy"}}))
    result = await _complete(chat)
    assert isinstance(result, ChatCompletions)
    assert "Paris" in result.choices[0].message.content
    assert [request.path for request in emulator.requests] == ["/chat/completions"] * 2
    assert waits == [pytest.approx(0.4)]


@pytest.mark.parametrize(
    ("status", "error_class"),
    [(400, HttpResponseError), (401, ClientAuthenticationError), (404, ResourceNotFoundError), (422, HttpResponseError)],
)
async def test_complete_does_not_retry_other_statuses(clients, emulator, record_waits, status, error_class):
    chat = clients.chat()
    waits = record_waits(chat)
    emulator.script(Reply(status, json={"error": {"code": str(status), "message": "no"}}))
    with pytest.raises(error_class) as raised:
        await _complete(chat)
    assert raised.value.status_code == status
    assert (len(emulator.requests), waits) == (1, [])


async def test_complete_gives_up_after_four_attempts_with_growing_jittered_waits(clients, emulator, record_waits):
    chat = clients.chat()
    waits = record_waits(chat)
    emulator.script(*[Reply(503, json={"error": {"code": "503", "message": "busy"}})] * 5)
    with pytest.raises(HttpResponseError) as raised:
        await _complete(chat)
    assert raised.value.status_code == 503
    assert len(emulator.requests) == 4
    assert waits == [pytest.approx(0.4), pytest.approx(0.8), pytest.approx(1.6)]
    assert emulator.pending_replies == 1


async def test_backoff_is_full_jitter_of_the_drawn_fraction(clients, emulator, record_waits):
    chat = clients.chat()
    waits = record_waits(chat, fraction=0.25)
    emulator.script(Reply(500), Reply(500))
    await _complete(chat)
    assert waits == [pytest.approx(0.2), pytest.approx(0.4)]


async def test_conflict_is_retried_then_raises_resource_exists(clients, emulator, record_waits):
    chat = clients.chat()
    record_waits(chat)
    emulator.script(*[Reply(409, json={"error": {"code": "409", "message": "conflict"}})] * 4)
    with pytest.raises(ResourceExistsError):
        await _complete(chat)
    assert len(emulator.requests) == 4


@pytest.mark.parametrize(
    ("headers", "expected_wait"),
    [
        ({"Retry-After": "7"}, 7.0),
        ({"retry-after-ms": "1500"}, 1.5),
        ({"x-ms-retry-after-ms": "250"}, 0.25),
        ({"Retry-After": "2", "retry-after-ms": "1800"}, 1.8),
        ({"Retry-After": "60"}, 60.0),
    ],
)
async def test_retry_after_headers_set_the_wait(clients, emulator, record_waits, headers, expected_wait):
    chat = clients.chat()
    waits = record_waits(chat)
    emulator.script(Reply(429, json={"error": {"code": "429", "message": "slow down"}}, headers=headers))
    result = await _complete(chat)
    assert isinstance(result, ChatCompletions)
    assert waits == [pytest.approx(expected_wait)]


@pytest.mark.parametrize("headers", [{"Retry-After": "61"}, {"Retry-After": "86400"}, {"retry-after-ms": "600000"}])
async def test_retry_after_above_sixty_seconds_falls_back_to_backoff(clients, emulator, record_waits, headers):
    chat = clients.chat()
    waits = record_waits(chat)
    emulator.script(Reply(429, headers=headers))
    await _complete(chat)
    assert (len(emulator.requests), waits) == (2, [pytest.approx(0.4)])


async def test_retry_after_on_another_error_status_is_retried_as_azure_core_does(clients, emulator, record_waits):
    chat = clients.chat()
    waits = record_waits(chat)
    emulator.script(Reply(400, json={"error": {"code": "400", "message": "later"}}, headers={"Retry-After": "3"}))
    await _complete(chat)
    assert (len(emulator.requests), waits) == (2, [3.0])


async def test_retry_total_zero_in_constructor_disables_retries(clients, emulator, record_waits):
    chat = clients.chat(retry_total=0)
    record_waits(chat)
    emulator.script(Reply(503))
    with pytest.raises(HttpResponseError):
        await _complete(chat)
    assert len(emulator.requests) == 1


async def test_retry_total_zero_per_call_disables_retries(clients, emulator, record_waits):
    chat = clients.chat()
    record_waits(chat)
    emulator.script(Reply(429, headers={"Retry-After": "1"}))
    with pytest.raises(HttpResponseError):
        await _complete(chat, retry_total=0)
    assert len(emulator.requests) == 1


async def test_retry_status_limits_the_status_retries(clients, emulator, record_waits):
    chat = clients.chat(retry_status=1)
    waits = record_waits(chat)
    emulator.script(Reply(503), Reply(503))
    with pytest.raises(HttpResponseError):
        await _complete(chat)
    assert (len(emulator.requests), len(waits)) == (2, 1)


async def test_retry_backoff_factor_scales_the_waits(clients, emulator, record_waits):
    chat = clients.chat(retry_backoff_factor=2.0)
    waits = record_waits(chat)
    emulator.script(Reply(502), Reply(502))
    await _complete(chat)
    assert waits == [pytest.approx(1.0), pytest.approx(2.0)]


async def test_retry_backoff_max_caps_the_waits(clients, emulator, record_waits):
    chat = clients.chat(retry_backoff_factor=10.0, retry_backoff_max=3)
    waits = record_waits(chat, fraction=0.999)
    emulator.script(Reply(502), Reply(502))
    await _complete(chat)
    assert waits == [pytest.approx(2.997), pytest.approx(2.997)]


async def test_fixed_retry_mode_waits_the_factor(clients, emulator, record_waits):
    chat = clients.chat(retry_mode="fixed", retry_backoff_factor=0.3)
    waits = record_waits(chat)
    emulator.script(Reply(500), Reply(500))
    await _complete(chat)
    assert waits == [0.3, 0.3]


async def test_retry_on_status_codes_adds_statuses(clients, emulator, record_waits):
    chat = clients.chat(retry_on_status_codes=[418])
    record_waits(chat)
    emulator.script(Reply(418))
    result = await _complete(chat)
    assert isinstance(result, ChatCompletions)
    assert len(emulator.requests) == 2


async def test_retry_policy_keyword_replaces_the_policy(clients, emulator):
    replacement = AsyncRetryPolicy(retry_total=5) if clients.is_async else RetryPolicy(retry_total=5)
    chat = clients.chat(retry_policy=replacement)
    emulator.script(Reply(502))
    with pytest.raises(HttpResponseError) as raised:
        await _complete(chat)
    assert chat._config.retry_policy is replacement
    assert (raised.value.status_code, len(emulator.requests)) == (502, 1)  # azure-core's policy keeps POST 502


async def test_reset_before_response_is_retried(clients, emulator, record_waits):
    chat = clients.chat()
    waits = record_waits(chat)
    emulator.script(Reply(json={"unused": True}, fault=Fault.RESET_BEFORE_RESPONSE))
    result = await _complete(chat)
    assert "Paris" in result.choices[0].message.content
    assert (len(emulator.requests), waits) == (2, [pytest.approx(0.4)])


async def test_reset_before_response_every_time_gives_up_after_four_attempts(clients, emulator, record_waits):
    chat = clients.chat()
    waits = record_waits(chat)
    emulator.script(*[Reply(fault=Fault.RESET_BEFORE_RESPONSE)] * 4)
    with pytest.raises((ServiceRequestError, ServiceResponseError)):
        await _complete(chat)
    assert (len(emulator.requests), len(waits)) == (4, 3)


async def test_refused_connection_is_retried_then_raises_service_request_error(clients, closed_port_url, record_waits):
    chat = clients.chat(endpoint=closed_port_url)
    waits = record_waits(chat)
    with pytest.raises(ServiceRequestError):
        await _complete(chat)
    assert waits == [pytest.approx(0.4), pytest.approx(0.8), pytest.approx(1.6)]


async def test_reset_mid_body_is_not_retried_for_post(clients, emulator, record_waits):
    chat = clients.chat()
    waits = record_waits(chat)
    body = {"id": "x" * 200, "choices": []}
    emulator.script(Reply(json=body, fault=Fault.RESET_MID_BODY), Reply(json=body))
    with pytest.raises(HttpResponseError):
        await _complete(chat)
    assert (len(emulator.requests), waits, emulator.pending_replies) == (1, [], 1)


async def test_stream_is_retried_while_only_its_status_has_arrived(clients, emulator, record_waits):
    chat = clients.chat()
    waits = record_waits(chat)
    emulator.script(Reply(429, json={"error": {"code": "429", "message": "wait"}}, headers={"retry-after-ms": "10"}))
    updates = await collect(await _complete(chat, stream=True))
    assert "Paris" in "".join(u.choices[0].delta.content or "" for u in updates if u.choices)
    assert (len(emulator.requests), waits) == (2, [0.01])


async def test_stream_is_never_retried_once_its_body_has_started(clients, emulator, record_waits):
    chat = clients.chat()
    waits = record_waits(chat)
    first = {
        "id": "1",
        "object": "chat.completion.chunk",
        "created": 1,
        "model": "m",
        "choices": [{"index": 0, "delta": {"role": "assistant", "content": "Par"}, "finish_reason": None}],
    }
    emulator.script(Reply.sse([first, first, first], fault=Fault.RESET_MID_BODY, fault_after_chunks=1))
    stream = await _complete(chat, stream=True)
    received = []
    with pytest.raises(HttpResponseError):
        async for update in _iterate(stream):
            received.append(update)
    assert [update.id for update in received] == ["1"]
    assert (len(emulator.requests), waits) == (1, [])


async def _iterate(stream: Any) -> AsyncIterator[Any]:
    if hasattr(stream, "__aiter__"):
        async for update in stream:
            yield update
    else:
        for update in stream:
            yield update


async def test_get_model_info_retries_a_transient_status(clients, emulator, record_waits):
    chat = clients.chat()
    waits = record_waits(chat)
    emulator.script(Reply(503), path="/info")
    info = await resolve(chat.get_model_info())
    assert info.model_name == "emulator-model"
    assert (len(emulator.requests), waits) == (2, [pytest.approx(0.4)])


async def test_embed_retries_a_throttled_request(clients, emulator, record_waits):
    embeddings = clients.embeddings()
    waits = record_waits(embeddings)
    emulator.script(Reply(429, headers={"Retry-After": "2"}), path="/embeddings")
    result = await resolve(embeddings.embed(input=["hello"]))
    assert len(result.data) == 1
    assert (len(emulator.requests), waits) == (2, [2.0])
