"""Every worked example of PROMPTS.md section 9 (input -> exact output).

Where this package deliberately differs from 1.0.0b9 (see CHANGELOG.md) the test asserts
the new output and says which quirk it covers.
"""
from __future__ import annotations

import pytest

from azure.ai.inference.prompts import PromptTemplate
from azure.ai.inference.prompts._mustache import ChevronError

SYSTEM_TEXT = (
    "You are an AI assistant in a hotel. You help guests with their requests and provide information "
    "about the hotel and its services."
)
RULES = [
    {"rule": "The check-in time is 3pm"},
    {"rule": "The check-out time is 11am"},
    {"rule": "Breakfast is served from 7am to 10am"},
]
CHAT_HISTORY = [
    {"role": "user", "content": "I'll arrive at 2pm. What's the check-in and check-out time?"},
    {"role": "system", "content": "The check-in time is 3 PM, and the check-out time is 11 AM."},
]
HOTEL_MESSAGES = [
    {
        "role": "system",
        "content": SYSTEM_TEXT + "\n\n# context\nThe check-in time is 3pm\nThe check-out time is 11am\n"
        "Breakfast is served from 7am to 10am",
    },
    CHAT_HISTORY[0],
    CHAT_HISTORY[1],
    {"role": "user", "content": "When I arrived, can I still have breakfast?"},
]


def test_example_9_1_from_string_system_and_user():
    template = PromptTemplate.from_string(
        api="chat", prompt_template="system prompt template text\nuser:\n{{input}}"
    )
    messages = template.create_messages(input="user question input text")
    assert messages == [
        {"role": "system", "content": "system prompt template text"},
        {"role": "user", "content": "user question input text"},
    ]


def test_example_9_2_from_string_sections_and_chat_history():
    template = PromptTemplate.from_string(
        prompt_template="""
            system:
            You are an AI assistant in a hotel. You help guests with their requests and provide information about the hotel and its services.

            # context
            {{#rules}}
            {{rule}}
            {{/rules}}

            {{#chat_history}}
            {{role}}:
            {{content}}
            {{/chat_history}}

            user:
            {{input}}
            """
    )
    messages = template.create_messages(
        input="When I arrived, can I still have breakfast?", rules=RULES, chat_history=CHAT_HISTORY
    )
    assert messages == HOTEL_MESSAGES


def test_example_9_3_from_prompty_loaded_state():
    template = PromptTemplate.from_prompty("fixtures/sample1.prompty")
    assert template.model_name == "gpt-4o-mini"
    assert template.parameters == {"temperature": 1, "frequency_penalty": 0.5, "presence_penalty": 0.5}
    assert template.prompty is not None
    assert template.prompty.model.configuration == {
        "azure_deployment": "gpt-4o-mini",
        "type": "azure",
        "api_version": "mock-api-version",
    }
    assert template.prompty.model.api == "chat"
    assert (template.prompty.template.type, template.prompty.template.parser) == ("mustache", "prompty")
    assert template.prompty.content.startswith("system:\nYou are an AI assistant")
    assert template.prompty.content.endswith("user:\n{{input}}\n")


def test_example_9_3_from_prompty_escapes_html_in_values():
    template = PromptTemplate.from_prompty("fixtures/sample1.prompty")
    url_rule = {"rule": 'The hotel website is https://www.myhotel.com?key1=param1&key2=param"2&key3=param<3>'}
    messages = template.create_messages(input="What's the check-in and check-out time?", rules=RULES + [url_rule])
    assert messages == [
        {
            "role": "system",
            "content": SYSTEM_TEXT + "\n\n# context\nThe check-in time is 3pm\nThe check-out time is 11am\n"
            "Breakfast is served from 7am to 10am\nThe hotel website is "
            "https://www.myhotel.com?key1=param1&amp;key2=param&quot;2&amp;key3=param&lt;3&gt;",
        },
        {"role": "user", "content": "What's the check-in and check-out time?"},
    ]


def test_example_9_3_from_prompty_without_data_uses_sample_and_drops_empty_user():
    template = PromptTemplate.from_prompty("fixtures/sample1.prompty")
    assert template.create_messages() == [{"role": "system", "content": SYSTEM_TEXT + "\n\n# context"}]


def test_example_9_3_from_prompty_with_data_dict():
    template = PromptTemplate.from_prompty("fixtures/sample1.prompty")
    data = {"input": "When I arrived, can I still have breakfast?", "rules": RULES, "chat_history": CHAT_HISTORY}
    assert template.create_messages(data) == HOTEL_MESSAGES


