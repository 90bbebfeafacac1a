# ------------------------------------
# Copyright (c) Microsoft Corporation.
# Licensed under the MIT License.
# ------------------------------------
"""
DESCRIPTION:
    This sample demonstrates how to trace chat completions calls with OpenTelemetry and print the
    spans to the console. It answers a question that needs a function tool: the model asks for the
    tool, the sample runs it (inside a span of its own), then sends the result back. Each `complete`
    call becomes a `chat` span of kind CLIENT, with the HTTP request span below it.

    Content recording is switched on here, so the spans carry the chat messages as events. Leave it
    off (the default) when messages may hold personal or sensitive data.

    Set OTEL_SEMCONV_STABILITY_OPT_IN=gen_ai_latest_experimental to see the current GenAI semantic
    conventions (messages as the `gen_ai.input.messages` / `gen_ai.output.messages` attributes)
    instead of the default ones.

USAGE:
    python sample_chat_completions_with_tracing.py

    Install the tracing packages first:
        python -m pip install "/path/to/checkout[opentelemetry]" opentelemetry-sdk
    (this package with its `opentelemetry` extra, from a checkout of this repository)

    Set these two environment variables before running the sample:
    1) AZURE_AI_CHAT_ENDPOINT - Your endpoint URL, in the form
        https://<your-deployment-name>.<your-azure-region>.models.ai.azure.com
        where `your-deployment-name` is your unique AI Model deployment name, and
        `your-azure-region` is the Azure region where your model is deployed.
    2) AZURE_AI_CHAT_KEY - Your model key. Keep it secret.
"""

import json
import os
from typing import List

from opentelemetry import trace
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import ConsoleSpanExporter, SimpleSpanProcessor

# Spans are printed as soon as they end.
_provider = TracerProvider()
_provider.add_span_processor(SimpleSpanProcessor(ConsoleSpanExporter()))
trace.set_tracer_provider(_provider)
tracer = trace.get_tracer(__name__)


def get_weather(city: str) -> str:
    """The function tool the model may ask for; traced with a span of its own."""
    with tracer.start_as_current_span("get_weather") as span:
        span.set_attribute("requested_city", city)
        return "Nice weather" if city == "Seattle" else "Raining"


def sample_chat_completions_with_tracing() -> None:
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
    from azure.ai.inference.tracing import AIInferenceInstrumentor
    from azure.core.credentials import AzureKeyCredential
    from azure.core.settings import settings

    try:
        endpoint = os.environ["AZURE_AI_CHAT_ENDPOINT"]
        key = os.environ["AZURE_AI_CHAT_KEY"]
    except KeyError:
        print("Missing environment variable 'AZURE_AI_CHAT_ENDPOINT' or 'AZURE_AI_CHAT_KEY'")
        print("Set them before running this sample.")
        exit()

    # [START instrument]
    # azure-core creates the spans through its OpenTelemetry plugin (azure-core-tracing-opentelemetry).
    settings.tracing_implementation = "opentelemetry"
    # Trace every ChatCompletionsClient and EmbeddingsClient of the process, with message contents.
    instrumentor = AIInferenceInstrumentor()
    instrumentor.instrument(enable_content_recording=True)
    # [END instrument]

    weather_tool = ChatCompletionsToolDefinition(
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
    messages: List[ChatRequestMessage] = [
        SystemMessage("You are a helpful assistant."),
        UserMessage("What is the weather in Seattle?"),
    ]

    # A span of the application: the two chat spans become its children.
    with tracer.start_as_current_span("weather_question"):
        with ChatCompletionsClient(endpoint=endpoint, credential=AzureKeyCredential(key)) as client:
            response = client.complete(messages=messages, tools=[weather_tool])
            choice = response.choices[0]
            if choice.finish_reason == CompletionsFinishReason.TOOL_CALLS and choice.message.tool_calls:
                messages.append(AssistantMessage(tool_calls=choice.message.tool_calls))
                for tool_call in choice.message.tool_calls:
                    arguments = json.loads(tool_call.function.arguments)
                    answer = get_weather(**arguments)
                    messages.append(ToolMessage(answer, tool_call_id=tool_call.id))
                response = client.complete(messages=messages, tools=[weather_tool])
            print(response.choices[0].message.content)

    # Stop tracing: the client methods are restored.
    instrumentor.uninstrument()


if __name__ == "__main__":
    sample_chat_completions_with_tracing()
