"""Drift guard: each aio shell, with async spellings turned back into sync ones, equals its sync twin.

In the spirit of httpcore's ``unasync.py --check``. Lines that must differ carry ``# mirror: aio-only``
(dropped from the aio side) or ``# mirror: sync-only`` (dropped from the sync side). Every
substitution rule must be used by at least one pair, so the table cannot rot.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import List, Set, Tuple

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "azure" / "ai" / "inference"

PAIRS = [
    "_client.py",
    "_operations/_operations.py",
    "_patch.py",
    "_patch_chat.py",
    "_patch_embeddings.py",
    "_patch_model_info.py",
]

# (pattern, replacement) applied in order to the aio text.
SUBSTITUTIONS: List[Tuple[str, str]] = [
    (r"\basync def\b", "def"),
    (r"\bawait (?=self\._client\.__aenter__\(\))", ""),
    (r"\bawait ", ""),
    (r"\basync with\b", "with"),
    (r"\bAsyncStreamingChatCompletions\b", "StreamingChatCompletions"),
    (r"\bAsyncPipelineClient\b", "PipelineClient"),
    (r"\bAsyncHttpResponse\b", "HttpResponse"),
    (r"\bAsyncCredential\b", "Credential"),
    (r"\bdistributed_trace_async\b", "distributed_trace"),
    (r"azure\.core\.tracing\.decorator_async\b", "azure.core.tracing.decorator"),
    (r"~azure\.core\.credentials_async\.AsyncTokenCredential", "~azure.core.credentials.TokenCredential"),
    (r"__aenter__", "__enter__"),
    (r"__aexit__", "__exit__"),
    (r"~azure\.ai\.inference\.aio\.", "~azure.ai.inference."),
    (r"\bfrom \.(\.+)", r"from \1"),
    (r"\bthe three async clients\b", "the three sync clients"),
    (r"\bThe public async\b", "The public sync"),
    (r"\(\s*((?:self\.)?_get_model_info\(\*\*kwargs\))\)", r"\1"),
    # docstring examples: each async sample region stands where its sync twin does
    (r"samples/async_samples/(\w+)_async\.py", r"samples/\1.py"),
    (r"\[(START|END) (\w+)_async\]", r"[\1 \2]"),
]

USED: Set[int] = set()


def _to_sync(text: str) -> str:
    for number, (pattern, replacement) in enumerate(SUBSTITUTIONS):
        text, count = re.subn(pattern, replacement, text)
        if count:
            USED.add(number)
    return text


def _kept(text: str, dropped_marker: str) -> List[str]:
    return [line.split("  # mirror:")[0].rstrip() for line in text.splitlines() if dropped_marker not in line]


@pytest.mark.parametrize("relative", PAIRS)
def test_aio_shell_mirrors_sync_shell(relative: str) -> None:
    sync_text = (PACKAGE / relative).read_text(encoding="utf-8")
    aio_text = (PACKAGE / "aio" / relative).read_text(encoding="utf-8")
    sync_lines = _kept(sync_text, "# mirror: sync-only")
    aio_lines = _kept(_to_sync(aio_text), "# mirror: aio-only")
    assert aio_lines == sync_lines


def test_every_substitution_is_used() -> None:
    for relative in PAIRS:
        _to_sync((PACKAGE / "aio" / relative).read_text(encoding="utf-8"))
    unused = [SUBSTITUTIONS[number][0] for number in range(len(SUBSTITUTIONS)) if number not in USED]
    assert unused == []
