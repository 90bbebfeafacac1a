"""PromptTemplate construction, attributes, variables and relative path resolution."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import azure.ai.inference.prompts as prompts_package
from azure.ai.inference.prompts import PromptTemplate
from azure.ai.inference.prompts._prompty import Prompty

REPO_ROOT = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).parent / "fixtures"
CHAT_BODY = "user:\nhi {{name}}\n"


def run_python(code: str, cwd: Path) -> str:
    """Run ``code`` in a fresh interpreter with the repository importable; return its stdout."""
    env = dict(os.environ, PYTHONPATH=str(REPO_ROOT))
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=cwd, env=env, capture_output=True, text=True, timeout=60, check=True
    )
    return result.stdout.strip()


def test_package_exports_only_prompt_template():
    assert prompts_package.__all__ == ["PromptTemplate"]


def test_constructor_arguments_are_keyword_only():
    with pytest.raises(TypeError):
        PromptTemplate("chat")  # type: ignore[call-arg]


def test_constructor_prefers_prompty_over_template_string():
    prompty = Prompty()
    prompty.model.configuration["azure_deployment"] = "deployment-a"
    template = PromptTemplate(prompty=prompty, prompt_template="user:\nignored", model_name="other")
    assert template.prompty is prompty
    assert template.model_name == "deployment-a"
    assert template.parameters is prompty.model.parameters


def test_constructor_prompty_without_deployment_has_no_model_name():
    assert PromptTemplate(prompty=Prompty()).model_name is None


def test_from_string_sets_public_attributes():
    template = PromptTemplate.from_string("user:\n{{a}}", model_name="gpt-x")
    assert (template.prompty, template.model_name, template.parameters) == (None, "gpt-x", {})
    assert not hasattr(template, "settings")
    assert not hasattr(template, "render")


def test_from_string_params_become_parameters():
    params = {"temperature": 0.2, "max_tokens": 10}
    template = PromptTemplate.from_string("user:\n{{a}}", params=params)
    assert template.parameters == {"temperature": 0.2, "max_tokens": 10}
    assert template.parameters is not params


def test_from_string_api_does_not_change_parsing():
    """QUIRK 15 kept: string templates are always parsed as chat."""
    template = PromptTemplate.from_string("user:\n{{a}}", api="completion")
    assert template.create_messages(a=1) == [{"role": "user", "content": "1"}]


def test_from_string_renders_again_on_every_call():
    template = PromptTemplate.from_string("user:\n{{a}}")
    assert template.create_messages(a="one") == [{"role": "user", "content": "one"}]
    assert template.create_messages(a="two") == [{"role": "user", "content": "two"}]


def test_create_messages_merges_data_and_distinct_keywords():
    """QUIRK 8 fixed: b9 dropped ``b`` because ``data`` was given."""
    template = PromptTemplate.from_string("user:\n{{a}} {{b}}")
    assert template.create_messages({"a": "A"}, b="B") == [{"role": "user", "content": "A B"}]


def test_create_messages_without_variables_renders_empty_values():
    template = PromptTemplate.from_string("user:\n[{{a}}]")
    assert template.create_messages() == [{"role": "user", "content": "[]"}]


def test_create_messages_data_wins_over_sample_even_when_none(write_prompty):
    template = PromptTemplate.from_prompty(str(write_prompty("---\nsample:\n  name: S\n---\n" + CHAT_BODY)))
    assert template.create_messages() == [{"role": "user", "content": "hi S"}]
    assert template.create_messages(name=None) == [{"role": "user", "content": "hi"}]


@pytest.mark.parametrize("api", ["completion", "embedding", "image"])
def test_create_messages_returns_text_for_non_chat_api(write_prompty, api):
    """QUIRK 6 kept: non-chat APIs return the rendered string."""
    path = write_prompty(f"---\nmodel:\n  api: {api}\n---\n" + "user:\nhi {{n}}\n")
    messages: object = PromptTemplate.from_prompty(str(path)).create_messages(n=1)
    assert messages == "user:\nhi 1\n"


def test_create_messages_noop_renderer_and_parser_keep_text(write_prompty):
    path = write_prompty("---\ntemplate:\n  type: NOOP\n  parser: NOOP\n---\n" + CHAT_BODY)
    messages: object = PromptTemplate.from_prompty(str(path)).create_messages(name="x")
    assert messages == CHAT_BODY


def test_from_prompty_relative_path_resolves_against_caller_file(monkeypatch, tmp_path):
    """QUIRK 9 kept: relative to this test file, whatever the working directory."""
    monkeypatch.chdir(tmp_path)
    template = PromptTemplate.from_prompty("fixtures/sample1.prompty")
    assert template.prompty is not None
    assert Path(template.prompty.file) == FIXTURES / "sample1.prompty"


def test_from_prompty_path_is_normalised():
    template = PromptTemplate.from_prompty("fixtures/sub/../sample1.prompty")
    assert template.prompty is not None
    assert str(template.prompty.file) == str(FIXTURES / "sample1.prompty")


def test_from_prompty_absolute_path_used_as_is():
    template = PromptTemplate.from_prompty(str(FIXTURES / "sample1.prompty"))
    assert template.model_name == "gpt-4o-mini"


def test_from_prompty_relative_path_from_command_line_uses_cwd():
    code = (
        "from azure.ai.inference.prompts import PromptTemplate\n"
        "print(PromptTemplate.from_prompty('sample1.prompty').model_name)"
    )
    assert run_python(code, cwd=FIXTURES) == "gpt-4o-mini"


def test_import_does_not_import_yaml_and_from_string_works_without_it(tmp_path):
    code = (
        "import sys\n"
        "sys.modules['yaml'] = None\n"
        "from azure.ai.inference.prompts import PromptTemplate\n"
        "print(PromptTemplate.from_string('user:\\n{{q}}').create_messages(q='ok'))"
    )
    assert run_python(code, cwd=tmp_path) == "[{'role': 'user', 'content': 'ok'}]"


def test_import_leaves_yaml_unloaded(tmp_path):
    code = "import sys\nimport azure.ai.inference.prompts\nprint('yaml' in sys.modules)"
    assert run_python(code, cwd=tmp_path) == "False"
