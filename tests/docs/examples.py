"""What each runnable example of README.md and docs/*.md must print, and what it needs beforehand.

Keys are ``<document>:<run name>``. ``EXPECTED`` lists fragments the output (stdout, then stderr)
must contain, ``FORBIDDEN`` fragments it must not, ``OFFLINE`` the examples that send no request; ``SETUP`` functions prepare the emulator
(scripted replies) and return extra environment variables for the example.
"""

from __future__ import annotations

from typing import Callable, Dict, List

from tests.emulator import Emulator, Reply

_FEET = "There are 5,280 feet in a mile."
_EXERCISE = "Here are three good reasons to exercise every day: 1. It strengthens your heart and muscles."
_PARIS = "The capital of France is Paris."

EXPECTED: Dict[str, List[str]] = {
    "README.md:quickstart": [_FEET, " tokens in, "],
    "README.md:azure-openai": [_FEET],
    "README.md:github-models": [_PARIS],
    "README.md:streaming": [_EXERCISE],
    "README.md:streaming-async": [_EXERCISE],
    "README.md:embeddings": ["data[0]: 16 numbers, starting [", "data[1]: 16 numbers"],
    "README.md:model-inference": ["chat-completion", _FEET],
    "docs/migrating-from-azure-ai-inference.md:moved-endpoint": [_FEET],
    "docs/troubleshooting.md:logging-show": ["Request URL: '", "'api-key': 'REDACTED'", "Response status: 200"],
    "docs/troubleshooting.md:logging-silence": [f"INFO:my_app:answer: {_FEET}"],
    "docs/troubleshooting.md:raw-response": [
        "HTTP 200",
        "client request id: ",
        "service request id: 3f1c2a2e-request-id",
        "Hello from the scripted reply.",
    ],
    "docs/troubleshooting.md:exceptions": [
        "refused: HTTP 400, code content_filter",
        "service request id: 3f1c2a2e-request-id",
        "hate: filtered=True, severity=",
        "notes: ['ChatCompletionsClient.complete: POST http://127.0.0.1:",
        "'Request id: apim-request-id=3f1c2a2e-request-id'",
    ],
    "docs/troubleshooting.md:timeouts": [_FEET],
    "docs/coming-from-openai-python.md:extras": [f"0: {_PARIS}", f"1: {_PARIS} (Alternative answer 2.)"],
    "docs/coming-from-openai-python.md:stream-helpers": [_EXERCISE, "finish reason: stop, tokens: "],
    "docs/coming-from-openai-python.md:structured-output": ["Recipe: ", " servings, 1 steps"],
    "docs/coming-from-openai-python.md:tools": ["According to the get_capital tool, the result is: Paris"],
    "docs/coming-from-openai-python.md:exceptions": ["authentication failed: HTTP 401"],
    "docs/tracing.md:console": [_FEET, '"name": "chat emulator-model"', '"gen_ai.usage.output_tokens": '],
    "docs/tracing.md:content-recording": [
        "chat emulator-model ",
        'gen_ai.user.message {"role": "user", "content": "How many feet are in a mile?"}',
        f'gen_ai.choice {{"message": {{"content": "{_FEET}"}}',
    ],
    "docs/tracing.md:latest-conventions": ["chat emulator-model azure.ai.inference", _FEET],
    "docs/prompt-templates.md:prompty": ["{'role': 'user', 'content': 'Is the pool open at night?'}", "You asked: "],
    "docs/prompt-templates.md:string": ["Answer in one sentence.", _FEET],
    "docs/prompt-templates.md:silent-cases": [
        "missing input: [{'role': 'system', 'content': 'You are a concierge.'}]",
        "default not used, sample used: Greet Ada by name.",
        "sample question sent: Can I still get breakfast if I come down at 10:15?",
    ],
}

FORBIDDEN: Dict[str, List[str]] = {
    "docs/troubleshooting.md:logging-silence": ["Request URL", "Response status"],
    "docs/troubleshooting.md:logging-show": ["emulator-key"],
}

# Examples that only render something locally and send no request.
OFFLINE = {"docs/prompt-templates.md:silent-cases"}

_REQUEST_ID = {"apim-request-id": "3f1c2a2e-request-id"}


def _scripted_completion(emulator: Emulator) -> Dict[str, str]:
    emulator.script(
        Reply(
            json={
                "id": "chatcmpl-1",
                "object": "chat.completion",
                "created": 1717171717,
                "model": "emulator-model",
                "choices": [
                    {
                        "index": 0,
                        "finish_reason": "stop",
                        "message": {"role": "assistant", "content": "Hello from the scripted reply."},
                    }
                ],
                "usage": {"prompt_tokens": 5, "completion_tokens": 5, "total_tokens": 10},
            },
            headers=_REQUEST_ID,
        )
    )
    return {}


def _content_filter_refusal(emulator: Emulator) -> Dict[str, str]:
    error = {
        "code": "content_filter",
        "message": "The prompt was filtered.",
        "status": 400,
        "innererror": {
            "code": "ResponsibleAIPolicyViolation",
            "content_filter_result": {"hate": {"filtered": True, "severity": "medium"}},
        },
    }
    emulator.script(Reply(400, json={"error": error}, headers=_REQUEST_ID))
    return {}


SETUP: Dict[str, Callable[[Emulator], Dict[str, str]]] = {
    "docs/troubleshooting.md:raw-response": _scripted_completion,
    "docs/troubleshooting.md:exceptions": _content_filter_refusal,
}
