# ------------------------------------
# Copyright (c) Microsoft Corporation.
# Licensed under the MIT License.
# ------------------------------------
"""
DESCRIPTION:
    This sample demonstrates how to let the endpoint decide which client to use, with the
    synchronous `load_client` function. It calls the endpoint's `/info` route and returns a
    ChatCompletionsClient, an EmbeddingsClient or an ImageEmbeddingsClient, matching the type of
    the deployed model. The returned client already holds the model information.

USAGE:
    python sample_load_client.py

    Set these two environment variables before running the sample:
    1) AZURE_AI_CHAT_ENDPOINT - Your endpoint URL, in the form
        https://<your-deployment-name>.<your-azure-region>.models.ai.azure.com
        where `your-deployment-name` is your unique AI Model deployment name, and
        `your-azure-region` is the Azure region where your model is deployed.
    2) AZURE_AI_CHAT_KEY - Your model key. Keep it secret.
"""


def sample_load_client() -> None:
    import os

    try:
        endpoint = os.environ["AZURE_AI_CHAT_ENDPOINT"]
        key = os.environ["AZURE_AI_CHAT_KEY"]
    except KeyError:
        print("Missing environment variable 'AZURE_AI_CHAT_ENDPOINT' or 'AZURE_AI_CHAT_KEY'")
        print("Set them before running this sample.")
        exit()

    # [START load_client]
    from azure.ai.inference import ChatCompletionsClient, load_client
    from azure.ai.inference.models import UserMessage
    from azure.core.credentials import AzureKeyCredential

    client = load_client(endpoint=endpoint, credential=AzureKeyCredential(key))

    # The client's string form includes the model information load_client fetched.
    print(client)

    if isinstance(client, ChatCompletionsClient):
        response = client.complete(messages=[UserMessage("How many feet are in a mile?")])
        print(response.choices[0].message.content)
    # [END load_client]
    print(f"Client type: {type(client).__name__}")
    client.close()


if __name__ == "__main__":
    sample_load_client()
