# ------------------------------------
# Copyright (c) Microsoft Corporation.
# Licensed under the MIT License.
# ------------------------------------
"""
DESCRIPTION:
    This sample demonstrates how to use an OpenAI-compatible server (vLLM, llama.cpp's
    llama-server, Ollama, ...) with a synchronous client, and how to get structured output
    straight into a pydantic model: pass the model class as `response_format` and read
    `message.parsed`.

    The client sends the class's strict JSON schema; each choice's `message.parsed` is the answer
    validated as an instance of the class. If the answer does not validate, the model refuses, or
    generation stops at the token limit, `complete` raises a subclass of
    `azure.ai.inference.models.StructuredOutputError` naming the choice.

    Common endpoints: vLLM http://localhost:8000/v1, llama-server http://localhost:8080/v1,
    Ollama http://localhost:11434/v1. The server must support `response_format` of type
    `json_schema` (all three do).

USAGE:
    python sample_chat_completions_openai_compatible.py

    Requires pydantic (`pip install pydantic`).

    Set these environment variables before running the sample:
    1) OPENAI_COMPATIBLE_ENDPOINT - The server's base URL including `/v1`, for example
        http://localhost:8000/v1
    2) OPENAI_COMPATIBLE_MODEL - The model name the server serves, for example
        Qwen/Qwen2.5-1.5B-Instruct (vLLM) or llama3.2 (Ollama).
    3) OPENAI_COMPATIBLE_KEY - Optional. The server's API key, if it requires one (local servers
        usually accept any value).
"""

from enum import Enum
from typing import List, Optional

from pydantic import BaseModel


class Difficulty(str, Enum):
    EASY = "easy"
    MEDIUM = "medium"
    HARD = "hard"


class Ingredient(BaseModel):
    name: str
    quantity: str
    optional: bool


class Recipe(BaseModel):
    """A short recipe."""

    title: str
    difficulty: Difficulty
    ingredients: List[Ingredient]
    steps: List[str]
    serving_tip: Optional[str]


def sample_chat_completions_openai_compatible() -> None:
    import os

    from azure.ai.inference import ChatCompletionsClient
    from azure.ai.inference.models import SystemMessage, UserMessage
    from azure.core.credentials import AzureKeyCredential

    try:
        endpoint = os.environ["OPENAI_COMPATIBLE_ENDPOINT"]
        model = os.environ["OPENAI_COMPATIBLE_MODEL"]
    except KeyError:
        print("Missing environment variable 'OPENAI_COMPATIBLE_ENDPOINT' or 'OPENAI_COMPATIBLE_MODEL'")
        print("Set them before running this sample.")
        exit()
    key = os.environ.get("OPENAI_COMPATIBLE_KEY", "unused")

    with ChatCompletionsClient(endpoint=endpoint, credential=AzureKeyCredential(key), model=model) as client:
        response = client.complete(
            messages=[
                SystemMessage("You are a cook. Answer with a recipe."),
                UserMessage("A simple pancake recipe from Paris, please."),
            ],
            response_format=Recipe,
        )

    recipe = response.choices[0].message.parsed
    if recipe is None:  # no content: the model called a tool instead
        return
    print(f"{recipe.title} ({recipe.difficulty.value})")
    for ingredient in recipe.ingredients:
        print(f"- {ingredient.quantity} {ingredient.name}{' (optional)' if ingredient.optional else ''}")
    for number, step in enumerate(recipe.steps, start=1):
        print(f"{number}. {step}")


if __name__ == "__main__":
    sample_chat_completions_openai_compatible()
