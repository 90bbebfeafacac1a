# ------------------------------------
# Copyright (c) Microsoft Corporation.
# Licensed under the MIT License.
# ------------------------------------
"""
DESCRIPTION:
    This sample demonstrates how to have a multi-turn conversation with a chat completions model,
    using a synchronous client. The service keeps no state between calls: each call sends the whole
    conversation so far. After each answer, the sample appends the model's reply (the response
    message itself can be put in the list) and the next user question.

USAGE:
    python sample_chat_completions_with_history.py

    Set these two environment variables before running the sample:
    1) AZURE_AI_CHAT_ENDPOINT - Your endpoint URL, in the form
        https://<your-deployment-name>.<your-azure-region>.models.ai.azure.com
        where `your-deployment-name` is your unique AI Model deployment name, and
        `your-azure-region` is the Azure region where your model is deployed.
    2) AZURE_AI_CHAT_KEY - Your model key. Keep it secret.
"""


def sample_chat_completions_with_history() -> None:
    import os

    try:
        endpoint = os.environ["AZURE_AI_CHAT_ENDPOINT"]
        key = os.environ["AZURE_AI_CHAT_KEY"]
    except KeyError:
        print("Missing environment variable 'AZURE_AI_CHAT_ENDPOINT' or 'AZURE_AI_CHAT_KEY'")
        print("Set them before running this sample.")
        exit()

    # [START chat_completions_with_history]
    from typing import List, Union

    from azure.ai.inference import ChatCompletionsClient
    from azure.ai.inference.models import ChatRequestMessage, ChatResponseMessage, SystemMessage, UserMessage
    from azure.core.credentials import AzureKeyCredential

    client = ChatCompletionsClient(endpoint=endpoint, credential=AzureKeyCredential(key))

    # The history holds request messages and the response messages the service returned.
    messages: List[Union[ChatRequestMessage, ChatResponseMessage]] = [
        SystemMessage("You are a geography expert. Answer in one sentence."),
        UserMessage("What is the capital of France?"),
    ]
    response = client.complete(messages=messages)
    print(f"First answer: {response.choices[0].message.content}")

    messages.append(response.choices[0].message)
    messages.append(UserMessage("And what is the capital of Germany?"))
    response = client.complete(messages=messages)
    print(f"Second answer: {response.choices[0].message.content}")
    # [END chat_completions_with_history]
    print(f"The second request sent {len(messages)} messages.")
    client.close()


if __name__ == "__main__":
    sample_chat_completions_with_history()
