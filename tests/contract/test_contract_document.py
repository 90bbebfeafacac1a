"""The preparation of the official documents for Prism (no Prism needed)."""

from __future__ import annotations

import json
from typing import Any, Dict

import pytest

from conftest import CONTRACT_VERSIONS, OPENAPI
from prism_contract_document import POLYMORPHIC_SUFFIX, prepare_for_prism, subtypes_by_base


@pytest.fixture(params=CONTRACT_VERSIONS)
def official(request: pytest.FixtureRequest) -> Dict[str, Any]:
    path = OPENAPI / f"{request.param}.json"
    document: Dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return document


def test_the_three_polymorphic_hierarchies_are_found(official: Dict[str, Any]) -> None:
    hierarchy = subtypes_by_base(official["definitions"])
    assert sorted(hierarchy) == ["ChatCompletionsResponseFormat", "ChatMessageContentItem", "ChatRequestMessage"]
    assert sorted(hierarchy["ChatRequestMessage"]) == [
        "ChatRequestAssistantMessage",
        "ChatRequestSystemMessage",
        "ChatRequestToolMessage",
        "ChatRequestUserMessage",
    ]


def test_messages_are_checked_against_each_role_and_unclaimed_roles_against_the_base(official: Dict[str, Any]) -> None:
    prepared = prepare_for_prism(official)
    options = prepared["definitions"]["ChatRequestMessage" + POLYMORPHIC_SUFFIX]["oneOf"]
    assert len(options) == 5
    assert options[-1]["allOf"][0] == {"$ref": "#/definitions/ChatRequestMessage"}
    unclaimed_roles = options[-1]["allOf"][1]["properties"]["role"]["not"]["enum"]
    assert sorted(unclaimed_roles) == ["assistant", "system", "tool", "user"]
    items = prepared["definitions"]["ChatCompletionsOptions"]["properties"]["messages"]["items"]
    assert items == {"$ref": "#/definitions/ChatRequestMessage" + POLYMORPHIC_SUFFIX}


def test_subtypes_still_extend_their_base(official: Dict[str, Any]) -> None:
    prepared = prepare_for_prism(official)
    assert prepared["definitions"]["ChatRequestToolMessage"]["allOf"] == [{"$ref": "#/definitions/ChatRequestMessage"}]


def test_examples_and_default_responses_are_removed_and_nothing_else_of_the_paths(official: Dict[str, Any]) -> None:
    prepared = prepare_for_prism(official)
    text = json.dumps(prepared)
    assert "x-ms-examples" not in text
    paths = prepared["paths"]
    responses = {path: sorted(item.get("post", item.get("get"))["responses"]) for path, item in paths.items()}
    assert responses == {
        "/chat/completions": ["200"],
        "/embeddings": ["200"],
        "/images/embeddings": ["200"],
        "/info": ["200"],
    }
    assert "x-ms-examples" in json.dumps(official)  # the input is left untouched