def test_example_9_3_data_and_conflicting_keyword_raise_type_error():
    """QUIRK 8 fixed: b9 silently ignored ``input="IGNORED"``; now the conflict is an error."""
    template = PromptTemplate.from_prompty("fixtures/sample1.prompty")
    data = {"input": "When I arrived, can I still have breakfast?", "rules": RULES, "chat_history": CHAT_HISTORY}
    with pytest.raises(TypeError, match="'input' both in 'data' and as keyword arguments"):
        template.create_messages(data, input="IGNORED")


def test_example_9_4_secrets_masked_only_in_safe_dict():
    template = PromptTemplate.from_prompty("fixtures/secrets.prompty")
    assert template.prompty is not None
    assert template.prompty.model.configuration["api_key"] == "test_key"
    safe_configuration = template.prompty.to_safe_dict()["model"]["configuration"]
    assert safe_configuration["api_key"] == "********"
    assert safe_configuration["api_secret"] == "***********"
    assert safe_configuration["Token"] == "visible-token"


@pytest.mark.usefixtures("env_for_sub")
def test_example_9_5_env_and_file_references_loaded_state():
    template = PromptTemplate.from_prompty("fixtures/sub/env.prompty")
    assert template.prompty is not None
    assert template.model_name == "dep-from-env"
    assert template.prompty.name == "Env Test"
    assert template.parameters == {"max_tokens": 128, "stop": ["  END  "]}
    assert template.prompty.model.configuration == {
        "type": "azure_openai",
        "azure_deployment": "dep-from-env",
        # QUIRK 2 fixed: b9 cut the default at the next colon and gave "https".
        "azure_endpoint": "https://fallback.example.com",
        "api_key": "sk-123",
        "conn": {"endpoint": "https://ep", "nested": ["dep-from-env", 3]},
        "api_version": "global-version",
    }


@pytest.mark.usefixtures("env_for_sub")
def test_example_9_5_local_image_inlined_and_sample_from_file():
    template = PromptTemplate.from_prompty("fixtures/sub/env.prompty")
    assert template.create_messages({}) == [
        {"role": "system", "content": "Deploy=from-sample"},
        {
            "role": "user",
            "content": [
                {"type": "image_url", "image_url": {"url": "data:image/png;base64,iVBORw0KGgpmYWtlcG5n"}},
                {"type": "text", "text": "What is this?"},
            ],
        },
    ]


@pytest.mark.usefixtures("env_for_sub")
def test_example_9_5_unset_variable_without_default(monkeypatch):
    monkeypatch.delenv("MY_DEPLOY")
    with pytest.raises(ValueError) as error:
        PromptTemplate.from_prompty("fixtures/sub/env.prompty")
    assert str(error.value) == "Variable MY_DEPLOY not found in environment"


def test_example_9_6_images_in_string_template_kept_verbatim():
    template = PromptTemplate.from_string(
        'user:\nWhat is in this image? ![alt text](https://example.com/a.png "title") and '
        "![](data:image/png;base64,AAA)\nthanks"
    )
    assert template.create_messages() == [
        {
            "role": "user",
            "content": [
                {"type": "text", "text": "What is in this image?"},
                {"type": "image_url", "image_url": {"url": "https://example.com/a.png"}},
                {"type": "text", "text": "and"},
                {"type": "image_url", "image_url": {"url": "data:image/png;base64,AAA"}},
                {"type": "text", "text": "thanks"},
            ],
        }
    ]


def test_example_9_6_local_image_in_string_template_not_inlined():
    messages = PromptTemplate.from_string("user:\n![pic](local.png)").create_messages()
    assert messages == [{"role": "user", "content": [{"type": "image_url", "image_url": {"url": "local.png"}}]}]


def test_example_9_7_base_inheritance():
    template = PromptTemplate.from_prompty("fixtures/sub/child.prompty")
    prompty = template.prompty
    assert prompty is not None
    assert (prompty.name, prompty.description, prompty.version) == ("Child", "base desc", "1.0")
    assert sorted(prompty.authors) == ["a1", "a2"]
    assert prompty.tags == ["t1"]
    assert prompty.model.api == "chat"
    assert template.parameters == {"temperature": 0.9, "top_p": 0.5}
    assert prompty.model.configuration == {
        "type": "azure_from_global",
        "api_version": "global-version",
        "azure_deployment": "global-deploy",
    }
    assert prompty.sample == {"extra": 1, "who": "base-sample"}
    assert prompty.basePrompty is not None and prompty.basePrompty.name == "Base"
    assert template.create_messages({}) == [{"role": "user", "content": "CHILD BODY base-sample"}]


