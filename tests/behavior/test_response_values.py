"""B9: non-streaming responses: only 200 succeeds; results keep every key and convert lazily."""

from __future__ import annotations

import datetime

import pytest
from azure.core.exceptions import HttpResponseError

from azure.ai.inference.models import (
    ChatCompletions,
    ChatRole,
    CompletionsFinishReason,
    EmbeddingsResult,
    ModelInfo,
    ModelType,
    UserMessage,
)
from tests.behavior.wire import CHAT_RESPONSE, EMBEDDINGS_RESPONSE, MODEL_INFO_RESPONSE
from tests.emulator import Reply
from tests.flavors import resolve

MESSAGES = [UserMessage("hi")]


@pytest.mark.parametrize("status", [201, 204])
async def test_any_status_but_200_is_an_error(clients, emulator, status):
    """B9.1: only HTTP 200 is success; 201/204 -> HttpResponseError."""
    emulator.script(Reply(status, json=CHAT_RESPONSE) if status == 201 else Reply(status))
    with pytest.raises(HttpResponseError) as caught:
        await resolve(clients.chat().complete(messages=MESSAGES))
    assert caught.value.status_code == status


async def test_complete_returns_chat_completions(clients, emulator):
    """B9.2: chat -> the patched ``ChatCompletions``."""
    emulator.script(Reply(json=CHAT_RESPONSE))
    result = await resolve(clients.chat().complete(messages=MESSAGES))
    assert type(result) is ChatCompletions
    assert result.id == "chatcmpl-abc123"


@pytest.mark.parametrize("factory", ["embeddings", "image_embeddings"])
async def test_embed_returns_embeddings_result(clients, emulator, factory):
    """B9.2: text and image embeddings -> the patched ``EmbeddingsResult``."""
    emulator.script(Reply(json=EMBEDDINGS_RESPONSE))
    result = await resolve(getattr(clients, factory)().embed(input=[{"image": "data:,", "text": "t"}]))
    assert type(result) is EmbeddingsResult
    assert result.id == "emb-1"


async def test_get_model_info_returns_model_info(clients, emulator):
    """B9.2: ``/info`` -> ``ModelInfo``."""
    emulator.script(Reply(json=MODEL_INFO_RESPONSE))
    result = await resolve(clients.chat().get_model_info())
    assert type(result) is ModelInfo
    assert result.model_name == "mock-model"


async def test_result_keeps_every_key_of_the_response(clients, emulator):
    """B9.3: unknown keys (``object``, ``system_fingerprint``, nested details) stay reachable."""
    body = {**CHAT_RESPONSE, "prompt_filter_results": [{"prompt_index": 0}]}
    body["usage"] = {**body["usage"], "completion_tokens_details": {"reasoning_tokens": 1}}
    emulator.script(Reply(json=body))
    result = await resolve(clients.chat().complete(messages=MESSAGES))
    assert (result["object"], result.get("system_fingerprint")) == ("chat.completion", "fp_mock")
    assert result["prompt_filter_results"] == [{"prompt_index": 0}]
    assert result.usage["completion_tokens_details"] == {"reasoning_tokens": 1}
    assert result.as_dict() == body


async def test_result_keeps_created_as_the_raw_integer_in_the_mapping(clients, emulator):
    """B9.3/B9.4: ``r["created"]`` is the int; ``r.created`` is a UTC datetime."""
    emulator.script(Reply(json=CHAT_RESPONSE))
    result = await resolve(clients.chat().complete(messages=MESSAGES))
    assert result["created"] == 1717171717
    assert result.created == datetime.datetime(2024, 5, 31, 16, 8, 37, tzinfo=datetime.timezone.utc)


async def test_known_enum_values_read_as_enum_members(clients, emulator):
    """B9.4: ``"stop"`` -> CompletionsFinishReason.STOPPED, ``"assistant"`` -> ChatRole.ASSISTANT."""
    emulator.script(Reply(json=CHAT_RESPONSE))
    choice = (await resolve(clients.chat().complete(messages=MESSAGES))).choices[0]
    assert choice.finish_reason is CompletionsFinishReason.STOPPED
    assert choice.message.role is ChatRole.ASSISTANT


async def test_unknown_enum_values_read_as_plain_strings(clients, emulator):
    """B9.4: an unknown value stays the raw string (``"weird"``, ``"chat-completion"``)."""
    body = {**CHAT_RESPONSE, "choices": [{"index": 0, "finish_reason": "weird", "message": {"role": "robot"}}]}
    emulator.script(Reply(json=body), Reply(json=MODEL_INFO_RESPONSE))
    client = clients.chat()
    choice = (await resolve(client.complete(messages=MESSAGES))).choices[0]
    info = await resolve(client.get_model_info())
    assert (type(choice.finish_reason), choice.finish_reason) == (str, "weird")
    assert (type(choice.message.role), choice.message.role) == (str, "robot")
    assert (type(info.model_type), info.model_type) == (str, "chat-completion")


async def test_model_type_known_value_reads_as_enum(clients, emulator):
    """B9.4: ``"embeddings"`` -> ModelType.EMBEDDINGS."""
    emulator.script(Reply(json={**MODEL_INFO_RESPONSE, "model_type": "embeddings"}))
    info = await resolve(clients.embeddings().get_model_info())
    assert info.model_type is ModelType.EMBEDDINGS


async def test_null_and_missing_fields_read_as_none(clients, emulator):
    """B9.4/B9.5: JSON null or a missing "required" key -> None, no error."""
    emulator.script(Reply(json={"choices": [{"index": 0, "finish_reason": None, "message": {"content": None}}]}))
    result = await resolve(clients.chat().complete(messages=MESSAGES))
    assert (result.id, result.created, result.usage, result.model) == (None, None, None, None)
    assert (result.choices[0].finish_reason, result.choices[0].message.content) == (None, None)


async def test_extra_and_missing_keys_never_raise(clients, emulator):
    """B9.5: the response is not validated against the schema."""
    emulator.script(Reply(json={"data": "not a list", "surprise": {"x": 1}}))
    result = await resolve(clients.embeddings().embed(input=["x"]))
    assert (result.data, result["surprise"]) == ("not a list", {"x": 1})


async def test_raw_response_hook_sees_the_response_without_deserialized_data(clients, emulator):
    """B9.2 with ContentDecodePolicy left out of the pipeline: ``raw_response_hook`` still gets every
    response, but its context has no ``deserialized_data`` (the body is parsed once, by the SDK)."""
    seen = []
    emulator.script(Reply(json=CHAT_RESPONSE))

    def hook(response):
        seen.append((response.http_response.status_code, "deserialized_data" in response.context))

    result = await resolve(clients.chat().complete(messages=MESSAGES, raw_response_hook=hook))
    assert seen == [(200, False)]
    assert result.id == "chatcmpl-abc123"
