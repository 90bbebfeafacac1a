"""B5/B9 smoke: a chat completion through the emulator, sync and async."""

from __future__ import annotations

from azure.ai.inference.models import ChatCompletions, UserMessage

from tests.flavors import collect, resolve


async def test_complete_returns_chat_completions_from_emulator(clients, emulator):
    chat = clients.chat()
    result = await resolve(chat.complete(messages=[UserMessage("What is the capital of France?")]))
    assert isinstance(result, ChatCompletions)
    assert "Paris" in result.choices[0].message.content
    assert emulator.last_request.path == "/chat/completions"


async def test_complete_streams_updates_from_emulator(clients):
    chat = clients.chat()
    stream = await resolve(chat.complete(messages=[UserMessage("What is the capital of France?")], stream=True))
    updates = await collect(stream)
    text = "".join(u.choices[0].delta.content or "" for u in updates if u.choices)
    assert "Paris" in text
    assert updates[-1].usage.total_tokens > 0
