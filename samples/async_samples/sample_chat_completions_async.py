# ------------------------------------
# Copyright (c) Microsoft Corporation.
# Licensed under the MIT License.
# ------------------------------------
"""
DESCRIPTION:
    This sample demonstrates how to get a chat completions response from the service using an
    asynchronous client, and how to run other work while the request is in flight.

USAGE:
    python sample_chat_completions_async.py

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


async def sample_chat_completions_async() -> None:
    import os

    try:
        endpoint = os.environ["AZURE_AI_CHAT_ENDPOINT"]
        key = os.environ["AZURE_AI_CHAT_KEY"]
    except KeyError:
        print("Missing environment variable 'AZURE_AI_CHAT_ENDPOINT' or 'AZURE_AI_CHAT_KEY'")
        print("Set them before running this sample.")
        exit()

    # [START chat_completions_async]
    from azure.ai.inference.aio import ChatCompletionsClient
    from azure.ai.inference.models import SystemMessage, UserMessage
    from azure.core.credentials import AzureKeyCredential

    async with ChatCompletionsClient(endpoint=endpoint, credential=AzureKeyCredential(key)) as client:
        # Start the request without waiting for it...
        future = asyncio.ensure_future(
            client.complete(
                messages=[
                    SystemMessage("You are a helpful assistant."),
                    UserMessage("What is the capital of France?"),
                ]
            )
        )

        # ...do other work here, then wait for the response.
        response = await future

        print(response.choices[0].message.content)
        print(f"Usage: {response.usage.total_tokens} tokens")
    # [END chat_completions_async]


async def main() -> None:
    await sample_chat_completions_async()


if __name__ == "__main__":
    asyncio.run(main())