# Example 9.8: mustache and parser edge cases of string templates. ``None`` data means no data.
EXAMPLE_9_8_MESSAGES = [
    ("Hello {{name}}", {"name": "Bob"}, [{"role": "system", "content": "Hello Bob"}]),
    ("user:\nHi {{name}}!", None, [{"role": "user", "content": "Hi !"}]),
    (
        "user:\n{{x}} | {{{x}}} | {{& x}}",
        {"x": "<a href=\"u\">&'</a>"},
        [{"role": "user", "content": "&lt;a href=&quot;u&quot;&gt;&amp;'&lt;/a&gt; | <a href=\"u\">&'</a> | <a href=\"u\">&'</a>"}],
    ),
    (
        "user:\n{{i}} {{f}} {{t}} {{fa}} {{n}} {{l}} {{d}} {{z}}",
        {"i": 3, "f": 1.5, "t": True, "fa": False, "n": None, "l": [1, 2], "d": {"a": "b"}, "z": 0},
        [{"role": "user", "content": "3 1.5 True False  [1, 2] {'a': 'b'} 0"}],
    ),
    (
        "user:\n{{a.b.c}} {{arr.1}} {{obj.missing}}",
        {"a": {"b": {"c": "deep"}}, "arr": ["x", "y"], "obj": {}},
        [{"role": "user", "content": "deep y"}],
    ),
    (
        "user:\n{{#list}}[{{.}}]{{/list}}|{{#obj}}{{k}}{{/obj}}|{{#t}}T{{/t}}|{{#f}}F{{/f}}|{{^f}}notF{{/f}}"
        "|{{^empty}}E{{/empty}}|{{#empty}}X{{/empty}}",
        {"list": [1, 2, 3], "obj": {"k": "v"}, "t": True, "f": False, "empty": []},
        [{"role": "user", "content": "[1][2][3]|v|T||notF|E|"}],
    ),
    ("user:\nA{{! comment }}B {{=<% %>=}}<% x %> {{x}}", {"x": "X"}, [{"role": "user", "content": "AB X {{x}}"}]),
    ("user:\nA{{> part}}B", None, [{"role": "user", "content": "AB"}]),
    ("user:\nA\n  {{#s}}  \nB\n  {{/s}}\nC", {"s": True}, [{"role": "user", "content": "A\nB\nC"}]),
    (
        "# System:\nS\n  USER :  \nU\nAssistant:\nA\nfunction:\nF\n#user:\nU2",
        None,
        [
            {"role": "system", "content": "S"},
            {"role": "user", "content": "U"},
            {"role": "assistant", "content": "A"},
            {"role": "function", "content": "F"},
            {"role": "user", "content": "U2"},
        ],
    ),
    (
        # QUIRK 10 fixed: b9 gave one system message "S\ntool:\nT\ndeveloper:\nD".
        "system:\nS\ntool:\nT\ndeveloper:\nD",
        None,
        [{"role": "system", "content": "S"}, {"role": "tool", "content": "T"}, {"role": "developer", "content": "D"}],
    ),
    (
        "system: inline text\nuser:\nU",
        None,
        [{"role": "system", "content": "system: inline text"}, {"role": "user", "content": "U"}],
    ),
    # QUIRK 12 fixed: b9 gave [{"role": "system", "content": "user:"}]; a trailing marker is dropped.
    ("user:", None, []),
    # QUIRK 11 fixed: b9 raised ValueError("Invalid prompt format"); the empty system message is dropped.
    ("system:\nuser:\nhello", None, [{"role": "user", "content": "hello"}]),
    (
        "    system:\n      indented\n    user:\n    {{q}}",
        {"q": "  spaced  "},
        [{"role": "system", "content": "indented"}, {"role": "user", "content": "spaced"}],
    ),
]


@pytest.mark.parametrize("template_text, data, expected", EXAMPLE_9_8_MESSAGES)
def test_example_9_8_string_template(template_text, data, expected):
    template = PromptTemplate.from_string(template_text)
    assert template.create_messages(data) == expected


@pytest.mark.parametrize("template_text", ["", "   \n\t  "])
def test_example_9_8_empty_template_raises_index_error(template_text):
    with pytest.raises(IndexError, match="rendered prompt is empty"):
        PromptTemplate.from_string(template_text).create_messages()


EXAMPLE_9_8_SYNTAX_ERRORS = [
    ("user:\n{{#a}}x", 'Unexpected EOF\nthe tag "a" was never closed\nwas opened at line 2'),
    # b9 reported "line 3" (off by one); the closing tag is on line 2.
    ("user:\n{{#a}}x{{/b}}", 'Trying to close tag "b"\nlast open tag is "a"\nline 2'),
    ("user:\n{{x", "unclosed tag at line 2"),
]


@pytest.mark.parametrize("template_text, message", EXAMPLE_9_8_SYNTAX_ERRORS)
def test_example_9_8_mustache_syntax_error(template_text, message):
    with pytest.raises(ChevronError) as error:
        PromptTemplate.from_string(template_text).create_messages()
    assert str(error.value) == message
    assert isinstance(error.value, SyntaxError)
