# ------------------------------------
# Copyright (c) Microsoft Corporation.
# Licensed under the MIT License.
# ------------------------------------
"""
DESCRIPTION:
    This sample demonstrates how to do chat completions with a function tool, using a synchronous
    client. The model is told about a local function that looks up flight information. When it
    answers with a tool call, the sample runs the function with the arguments the model chose,
    sends the result back in a tool message, and prints the model's final answer.

USAGE:
    python sample_chat_completions_with_tools.py

    Set these two environment variables before running the sample:
    1) AZURE_AI_CHAT_ENDPOINT - Your endpoint URL, in the form
        https://<your-deployment-name>.<your-azure-region>.models.ai.azure.com
        where `your-deployment-name` is your unique AI Model deployment name, and
        `your-azure-region` is the Azure region where your model is deployed.
    2) AZURE_AI_CHAT_KEY - Your model key. Keep it secret.
"""
import json


def get_flight_info(origin_city: str, destination_city: str) -> str:
    """The local function the model can call. A real application would query a flights database."""
    if origin_city == "Seattle" and destination_city == "Miami":
        return json.dumps(
            {"airline": "Delta", "flight_number": "DL123", "flight_date": "May 7th, 2024", "flight_time": "10:00AM"}
        )
    return json.dumps({"error": "No flights found between the cities"})


def sample_chat_completions_with_tools() -> None:
    import os

    try:
        endpoint = os.environ["AZURE_AI_CHAT_ENDPOINT"]
        key = os.environ["AZURE_AI_CHAT_KEY"]
    except KeyError:
        print("Missing environment variable 'AZURE_AI_CHAT_ENDPOINT' or 'AZURE_AI_CHAT_KEY'")
        print("Set them before running this sample.")
        exit()

    # [START chat_completions_with_tools]
    from typing import List

    from azure.ai.inference import ChatCompletionsClient
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

    flight_info = ChatCompletionsToolDefinition(
        function=FunctionDefinition(
            name="get_flight_info",
            description="Returns information about the next flight between two cities. "
            "This includes the name of the airline, flight number and the date and time of the next flight",
            parameters={
                "type": "object",
                "properties": {
                    "origin_city": {
                        "type": "string",
                        "description": "The name of the city where the flight originates",
                    },
                    "destination_city": {"type": "string", "description": "The flight destination city"},
                },
                "required": ["origin_city", "destination_city"],
            },
        )
    )

    client = ChatCompletionsClient(endpoint=endpoint, credential=AzureKeyCredential(key))

    messages: List[ChatRequestMessage] = [
        SystemMessage("You are an assistant that helps users find flight information."),
        UserMessage("What is the next flight from Seattle to Miami?"),
    ]
    response = client.complete(messages=messages, tools=[flight_info])

    if response.choices[0].finish_reason == CompletionsFinishReason.TOOL_CALLS:
        # Keep the model's tool calls in the history, then answer each one with a tool message.
        messages.append(AssistantMessage(tool_calls=response.choices[0].message.tool_calls))
        for tool_call in response.choices[0].message.tool_calls or []:
            arguments = json.loads(tool_call.function.arguments)
            print(f"Calling function `{tool_call.function.name}` with arguments {arguments}")
            result = get_flight_info(**arguments)
            print(f"Function result = {result}")
            messages.append(ToolMessage(result, tool_call_id=tool_call.id))
        response = client.complete(messages=messages, tools=[flight_info])

    print(f"Model response = {response.choices[0].message.content}")
    client.close()
    # [END chat_completions_with_tools]


if __name__ == "__main__":
    sample_chat_completions_with_tools()
