# ------------------------------------
# Copyright (c) Microsoft Corporation.
# Licensed under the MIT License.
# ------------------------------------
"""
DESCRIPTION:
    This sample demonstrates how to load a prompt template from a `.prompty` file, render it
    into chat messages, and send them to a chat completions model with a synchronous client.
    The model name and the call parameters (temperature, max_tokens) come from the file.

    The relative path "sample1.prompty" is resolved against the directory of this script, so the
    sample can be run from any working directory. Loading `.prompty` files needs PyYAML:
    install this package with its `prompts` extra
    (from a checkout: `python -m pip install "/path/to/checkout[prompts]"`).

USAGE:
    python sample_chat_completions_from_input_prompty.py

    Set these two environment variables before running the sample:
    1) AZURE_AI_CHAT_ENDPOINT - Your endpoint URL, in the form
        https://<your-deployment-name>.<your-azure-region>.models.ai.azure.com
        where `your-deployment-name` is your unique AI Model deployment name, and
        `your-azure-region` is the Azure region where your model is deployed.
    2) AZURE_AI_CHAT_KEY - Your model key. Keep it secret.
"""


def sample_chat_completions_from_input_prompty() -> None:
    import os
    from typing import cast

    from azure.ai.inference import ChatCompletionsClient
    from azure.ai.inference.models import ChatCompletions
    from azure.ai.inference.prompts import PromptTemplate
    from azure.core.credentials import AzureKeyCredential

    try:
        endpoint = os.environ["AZURE_AI_CHAT_ENDPOINT"]
        key = os.environ["AZURE_AI_CHAT_KEY"]
    except KeyError:
        print("Missing environment variable 'AZURE_AI_CHAT_ENDPOINT' or 'AZURE_AI_CHAT_KEY'")
        print("Set them before running this sample.")
        exit()

    prompt_template = PromptTemplate.from_prompty(file_path="sample1.prompty")

    rules = [
        {"rule": "Check-in is from 3pm, check-out is until 11am."},
        {"rule": "Breakfast is served from 7am to 10am in the garden room."},
        {"rule": "Guests can park in the underground garage for 15 euros per night."},
    ]
    chat_history = [
        {"role": "user", "content": "Hello, I arrive tonight around 9pm."},
        {"role": "assistant", "content": "Welcome! Check-in is open from 3pm, so 9pm is no problem."},
    ]
    messages = prompt_template.create_messages(
        input="Can I still get breakfast if I come down at 10:15?", rules=rules, chat_history=chat_history
    )

    with ChatCompletionsClient(endpoint=endpoint, credential=AzureKeyCredential(key)) as client:
        # The template's parameters are a plain dict: a type checker cannot tell that they do not ask
        # for a stream, so the cast says so.
        response = cast(
            ChatCompletions,
            client.complete(messages=messages, model=prompt_template.model_name, **prompt_template.parameters),
        )

    print(response.choices[0].message.content)


if __name__ == "__main__":
    sample_chat_completions_from_input_prompty()
