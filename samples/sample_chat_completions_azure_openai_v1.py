# ------------------------------------
# Copyright (c) Microsoft Corporation.
# Licensed under the MIT License.
# ------------------------------------
"""
DESCRIPTION:
    This sample demonstrates how to get a chat completion from an Azure OpenAI deployment through
    the OpenAI-style `/openai/v1` route, with a synchronous client.

    On a route whose path ends in `/openai/v1` (or `/v1`) the client sends no `api-version` query
    parameter unless you give one (`api_version=...`), and `get_model_info()` / `load_client()`
    fail at once (these routes have no `/info`). The model is named per request with `model=`:
    on Azure OpenAI it is your deployment name. Token usage details (cached prompt tokens,
    reasoning tokens) are typed attributes of `response.usage`.

USAGE:
    python sample_chat_completions_azure_openai_v1.py

    Set these environment variables before running the sample:
    1) AZURE_OPENAI_CHAT_ENDPOINT - Your Azure OpenAI endpoint with the v1 route, in the form
        https://<your-resource-name>.openai.azure.com/openai/v1
    2) AZURE_OPENAI_CHAT_DEPLOYMENT - The name of your model deployment, for example `gpt-4o-mini`.
    3) AZURE_OPENAI_CHAT_KEY - Your Azure OpenAI key. Keep it secret. If this variable is not set,
        the sample authenticates with Entra ID instead (`DefaultAzureCredential` from the
        `azure-identity` package; the token scope https://cognitiveservices.azure.com/.default is
        chosen from the host name).
"""


def sample_chat_completions_azure_openai_v1() -> None:
    import os
    from typing import Union

    from azure.ai.inference import ChatCompletionsClient
    from azure.ai.inference.models import SystemMessage, UserMessage
    from azure.core.credentials import AzureKeyCredential, TokenCredential

    try:
        endpoint = os.environ["AZURE_OPENAI_CHAT_ENDPOINT"]
        deployment = os.environ["AZURE_OPENAI_CHAT_DEPLOYMENT"]
    except KeyError:
        print("Missing environment variable 'AZURE_OPENAI_CHAT_ENDPOINT' or 'AZURE_OPENAI_CHAT_DEPLOYMENT'")
        print("Set them before running this sample.")
        exit()

    key = os.environ.get("AZURE_OPENAI_CHAT_KEY")
    credential: Union[AzureKeyCredential, TokenCredential]
    if key:
        credential = AzureKeyCredential(key)
    else:
        from azure.identity import DefaultAzureCredential  # pip install azure-identity

        credential = DefaultAzureCredential(exclude_interactive_browser_credential=False)

    with ChatCompletionsClient(endpoint=endpoint, credential=credential) as client:
        response = client.complete(
            model=deployment,
            messages=[
                SystemMessage("You are a helpful assistant."),
                UserMessage("How many feet are in a mile?"),
            ],
        )

    print(response.choices[0].message.content)
    usage = response.usage
    print(f"Tokens: {usage.prompt_tokens} in, {usage.completion_tokens} out")
    if usage.prompt_tokens_details is not None:
        print(f"Cached prompt tokens: {usage.prompt_tokens_details.cached_tokens}")
    if usage.completion_tokens_details is not None:
        print(f"Reasoning tokens: {usage.completion_tokens_details.reasoning_tokens}")


if __name__ == "__main__":
    sample_chat_completions_azure_openai_v1()
