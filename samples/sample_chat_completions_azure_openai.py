# ------------------------------------
# Copyright (c) Microsoft Corporation.
# Licensed under the MIT License.
# ------------------------------------
"""
DESCRIPTION:
    This sample demonstrates how to use the ChatCompletionsClient with an Azure OpenAI deployment,
    using a synchronous client. Two things differ from other endpoints: the endpoint URL ends with
    the deployment's path, and an Azure OpenAI `api_version` must be given. A key credential sends
    the key in the `api-key` header that Azure OpenAI reads. Note that Azure OpenAI endpoints have
    no `/info` route, so `get_model_info` and `load_client` do not work with them.

    To use Microsoft Entra ID instead of a key, pass
    `credential=DefaultAzureCredential()` (package azure-identity) and
    `credential_scopes=["https://cognitiveservices.azure.com/.default"]` to the client.

USAGE:
    python sample_chat_completions_azure_openai.py

    Set these two environment variables before running the sample:
    1) AZURE_OPENAI_CHAT_ENDPOINT - Your Azure OpenAI endpoint URL, in the form
        https://<your-unique-resource-name>.openai.azure.com/openai/deployments/<your-deployment-name>
        where `your-unique-resource-name` is your globally unique Azure OpenAI resource name,
        and `your-deployment-name` is your AI Model deployment name.
        For example: https://your-unique-host.openai.azure.com/openai/deployments/gpt-4o
    2) AZURE_OPENAI_CHAT_KEY - Your model key. Keep it secret.
"""


def sample_chat_completions_azure_openai() -> None:
    import os

    try:
        endpoint = os.environ["AZURE_OPENAI_CHAT_ENDPOINT"]
        key = os.environ["AZURE_OPENAI_CHAT_KEY"]
    except KeyError:
        print("Missing environment variable 'AZURE_OPENAI_CHAT_ENDPOINT' or 'AZURE_OPENAI_CHAT_KEY'")
        print("Set them before running this sample.")
        exit()

    # [START chat_completions_azure_openai]
    from azure.ai.inference import ChatCompletionsClient
    from azure.ai.inference.models import SystemMessage, UserMessage
    from azure.core.credentials import AzureKeyCredential

    # See "Azure OpenAI in Azure AI Foundry Models API lifecycle" for the list of api versions.
    client = ChatCompletionsClient(
        endpoint=endpoint,
        credential=AzureKeyCredential(key),
        api_version="2024-06-01",
    )

    response = client.complete(
        messages=[
            SystemMessage("You are a helpful assistant."),
            UserMessage("How many feet are in a mile?"),
        ]
    )

    print(response.choices[0].message.content)
    # [END chat_completions_azure_openai]
    client.close()


if __name__ == "__main__":
    sample_chat_completions_azure_openai()
