# ------------------------------------
# Copyright (c) Microsoft Corporation.
# Licensed under the MIT License.
# ------------------------------------
"""
DESCRIPTION:
    This sample demonstrates how to send a local audio file to a chat completions model, using a
    synchronous client. `InputAudio.load` reads the file and base64-encodes it; the audio goes
    into the user message as an `AudioContentItem` next to a text item. The model must support
    audio input (WAV and MP3 formats are defined).

USAGE:
    python sample_chat_completions_with_audio_data.py

    Set these two environment variables before running the sample:
    1) AZURE_AI_CHAT_ENDPOINT - Your endpoint URL, in the form
        https://<your-deployment-name>.<your-azure-region>.models.ai.azure.com
        where `your-deployment-name` is your unique AI Model deployment name, and
        `your-azure-region` is the Azure region where your model is deployed.
    2) AZURE_AI_CHAT_KEY - Your model key. Keep it secret.
"""


def sample_chat_completions_with_audio_data() -> None:
    import os

    try:
        endpoint = os.environ["AZURE_AI_CHAT_ENDPOINT"]
        key = os.environ["AZURE_AI_CHAT_KEY"]
    except KeyError:
        print("Missing environment variable 'AZURE_AI_CHAT_ENDPOINT' or 'AZURE_AI_CHAT_KEY'")
        print("Set them before running this sample.")
        exit()

    # [START chat_completions_with_audio_data]
    from azure.ai.inference import ChatCompletionsClient
    from azure.ai.inference.models import (
        AudioContentFormat,
        AudioContentItem,
        InputAudio,
        SystemMessage,
        TextContentItem,
        UserMessage,
    )
    from azure.core.credentials import AzureKeyCredential

    audio_file = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data", "sample1.wav")

    client = ChatCompletionsClient(endpoint=endpoint, credential=AzureKeyCredential(key))

    response = client.complete(
        messages=[
            SystemMessage("You are an AI assistant for translating and transcribing audio clips."),
            UserMessage(
                [
                    TextContentItem(text="Please describe this audio clip."),
                    AudioContentItem(
                        input_audio=InputAudio.load(audio_file=audio_file, audio_format=AudioContentFormat.WAV)
                    ),
                ]
            ),
        ],
    )

    print(response.choices[0].message.content)
    # [END chat_completions_with_audio_data]
    client.close()


if __name__ == "__main__":
    sample_chat_completions_with_audio_data()
