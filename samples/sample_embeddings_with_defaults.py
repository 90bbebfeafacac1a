# ------------------------------------
# Copyright (c) Microsoft Corporation.
# Licensed under the MIT License.
# ------------------------------------
"""
DESCRIPTION:
    This sample demonstrates how to give a synchronous EmbeddingsClient default settings
    (dimensions, input_type, encoding_format, model) in its constructor. They are sent with every
    `embed` call made on that client; a value given to `embed` itself wins for that call only.

USAGE:
    python sample_embeddings_with_defaults.py

    Set these two environment variables before running the sample:
    1) AZURE_AI_EMBEDDINGS_ENDPOINT - Your endpoint URL, in the form
        https://<your-deployment-name>.<your-azure-region>.models.ai.azure.com
        where `your-deployment-name` is your unique AI Model deployment name, and
        `your-azure-region` is the Azure region where your model is deployed.
    2) AZURE_AI_EMBEDDINGS_KEY - Your model key. Keep it secret.
"""


def sample_embeddings_with_defaults() -> None:
    import os

    try:
        endpoint = os.environ["AZURE_AI_EMBEDDINGS_ENDPOINT"]
        key = os.environ["AZURE_AI_EMBEDDINGS_KEY"]
    except KeyError:
        print("Missing environment variable 'AZURE_AI_EMBEDDINGS_ENDPOINT' or 'AZURE_AI_EMBEDDINGS_KEY'")
        print("Set them before running this sample.")
        exit()

    # [START embeddings_with_defaults]
    from azure.ai.inference import EmbeddingsClient
    from azure.ai.inference.models import EmbeddingInputType
    from azure.core.credentials import AzureKeyCredential

    # These settings are sent with every embed() call of this client.
    client = EmbeddingsClient(
        endpoint=endpoint,
        credential=AzureKeyCredential(key),
        dimensions=8,
        input_type=EmbeddingInputType.DOCUMENT,
    )

    response = client.embed(input=["first phrase", "second phrase"])
    for item in response.data:
        print(f"document data[{item.index}]: length={len(item.embedding)}")

    # Per-call values win over the client's defaults for this call only.
    response = client.embed(input=["a search query"], input_type=EmbeddingInputType.QUERY, dimensions=4)
    for item in response.data:
        print(f"query data[{item.index}]: length={len(item.embedding)}")
    # [END embeddings_with_defaults]
    client.close()


if __name__ == "__main__":
    sample_embeddings_with_defaults()
