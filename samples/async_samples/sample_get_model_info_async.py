# ------------------------------------
# Copyright (c) Microsoft Corporation.
# Licensed under the MIT License.
# ------------------------------------
"""
DESCRIPTION:
    This sample demonstrates how to ask the service which model sits behind an endpoint, using an
    asynchronous ChatCompletionsClient. The answer of the `/info` route is kept on the client.

USAGE:
    python sample_get_model_info_async.py

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


async def sample_get_model_info_async() -> None:
    import os

    try:
        endpoint = os.environ["AZURE_AI_CHAT_ENDPOINT"]
        key = os.environ["AZURE_AI_CHAT_KEY"]
    except KeyError:
        print("Missing environment variable 'AZURE_AI_CHAT_ENDPOINT' or 'AZURE_AI_CHAT_KEY'")
        print("Set them before running this sample.")
        exit()

    # [START get_model_info_async]
    from azure.ai.inference.aio import ChatCompletionsClient
    from azure.core.credentials import AzureKeyCredential

    async with ChatCompletionsClient(endpoint=endpoint, credential=AzureKeyCredential(key)) as client:
        model_info = await client.get_model_info()

        print(f"Model name: {model_info.model_name}")
        print(f"Model provider name: {model_info.model_provider_name}")
        print(f"Model type: {model_info.model_type}")
    # [END get_model_info_async]


async def main() -> None:
    await sample_get_model_info_async()


if __name__ == "__main__":
    asyncio.run(main())
