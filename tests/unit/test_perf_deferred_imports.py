"""Importing the package leaves out what only some calls need (W6 of the benchmarks): orjson (first parse),
difflib (the message of an unknown keyword), the function-schema builder (``FunctionDefinition.from_function``),
and ``dataclasses`` (used by tracing, prompts and the schema builder only).
Each check runs in a fresh interpreter, where nothing else has imported them."""

from __future__ import annotations

import json
import subprocess
import sys

_DEFERRED = ("orjson", "difflib", "azure.ai.inference.models._function_schema")
_NOT_AT_IMPORT = _DEFERRED + ("dataclasses",)  # the settings and request plans are plain classes


def _loaded_after(code: str, names: tuple = _DEFERRED) -> list:
    program = f"import sys, json\n{code}\nprint(json.dumps([m for m in {list(names)!r} if m in sys.modules]))"
    completed = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, timeout=60, check=True)
    return json.loads(completed.stdout.strip().splitlines()[-1])


def test_importing_the_clients_loads_none_of_them():
    code = "from azure.ai.inference import ChatCompletionsClient, EmbeddingsClient, models"
    assert _loaded_after(code, _NOT_AT_IMPORT) == []


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
