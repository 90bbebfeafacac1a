"""Contract: the request fields added for newer services, validated by Prism against
``shared/spec/openapi/2025-05-01.json`` (sync and aio).

What the 2025-05-01 document can check: ``ChatCompletionsOptions`` declares ``user_security_context``
(``UserSecurityContext``: lengths and GUID patterns) and ``modalities``, and keeps
``additionalProperties: {}``. ``max_completion_tokens``, ``reasoning_effort``, ``parallel_tool_calls``
and ``stream_options`` are not declared there: Prism accepts them only as additional properties,
without checking their types (they come from the OpenAI-style routes, see CHANGELOG.md).
``stream_options`` is only sent with ``stream=True``, which Prism cannot answer as a stream, so it is
covered by the emulator tests instead.

The Prism server comes from the ``tests/contract`` harness: the fixture ``prism_2025_05_01`` is the
base URL of a Prism mock server, in request-validation mode, for the 2025-05-01 document.
"""

from __future__ import annotations

import json
from typing import Any, List, Optional

import pydantic
import pytest
from azure.core.exceptions import HttpResponseError

from azure.ai.inference.models import (
    ChatCompletionsToolDefinition,
    FunctionDefinition,
    StructuredOutputValidationError,
    SystemMessage,
    UserMessage,
    UserSecurityContext,
)

from tests.flavors import resolve

API_VERSION = "2025-05-01"
SECURITY = UserSecurityContext(
    application_name="contoso-app",
    end_user_id="00000000-0000-0000-0000-000000000001",
    end_user_tenant_id="00000000-0000-0000-0000-000000000002",
    source_ip="203.0.113.7",
)


@pytest.fixture
def prism_url(request: pytest.FixtureRequest) -> str:
    """The Prism server of the contract harness; skips while the harness is not there."""
    try:
        return str(request.getfixturevalue("prism_2025_05_01"))
    except pytest.FixtureLookupError:
        pytest.skip("the Prism harness fixture 'prism_2025_05_01' (tests/contract) is not available")


def city_weather(city: str, days: int = 1) -> str:
    """Get the weather.

    :param city: The city.
    :param days: How many days.
    """
    return city * days


class Forecast(pydantic.BaseModel):
    city: str
    highs: List[float]
    warning: Optional[str] = None


async def test_all_new_fields_with_the_older_ones_pass_the_contract(clients, prism_url):
    chat = clients.chat(prism_url, api_version=API_VERSION, temperature=0.5, max_completion_tokens=64)
    result = await resolve(
        chat.complete(
            messages=[SystemMessage("Be brief."), UserMessage("Weather in Paris?")],
            tools=[ChatCompletionsToolDefinition(function=FunctionDefinition.from_function(city_weather))],
            tool_choice="auto",
            reasoning_effort="low",
            parallel_tool_calls=False,
            user_security_context=SECURITY,
            seed=1,
        )
    )
    assert result["object"] == "chat.completion"
    usage = result.usage
    assert isinstance(usage.completion_tokens_details.reasoning_tokens, int)
    assert isinstance(usage.prompt_tokens_details.cached_tokens, int)
    assert isinstance(result.choices[0].message.reasoning_content, str)


async def test_user_security_context_as_dict_passes_the_contract(clients, prism_url):
    chat = clients.chat(prism_url, api_version=API_VERSION)
    result = await resolve(
        chat.complete(messages=[UserMessage("hi")], user_security_context={"application_name": "contoso-app"})
    )
    assert isinstance(result.choices, list)


async def test_malformed_user_security_context_is_rejected_by_the_contract(clients, prism_url):
    chat = clients.chat(prism_url, api_version=API_VERSION)
    with pytest.raises(HttpResponseError) as caught:
        await resolve(chat.complete(messages=[UserMessage("hi")], user_security_context={"end_user_id": "not-a-guid"}))
    assert caught.value.status_code == 422
    response: Any = caught.value.response
    locations = [".".join(map(str, violation["location"])) for violation in json.loads(response.text())["validation"]]
    assert locations and all(location.startswith("body.user_security_context") for location in locations)


@pytest.mark.parametrize(
    "response_format",
    [
        {"type": "json_object"},
        {"type": "json_schema", "json_schema": {"name": "F", "schema": {"type": "object"}, "strict": False}},
    ],
    ids=["json-object", "json-schema"],
)
async def test_response_format_dicts_pass_the_contract(clients, prism_url, response_format):
    chat = clients.chat(prism_url, api_version=API_VERSION)
    result = await resolve(chat.complete(messages=[UserMessage("hi")], response_format=response_format))
    assert result["object"] == "chat.completion"


async def test_pydantic_response_format_passes_the_contract(clients, prism_url):
    chat = clients.chat(prism_url, api_version=API_VERSION)
    # The request passes (200); Prism's placeholder answer "string" then cannot validate as Forecast.
    with pytest.raises(StructuredOutputValidationError) as caught:
        await resolve(chat.complete(messages=[UserMessage("hi")], response_format=Forecast))
    assert caught.value.completions.choices[0].message.content == "string"
