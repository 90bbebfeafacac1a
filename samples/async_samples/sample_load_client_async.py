# ------------------------------------
# Copyright (c) Microsoft Corporation.
# Licensed under the MIT License.
# ------------------------------------
"""
DESCRIPTION:
    This sample demonstrates how to let the endpoint decide which asynchronous client to use,
    with `azure.ai.inference.aio.load_client`. It calls the endpoint's `/info` route and returns
    the client that matches the deployed model's type.

USAGE:
    python sample_load_client_async.py

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


async def sample_load_client_async() -> None:
    import os

    try:
        endpoint = os.environ["AZURE_AI_CHAT_ENDPOINT"]
        key = os.environ["AZURE_AI_CHAT_KEY"]
    except KeyError:
        print("Missing environment variable 'AZURE_AI_CHAT_ENDPOINT' or 'AZURE_AI_CHAT_KEY'")
        print("Set them before running this sample.")
        exit()

    # [START load_client_async]
    from azure.ai.inference.aio import ChatCompletionsClient, load_client
    from azure.ai.inference.models import UserMessage
    from azure.core.credentials import AzureKeyCredential

    client = await load_client(endpoint=endpoint, credential=AzureKeyCredential(key))
    print(client)

    if isinstance(client, ChatCompletionsClient):
        response = await client.complete(messages=[UserMessage("How many feet are in a mile?")])
        print(response.choices[0].message.content)

    await client.close()
    # [END load_client_async]
    print(f"Client type: {type(client).__module__}.{type(client).__name__}")


async def main() -> None:
    await sample_load_client_async()


if __name__ == "__main__":
    asyncio.run(main())
