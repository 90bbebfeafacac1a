"""The mustache subset of PROMPTS.md section 5, beyond the worked examples."""
from __future__ import annotations

import threading

import pytest
from hypothesis import given
from hypothesis import strategies as st

from azure.ai.inference.prompts._mustache import ChevronError, render


class Point:
    x = 7


def test_variable_tags_ignore_inner_whitespace():
    assert render("{{  x  }}|{{{ x }}}|{{&x}}", {"x": "<"}) == "&lt;|<|<"


def test_html_escaping_replaces_ampersand_first_and_keeps_apostrophe():
    assert render("{{v}}", {"v": "&lt; ' \""}) == "&amp;lt; ' &quot;"


@pytest.mark.parametrize("value", [None, "", [], {}, ()])
def test_falsy_values_render_empty(value):
    assert render("[{{v}}]", {"v": value}) == "[]"


@pytest.mark.parametrize("value, text", [(0, "0"), (0.0, "0.0"), (False, "False")])
def test_zero_and_false_render_as_text(value, text):
    assert render("{{v}}", {"v": value}) == text


def test_attribute_and_index_lookup():
    assert render("{{p.x}} {{n.real}} {{l.0}} {{s.0}}", {"p": Point(), "n": 3, "l": ["a"], "s": "xyz"}) == "7 3 a x"


def test_dotted_lookup_failure_falls_back_to_outer_scope():
    data = {"a": {"b": "outer"}, "items": [{"a": {"c": 1}}]}
    assert render("{{#items}}{{a.b}}{{/items}}", data) == "outer"


def test_found_falsy_value_stops_lookup():
    assert render("{{#items}}[{{v}}]{{/items}}", {"v": "outer", "items": [{"v": None}]}) == "[]"


def test_section_items_fall_back_to_outer_scope():
    data = {"items": [{"name": "a"}, {"name": "b"}], "suffix": "S"}
    assert render("{{#items}}{{name}}-{{suffix}};{{/items}}", data) == "a-S;b-S;"


def test_section_over_iterator_and_tuple():
    assert render("{{#it}}{{.}}{{/it}}|{{#tu}}{{.}}{{/tu}}", {"it": iter("ab"), "tu": (1, 2)}) == "ab|12"


def test_section_renders_once_per_item_even_when_item_is_falsy():
    assert render("{{#l}}[{{.}}]{{/l}}", {"l": [0, 1, None]}) == "[0][1][]"


@pytest.mark.parametrize("value", ["text", 5, {"k": 1}, True])
def test_truthy_scalar_section_renders_once_with_value_as_scope(value):
    assert render("{{#v}}<{{.}}>{{/v}}", {"v": value}) == f"<{value}>"


@pytest.mark.parametrize("value", [None, False, 0, "", [], {}])
def test_falsy_section_is_skipped_and_inverted_rendered(value):
    assert render("{{#v}}yes{{/v}}{{^v}}no{{/v}}", {"v": value}) == "no"


def test_missing_section_is_skipped_and_inverted_rendered():
    assert render("{{#v}}yes{{/v}}{{^v}}no{{/v}}", {}) == "no"


def test_nested_sections_with_same_key():
    data = {"a": {"a": {"x": "inner"}, "x": "outer"}}
    assert render("{{#a}}{{x}}{{#a}}/{{x}}{{/a}}{{/a}}", data) == "outer/inner"


def test_lambda_receives_raw_text_and_renderer():
    seen = []

    def upper(text, render_text):
        seen.append(text)
        return render_text(text).upper()

    assert render("{{#up}}hi {{name}}{{/up}}", {"up": upper, "name": "Bob"}) == "HI BOB"
    assert seen == ["hi {{name}}"]


def test_lambda_renderer_accepts_extra_data():
    def with_data(text, render_text):
        return render_text(text, {"name": "Extra"})

    assert render("{{#f}}{{name}}{{/f}}", {"f": with_data, "name": "Bob"}) == "Extra"


def test_lambda_result_is_not_escaped():
    assert render("{{#f}}x{{/f}}", {"f": lambda text, render_text: "<b>"}) == "<b>"


def test_standalone_tags_remove_their_lines():
    template = "a\n  {{! note }}\n{{#s}}\n  b\n{{/s}}\n{{^s}}\nc\n{{/s}}\n{{> p}}\nd\n"
    assert render(template, {"s": True}) == "a\n  b\nd\n"


def test_standalone_tag_at_end_without_newline():
    assert render("a\n{{#s}}\nb\n{{/s}}", {"s": True}) == "a\nb\n"


def test_standalone_with_crlf_line_end():
    assert render("a\r\n{{#s}}\r\nb\r\n{{/s}}\r\n", {"s": True}) == "a\r\nb\r\n"


def test_variable_never_makes_a_line_standalone():
    assert render("a\n  {{v}}  \nb", {"v": ""}) == "a\n    \nb"


def test_two_tags_on_a_line_are_not_standalone():
    assert render("a\n{{#s}}{{/s}}\nb", {"s": True}) == "a\n\nb"


def test_set_delimiters_then_sections():
    assert render("{{=[[ ]]=}}[[#s]][[v]][[/s]] {{v}}", {"s": True, "v": "<"}) == "&lt; {{v}}"


def test_triple_mustache_needs_default_delimiters():
    with pytest.raises(ChevronError, match="unclosed triple mustache tag at line 1"):
        render("{{=<% %>=}}<%{x}%>", {"x": 1})


def test_unbalanced_triple_mustache_raises():
    """b9 rendered ``{{{x}}`` as nothing without any error; now it is a syntax error."""
    with pytest.raises(ChevronError, match="unclosed triple mustache tag at line 2"):
        render("a\n{{{x}}", {"x": "value"})


def test_error_line_counts_newlines_inside_tags():
    with pytest.raises(ChevronError) as error:
        render("{{! a\nb }}\n{{/x}}", {})
    assert str(error.value).endswith("line 3")


def test_unclosed_section_reports_innermost_open_tag():
    with pytest.raises(ChevronError) as error:
        render("{{#a}}\n{{#b}}\n", {"a": 1, "b": 1})
    assert str(error.value) == 'Unexpected EOF\nthe tag "b" was never closed\nwas opened at line 2'


def test_render_is_thread_safe():
    results = {}

    def work(number):
        results[number] = render("{{#l}}{{.}}{{/l}}", {"l": [number] * 50})

    threads = [threading.Thread(target=work, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=10)
    assert results == {n: str(n) * 50 for n in range(8)}


@given(st.text().filter(lambda text: "{{" not in text))
def test_text_without_tags_renders_unchanged(text):
    assert render(text, {}) == text


@given(st.text())
def test_escaped_variable_has_no_markup_characters(value):
    rendered = render("{{v}}", {"v": value})
    assert not set('<>"') & set(rendered)
    assert rendered.replace("&quot;", '"').replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&") == value
