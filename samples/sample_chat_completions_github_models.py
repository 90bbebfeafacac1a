# ------------------------------------
# Copyright (c) Microsoft Corporation.
# Licensed under the MIT License.
# ------------------------------------
"""
DESCRIPTION:
    This sample demonstrates how to use GitHub Models (https://models.github.ai/inference) with a
    synchronous client, and how to let the model call a Python function: the tool definition is
    built from the function's type hints and docstring with `FunctionDefinition.from_function`.

    GitHub Models is an OpenAI-style endpoint: the client sends no `api-version` unless you give
    one, and there is no `/info` route (so use `ChatCompletionsClient` directly, not `load_client`).
    Models are named with a publisher prefix, for example `openai/gpt-4.1-mini`.

USAGE:
    python sample_chat_completions_github_models.py

    Set these environment variables before running the sample:
    1) GITHUB_TOKEN - A GitHub personal access token with the `models: read` permission. Keep it
        secret.
    2) GITHUB_MODELS_ENDPOINT - Optional. Default: https://models.github.ai/inference (use
        https://models.github.ai/orgs/<your-org>/inference to bill an organization).
    3) GITHUB_MODELS_MODEL - Optional. Default: openai/gpt-4.1-mini.
"""


def get_capital(country: str) -> str:
    """Get the capital city of a country.

    :param country: The country, in English, for example France.
    """
    capitals = {"france": "Paris", "germany": "Berlin", "japan": "Tokyo"}
    return capitals.get(country.lower(), "I don't know")


def sample_chat_completions_github_models() -> None:
    import json
    import os
    from typing import List, Union

    from azure.ai.inference import ChatCompletionsClient
    from azure.ai.inference.models import (
        ChatCompletionsToolDefinition,
        ChatRequestMessage,
        ChatResponseMessage,
        FunctionDefinition,
        ToolMessage,
        UserMessage,
    )
    from azure.core.credentials import AzureKeyCredential

    try:
        token = os.environ["GITHUB_TOKEN"]
    except KeyError:
        print("Missing environment variable 'GITHUB_TOKEN'")
        print("Set it before running this sample.")
        exit()
    endpoint = os.environ.get("GITHUB_MODELS_ENDPOINT", "https://models.github.ai/inference")
    model = os.environ.get("GITHUB_MODELS_MODEL", "openai/gpt-4.1-mini")

    tool = ChatCompletionsToolDefinition(function=FunctionDefinition.from_function(get_capital))
    messages: List[Union[ChatRequestMessage, ChatResponseMessage]] = [UserMessage("What is the capital of France?")]

    with ChatCompletionsClient(endpoint=endpoint, credential=AzureKeyCredential(token), model=model) as client:
        response = client.complete(messages=messages, tools=[tool])
        message = response.choices[0].message
        messages.append(message)
        for call in message.tool_calls or []:
            result = get_capital(**json.loads(call.function.arguments))
            print(f"The model called {call.function.name}({call.function.arguments}) -> {result}")
            messages.append(ToolMessage(result, tool_call_id=call.id))
        if message.tool_calls:
            response = client.complete(messages=messages, tools=[tool])

    print(response.choices[0].message.content)


if __name__ == "__main__":
    sample_chat_completions_github_models()
