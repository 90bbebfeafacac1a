# ------------------------------------
# Copyright (c) Microsoft Corporation.
# Licensed under the MIT License.
# ------------------------------------
"""
DESCRIPTION:
    This sample demonstrates the helpers of a stream, using an asynchronous client: `text_stream`
    yields only the text of the answer, and `await get_final_completion()` then returns the whole
    answer as one `ChatCompletions` (the updates already read included), with its finish reason.

USAGE:
    python sample_chat_completions_stream_helpers_async.py

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


async def sample_chat_completions_stream_helpers_async() -> None:
    import os

    try:
        endpoint = os.environ["AZURE_AI_CHAT_ENDPOINT"]
        key = os.environ["AZURE_AI_CHAT_KEY"]
    except KeyError:
        print("Missing environment variable 'AZURE_AI_CHAT_ENDPOINT' or 'AZURE_AI_CHAT_KEY'")
        print("Set them before running this sample.")
        exit()

    from azure.ai.inference.aio import ChatCompletionsClient
    from azure.ai.inference.models import UserMessage
    from azure.core.credentials import AzureKeyCredential

    async with ChatCompletionsClient(endpoint=endpoint, credential=AzureKeyCredential(key)) as client:
        messages = [UserMessage("Give me 5 good reasons to exercise every day.")]
        stream = await client.complete(stream=True, messages=messages)
        async with stream:
            # [START stream_text_stream_async]
            async for text in stream.text_stream:  # the text of choice 0, piece by piece
                print(text, end="", flush=True)
            print()
            # [END stream_text_stream_async]
            # [START stream_get_final_completion_async]
            completion = await stream.get_final_completion()  # reads the rest; the updates above included
            choice = completion.choices[0]
            print(f"Finish reason: {choice.finish_reason.value}, length: {len(choice.message.content or '')}")
            # [END stream_get_final_completion_async]


async def main() -> None:
    await sample_chat_completions_stream_helpers_async()


if __name__ == "__main__":
    asyncio.run(main())
