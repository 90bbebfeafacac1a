# ------------------------------------
# Copyright (c) Microsoft Corporation.
# Licensed under the MIT License.
# ------------------------------------
"""
DESCRIPTION:
    This sample demonstrates how to authenticate with Microsoft Entra ID instead of a key, using
    an asynchronous client and the asynchronous `DefaultAzureCredential` from
    `azure.identity.aio`. The client sends the token as `Authorization: Bearer <token>`; tokens are
    only ever sent over https.

    By default the token is requested for the scope "https://ml.azure.com/.default" (Serverless
    API and Managed Compute endpoints). For an Azure AI Services endpoint
    (https://<resource>.services.ai.azure.com/models) or Azure OpenAI, pass
    credential_scopes=["https://cognitiveservices.azure.com/.default"] to the client.

USAGE:
    python sample_chat_completions_with_entra_id_auth_async.py

    The asynchronous clients need aiohttp: install this package with its `aio` extra
    (from a checkout: `python -m pip install "/path/to/checkout[aio]"`).
    Install azure-identity too: `pip install azure-identity`, and sign in (for example with
    `az login`) with an identity that has access to the deployment.

    Set this environment variable before running the sample:
    1) AZURE_AI_CHAT_ENDPOINT - Your endpoint URL, in the form
        https://<your-deployment-name>.<your-azure-region>.models.ai.azure.com
        where `your-deployment-name` is your unique AI Model deployment name, and
        `your-azure-region` is the Azure region where your model is deployed.
"""
import asyncio


async def sample_chat_completions_with_entra_id_auth_async() -> None:
    import os

    try:
        endpoint = os.environ["AZURE_AI_CHAT_ENDPOINT"]
    except KeyError:
        print("Missing environment variable 'AZURE_AI_CHAT_ENDPOINT'")
        print("Set it before running this sample.")
        exit()

    from azure.ai.inference.aio import ChatCompletionsClient
    from azure.ai.inference.models import SystemMessage, UserMessage
    from azure.identity.aio import DefaultAzureCredential

    async with DefaultAzureCredential() as credential:
        async with ChatCompletionsClient(endpoint=endpoint, credential=credential) as client:
            response = await client.complete(
                messages=[
                    SystemMessage("You are a helpful assistant."),
                    UserMessage("What is the capital of France?"),
                ]
            )
            print(response.choices[0].message.content)


async def main() -> None:
    await sample_chat_completions_with_entra_id_auth_async()


if __name__ == "__main__":
    asyncio.run(main())
