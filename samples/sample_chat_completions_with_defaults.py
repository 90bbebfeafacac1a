# ------------------------------------
# Copyright (c) Microsoft Corporation.
# Licensed under the MIT License.
# ------------------------------------
"""
DESCRIPTION:
    This sample demonstrates how to give a synchronous ChatCompletionsClient default settings
    (temperature, max_tokens, stop, ...) in its constructor. They are sent with every `complete`
    call made on that client; a value given to `complete` itself wins over the default for that
    call only.

USAGE:
    python sample_chat_completions_with_defaults.py

    Set these two environment variables before running the sample:
    1) AZURE_AI_CHAT_ENDPOINT - Your endpoint URL, in the form
        https://<your-deployment-name>.<your-azure-region>.models.ai.azure.com
        where `your-deployment-name` is your unique AI Model deployment name, and
        `your-azure-region` is the Azure region where your model is deployed.
    2) AZURE_AI_CHAT_KEY - Your model key. Keep it secret.
"""


def sample_chat_completions_with_defaults() -> None:
    import os

    try:
        endpoint = os.environ["AZURE_AI_CHAT_ENDPOINT"]
        key = os.environ["AZURE_AI_CHAT_KEY"]
    except KeyError:
        print("Missing environment variable 'AZURE_AI_CHAT_ENDPOINT' or 'AZURE_AI_CHAT_KEY'")
        print("Set them before running this sample.")
        exit()

    # [START chat_completions_with_defaults]
    from azure.ai.inference import ChatCompletionsClient
    from azure.ai.inference.models import SystemMessage, UserMessage
    from azure.core.credentials import AzureKeyCredential

    # These settings are sent with every complete() call of this client.
    client = ChatCompletionsClient(
        endpoint=endpoint,
        credential=AzureKeyCredential(key),
        temperature=0.5,
        top_p=0.9,
        max_tokens=200,
        seed=42,
    )

    messages = [
        SystemMessage("You are a helpful assistant."),
        UserMessage("What is the capital of Japan?"),
    ]
    response = client.complete(messages=messages)
    print(f"With the client's defaults: {response.choices[0].message.content}")

    # A per-call value overrides the client's default for this call only.
    response = client.complete(messages=messages, max_tokens=3)
    print(f"With max_tokens=3: {response.choices[0].message.content}")
    print(f"Finish reason: {response.choices[0].finish_reason.value}")
    # [END chat_completions_with_defaults]
    client.close()


if __name__ == "__main__":
    sample_chat_completions_with_defaults()
