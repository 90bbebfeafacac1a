"""The emulator's lists of known body parameters match the OpenAPI files in tests/data/spec."""

from __future__ import annotations

import json
from typing import FrozenSet, Set

import pytest

from tests.emulator.validation import CHAT_PARAMETERS, EMBEDDINGS_PARAMETERS, IMAGE_EMBEDDINGS_PARAMETERS
from tests.paths import OPENAPI_DIR

SPEC_FILES = ("2024-05-01-preview.json", "2025-05-01.json")


def _properties(schema_name: str) -> FrozenSet[str]:
    names: Set[str] = set()
    for file_name in SPEC_FILES:
        definitions = json.loads((OPENAPI_DIR / file_name).read_text(encoding="utf-8"))["definitions"]
        names |= set(definitions[schema_name]["properties"])
    return frozenset(names)


@pytest.mark.parametrize(
    "schema_name, known",
    [("ChatCompletionsOptions", CHAT_PARAMETERS), ("EmbeddingsOptions", EMBEDDINGS_PARAMETERS),
     ("ImageEmbeddingsOptions", IMAGE_EMBEDDINGS_PARAMETERS)],
)
def test_known_parameters_are_the_union_of_the_spec_versions(schema_name, known):
    assert known == _properties(schema_name)
