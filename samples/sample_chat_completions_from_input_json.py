# ------------------------------------
# Copyright (c) Microsoft Corporation.
# Licensed under the MIT License.
# ------------------------------------
"""
DESCRIPTION:
    This sample demonstrates how to get a chat completions response by passing the whole JSON
    request body as a Python dictionary, using a synchronous client. The dictionary is sent as
    it is, so it can hold any parameter the REST API (or your model) accepts. Client defaults
    given in the constructor do not apply to a request made this way.

USAGE:
    python sample_chat_completions_from_input_json.py

    Set these two environment variables before running the sample:
    1) AZURE_AI_CHAT_ENDPOINT - Your endpoint URL, in the form
        https://<your-deployment-name>.<your-azure-region>.models.ai.azure.com
        where `your-deployment-name` is your unique AI Model deployment name, and
        `your-azure-region` is the Azure region where your model is deployed.
    2) AZURE_AI_CHAT_KEY - Your model key. Keep it secret.
"""


def sample_chat_completions_from_input_json() -> None:
    import os

    try:
        endpoint = os.environ["AZURE_AI_CHAT_ENDPOINT"]
        key = os.environ["AZURE_AI_CHAT_KEY"]
    except KeyError:
        print("Missing environment variable 'AZURE_AI_CHAT_ENDPOINT' or 'AZURE_AI_CHAT_KEY'")
        print("Set them before running this sample.")
        exit()

    # [START chat_completions_from_input_json]
    from azure.ai.inference import ChatCompletionsClient
    from azure.ai.inference.models import ChatCompletions
    from azure.core.credentials import AzureKeyCredential

    client = ChatCompletionsClient(endpoint=endpoint, credential=AzureKeyCredential(key))

    response = client.complete(
        {
            "messages": [
                {"role": "system", "content": "You are an AI assistant that helps people find information."},
                {"role": "user", "content": "How many feet are in a mile?"},
                {"role": "assistant", "content": "There are 5,280 feet in a mile."},
                {"role": "user", "content": "And how many yards are in a mile?"},
            ],
            "max_tokens": 1000,
            "temperature": 0.7,
            "top_p": 1.0,
        }
    )

    assert isinstance(response, ChatCompletions)  # the body does not ask for a stream
    print(response.choices[0].message.content)
    # [END chat_completions_from_input_json]
    client.close()


if __name__ == "__main__":
    sample_chat_completions_from_input_json()
