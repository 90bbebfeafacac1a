"""The examples in the docstrings: each is a region of a sample (which tests/samples runs), and it exists.

A docstring example is ``.. literalinclude:: ../../samples/<file>`` with ``:start-after: [START x]`` and
``:end-before: [END x]`` (the Azure SDK's style); ``make docs`` renders it from docs/api/. This test
finds every one in the package, so a renamed sample or region fails here before the docs build.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import List, Tuple

import pytest

import azure.ai.inference as sync_package
import azure.ai.inference.aio as aio_package
from azure.ai.inference.models import AsyncStreamingChatCompletions, StreamingChatCompletions
from azure.ai.inference.prompts import PromptTemplate
from azure.ai.inference.tracing import AIInferenceInstrumentor
from tests.docs.markdown_blocks import ROOT

PACKAGE = ROOT / "azure" / "ai" / "inference"
DOCS_API = ROOT / "docs" / "api"
_INCLUDE = re.compile(
    r"\.\. literalinclude:: (?P<path>\S+)\s+:start-after: \[START (?P<start>\w+)\]\s+:end-before: \[END (?P<end>\w+)\]"
)


def _includes() -> List[Tuple[str, str, str, str]]:
    found = []
    for module in sorted(PACKAGE.rglob("*.py")):
        for match in _INCLUDE.finditer(module.read_text(encoding="utf-8")):
            found.append((module.relative_to(ROOT).as_posix(), match["path"], match["start"], match["end"]))
    return found


INCLUDES = _includes()


def test_the_docstrings_hold_examples() -> None:
    assert len(INCLUDES) >= 22


@pytest.mark.parametrize("include", INCLUDES, ids=lambda include: f"{include[0]}:{include[2]}")
def test_each_example_is_a_region_of_a_sample(include: Tuple[str, str, str, str]) -> None:
    _, path, start, end = include
    sample = (DOCS_API / path).resolve()
    assert sample.parent in (ROOT / "samples", ROOT / "samples" / "async_samples"), path
    text = sample.read_text(encoding="utf-8")
    assert start == end
    assert text.count(f"# [START {start}]") == 1 and text.count(f"# [END {end}]") == 1
    assert text.index(f"# [START {start}]") < text.index(f"# [END {end}]")


_CLIENTS = ("ChatCompletionsClient", "EmbeddingsClient", "ImageEmbeddingsClient")
_PACKAGES = (sync_package, aio_package)
_STREAMS = (StreamingChatCompletions, AsyncStreamingChatCompletions)
DOCUMENTED = [
    *(getattr(package, name) for package in _PACKAGES for name in (*_CLIENTS, "load_client")),
    *(getattr(package.ChatCompletionsClient, name) for package in _PACKAGES for name in ("complete", "get_model_info")),
    *(getattr(package, name).embed for package in _PACKAGES for name in _CLIENTS[1:]),
    *(getattr(stream, name) for stream in _STREAMS for name in ("get_final_completion", "text_stream")),
    AIInferenceInstrumentor,
    PromptTemplate,
]


def _name(documented: object) -> str:
    return f"{getattr(documented, '__module__', '')}.{getattr(documented, '__qualname__', '')}"


@pytest.mark.parametrize("documented", DOCUMENTED, ids=_name)
def test_public_names_carry_an_example(documented: object) -> None:
    docstring = getattr(documented, "__doc__", None) or ""
    assert ".. admonition:: Example:" in docstring and ".. literalinclude:: ../../samples/" in docstring
