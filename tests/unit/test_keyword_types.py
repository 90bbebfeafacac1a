"""The TypedDicts that type ``**kwargs`` (``_keywords.py``) name exactly what the run-time checks accept.

``_sansio/options.py`` decides at run time which keyword arguments reach azure-core; the TypedDicts
say the same to type checkers. If the two lists drift, a valid 1.0.0b9 option would become a type
error, or a misspelt one would pass the type checker and fail at run time.
"""

from __future__ import annotations

import inspect

from azure.ai.inference import _keywords
from azure.ai.inference._sansio import options
from azure.ai.inference._sansio.settings import ChatSettings, EmbeddingsSettings


def test_pipeline_call_options_are_the_run_time_list() -> None:
    assert set(_keywords.PipelineCallOptions.__annotations__) == set(options.PIPELINE_CALL_OPTIONS)


def test_client_options_are_the_run_time_list() -> None:
    assert set(_keywords.ClientOptions.__optional_keys__) == set(options.CLIENT_OPTIONS)
    assert _keywords.ClientOptions.__required_keys__ == frozenset()


def test_request_options_add_the_operation_options() -> None:
    added = {"headers", "params", "error_map"}
    assert set(_keywords.RequestOptions.__optional_keys__) == set(options.PIPELINE_CALL_OPTIONS) | added
    assert set(_keywords.BodyRequestOptions.__optional_keys__) == set(options.PIPELINE_CALL_OPTIONS) | added | {
        "content_type"
    }


def test_chat_options_are_the_settings_but_the_explicit_parameters() -> None:
    settings = set(ChatSettings.field_names()) - {"output_type"}
    chat = set(_keywords.ChatOptions.__optional_keys__) - set(_keywords.BodyRequestOptions.__optional_keys__)
    assert chat == settings - {"response_format"}


def test_embeddings_options_are_the_settings_but_the_explicit_parameters() -> None:
    settings = set(EmbeddingsSettings.field_names())
    embed = set(_keywords.EmbeddingsOptions.__optional_keys__) - set(_keywords.BodyRequestOptions.__optional_keys__)
    assert embed == settings - {"encoding_format"}


def test_load_client_options_are_the_constructor_options_and_every_call_default() -> None:
    defaults = set(ChatSettings.field_names()) | set(EmbeddingsSettings.field_names())
    assert set(_keywords.LoadClientOptions.__optional_keys__) == set(options.CLIENT_OPTIONS) | defaults - {"output_type"}


def test_the_signatures_name_the_typed_dicts_without_importing_them_at_run_time() -> None:
    from azure.ai.inference import ChatCompletionsClient, EmbeddingsClient
    from azure.ai.inference.aio import ChatCompletionsClient as AsyncChatCompletionsClient

    assert str(inspect.signature(ChatCompletionsClient.__init__).parameters["kwargs"]) == "**kwargs: 'Unpack[ClientOptions]'"
    assert str(inspect.signature(AsyncChatCompletionsClient.__init__).parameters["kwargs"]) == (
        "**kwargs: 'Unpack[ClientOptions]'"
    )
    assert str(inspect.signature(EmbeddingsClient.get_model_info).parameters["kwargs"]) == (
        "**kwargs: 'Unpack[RequestOptions]'"
    )
    assert "ClientOptions" not in vars(inspect.getmodule(ChatCompletionsClient))
