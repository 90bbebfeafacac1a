# ------------------------------------
# Copyright (c) Microsoft Corporation.
# Licensed under the MIT License.
# ------------------------------------
"""
DESCRIPTION:
    This sample demonstrates how to get a chat completions response by sending a JSON request
    body read from a file, using a synchronous client. The file object (any binary IO, for example
    `io.BytesIO`) is sent byte for byte; the file here is `data/chat_request.json` next to this
    sample.

USAGE:
    python sample_chat_completions_from_input_bytes.py

    Set these two environment variables before running the sample:
    1) AZURE_AI_CHAT_ENDPOINT - Your endpoint URL, in the form
        https://<your-deployment-name>.<your-azure-region>.models.ai.azure.com
        where `your-deployment-name` is your unique AI Model deployment name, and
        `your-azure-region` is the Azure region where your model is deployed.
    2) AZURE_AI_CHAT_KEY - Your model key. Keep it secret.
"""


def sample_chat_completions_from_input_bytes() -> None:
    import os

    try:
        endpoint = os.environ["AZURE_AI_CHAT_ENDPOINT"]
        key = os.environ["AZURE_AI_CHAT_KEY"]
    except KeyError:
        print("Missing environment variable 'AZURE_AI_CHAT_ENDPOINT' or 'AZURE_AI_CHAT_KEY'")
        print("Set them before running this sample.")
        exit()

    # [START chat_completions_from_input_bytes]
    from azure.ai.inference import ChatCompletionsClient
    from azure.ai.inference.models import ChatCompletions
    from azure.core.credentials import AzureKeyCredential

    request_file = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data", "chat_request.json")

    client = ChatCompletionsClient(endpoint=endpoint, credential=AzureKeyCredential(key))

    with open(request_file, "rb") as request_body:
        response = client.complete(request_body)

    assert isinstance(response, ChatCompletions)  # the body does not ask for a stream
    print(response.choices[0].message.content)
    # [END chat_completions_from_input_bytes]
    client.close()


if __name__ == "__main__":
    sample_chat_completions_from_input_bytes()
