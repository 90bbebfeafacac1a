"""``get_model_info()`` single flight (issue 19, item 6): concurrent first calls share one request; sync
(threads) and aio (tasks). An error is not cached: the calls that waited for it try again."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor
from typing import Any, List

from azure.core.exceptions import HttpResponseError

from tests.behavior.wire import MODEL_INFO_RESPONSE
from tests.emulator import Emulator, Fault, Reply
from tests.flavors import ClientFactory

CALLERS = 16


async def concurrent_model_info(clients: ClientFactory, emulator: Emulator, client: Any) -> List[Any]:
    """``CALLERS`` concurrent ``get_model_info()`` calls while the first request stalls; their results (or
    errors). The stall is released once the emulator holds the first request, so every caller has started."""

    def release_after_first_request() -> None:
        emulator.wait_for_requests(1)
        emulator.release_stalls()

    if clients.is_async:
        calls = [asyncio.ensure_future(client.get_model_info()) for _ in range(CALLERS)]
        await asyncio.to_thread(release_after_first_request)
        return list(await asyncio.gather(*calls, return_exceptions=True))
    with ThreadPoolExecutor(CALLERS) as pool:
        futures = [pool.submit(client.get_model_info) for _ in range(CALLERS)]
        release_after_first_request()
        return [future.exception() or future.result() for future in futures]


async def test_concurrent_first_calls_share_one_request(clients: ClientFactory, emulator: Emulator) -> None:
    emulator.script(Reply(json=MODEL_INFO_RESPONSE, fault=Fault.STALL_BEFORE_RESPONSE), path="/info")
    client = clients.chat()
    results = await concurrent_model_info(clients, emulator, client)
    assert [request.path for request in emulator.requests] == ["/info"]
    assert all(result is results[0] for result in results)
    assert results[0].model_name == "mock-model"
    assert client._model_info is results[0]


async def test_an_error_is_not_shared_with_the_waiting_calls(clients: ClientFactory, emulator: Emulator) -> None:
    failure = {"error": {"code": "BadRequest", "message": "try again"}}
    emulator.script(Reply(400, json=failure, fault=Fault.STALL_BEFORE_RESPONSE), path="/info")
    emulator.script(Reply(json=MODEL_INFO_RESPONSE), path="/info")
    client = clients.chat()
    results = await concurrent_model_info(clients, emulator, client)
    errors = [result for result in results if isinstance(result, BaseException)]
    assert [type(error) for error in errors] == [HttpResponseError]
    assert "try again" in str(errors[0])
    infos = [result for result in results if not isinstance(result, BaseException)]
    assert len(infos) == CALLERS - 1 and all(info is infos[0] for info in infos)
    assert [request.path for request in emulator.requests] == ["/info", "/info"]
