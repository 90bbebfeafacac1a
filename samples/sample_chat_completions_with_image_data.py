# ------------------------------------
# Copyright (c) Microsoft Corporation.
# Licensed under the MIT License.
# ------------------------------------
"""
DESCRIPTION:
    This sample demonstrates how to ask a chat completions model about a local image file, using a
    synchronous client. `ImageUrl.load` reads the file and turns it into a base64 data URL
    (`data:image/png;base64,...`), which is sent inside the request. The model must support image
    input.

USAGE:
    python sample_chat_completions_with_image_data.py

    Set these two environment variables before running the sample:
    1) AZURE_AI_CHAT_ENDPOINT - Your endpoint URL, in the form
        https://<your-deployment-name>.<your-azure-region>.models.ai.azure.com
        where `your-deployment-name` is your unique AI Model deployment name, and
        `your-azure-region` is the Azure region where your model is deployed.
    2) AZURE_AI_CHAT_KEY - Your model key. Keep it secret.
"""


def sample_chat_completions_with_image_data() -> None:
    import os

    try:
        endpoint = os.environ["AZURE_AI_CHAT_ENDPOINT"]
        key = os.environ["AZURE_AI_CHAT_KEY"]
    except KeyError:
        print("Missing environment variable 'AZURE_AI_CHAT_ENDPOINT' or 'AZURE_AI_CHAT_KEY'")
        print("Set them before running this sample.")
        exit()

    # [START chat_completions_with_image_data]
    from azure.ai.inference import ChatCompletionsClient
    from azure.ai.inference.models import (
        ImageContentItem,
        ImageDetailLevel,
        ImageUrl,
        SystemMessage,
        TextContentItem,
        UserMessage,
    )
    from azure.core.credentials import AzureKeyCredential

    image_file = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data", "sample1.png")

    client = ChatCompletionsClient(endpoint=endpoint, credential=AzureKeyCredential(key))

    response = client.complete(
        messages=[
            SystemMessage("You are an AI assistant that describes images in details."),
            UserMessage(
                [
                    TextContentItem(text="What's in this image?"),
                    ImageContentItem(
                        image_url=ImageUrl.load(image_file=image_file, image_format="png", detail=ImageDetailLevel.LOW)
                    ),
                ]
            ),
        ],
    )

    print(response.choices[0].message.content)
    # [END chat_completions_with_image_data]
    client.close()


if __name__ == "__main__":
    sample_chat_completions_with_image_data()
