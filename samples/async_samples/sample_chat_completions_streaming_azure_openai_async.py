# ------------------------------------
# Copyright (c) Microsoft Corporation.
# Licensed under the MIT License.
# ------------------------------------
"""
DESCRIPTION:
    This sample demonstrates how to stream chat completions from an Azure OpenAI deployment, using
    an asynchronous client. The endpoint URL ends with the deployment's path and an Azure OpenAI
    `api_version` must be given; a key credential sends the key in the `api-key` header.

USAGE:
    python sample_chat_completions_streaming_azure_openai_async.py

    The asynchronous clients need aiohttp: install this package with its `aio` extra
    (from a checkout: `python -m pip install "/path/to/checkout[aio]"`).

    Set these two environment variables before running the sample:
    1) AZURE_OPENAI_CHAT_ENDPOINT - Your Azure OpenAI endpoint URL, in the form
        https://<your-unique-resource-name>.openai.azure.com/openai/deployments/<your-deployment-name>
        where `your-unique-resource-name` is your globally unique Azure OpenAI resource name,
        and `your-deployment-name` is your AI Model deployment name.
        For example: https://your-unique-host.openai.azure.com/openai/deployments/gpt-4o
    2) AZURE_OPENAI_CHAT_KEY - Your model key. Keep it secret.
"""
import asyncio


async def sample_chat_completions_streaming_azure_openai_async() -> None:
    import os

    try:
        endpoint = os.environ["AZURE_OPENAI_CHAT_ENDPOINT"]
        key = os.environ["AZURE_OPENAI_CHAT_KEY"]
    except KeyError:
        print("Missing environment variable 'AZURE_OPENAI_CHAT_ENDPOINT' or 'AZURE_OPENAI_CHAT_KEY'")
        print("Set them before running this sample.")
        exit()

    from azure.ai.inference.aio import ChatCompletionsClient
    from azure.ai.inference.models import SystemMessage, UserMessage
    from azure.core.credentials import AzureKeyCredential

    async with ChatCompletionsClient(
        endpoint=endpoint, credential=AzureKeyCredential(key), api_version="2024-06-01"
    ) as client:
        response = await client.complete(
            stream=True,
            messages=[
                SystemMessage("You are a helpful assistant."),
                UserMessage("Give me 5 good reasons why I should exercise every day."),
            ],
        )
        async with response:
            async for update in response:
                if update.choices:
                    print(update.choices[0].delta.content or "", end="", flush=True)
        print()


async def main() -> None:
    await sample_chat_completions_streaming_azure_openai_async()


if __name__ == "__main__":
    asyncio.run(main())
