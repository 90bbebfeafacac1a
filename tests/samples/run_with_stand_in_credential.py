"""Run an Entra ID sample against the local emulator: ``python run_with_stand_in_credential.py SAMPLE``.

The Entra ID samples use ``azure.identity.DefaultAzureCredential``, which needs a real Azure sign-in.
To run them unchanged on a machine without Azure, this runner (test-only, never shipped) first
replaces ``DefaultAzureCredential`` in ``azure.identity`` and ``azure.identity.aio`` with a stand-in
that returns the token named by the environment variable ``SAMPLES_STAND_IN_TOKEN`` (a token the
emulator accepts), then runs the sample as ``__main__``.

Bearer tokens are only sent over https (azure-core raises ``ServiceRequestError`` otherwise) and the
emulator speaks plain http on 127.0.0.1, so the runner also makes ``ChatCompletionsClient.complete``
default to the per-call option ``enforce_https=False``. The samples themselves keep the safe default.
"""

from __future__ import annotations

import functools
import os
import runpy
import sys
import time
from typing import Any

import azure.identity
import azure.identity.aio
from azure.core.credentials import AccessToken

import azure.ai.inference
import azure.ai.inference.aio


def _token() -> AccessToken:
    return AccessToken(os.environ["SAMPLES_STAND_IN_TOKEN"], int(time.time()) + 3600)


class StandInCredential:
    """Sync stand-in for ``DefaultAzureCredential``: a fixed token, whatever the scopes."""

    def __init__(self, **kwargs: Any) -> None:
        return None

    def get_token(self, *scopes: str, **kwargs: Any) -> AccessToken:
        print(f"[stand-in credential] token requested for {', '.join(scopes)}", file=sys.stderr)
        return _token()

    def close(self) -> None:
        return None

    def __enter__(self) -> "StandInCredential":
        return self

    def __exit__(self, *exc_details: Any) -> None:
        return None


class AsyncStandInCredential:
    """Async stand-in for ``azure.identity.aio.DefaultAzureCredential``."""

    def __init__(self, **kwargs: Any) -> None:
        return None

    async def get_token(self, *scopes: str, **kwargs: Any) -> AccessToken:
        print(f"[stand-in credential] token requested for {', '.join(scopes)}", file=sys.stderr)
        return _token()

    async def close(self) -> None:
        return None

    async def __aenter__(self) -> "AsyncStandInCredential":
        return self

    async def __aexit__(self, *exc_details: Any) -> None:
        return None


def _allow_http(client_class: Any) -> None:
    complete = client_class.complete

    @functools.wraps(complete)
    def complete_over_http(self: Any, *args: Any, **kwargs: Any) -> Any:
        kwargs.setdefault("enforce_https", False)
        return complete(self, *args, **kwargs)

    client_class.complete = complete_over_http


def main() -> None:
    """Patch, then run ``sys.argv[1]`` as the main module with the remaining arguments."""
    azure.identity.DefaultAzureCredential = StandInCredential  # type: ignore[misc,assignment]
    azure.identity.aio.DefaultAzureCredential = AsyncStandInCredential  # type: ignore[misc,assignment]
    _allow_http(azure.ai.inference.ChatCompletionsClient)
    _allow_http(azure.ai.inference.aio.ChatCompletionsClient)
    sample = sys.argv[1]
    sys.argv = sys.argv[1:]
    runpy.run_path(sample, run_name="__main__")


if __name__ == "__main__":
    main()
