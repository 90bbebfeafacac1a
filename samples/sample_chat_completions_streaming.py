# ------------------------------------
# Copyright (c) Microsoft Corporation.
# Licensed under the MIT License.
# ------------------------------------
"""
DESCRIPTION:
    This sample demonstrates how to get a chat completions response from the service as a stream
    of updates, using a synchronous client. Each update carries a small piece of the answer, which
    is printed as soon as it arrives. The last update of a stream may carry only the token usage
    and no choices.

USAGE:
    python sample_chat_completions_streaming.py

    Set these two environment variables before running the sample:
    1) AZURE_AI_CHAT_ENDPOINT - Your endpoint URL, in the form
        https://<your-deployment-name>.<your-azure-region>.models.ai.azure.com
        where `your-deployment-name` is your unique AI Model deployment name, and
        `your-azure-region` is the Azure region where your model is deployed.
    2) AZURE_AI_CHAT_KEY - Your model key. Keep it secret.
"""


def sample_chat_completions_streaming() -> None:
    import os

    try:
        endpoint = os.environ["AZURE_AI_CHAT_ENDPOINT"]
        key = os.environ["AZURE_AI_CHAT_KEY"]
    except KeyError:
        print("Missing environment variable 'AZURE_AI_CHAT_ENDPOINT' or 'AZURE_AI_CHAT_KEY'")
        print("Set them before running this sample.")
        exit()

    # [START chat_completions_streaming]
    from azure.ai.inference import ChatCompletionsClient
    from azure.ai.inference.models import SystemMessage, UserMessage
    from azure.core.credentials import AzureKeyCredential

    client = ChatCompletionsClient(endpoint=endpoint, credential=AzureKeyCredential(key))

    response = client.complete(
        stream=True,
        messages=[
            SystemMessage("You are a helpful assistant."),
            UserMessage("Give me 5 good reasons why I should exercise every day."),
        ],
    )

    # The stream closes itself when it is exhausted; `with response:` also closes it on an early break.
    for update in response:
        if update.choices:
            print(update.choices[0].delta.content or "", end="", flush=True)
    print()

    client.close()
    # [END chat_completions_streaming]


if __name__ == "__main__":
    sample_chat_completions_streaming()
