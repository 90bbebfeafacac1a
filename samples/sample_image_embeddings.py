# ------------------------------------
# Copyright (c) Microsoft Corporation.
# Licensed under the MIT License.
# ------------------------------------
"""
DESCRIPTION:
    This sample demonstrates how to get image embeddings for a local image file, optionally
    together with a piece of text, using a synchronous ImageEmbeddingsClient.
    `ImageEmbeddingInput.load` reads the file and builds the base64 data URL the service expects.

USAGE:
    python sample_image_embeddings.py

    Set these two environment variables before running the sample:
    1) AZURE_AI_IMAGE_EMBEDDINGS_ENDPOINT - Your endpoint URL, in the form
        https://<your-deployment-name>.<your-azure-region>.models.ai.azure.com
        where `your-deployment-name` is your unique AI Model deployment name, and
        `your-azure-region` is the Azure region where your model is deployed.
    2) AZURE_AI_IMAGE_EMBEDDINGS_KEY - Your model key. Keep it secret.
"""


def sample_image_embeddings() -> None:
    import os

    try:
        endpoint = os.environ["AZURE_AI_IMAGE_EMBEDDINGS_ENDPOINT"]
        key = os.environ["AZURE_AI_IMAGE_EMBEDDINGS_KEY"]
    except KeyError:
        print("Missing environment variable 'AZURE_AI_IMAGE_EMBEDDINGS_ENDPOINT' or 'AZURE_AI_IMAGE_EMBEDDINGS_KEY'")
        print("Set them before running this sample.")
        exit()

    # [START image_embeddings]
    from azure.ai.inference import ImageEmbeddingsClient
    from azure.ai.inference.models import ImageEmbeddingInput
    from azure.core.credentials import AzureKeyCredential

    image_file = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data", "sample1.png")

    client = ImageEmbeddingsClient(endpoint=endpoint, credential=AzureKeyCredential(key))

    response = client.embed(
        input=[
            ImageEmbeddingInput.load(image_file=image_file, image_format="png"),
            ImageEmbeddingInput.load(image_file=image_file, image_format="png", text="a colour gradient"),
        ]
    )

    for item in response.data:
        length = len(item.embedding)
        print(
            f"data[{item.index}]: length={length}, [{item.embedding[0]}, {item.embedding[1]}, "
            f"..., {item.embedding[length-2]}, {item.embedding[length-1]}]"
        )
    # [END image_embeddings]
    client.close()


if __name__ == "__main__":
    sample_image_embeddings()
