# ------------------------------------
# Copyright (c) Microsoft Corporation.
# Licensed under the MIT License.
# ------------------------------------
"""
DESCRIPTION:
    This sample demonstrates the helpers of a stream, using a synchronous client: `text_stream`
    yields only the text of the answer, and `get_final_completion()` then returns the whole answer
    as one `ChatCompletions` (the updates already read included), with its finish reason and usage.

USAGE:
    python sample_chat_completions_stream_helpers.py

    Set these two environment variables before running the sample:
    1) AZURE_AI_CHAT_ENDPOINT - Your endpoint URL, in the form
        https://<your-deployment-name>.<your-azure-region>.models.ai.azure.com
        where `your-deployment-name` is your unique AI Model deployment name, and
        `your-azure-region` is the Azure region where your model is deployed.
    2) AZURE_AI_CHAT_KEY - Your model key. Keep it secret.
"""


def sample_chat_completions_stream_helpers() -> None:
    import os

    try:
        endpoint = os.environ["AZURE_AI_CHAT_ENDPOINT"]
        key = os.environ["AZURE_AI_CHAT_KEY"]
    except KeyError:
        print("Missing environment variable 'AZURE_AI_CHAT_ENDPOINT' or 'AZURE_AI_CHAT_KEY'")
        print("Set them before running this sample.")
        exit()

    from azure.ai.inference import ChatCompletionsClient
    from azure.ai.inference.models import UserMessage
    from azure.core.credentials import AzureKeyCredential

    with ChatCompletionsClient(endpoint=endpoint, credential=AzureKeyCredential(key)) as client:
        messages = [UserMessage("Give me 5 good reasons to exercise every day.")]
        stream = client.complete(stream=True, messages=messages)
        with stream:
            # [START stream_text_stream]
            for text in stream.text_stream:  # the text of choice 0, piece by piece
                print(text, end="", flush=True)
            print()
            # [END stream_text_stream]
            # [START stream_get_final_completion]
            completion = stream.get_final_completion()  # reads the rest; the updates above included
            choice = completion.choices[0]
            print(f"Finish reason: {choice.finish_reason.value}, length: {len(choice.message.content or '')}")
            # [END stream_get_final_completion]


if __name__ == "__main__":
    sample_chat_completions_stream_helpers()
