# ------------------------------------
# Copyright (c) Microsoft Corporation.
# Licensed under the MIT License.
# ------------------------------------
"""
DESCRIPTION:
    This sample demonstrates how to send model-specific parameters that the REST API does not
    define, using `model_extras` with a synchronous client. The extra keys are added at the top
    level of the JSON request body, and the request gets the HTTP header
    `extra-parameters: pass-through`, which tells the service to hand them to the model.
    Only use parameters your model supports: an unsupported one may be rejected by the model.

USAGE:
    python sample_chat_completions_with_model_extras.py

    Set these two environment variables before running the sample:
    1) AZURE_AI_CHAT_ENDPOINT - Your endpoint URL, in the form
        https://<your-deployment-name>.<your-azure-region>.models.ai.azure.com
        where `your-deployment-name` is your unique AI Model deployment name, and
        `your-azure-region` is the Azure region where your model is deployed.
    2) AZURE_AI_CHAT_KEY - Your model key. Keep it secret.
"""


def sample_chat_completions_with_model_extras() -> None:
    import os

    try:
        endpoint = os.environ["AZURE_AI_CHAT_ENDPOINT"]
        key = os.environ["AZURE_AI_CHAT_KEY"]
    except KeyError:
        print("Missing environment variable 'AZURE_AI_CHAT_ENDPOINT' or 'AZURE_AI_CHAT_KEY'")
        print("Set them before running this sample.")
        exit()

    # [START chat_completions_with_model_extras]
    from azure.ai.inference import ChatCompletionsClient
    from azure.ai.inference.models import SystemMessage, UserMessage
    from azure.core.credentials import AzureKeyCredential

    client = ChatCompletionsClient(endpoint=endpoint, credential=AzureKeyCredential(key))

    response = client.complete(
        messages=[
            SystemMessage("You are a helpful assistant."),
            UserMessage("What is the capital of France?"),
        ],
        # Sent as top-level JSON keys: {"messages": [...], "n": 2, "logprobs": false}
        model_extras={"n": 2, "logprobs": False},
    )

    for choice in response.choices:
        print(f"Choice {choice.index}: {choice.message.content}")
    # [END chat_completions_with_model_extras]
    client.close()


if __name__ == "__main__":
    sample_chat_completions_with_model_extras()
