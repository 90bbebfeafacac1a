# ------------------------------------
# Copyright (c) Microsoft Corporation.
# Licensed under the MIT License.
# ------------------------------------
"""
DESCRIPTION:
    This sample demonstrates how to get a chat completions answer that follows a JSON schema
    ("structured output"), using a synchronous client. The schema is passed as a
    `JsonSchemaFormat` in `response_format`; with `strict=True` the model must follow it exactly.
    The answer's content is then JSON text that the sample parses and prints. The model must
    support structured output.

USAGE:
    python sample_chat_completions_with_structured_output.py

    Set these two environment variables before running the sample:
    1) AZURE_AI_CHAT_ENDPOINT - Your endpoint URL, in the form
        https://<your-deployment-name>.<your-azure-region>.models.ai.azure.com
        where `your-deployment-name` is your unique AI Model deployment name, and
        `your-azure-region` is the Azure region where your model is deployed.
    2) AZURE_AI_CHAT_KEY - Your model key. Keep it secret.
"""
import json


def sample_chat_completions_with_structured_output() -> None:
    import os

    try:
        endpoint = os.environ["AZURE_AI_CHAT_ENDPOINT"]
        key = os.environ["AZURE_AI_CHAT_KEY"]
    except KeyError:
        print("Missing environment variable 'AZURE_AI_CHAT_ENDPOINT' or 'AZURE_AI_CHAT_KEY'")
        print("Set them before running this sample.")
        exit()

    # [START chat_completions_with_structured_output]
    from azure.ai.inference import ChatCompletionsClient
    from azure.ai.inference.models import JsonSchemaFormat, SystemMessage, UserMessage
    from azure.core.credentials import AzureKeyCredential

    # A JSON schema for a recipe: a title, a number of servings, ingredients and steps.
    recipe_schema = {
        "type": "object",
        "properties": {
            "title": {"type": "string", "description": "The name of the recipe"},
            "servings": {"type": "integer", "description": "How many people the recipe serves"},
            "ingredients": {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {"name": {"type": "string"}, "quantity": {"type": "string"}},
                    "required": ["name", "quantity"],
                    "additionalProperties": False,
                },
            },
            "steps": {"type": "array", "items": {"type": "string"}},
        },
        "required": ["title", "servings", "ingredients", "steps"],
        "additionalProperties": False,
    }

    client = ChatCompletionsClient(endpoint=endpoint, credential=AzureKeyCredential(key))

    response = client.complete(
        messages=[
            SystemMessage("You are a helpful cooking assistant."),
            UserMessage("Please give me the recipe for Chocolate Chip Cookies."),
        ],
        response_format=JsonSchemaFormat(
            name="Recipe_JSON_Schema",
            schema=recipe_schema,
            description="A recipe, with its ingredients and steps",
            strict=True,
        ),
    )

    recipe = json.loads(response.choices[0].message.content or "{}")
    print(json.dumps(recipe, indent=2))
    # [END chat_completions_with_structured_output]
    print(f"Recipe keys: {', '.join(sorted(recipe))}")
    client.close()


if __name__ == "__main__":
    sample_chat_completions_with_structured_output()
