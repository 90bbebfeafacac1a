"""Role markers, message content and images (PROMPTS.md section 6)."""
from __future__ import annotations

import base64
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from azure.ai.inference.prompts._chat_parser import ROLES, parse_chat


@pytest.mark.parametrize("marker", ["system:", "# System:", "  USER :  ", "#user:", "  # Assistant :\t", "TOOL:"])
def test_role_marker_variants_are_recognised(marker):
    messages = parse_chat(f"{marker}\ncontent\n")
    assert messages == [{"role": marker.strip(" #\t:").split()[0].lower(), "content": "content"}]


@pytest.mark.parametrize("line", ["## user:", "Hello user:", "system: inline text", "users:", "user"])
def test_lines_that_are_not_role_markers_stay_text(line):
    assert parse_chat(f"{line}\nmore") == [{"role": "system", "content": f"{line}\nmore"}]


def test_text_before_first_marker_is_system_message():
    assert parse_chat("intro\nuser:\nq") == [{"role": "system", "content": "intro"}, {"role": "user", "content": "q"}]


def test_only_markers_give_no_messages():
    assert parse_chat("user:\n\nassistant:\n") == []


def test_content_whitespace_is_stripped_at_edges_only():
    assert parse_chat("user:\n\n  a\n   b  \n\n") == [{"role": "user", "content": "a\n   b"}]


def test_markdown_image_title_is_discarded():
    content = parse_chat('user:\n![a](http://x/y.png "t") end')[0]["content"]
    assert content == [
        {"type": "image_url", "image_url": {"url": "http://x/y.png"}},
        {"type": "text", "text": "end"},
    ]


def write_image(directory: Path, name: str) -> bytes:
    data = b"\x89PNG\r\n\x1a\n" + name.encode()
    (directory / name).write_bytes(data)
    return data


@pytest.mark.parametrize(
    "name, mime_type",
    [("a.png", "image/png"), ("b.jpg", "image/jpeg"), ("c.jpeg", "image/jpeg"), ("D.PNG", "image/png")],
)
def test_local_image_is_inlined_as_data_url(tmp_path, name, mime_type):
    """QUIRK 13 fixed for case: b9 rejected ``.PNG``."""
    data = write_image(tmp_path, name)
    content = parse_chat(f"user:\n![x]({name})", tmp_path)[0]["content"]
    expected_url = f"data:{mime_type};base64,{base64.b64encode(data).decode()}"
    assert content == [{"type": "image_url", "image_url": {"url": expected_url}}]


@pytest.mark.parametrize("url", ["https://example.com/a.gif", "data:image/gif;base64,R0lG"])
def test_remote_and_data_images_stay_verbatim_with_base_directory(tmp_path, url):
    content = parse_chat(f"user:\n![x]({url})", tmp_path)[0]["content"]
    assert content == [{"type": "image_url", "image_url": {"url": url}}]


def test_unsupported_local_image_type_keeps_b9_message(tmp_path):
    """QUIRK 13 kept for the type list: only png and jpg/jpeg are inlined."""
    with pytest.raises(ValueError) as error:
        parse_chat("user:\n![x](a.webp)", tmp_path)
    assert str(error.value) == "Invalid image format .webp - currently only .png and .jpg / .jpeg are supported."


def test_missing_local_image_raises_file_not_found(tmp_path):
    with pytest.raises(FileNotFoundError):
        parse_chat("user:\n![x](missing.png)", tmp_path)


plain_line = st.text(
    alphabet=st.characters(blacklist_categories=["Cs", "Cc", "Zl", "Zp"], blacklist_characters="![]():#"),
    min_size=1,
    max_size=30,
).filter(lambda text: text.strip() != "")


@given(st.lists(st.tuples(st.sampled_from(ROLES), plain_line), min_size=1, max_size=6))
def test_rendered_markers_round_trip(pairs):
    text = "".join(f"{role}:\n{content}\n" for role, content in pairs)
    assert parse_chat(text) == [{"role": role, "content": content.strip()} for role, content in pairs]
