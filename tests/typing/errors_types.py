"""User-style code of the exceptions by cause, the typed content-filter results and ``reasoning_text``,
with the types both checkers must infer.

Never run: ``mypy --strict`` and pyright (strict) check it (``test_typing.py``). A line ending in
``# type: ignore[<code>]`` must be an error: both checkers report an ignore that is not needed.
"""

from typing import Dict, List, Optional, Union

from typing_extensions import assert_type

from azure.ai.inference import (
    ChatCompletionsClient,
    ContentFilterError,
    ContextLengthExceededError,
    RateLimitError,
    ServiceErrorDetails,
)
from azure.ai.inference.models import (
    ChatCompletions,
    ContentFilterDetectionResult,
    ContentFilterResults,
    ContentFilterResultsForPrompt,
    ContentFilterSeverity,
    ContentFilterSeverityResult,
    StreamingChatCompletionsUpdate,
    UserMessage,
)
from azure.core.exceptions import HttpResponseError


def ask(client: ChatCompletionsClient) -> Optional[str]:
    try:
        response = client.complete(messages=[UserMessage("hi")])
    except RateLimitError as error:
        assert_type(error.retry_after, Optional[float])
        assert_type(error.status_code, Optional[int])
        return None
    except ContentFilterError as error:
        results = error.content_filter_results
        assert_type(results, Optional[ContentFilterResults])
        if results is not None and results.jailbreak is not None:
            assert_type(results.jailbreak, ContentFilterDetectionResult)
            assert_type(results.jailbreak.detected, bool)
        return None
    except ContextLengthExceededError as error:
        assert_type(error.code, Optional[str])
        assert_type(error.service_message, Optional[str])
        return None
    except HttpResponseError as error:
        if isinstance(error, ServiceErrorDetails):
            assert_type(error.request_id, Optional[str])
            assert_type(error.request_ids, Dict[str, str])
        raise
    return read(response)


def read(response: ChatCompletions) -> Optional[str]:
    assert_type(response.prompt_filter_results, Optional[List[ContentFilterResultsForPrompt]])
    choice = response.choices[0]
    assert_type(choice.content_filter_results, Optional[ContentFilterResults])
    if choice.content_filter_results is not None and choice.content_filter_results.hate is not None:
        assert_type(choice.content_filter_results.hate, ContentFilterSeverityResult)
        assert_type(choice.content_filter_results.hate.severity, Union[str, ContentFilterSeverity])
    assert_type(choice.message.reasoning_text, Optional[str])
    return choice.message.content


def reasoning_of(update: StreamingChatCompletionsUpdate) -> Optional[str]:
    return update.choices[0].delta.reasoning_text


def misuse(error: RateLimitError) -> str:
    return error.retry_after  # type: ignore[return-value]
