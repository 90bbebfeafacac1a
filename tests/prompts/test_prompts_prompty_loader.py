"""Loading .prompty files: front matter, references, prompty.json, sections, base, to_safe_dict."""
from __future__ import annotations

import datetime
from pathlib import Path
from typing import Callable

import pytest

from azure.ai.inference.prompts import PromptTemplate
from azure.ai.inference.prompts._prompty import Prompty, PropertySettings

CHAT_BODY = "user:\nhi {{name}}\n"


def load(write_prompty: Callable[..., Path], text: str) -> Prompty:
    prompty = PromptTemplate.from_prompty(str(write_prompty(text))).prompty
    assert prompty is not None
    return prompty


def test_front_matter_may_contain_dashes_inside_a_value(write_prompty):
    """QUIRK 1 fixed: b9 ended the front matter at the "---" inside the description."""
    prompty = load(write_prompty, "---\ndescription: a---b\nname: n\n---\n" + CHAT_BODY)
    assert (prompty.description, prompty.name, prompty.content) == ("a---b", "n", CHAT_BODY)


def test_front_matter_delimiters_may_be_mixed(write_prompty):
    prompty = load(write_prompty, "+++\nname: plus\n---\n" + CHAT_BODY)
    assert (prompty.name, prompty.content) == ("plus", CHAT_BODY)


def test_body_loses_leading_blank_lines_but_keeps_trailing_text(write_prompty):
    prompty = load(write_prompty, "\n---\nname: n\n---\n\n\n  user:\nhi\n\n")
    assert prompty.content == "user:\nhi\n\n"


def test_front_matter_keeps_yaml_types(write_prompty):
    prompty = load(write_prompty, "---\nversion: 2\nsample:\n  f: 0.5\n  d: 2024-01-02\n  b: true\n---\n" + CHAT_BODY)
    assert prompty.version == 2
    assert prompty.sample == {"f": 0.5, "d": datetime.date(2024, 1, 2), "b": True}


def test_front_matter_strings_are_stripped_everywhere(write_prompty):
    prompty = load(write_prompty, "---\nname: '  n  '\ntags: [' t ']\nsample:\n  s: ' v '\n---\n" + CHAT_BODY)
    assert (prompty.name, prompty.tags, prompty.sample) == ("n", ["t"], {"s": "v"})


def test_env_value_is_not_stripped(monkeypatch, write_prompty):
    """QUIRK 3 kept: substituted environment values keep their whitespace."""
    monkeypatch.setenv("PROMPTS_TEST_SPACED", "  spaced  ")
    prompty = load(write_prompty, "---\nsample:\n  s: '  ${env:PROMPTS_TEST_SPACED}  '\n---\n" + CHAT_BODY)
    assert prompty.sample == {"s": "  spaced  "}


def test_env_default_keeps_every_colon(monkeypatch, write_prompty):
    """QUIRK 2 fixed: b9 cut the default at the next colon."""
    monkeypatch.delenv("PROMPTS_TEST_UNSET", raising=False)
    prompty = load(write_prompty, "---\nsample:\n  u: ${env:PROMPTS_TEST_UNSET:http://h:8080/p}\n---\n" + CHAT_BODY)
    assert prompty.sample == {"u": "http://h:8080/p"}


def test_env_set_value_wins_over_default(monkeypatch, write_prompty):
    monkeypatch.setenv("PROMPTS_TEST_SET", "from-env")
    prompty = load(write_prompty, "---\nsample:\n  u: ${env:PROMPTS_TEST_SET:fallback}\n---\n" + CHAT_BODY)
    assert prompty.sample == {"u": "from-env"}


def test_env_empty_default_counts_as_absent(monkeypatch, write_prompty):
    """QUIRK 2 (second half) kept: ``${env:X:}`` still requires X."""
    monkeypatch.delenv("PROMPTS_TEST_UNSET", raising=False)
    with pytest.raises(ValueError, match="Variable PROMPTS_TEST_UNSET not found in environment"):
        load(write_prompty, "---\nsample:\n  u: ${env:PROMPTS_TEST_UNSET:}\n---\n" + CHAT_BODY)


def test_partial_reference_is_literal_text(write_prompty):
    prompty = load(write_prompty, "---\nsample:\n  a: x ${env:HOME}\n  b: ${env:HOME} x\n---\n" + CHAT_BODY)
    assert prompty.sample == {"a": "x ${env:HOME}", "b": "${env:HOME} x"}


def test_file_reference_scalar_is_returned_as_is(write_prompty):
    write_prompty('"  ${env:NOT_RESOLVED}  "', name="scalar.json")
    prompty = load(write_prompty, "---\nsample:\n  s: ${file:scalar.json}\n---\n" + CHAT_BODY)
    assert prompty.sample == {"s": "  ${env:NOT_RESOLVED}  "}


def test_global_config_becomes_configuration_when_prompty_has_none(write_prompty):
    write_prompty('{"default": {"azure_deployment": "global", "type": "azure"}}', name="prompty.json")
    template = PromptTemplate.from_prompty(str(write_prompty("---\nname: n\n---\n" + CHAT_BODY)))
    assert template.model_name == "global"
    assert template.prompty is not None
    assert template.prompty.model.configuration == {"azure_deployment": "global", "type": "azure"}


