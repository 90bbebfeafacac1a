# ------------------------------------
# Copyright (c) Microsoft Corporation.
# Licensed under the MIT License.
# ------------------------------------
"""
DESCRIPTION:
    This sample demonstrates how to get image embeddings for a local image file, using an
    asynchronous ImageEmbeddingsClient. `ImageEmbeddingInput.load` builds the base64 data URL.

USAGE:
    python sample_image_embeddings_async.py

    The asynchronous clients need aiohttp: install this package with its `aio` extra
    (from a checkout: `python -m pip install "/path/to/checkout[aio]"`).

    Set these two environment variables before running the sample:
    1) AZURE_AI_IMAGE_EMBEDDINGS_ENDPOINT - Your endpoint URL, in the form
        https://<your-deployment-name>.<your-azure-region>.models.ai.azure.com
        where `your-deployment-name` is your unique AI Model deployment name, and
        `your-azure-region` is the Azure region where your model is deployed.
    2) AZURE_AI_IMAGE_EMBEDDINGS_KEY - Your model key. Keep it secret.
"""
import asyncio


async def sample_image_embeddings_async() -> None:
    import os

    try:
        endpoint = os.environ["AZURE_AI_IMAGE_EMBEDDINGS_ENDPOINT"]
        key = os.environ["AZURE_AI_IMAGE_EMBEDDINGS_KEY"]
    except KeyError:
        print("Missing environment variable 'AZURE_AI_IMAGE_EMBEDDINGS_ENDPOINT' or 'AZURE_AI_IMAGE_EMBEDDINGS_KEY'")
        print("Set them before running this sample.")
        exit()

    # [START image_embeddings_async]
    from azure.ai.inference.aio import ImageEmbeddingsClient
    from azure.ai.inference.models import ImageEmbeddingInput
    from azure.core.credentials import AzureKeyCredential

    image_file = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "sample1.png")

    async with ImageEmbeddingsClient(endpoint=endpoint, credential=AzureKeyCredential(key)) as client:
        response = await client.embed(
            input=[ImageEmbeddingInput.load(image_file=image_file, image_format="png", text="a colour gradient")]
        )

        for item in response.data:
            length = len(item.embedding)
            print(
                f"data[{item.index}]: length={length}, [{item.embedding[0]}, {item.embedding[1]}, "
                f"..., {item.embedding[length-2]}, {item.embedding[length-1]}]"
            )
    # [END image_embeddings_async]


async def main() -> None:
    await sample_image_embeddings_async()


if __name__ == "__main__":
    asyncio.run(main())
