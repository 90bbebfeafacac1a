# ------------------------------------
# Copyright (c) Microsoft Corporation.
# Licensed under the MIT License.
# ------------------------------------
"""
DESCRIPTION:
    This sample demonstrates how to get structured output whose JSON schema comes from a pydantic
    model, using a synchronous client. `Recipe.model_json_schema()` gives the schema that goes
    into a `JsonSchemaFormat`, and `Recipe.model_validate_json` turns the model's answer back into
    a typed object. The model must support structured output.

USAGE:
    python sample_chat_completions_with_structured_output_pydantic.py

    This sample needs pydantic 2: `pip install pydantic`.

    Set these two environment variables before running the sample:
    1) AZURE_AI_CHAT_ENDPOINT - Your endpoint URL, in the form
        https://<your-deployment-name>.<your-azure-region>.models.ai.azure.com
        where `your-deployment-name` is your unique AI Model deployment name, and
        `your-azure-region` is the Azure region where your model is deployed.
    2) AZURE_AI_CHAT_KEY - Your model key. Keep it secret.
"""
from typing import List


def sample_chat_completions_with_structured_output_pydantic() -> None:
    import os

    try:
        endpoint = os.environ["AZURE_AI_CHAT_ENDPOINT"]
        key = os.environ["AZURE_AI_CHAT_KEY"]
    except KeyError:
        print("Missing environment variable 'AZURE_AI_CHAT_ENDPOINT' or 'AZURE_AI_CHAT_KEY'")
        print("Set them before running this sample.")
        exit()

    try:
        from pydantic import BaseModel, ConfigDict, Field
    except ImportError:
        print("This sample needs pydantic 2. Install it with 'pip install pydantic', then run it again.")
        exit()

    from azure.ai.inference import ChatCompletionsClient
    from azure.ai.inference.models import JsonSchemaFormat, SystemMessage, UserMessage
    from azure.core.credentials import AzureKeyCredential

    # extra="forbid" puts "additionalProperties": false in the schema, as strict mode expects.
    class Ingredient(BaseModel):
        model_config = ConfigDict(extra="forbid")
        name: str
        quantity: str

    class Recipe(BaseModel):
        model_config = ConfigDict(extra="forbid")
        title: str = Field(description="The name of the recipe")
        servings: int = Field(description="How many people the recipe serves")
        ingredients: List[Ingredient]
        steps: List[str]

    client = ChatCompletionsClient(endpoint=endpoint, credential=AzureKeyCredential(key))

    response = client.complete(
        messages=[
            SystemMessage("You are a helpful cooking assistant."),
            UserMessage("Please give me the recipe for Chocolate Chip Cookies."),
        ],
        response_format=JsonSchemaFormat(
            name="Recipe",
            schema=Recipe.model_json_schema(),
            description="A recipe, with its ingredients and steps",
            strict=True,
        ),
    )

    recipe = Recipe.model_validate_json(response.choices[0].message.content or "{}")
    print(f"Title: {recipe.title}")
    print(f"Servings: {recipe.servings}")
    for ingredient in recipe.ingredients:
        print(f"Ingredient: {ingredient.quantity} {ingredient.name}")
    for number, step in enumerate(recipe.steps, start=1):
        print(f"Step {number}: {step}")
    client.close()


if __name__ == "__main__":
    sample_chat_completions_with_structured_output_pydantic()
