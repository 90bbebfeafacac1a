# ------------------------------------
# Copyright (c) Microsoft Corporation.
# Licensed under the MIT License.
# ------------------------------------
"""
DESCRIPTION:
    This sample demonstrates how to do chat completions with a function tool, using an
    asynchronous client. When the model answers with tool calls, the sample runs the local
    function for each, sends the results back in tool messages, and prints the final answer.

USAGE:
    python sample_chat_completions_with_tools_async.py

    The asynchronous clients need aiohttp: install this package with its `aio` extra
    (from a checkout: `python -m pip install "/path/to/checkout[aio]"`).

    Set these two environment variables before running the sample:
    1) AZURE_AI_CHAT_ENDPOINT - Your endpoint URL, in the form
        https://<your-deployment-name>.<your-azure-region>.models.ai.azure.com
        where `your-deployment-name` is your unique AI Model deployment name, and
        `your-azure-region` is the Azure region where your model is deployed.
    2) AZURE_AI_CHAT_KEY - Your model key. Keep it secret.
"""
import asyncio
import json


def get_weather(city: str) -> str:
    """The local function the model can call. A real application would ask a weather service."""
    if city == "Seattle":
        return "Nice weather"
    if city == "New York City":
        return "Good weather"
    return "Unavailable"


async def sample_chat_completions_with_tools_async() -> None:
    import os

    try:
        endpoint = os.environ["AZURE_AI_CHAT_ENDPOINT"]
        key = os.environ["AZURE_AI_CHAT_KEY"]
    except KeyError:
        print("Missing environment variable 'AZURE_AI_CHAT_ENDPOINT' or 'AZURE_AI_CHAT_KEY'")
        print("Set them before running this sample.")
        exit()

    from typing import List

    from azure.ai.inference.aio import ChatCompletionsClient
    from azure.ai.inference.models import (
        AssistantMessage,
        ChatRequestMessage,
        ChatCompletionsToolDefinition,
        CompletionsFinishReason,
        FunctionDefinition,
        SystemMessage,
        ToolMessage,
        UserMessage,
    )
    from azure.core.credentials import AzureKeyCredential

    weather_description = ChatCompletionsToolDefinition(
        function=FunctionDefinition(
            name="get_weather",
            description="Returns description of the weather in the specified city",
            parameters={
                "type": "object",
                "properties": {"city": {"type": "string", "description": "The name of the city"}},
                "required": ["city"],
            },
        )
    )

    async with ChatCompletionsClient(endpoint=endpoint, credential=AzureKeyCredential(key)) as client:
        messages: List[ChatRequestMessage] = [
            SystemMessage("You are a helpful assistant."),
            UserMessage("What's the weather like in Seattle?"),
        ]
        response = await client.complete(messages=messages, tools=[weather_description])

        if response.choices[0].finish_reason == CompletionsFinishReason.TOOL_CALLS:
            messages.append(AssistantMessage(tool_calls=response.choices[0].message.tool_calls))
            for tool_call in response.choices[0].message.tool_calls or []:
                arguments = json.loads(tool_call.function.arguments)
                print(f"Calling function `{tool_call.function.name}` with arguments {arguments}")
                result = get_weather(**arguments)
                print(f"Function result = {result}")
                messages.append(ToolMessage(result, tool_call_id=tool_call.id))
            response = await client.complete(messages=messages, tools=[weather_description])

        print(f"Model response = {response.choices[0].message.content}")


async def main() -> None:
    await sample_chat_completions_with_tools_async()


if __name__ == "__main__":
    asyncio.run(main())
