"""One test per row of the error table of PROMPTS.md section 8.

Rows whose b9 behaviour was a defect (see CHANGELOG.md) test the new behaviour and that
the still-meaningful error remains.
"""
from __future__ import annotations

import sys

import pytest

from azure.ai.inference.prompts import PromptTemplate
from azure.ai.inference.prompts._mustache import ChevronError

CHAT_BODY = "user:\nhi {{name}}\n"


def test_constructor_without_template_raises_value_error():
    with pytest.raises(ValueError) as error:
        PromptTemplate()
    assert str(error.value) == "Please pass valid arguments for PromptTemplate"


@pytest.mark.parametrize("file_path", ["", None])
def test_from_prompty_without_path_raises_value_error(file_path):
    with pytest.raises(ValueError) as error:
        PromptTemplate.from_prompty(file_path)
    assert str(error.value) == "Please provide file_path"


def test_from_prompty_missing_file_raises_file_not_found(tmp_path):
    missing = tmp_path / "nope.prompty"
    with pytest.raises(FileNotFoundError) as error:
        PromptTemplate.from_prompty(str(missing))
    assert error.value.filename == str(missing)


def test_from_prompty_without_pyyaml_raises_import_error(monkeypatch, write_prompty):
    path = write_prompty("---\nname: x\n---\n" + CHAT_BODY)
    monkeypatch.setitem(sys.modules, "yaml", None)
    with pytest.raises(ImportError, match="pip install pyyaml"):
        PromptTemplate.from_prompty(str(path))


@pytest.mark.parametrize(
    "text",
    ["user:\nno front matter\n", "---\n---\n" + CHAT_BODY, "---\n- a list\n---\n" + CHAT_BODY],
    ids=["no-front-matter", "empty-yaml", "not-a-mapping"],
)
def test_from_prompty_without_front_matter_mapping_raises_type_error(write_prompty, text):
    with pytest.raises(TypeError, match="needs front matter holding a YAML mapping"):
        PromptTemplate.from_prompty(str(write_prompty(text)))


def test_from_prompty_unset_env_without_default_raises_value_error(monkeypatch, write_prompty):
    monkeypatch.delenv("PROMPTS_TEST_UNSET", raising=False)
    path = write_prompty("---\nmodel:\n  configuration:\n    k: ${env:PROMPTS_TEST_UNSET}\n---\n" + CHAT_BODY)
    with pytest.raises(ValueError) as error:
        PromptTemplate.from_prompty(str(path))
    assert str(error.value) == "Variable PROMPTS_TEST_UNSET not found in environment"


@pytest.mark.parametrize("reference", ["${foo:bar}", "${env}", "${file:}"])
def test_from_prompty_bad_reference_raises_value_error(write_prompty, reference):
    path = write_prompty(f"---\nname: {reference}\n---\n" + CHAT_BODY)
    with pytest.raises(ValueError) as error:
        PromptTemplate.from_prompty(str(path))
    assert str(error.value) == f"Invalid attribute format ({reference})"


def test_from_prompty_missing_referenced_file_raises_file_not_found(write_prompty):
    path = write_prompty("---\nsample: ${file:missing.json}\n---\n" + CHAT_BODY)
    with pytest.raises(FileNotFoundError) as error:
        PromptTemplate.from_prompty(str(path))
    assert str(error.value) == "File missing.json not found"


def test_from_prompty_global_config_without_default_raises_value_error(write_prompty):
    path = write_prompty("---\nname: x\n---\n" + CHAT_BODY)
    global_config = write_prompty('{"other": {}}', name="prompty.json")
    with pytest.raises(ValueError) as error:
        PromptTemplate.from_prompty(str(path))
    assert str(error.value) == f'Item "default" not found in "{global_config}"'


def test_from_prompty_unknown_model_key_raises_value_error(write_prompty):
    path = write_prompty("---\nmodel:\n  api: chat\n  temperature: 1\n---\n" + CHAT_BODY)
    with pytest.raises(ValueError, match="^Error in model settings: .*unexpected keyword argument 'temperature'"):
        PromptTemplate.from_prompty(str(path))


@pytest.mark.parametrize(
    "front_matter, message",
    [
        ("inputs:\n  q: just a string", "Error in inputs: "),
        ("inputs:\n  q:\n    description: no type", "Error in inputs: "),
        ("outputs:\n  a: 3", "Error in outputs: "),
        ("template:\n  type: mustache\n  engine: x", "Error in template loader: "),
    ],
)
def test_from_prompty_bad_section_raises_value_error(write_prompty, front_matter, message):
    path = write_prompty(f"---\n{front_matter}\n---\n" + CHAT_BODY)
    with pytest.raises(ValueError) as error:
        PromptTemplate.from_prompty(str(path))
    assert str(error.value).startswith(message)


