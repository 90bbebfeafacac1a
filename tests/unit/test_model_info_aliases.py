"""B14.1 step 4-7, B14.2: the ``model_type`` spellings ``load_client`` understands (table test)."""

from __future__ import annotations

import pytest

from azure.ai.inference._sansio.model_info import client_kind, probe_kwargs
from azure.ai.inference.models import ModelType

CHAT = ["chat_completion", "chat_completions", "chat", "completion", "chat-completion", "chat-completions",
        "chat completion", "chat completions", ModelType.CHAT_COMPLETION]  # fmt: skip
EMBEDDINGS = ["embeddings", "embedding", "text_embedding", "text-embeddings", "text embedding", "text embeddings",
              ModelType.EMBEDDINGS]  # fmt: skip
IMAGE_EMBEDDINGS = ["image_embeddings", "image_embedding", "image-embeddings", "image-embedding", "image embedding",
                    "image embeddings", ModelType.IMAGE_EMBEDDINGS]  # fmt: skip
UNSUPPORTED = ["Chat-Completion", "CHAT_COMPLETION", "completions", "text-embedding", "text_generation",
               "image_generation", "audio_generation", " chat", "chat "]  # fmt: skip


@pytest.mark.parametrize(
    ("model_type", "kind"),
    [(value, "chat") for value in CHAT]
    + [(value, "embeddings") for value in EMBEDDINGS]
    + [(value, "image_embeddings") for value in IMAGE_EMBEDDINGS],
)
def test_alias_selects_the_client_kind(model_type, kind):
    """B14.1 step 5: exact, case-sensitive match against the alias table."""
    assert client_kind(model_type) == kind


@pytest.mark.parametrize("model_type", UNSUPPORTED)
def test_unsupported_model_type_is_named_in_the_error(model_type):
    """B14.1 step 7: no alias -> ValueError naming the value."""
    with pytest.raises(ValueError) as caught:
        client_kind(model_type)
    assert str(caught.value) == f"No client available to support AI model type `{model_type}`"


@pytest.mark.parametrize(
    "member", [ModelType.TEXT_GENERATION, ModelType.IMAGE_GENERATION, ModelType.AUDIO_GENERATION]
)
def test_unsupported_enum_member_shows_its_value(member):
    """B14.2 (fixed): an SDK enum member shows its value (``text_generation``), not ``ModelType.X``."""
    with pytest.raises(ValueError) as caught:
        client_kind(member)
    assert str(caught.value) == f"No client available to support AI model type `{member.value}`"


@pytest.mark.parametrize("model_type", [None, "", 0])
def test_missing_model_type_is_an_error(model_type):
    """B14.1 step 4: a falsy model type -> ValueError."""
    with pytest.raises(ValueError) as caught:
        client_kind(model_type)
    assert str(caught.value) == (
        "The AI model information is missing a value for `model type`. Cannot create an appropriate client."
    )


def test_non_string_model_type_is_unsupported():
    """B14.1 step 7: a truthy non-string value matches nothing."""
    with pytest.raises(ValueError) as caught:
        client_kind(5)
    assert str(caught.value) == "No client available to support AI model type `5`"


def test_probe_keeps_pipeline_options_and_drops_call_defaults():
    """B14.1 step 1/B14.6: the ``/info`` probe gets every kwarg except the clients' call defaults."""
    kwargs = {"api_version": "v", "headers": {"a": "1"}, "dimensions": 3, "temperature": 0.1, "response_format": "x"}
    assert probe_kwargs(kwargs) == {"api_version": "v", "headers": {"a": "1"}}
