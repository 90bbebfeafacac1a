"""No silent truncation (issue 19, item 2): any exception while decoding an event ends the stream with an
``AzureError`` chained to it, raised again on reuse and by ``get_final_completion()``; the response is closed.

A failure is injected at every event position, at every step of decoding (SSE framing, JSON parsing,
accumulation, building the update), for both stream shells over a fake response (no sockets).
"""

from __future__ import annotations

import asyncio
from typing import Any, Callable, List, Tuple
from unittest import mock

import pytest
from azure.core.exceptions import AzureError, DecodeError
from hypothesis import example, given, settings
from hypothesis import strategies as st

from azure.ai.inference._sansio import streaming as streaming_module
from azure.ai.inference._sansio.accumulator import ChatCompletionsAccumulator
from azure.ai.inference._sansio.sse import SSEDecoder
from azure.ai.inference.models import AsyncStreamingChatCompletions, StreamingChatCompletions
from azure.ai.inference.models import StreamingChatCompletionsUpdate
from tests.sse_streams import W2_BODY, W2_EVENTS, W2_YIELDED
from tests.flavors import resolve
from tests.unit.test_stream_shells import AsyncFakeResponse, FakeResponse, next_update

FAILURES = [RecursionError, MemoryError, KeyError, ZeroDivisionError, AttributeError, UnicodeError]
SITES = {
    # site -> (object, attribute, how many calls a clean W2 stream makes)
    "sse-framing": (SSEDecoder, "feed", None),
    "json-parsing": (streaming_module, "loads", len(W2_EVENTS)),
    "accumulation": (ChatCompletionsAccumulator, "add", len(W2_EVENTS) - 1),
    "update-building": (StreamingChatCompletionsUpdate, "_from_wire", len(W2_EVENTS) - 1),
}


def failing_at(original: Callable[..., Any], position: int, error: BaseException) -> Callable[..., Any]:
    calls = [0]

    def replacement(*args: Any, **kwargs: Any) -> Any:
        calls[0] += 1
        if calls[0] == position:
            raise error
        return original(*args, **kwargs)

    return replacement


def failing_for_document(original: Callable[..., Any], position: int, error: BaseException) -> Callable[..., Any]:
    """A parser that fails on every parse of the ``position``-th distinct document, as a real parser would
    (the line-per-event framing parses a line once to learn whether it is a whole event, and a failed
    probe is parsed again when the event ends: a failure of the first parse alone is not realistic)."""
    seen: List[Any] = []

    def replacement(data: Any, *args: Any, **kwargs: Any) -> Any:
        if data not in seen:
            seen.append(data)
        if seen.index(data) + 1 == position:
            raise error
        return original(data, *args, **kwargs)

    return replacement


async def read(stream: Any) -> Tuple[List[Any], BaseException, BaseException]:
    """Every update until the stream fails, its error, and what ``get_final_completion()`` raises then.

    A stream that ended as if complete fails the test (``next`` raising ``StopIteration`` in a coroutine
    is a ``RuntimeError``, not an ``AzureError``).
    """
    updates: List[Any] = []
    with pytest.raises(AzureError) as first:
        while True:
            updates.append(await next_update(stream))
    with pytest.raises(AzureError) as again:
        await resolve(stream.get_final_completion())
    return updates, first.value, again.value


def cut(body: bytes, size: int) -> List[bytes]:
    return [body[start : start + size] for start in range(0, len(body), size)]


def feeds_until_done(chunks: List[bytes]) -> int:
    """How many chunks a clean stream feeds to the SSE decoder: up to the one that ends the ``[DONE]``
    line (an event of its own at its line end; the rest of the body is read but not decoded)."""
    done_line_end = W2_BODY.index(b"data: [DONE]\n") + len(b"data: [DONE]\n")
    fed = 0
    for count, chunk in enumerate(chunks, start=1):
        fed += len(chunk)
        if fed >= done_line_end:
            return count
    return len(chunks)


@settings(max_examples=150, deadline=None)
@given(
    site=st.sampled_from(sorted(SITES)),
    position=st.integers(min_value=1, max_value=len(W2_EVENTS)),
    failure=st.sampled_from(FAILURES),
    chunk_size=st.integers(min_value=1, max_value=len(W2_BODY)),
    flavor=st.sampled_from(["sync", "aio"]),
)
# the [DONE] line ends in the first chunk and the second holds only the blank line, which is never decoded
@example(site="sse-framing", position=2, failure=RecursionError, chunk_size=1135, flavor="sync")
@example(site="sse-framing", position=2, failure=RecursionError, chunk_size=1135, flavor="aio")
def test_a_failure_while_decoding_any_event_ends_the_stream_with_an_azure_error(
    site: str, position: int, failure: type, chunk_size: int, flavor: str
) -> None:
    owner, name, calls = SITES[site]
    chunks = cut(W2_BODY, chunk_size)
    position = min(position, feeds_until_done(chunks) if calls is None else calls)
    injected = failure("injected")
    inject = failing_for_document if site == "json-parsing" else failing_at
    with mock.patch.object(owner, name, inject(getattr(owner, name), position, injected)):
        response = FakeResponse(chunks) if flavor == "sync" else AsyncFakeResponse(chunks)
        stream_class = StreamingChatCompletions if flavor == "sync" else AsyncStreamingChatCompletions
        updates, first, again = asyncio.run(read(stream_class(response=response)))  # type: ignore[arg-type]
    assert isinstance(first, DecodeError) and isinstance(first, AzureError)
    assert first.__cause__ is injected
    assert "injected" in str(first)  # the cause is named
    assert again is first  # raised again on reuse, including by get_final_completion()
    assert response.is_closed is True
    assert [dict(update) for update in updates] == W2_YIELDED[: len(updates)]  # those before the failure, in order