@pytest.mark.parametrize(
    "key, message",
    [
        ("metadata", "unexpected keyword argument 'metadata'"),
        ("file", "multiple values for keyword argument 'file'"),
        ("content", "multiple values for keyword argument 'content'"),
    ],
)
def test_from_prompty_unknown_top_level_key_raises_type_error(write_prompty, key, message):
    path = write_prompty(f"---\n{key}: x\n---\n" + CHAT_BODY)
    with pytest.raises(TypeError, match=message):
        PromptTemplate.from_prompty(str(path))


def test_create_messages_unknown_template_type_raises_value_error(write_prompty):
    template = PromptTemplate.from_prompty(str(write_prompty("---\ntemplate: jinja2\n---\n" + CHAT_BODY)))
    with pytest.raises(ValueError) as error:
        template.create_messages(name="x")
    assert str(error.value) == "Renderer jinja2 not found"


def test_create_messages_without_model_api_defaults_to_chat(write_prompty):
    """QUIRK 5 fixed: b9 raised ValueError("Parser prompty. not found")."""
    template = PromptTemplate.from_prompty(str(write_prompty("---\nname: no api\n---\n" + CHAT_BODY)))
    assert template.create_messages(name="Ann") == [{"role": "user", "content": "hi Ann"}]


def test_create_messages_template_mapping_without_parser_defaults_to_prompty(write_prompty):
    """QUIRK 4 fixed: b9 raised ValueError("Parser .chat not found")."""
    path = write_prompty("---\nmodel:\n  api: chat\ntemplate:\n  type: mustache\n---\n" + CHAT_BODY)
    assert PromptTemplate.from_prompty(str(path)).create_messages(name="Ann") == [
        {"role": "user", "content": "hi Ann"}
    ]


@pytest.mark.parametrize("parser, name", [("", ".chat"), ("markdown", "markdown.chat")])
def test_create_messages_unknown_parser_still_raises_value_error(write_prompty, parser, name):
    path = write_prompty(f"---\ntemplate:\n  type: mustache\n  parser: '{parser}'\n---\n" + CHAT_BODY)
    with pytest.raises(ValueError) as error:
        PromptTemplate.from_prompty(str(path)).create_messages(name="Ann")
    assert str(error.value) == f"Parser {name} not found"


@pytest.mark.parametrize(
    "template_text, message",
    [
        ("user:\n{{/a}}", 'Trying to close tag "a"\nLooks like it was not opened.\nline 2'),
        ("user:\n{{=<% %>}}", "unclosed set delimiter tag\nat line 2"),
    ],
)
def test_create_messages_mustache_syntax_error_raises_chevron_error(template_text, message):
    with pytest.raises(ChevronError) as error:
        PromptTemplate.from_string(template_text).create_messages()
    assert str(error.value) == message


def test_create_messages_empty_prompty_body_raises_index_error(write_prompty):
    template = PromptTemplate.from_prompty(str(write_prompty("---\nname: empty\n---\n\n")))
    with pytest.raises(IndexError, match="rendered prompt is empty"):
        template.create_messages()


@pytest.mark.parametrize(
    "template_text, expected",
    [
        ("system:\n\nuser:\nhello", [{"role": "user", "content": "hello"}]),
        ("user:\nsystem\n", [{"role": "user", "content": "system"}]),
        ("user:\nassistant:\nhi", [{"role": "assistant", "content": "hi"}]),
    ],
    ids=["empty-message-before-marker", "content-is-a-role-word", "adjacent-markers"],
)
def test_create_messages_odd_marker_structure_no_longer_raises(template_text, expected):
    """QUIRK 11 fixed: b9 raised ValueError("Invalid prompt format") for each of these."""
    assert PromptTemplate.from_string(template_text).create_messages() == expected


def test_create_messages_unsupported_local_image_raises_value_error(write_prompty):
    path = write_prompty("---\nname: img\n---\nuser:\n![x](photo.gif)\n")
    with pytest.raises(ValueError) as error:
        PromptTemplate.from_prompty(str(path)).create_messages()
    assert str(error.value) == "Invalid image format .gif - currently only .png and .jpg / .jpeg are supported."
