"""Missing optional dependencies raise ImportError naming the extra of this package that installs them
(issue 16 item 7). Each check runs in a fresh interpreter with the dependency's import blocked."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

_AIOHTTP_MESSAGE = (
    "The async clients' default transport (azure.ai.inference.aio) needs aiohttp, which is not installed: install "
    "this package with its `aio` extra (aiohttp), or run `pip install aiohttp`. Or pass an async transport of your "
    "own with `transport=`."
)


def _run_without(module: str, code: str) -> str:
    blocker = (
        "import sys\n"
        "class Block:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        f"        if name == {module!r} or name.startswith({module + '.'!r}):\n"
        "            raise ModuleNotFoundError(name)\n"
        "sys.meta_path.insert(0, Block())\n"
    )
    completed = subprocess.run(
        [sys.executable, "-c", blocker + code], cwd=REPO, capture_output=True, text=True, timeout=60, check=True
    )
    return completed.stdout.strip()


def test_async_client_without_aiohttp_names_the_aio_extra():
    code = (
        "from azure.core.credentials import AzureKeyCredential\n"
        "from azure.ai.inference.aio import ChatCompletionsClient\n"
        "try:\n"
        "    ChatCompletionsClient('https://h', AzureKeyCredential('k'))\n"
        "except ImportError as error:\n"
        "    print(type(error).__name__, error.name, error, sep='|')\n"
    )
    assert _run_without("aiohttp", code) == f"ModuleNotFoundError|aiohttp|{_AIOHTTP_MESSAGE}"


def test_async_client_with_its_own_transport_needs_no_aiohttp():
    code = (
        "from azure.core.credentials import AzureKeyCredential\n"
        "from azure.core.pipeline.transport import AsyncioRequestsTransport\n"
        "from azure.ai.inference.aio import ChatCompletionsClient\n"
        "client = ChatCompletionsClient('https://h', AzureKeyCredential('k'), transport=AsyncioRequestsTransport())\n"
        "print(type(client).__name__)\n"
    )
    assert _run_without("aiohttp", code) == "ChatCompletionsClient"


def test_prompty_without_pyyaml_names_the_prompts_extra(tmp_path):
    prompty = tmp_path / "p.prompty"
    prompty.write_text("---\nname: x\n---\nsystem:\nhi\n", encoding="utf-8")
    code = (
        "from azure.ai.inference.prompts import PromptTemplate\n"
        "try:\n"
        f"    PromptTemplate.from_prompty({str(prompty)!r})\n"
        "except ImportError as error:\n"
        "    print(error)\n"
    )
    assert _run_without("yaml", code) == (
        "Loading a .prompty file needs pyyaml, which is not installed: install this package with its `prompts` "
        "extra (pyyaml), or run `pip install pyyaml`."
    )