def test_global_config_only_fills_missing_keys(write_prompty):
    write_prompty('{"default": {"azure_deployment": "global", "extra": 1}}', name="prompty.json")
    text = "---\nmodel:\n  configuration:\n    azure_deployment: local\n---\n" + CHAT_BODY
    assert load(write_prompty, text).model.configuration == {"azure_deployment": "local", "extra": 1}


def test_template_string_names_engine_with_prompty_parser(write_prompty):
    template = load(write_prompty, "---\ntemplate: NOOP\n---\n" + CHAT_BODY).template
    assert (template.type, template.parser) == ("NOOP", "prompty")


def test_missing_template_and_api_get_defaults(write_prompty):
    prompty = load(write_prompty, "---\nname: n\n---\n" + CHAT_BODY)
    assert (prompty.template.type, prompty.template.parser, prompty.model.api) == ("mustache", "prompty", "chat")


def test_inputs_and_outputs_are_parsed(write_prompty):
    text = (
        "---\ninputs:\n  q:\n    type: string\n    default: dflt\n    description: the question\n"
        "outputs:\n  a:\n    type: string\n---\nuser:\n[{{q}}]\n"
    )
    prompty = load(write_prompty, text)
    assert prompty.inputs == {"q": PropertySettings(type="string", default="dflt", description="the question")}
    assert prompty.outputs == {"a": PropertySettings(type="string")}


def test_input_defaults_are_not_render_defaults(write_prompty):
    """QUIRK 7 kept: only ``sample`` supplies values the caller leaves out."""
    text = "---\ninputs:\n  q:\n    type: string\n    default: dflt\n---\nuser:\n[{{q}}]\n"
    template = PromptTemplate.from_prompty(str(write_prompty(text)))
    assert template.create_messages() == [{"role": "user", "content": "[]"}]


def test_to_safe_dict_shape(write_prompty):
    text = (
        "---\nmodel:\n  api: chat\n  configuration:\n    api_key: abc\n    MY_SECRET_X: 12345\n    token: t\n"
        "  parameters:\n    temperature: 1\ninputs:\n  q:\n    type: string\n---\n" + CHAT_BODY
    )
    path = write_prompty(text)
    safe = PromptTemplate.from_prompty(str(path)).prompty.to_safe_dict()  # type: ignore[union-attr]
    assert safe == {
        "model": {
            "api": "chat",
            "configuration": {"api_key": "***", "MY_SECRET_X": "*****", "token": "t"},
            "parameters": {"temperature": 1},
            "response": {},
        },
        "template": {"type": "mustache", "parser": "prompty"},
        "inputs": {"q": {"type": "string", "default": None, "description": ""}},
        "file": path.as_posix(),
    }


def test_base_api_is_inherited_when_child_has_none(write_prompty):
    write_prompty("---\nmodel:\n  api: completion\n---\nBASE\n", name="base.prompty")
    prompty = load(write_prompty, "---\nbase: base.prompty\n---\n" + CHAT_BODY)
    assert prompty.model.api == "completion"


def test_base_in_another_directory_uses_its_own_global_config(write_prompty):
    write_prompty('{"default": {"azure_deployment": "base-global"}}', name="shared/prompty.json")
    write_prompty("---\nname: base\n---\nBASE\n", name="shared/base.prompty")
    template = PromptTemplate.from_prompty(str(write_prompty("---\nbase: shared/base.prompty\n---\n" + CHAT_BODY)))
    assert template.model_name == "base-global"
    assert template.prompty is not None and template.prompty.basePrompty is not None
    assert Path(template.prompty.basePrompty.file).name == "base.prompty"


def test_child_directory_global_config_wins_over_base_configuration(write_prompty):
    """QUIRK 14 kept: the child's prompty.json applies before the base is merged in."""
    write_prompty('{"default": {"azure_deployment": "child-global"}}', name="prompty.json")
    write_prompty("---\nmodel:\n  configuration:\n    azure_deployment: base\n---\nB\n", name="base.prompty")
    template = PromptTemplate.from_prompty(str(write_prompty("---\nbase: base.prompty\n---\n" + CHAT_BODY)))
    assert template.model_name == "child-global"


def test_base_cycle_raises_value_error(write_prompty):
    write_prompty("---\nbase: b.prompty\n---\nA\n", name="a.prompty")
    path = write_prompty("---\nbase: a.prompty\n---\nB\n", name="b.prompty")
    with pytest.raises(ValueError, match="inherits from itself"):
        PromptTemplate.from_prompty(str(path))


def test_missing_base_raises_file_not_found(write_prompty):
    with pytest.raises(FileNotFoundError):
        load(write_prompty, "---\nbase: nowhere.prompty\n---\n" + CHAT_BODY)


def test_utf8_byte_order_mark_is_ignored(write_prompty):
    path = write_prompty("")
    path.write_bytes(b"\xef\xbb\xbf---\nname: bom\n---\n" + CHAT_BODY.encode())
    assert PromptTemplate.from_prompty(str(path)).prompty.name == "bom"  # type: ignore[union-attr]
