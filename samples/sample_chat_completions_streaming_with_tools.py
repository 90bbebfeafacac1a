# ------------------------------------
# Copyright (c) Microsoft Corporation.
# Licensed under the MIT License.
# ------------------------------------
"""
DESCRIPTION:
    This sample demonstrates how to do chat completions with a function tool while streaming,
    using a synchronous client. A tool call arrives in pieces: the first update of a call has its
    id and function name, the following ones carry fragments of the JSON arguments. The sample
    joins the pieces, runs the local function, sends the result back, and streams the final answer.

USAGE:
    python sample_chat_completions_streaming_with_tools.py

    Set these two environment variables before running the sample:
    1) AZURE_AI_CHAT_ENDPOINT - Your endpoint URL, in the form
        https://<your-deployment-name>.<your-azure-region>.models.ai.azure.com
        where `your-deployment-name` is your unique AI Model deployment name, and
        `your-azure-region` is the Azure region where your model is deployed.
    2) AZURE_AI_CHAT_KEY - Your model key. Keep it secret.
"""
import json


def get_weather(city: str) -> str:
    """The local function the model can call. A real application would ask a weather service."""
    if city == "Seattle":
        return "Nice weather"
    if city == "New York City":
        return "Good weather"
    return "Unavailable"


def sample_chat_completions_streaming_with_tools() -> None:
    import os

    try:
        endpoint = os.environ["AZURE_AI_CHAT_ENDPOINT"]
        key = os.environ["AZURE_AI_CHAT_KEY"]
    except KeyError:
        print("Missing environment variable 'AZURE_AI_CHAT_ENDPOINT' or 'AZURE_AI_CHAT_KEY'")
        print("Set them before running this sample.")
        exit()

    from typing import List

    from azure.ai.inference import ChatCompletionsClient
    from azure.ai.inference.models import (
        AssistantMessage,
        ChatRequestMessage,
        ChatCompletionsToolCall,
        ChatCompletionsToolDefinition,
        FunctionCall,
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

    client = ChatCompletionsClient(endpoint=endpoint, credential=AzureKeyCredential(key))

    messages: List[ChatRequestMessage] = [
        SystemMessage("You are a helpful assistant."),
        UserMessage("What's the weather like in Seattle?"),
    ]

    # Join the streamed pieces of the tool call: id and name first, then argument fragments.
    tool_call_id = ""
    function_name = ""
    function_args = ""
    for update in client.complete(stream=True, messages=messages, tools=[weather_description]):
        if update.choices and update.choices[0].delta.tool_calls:
            delta = update.choices[0].delta.tool_calls[0]
            tool_call_id = tool_call_id or delta.id or ""
            function_name = function_name or delta.function.name or ""
            function_args += delta.function.arguments or ""

    print(f"Model wants to call `{function_name}` with arguments {function_args}")
    function_call = FunctionCall(name=function_name, arguments=function_args)
    tool_call = ChatCompletionsToolCall(id=tool_call_id, function=function_call)
    messages.append(AssistantMessage(tool_calls=[tool_call]))
    result = get_weather(**json.loads(function_args))
    print(f"Function result = {result}")
    messages.append(ToolMessage(result, tool_call_id=tool_call_id))

    print("Model response = ", end="")
    for update in client.complete(stream=True, messages=messages, tools=[weather_description]):
        if update.choices:
            print(update.choices[0].delta.content or "", end="", flush=True)
    print()
    client.close()


if __name__ == "__main__":
    sample_chat_completions_streaming_with_tools()
