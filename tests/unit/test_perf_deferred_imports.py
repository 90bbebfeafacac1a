"""Importing the package leaves out what only some calls need (W6 of the benchmarks): orjson (first parse),
difflib (the message of an unknown keyword), the function-schema builder (``FunctionDefinition.from_function``),
``dataclasses`` (used by tracing, prompts and the schema builder only), requests (the sync transport,
with the first client), and the stream classes with their decoder (``models.StreamingChatCompletions`` and the others load on first use).
Each check runs in a fresh interpreter, where nothing else has imported them."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

_DEFERRED = ("orjson", "difflib", "azure.ai.inference.models._function_schema")
_PYDANTIC_ONLY = ("azure.ai.inference._sansio.json_schema",)  # the strict schema of a pydantic response_format
_STREAMING = ("azure.ai.inference.models._streaming", "azure.ai.inference._sansio.sse")
_TRANSPORT = ("requests", "azure.ai.inference._connections")  # the sync transport comes with the first client
_NOT_AT_IMPORT = _DEFERRED + _STREAMING + _PYDANTIC_ONLY + _TRANSPORT + ("dataclasses",)  # the settings and request plans are plain classes


def _loaded_after(code: str, names: tuple = _DEFERRED) -> list:
    program = f"import sys, json\n{code}\nprint(json.dumps([m for m in {list(names)!r} if m in sys.modules]))"
    completed = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, timeout=60, check=True)
    return json.loads(completed.stdout.strip().splitlines()[-1])


def test_importing_the_clients_loads_none_of_them():
    code = "from azure.ai.inference import ChatCompletionsClient, EmbeddingsClient, models"
    assert _loaded_after(code, _NOT_AT_IMPORT) == []


def test_the_sync_transport_loads_with_the_first_client():
    code = (
        "from azure.ai.inference import ChatCompletionsClient\n"
        "from azure.core.credentials import AzureKeyCredential\n"
        "ChatCompletionsClient(endpoint='https://127.0.0.1', credential=AzureKeyCredential('k')).close()\n"
    )
    assert _loaded_after(code, _TRANSPORT) == list(_TRANSPORT)


def test_each_is_loaded_when_first_needed():
    code = (
        "from azure.ai.inference._sansio.json_parser import loads\n"
        "assert loads(b'{\"a\": [1]}') == {'a': [1]}\n"
        "from azure.ai.inference._sansio.options import check_complete_options\n"
        "try:\n"
        "    check_complete_options({'temprature': 1})\n"
        "except TypeError as error:\n"
        "    assert \"Did you mean 'temperature'?\" in str(error), error\n"
        "from azure.ai.inference.models import FunctionDefinition\n"
        "def lookup(city: str) -> str:\n"
        "    return city\n"
        "assert FunctionDefinition.from_function(lookup).name == 'lookup'\n"
    )
    expected = [name for name in _DEFERRED if name != "orjson" or _orjson_installed()]
    assert _loaded_after(code) == expected


def _orjson_installed() -> bool:
    try:
        import orjson  # noqa: F401  # pylint: disable=import-outside-toplevel,unused-import
    except ImportError:
        return False
    return True


def test_the_stream_classes_load_on_first_use_and_star_import_gives_every_name():
    code = (
        "import azure.ai.inference.models as models\n"
        "assert 'StreamingChatCompletions' in dir(models)\n"
        "namespace = {}\n"
        "exec('from azure.ai.inference.models import *', namespace)\n"
        "missing = [name for name in models.__all__ if name not in namespace]\n"
        "assert not missing, missing\n"
        "from azure.ai.inference.models._patch import BaseStreamingChatCompletions\n"
        "assert namespace['StreamingChatCompletions'].__mro__[1] is BaseStreamingChatCompletions\n"
        "assert namespace['ChatCompletionsAccumulator'].__module__ == 'azure.ai.inference._sansio.accumulator'\n"
    )
    assert _loaded_after(code, _STREAMING) == list(_STREAMING)


def test_an_unknown_name_still_raises_attribute_error():
    import azure.ai.inference.models as models  # pylint: disable=import-outside-toplevel

    with pytest.raises(AttributeError, match="has no attribute 'StreamingChatCompletion'"):
        getattr(models, "StreamingChatCompletion")
    with pytest.raises(ImportError):
        exec("from azure.ai.inference.models._patch import Nothing", {})  # pylint: disable=exec-used
