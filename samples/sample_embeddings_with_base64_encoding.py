# ------------------------------------
# Copyright (c) Microsoft Corporation.
# Licensed under the MIT License.
# ------------------------------------
"""
DESCRIPTION:
    This sample demonstrates how to get text embeddings as base64 strings instead of lists of
    numbers, using a synchronous EmbeddingsClient with `encoding_format=EmbeddingEncodingFormat.BASE64`.
    The SDK leaves each embedding as the string the service sent; the sample decodes it into
    little-endian 32-bit floats. The model must support this encoding format.

USAGE:
    python sample_embeddings_with_base64_encoding.py

    Set these two environment variables before running the sample:
    1) AZURE_AI_EMBEDDINGS_ENDPOINT - Your endpoint URL, in the form
        https://<your-deployment-name>.<your-azure-region>.models.ai.azure.com
        where `your-deployment-name` is your unique AI Model deployment name, and
        `your-azure-region` is the Azure region where your model is deployed.
    2) AZURE_AI_EMBEDDINGS_KEY - Your model key. Keep it secret.
"""


def sample_embeddings_with_base64_encoding() -> None:
    import os

    try:
        endpoint = os.environ["AZURE_AI_EMBEDDINGS_ENDPOINT"]
        key = os.environ["AZURE_AI_EMBEDDINGS_KEY"]
    except KeyError:
        print("Missing environment variable 'AZURE_AI_EMBEDDINGS_ENDPOINT' or 'AZURE_AI_EMBEDDINGS_KEY'")
        print("Set them before running this sample.")
        exit()

    # [START embeddings_with_base64_encoding]
    import base64
    import struct

    from azure.ai.inference import EmbeddingsClient
    from azure.ai.inference.models import EmbeddingEncodingFormat
    from azure.core.credentials import AzureKeyCredential

    client = EmbeddingsClient(endpoint=endpoint, credential=AzureKeyCredential(key))

    response = client.embed(
        input=["first phrase", "second phrase", "third phrase"],
        encoding_format=EmbeddingEncodingFormat.BASE64,
    )

    for item in response.data:
        raw = base64.b64decode(item.embedding)
        vector = struct.unpack(f"<{len(raw) // 4}f", raw)
        print(f"data[{item.index}]: base64 length={len(item.embedding)}, decoded length={len(vector)}, "
              f"[{vector[0]}, {vector[1]}, ..., {vector[-2]}, {vector[-1]}]")
    # [END embeddings_with_base64_encoding]
    client.close()


if __name__ == "__main__":
    sample_embeddings_with_base64_encoding()
