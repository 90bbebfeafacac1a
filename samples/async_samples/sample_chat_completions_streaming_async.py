# ------------------------------------
# Copyright (c) Microsoft Corporation.
# Licensed under the MIT License.
# ------------------------------------
"""
DESCRIPTION:
    This sample demonstrates how to get a chat completions response as a stream of updates, using
    an asynchronous client. `async for` yields each update as soon as it arrives; `async with`
    on the stream closes the connection even when the loop is left early.

USAGE:
    python sample_chat_completions_streaming_async.py

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


async def sample_chat_completions_streaming_async() -> None:
    import os

    try:
        endpoint = os.environ["AZURE_AI_CHAT_ENDPOINT"]
        key = os.environ["AZURE_AI_CHAT_KEY"]
    except KeyError:
        print("Missing environment variable 'AZURE_AI_CHAT_ENDPOINT' or 'AZURE_AI_CHAT_KEY'")
        print("Set them before running this sample.")
        exit()

    # [START chat_completions_streaming_async]
    from azure.ai.inference.aio import ChatCompletionsClient
    from azure.ai.inference.models import SystemMessage, UserMessage
    from azure.core.credentials import AzureKeyCredential

    async with ChatCompletionsClient(endpoint=endpoint, credential=AzureKeyCredential(key)) as client:
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
    # [END chat_completions_streaming_async]


async def main() -> None:
    await sample_chat_completions_streaming_async()


if __name__ == "__main__":
    asyncio.run(main())
