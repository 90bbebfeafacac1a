# ------------------------------------
# Copyright (c) Microsoft Corporation.
# Licensed under the MIT License.
# ------------------------------------
"""
DESCRIPTION:
    This sample demonstrates how to build chat messages from a prompt template string and send
    them to a chat completions model with a synchronous client.

    The template is mustache text with role markers ("system:", "user:", ...) on lines of their
    own; sections such as {{#chat_history}}...{{/chat_history}} repeat for every item of a list.
    The template's common indentation is removed, so it can be written indented in code.
    Template strings need no extra package (PyYAML is only needed for `.prompty` files).

USAGE:
    python sample_chat_completions_from_input_prompt_string.py

    Set these two environment variables before running the sample:
    1) AZURE_AI_CHAT_ENDPOINT - Your endpoint URL, in the form
        https://<your-deployment-name>.<your-azure-region>.models.ai.azure.com
        where `your-deployment-name` is your unique AI Model deployment name, and
        `your-azure-region` is the Azure region where your model is deployed.
    2) AZURE_AI_CHAT_KEY - Your model key. Keep it secret.
"""


def sample_chat_completions_from_input_prompt_string() -> None:
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

    # [START prompt_template_from_string]
    prompt_template_str = """
        system:
        You are a helpful librarian. Recommend at most two books, and give one sentence of reason
        for each. Take the reader's preferences into account:
        {{#preferences}}
        - {{.}}
        {{/preferences}}

        {{#chat_history}}
        {{role}}:
        {{content}}
        {{/chat_history}}

        user:
        {{input}}
        """
    prompt_template = PromptTemplate.from_string(
        prompt_template=prompt_template_str, model_name="gpt-4o-mini", params={"temperature": 0.5}
    )

    chat_history = [
        {"role": "user", "content": "I just finished a long fantasy series and want a change."},
        {"role": "assistant", "content": "Happy to help! Any genre you are in the mood for?"},
    ]
    messages = prompt_template.create_messages(
        input="Something short, funny and set at sea, please.",
        preferences=["no horror", "paperbacks under 300 pages"],
        chat_history=chat_history,
    )

    with ChatCompletionsClient(endpoint=endpoint, credential=AzureKeyCredential(key)) as client:
        # The template's parameters are a plain dict: a type checker cannot tell that they do not ask
        # for a stream, so the cast says so.
        response = cast(
            ChatCompletions,
            client.complete(messages=messages, model=prompt_template.model_name, **prompt_template.parameters),
        )

    print(response.choices[0].message.content)
    # [END prompt_template_from_string]


if __name__ == "__main__":
    sample_chat_completions_from_input_prompt_string()
