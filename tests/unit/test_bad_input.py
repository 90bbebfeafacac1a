"""B12.5 and API.md §5: bad input raises a clear exception naming the argument, before any I/O.

The client tests point at the emulator and check that it received nothing.
"""

from __future__ import annotations

import pytest
from azure.core.credentials import AzureKeyCredential

from azure.ai.inference.models import ImageEmbeddingInput, ImageUrl, InputAudio, UserMessage
from tests.behavior.wire import unsupported_response_format_message
from tests.flavors import resolve

LOADERS = [
    (ImageUrl.load, "image_file", {"image_format": "png"}),
    (ImageEmbeddingInput.load, "image_file", {"image_format": "png"}),
    (InputAudio.load, "audio_file", {"audio_format": "wav"}),
]


@pytest.mark.parametrize("messages", [None, "missing"])
async def test_missing_messages_names_the_argument(clients, emulator, messages):
    """B5.2: no ``messages`` (or ``messages=None``) -> "missing required argument: messages"."""
    arguments = {} if messages == "missing" else {"messages": None}
    with pytest.raises(TypeError) as caught:
        await resolve(clients.chat().complete(**arguments))
    assert str(caught.value) == "missing required argument: messages"
    assert emulator.requests == []


@pytest.mark.parametrize("messages", ["hello", {"role": "user", "content": "hi"}, b"hello", 5])
async def test_messages_that_are_not_a_list_name_the_argument(clients, emulator, messages):
    """B5.2 (changed): ``messages`` must be a list of messages: a str, dict, bytes or number -> TypeError naming it."""
    with pytest.raises(TypeError) as caught:
        await resolve(clients.chat().complete(messages=messages))
    assert "'messages'" in str(caught.value)
    assert type(messages).__name__ in str(caught.value)
    assert emulator.requests == []


@pytest.mark.parametrize("factory", ["embeddings", "image_embeddings"])
@pytest.mark.parametrize("arguments", [{}, {"input": None}], ids=["missing", "none"])
async def test_missing_input_names_the_argument(clients, emulator, factory, arguments):
    """B6.1: no ``input`` -> "missing required argument: input"."""
    with pytest.raises(TypeError) as caught:
        await resolve(getattr(clients, factory)().embed(**arguments))
    assert str(caught.value) == "missing required argument: input"
    assert emulator.requests == []


@pytest.mark.parametrize("credential", ["my-secret-key", 12345, {"key": "k"}])
async def test_wrong_credential_type_names_the_argument_not_the_value(clients, emulator, credential):
    """B1.3 (changed): TypeError "Unsupported credential: ..." naming 'credential' and the type only."""
    with pytest.raises(TypeError) as caught:
        clients.package.EmbeddingsClient(clients.endpoint, credential)
    message = str(caught.value)
    assert message.startswith("Unsupported credential:")
    assert ("'credential'" in message, type(credential).__name__ in message) == (True, True)
    assert str(credential) not in message
    assert emulator.requests == []


async def test_none_endpoint_names_the_argument(clients, emulator):
    """B1.1: ``endpoint=None`` -> ValueError naming ``endpoint``."""
    with pytest.raises(ValueError) as caught:
        clients.package.ImageEmbeddingsClient(None, AzureKeyCredential("k"))
    assert str(caught.value) == "Parameter 'endpoint' must not be None."
    assert emulator.requests == []


@pytest.mark.parametrize("value", ["JSON_OBJECT", {"type": "yaml"}, 1.5])
async def test_unsupported_response_format_names_the_argument(clients, emulator, value):
    """B5.8: ValueError naming ``response_format`` and showing the value, from the call or constructor."""
    with pytest.raises(ValueError) as caught:
        await resolve(clients.chat().complete(messages=[UserMessage("x")], response_format=value))
    with pytest.raises(ValueError) as caught_at_construction:
        clients.chat(response_format=value)
    assert str(caught.value) == str(caught_at_construction.value)
    assert str(caught.value) == unsupported_response_format_message(value)
    assert emulator.requests == []


@pytest.mark.parametrize(("load", "argument", "other"), LOADERS)
def test_missing_file_names_the_argument(tmp_path, load, argument, other):
    """B15.14/B15.15: a missing file -> FileNotFoundError whose message names the argument and path."""
    path = tmp_path / "absent.bin"
    with pytest.raises(FileNotFoundError) as caught:
        load(**{argument: str(path)}, **other)
    assert f"'{argument}'" in str(caught.value)
    assert caught.value.filename == str(path)


@pytest.mark.parametrize(("load", "argument", "other"), LOADERS)
def test_unreadable_file_names_the_argument(tmp_path, load, argument, other):
    """B15.14/B15.15: An unreadable path (a directory here) -> the OSError subclass, message naming the argument."""
    with pytest.raises(OSError) as caught:
        load(**{argument: str(tmp_path)}, **other)
    assert type(caught.value) is IsADirectoryError
    assert f"'{argument}'" in str(caught.value)


@pytest.mark.parametrize(("load", "argument", "other"), LOADERS)
@pytest.mark.parametrize("path", [None, 5, 2.5], ids=["none", "int", "float"])
def test_non_string_path_names_the_argument(load, argument, other, path):
    """B15.14/B15.15 (changed): a path neither ``str``, ``bytes`` nor ``os.PathLike`` -> TypeError naming the
    argument and type (an int would open, read and close an unrelated file descriptor)."""
    with pytest.raises(TypeError) as caught:
        load(**{argument: path}, **other)
    assert f"'{argument}'" in str(caught.value)
    assert type(path).__name__ in str(caught.value)


@pytest.mark.parametrize(
    ("load", "arguments", "argument"),
    [
        (ImageUrl.load, {"image_file": "p.png", "image_format": None}, "image_format"),
        (ImageEmbeddingInput.load, {"image_file": "p.png", "image_format": ""}, "image_format"),
        (InputAudio.load, {"audio_file": "a.wav", "audio_format": 3}, "audio_format"),
    ],
)
def test_bad_format_names_the_argument(load, arguments, argument):
    """B15.14/B15.15 (changed): the format must be a non-empty string: TypeError naming it (checked
    before reading the file)."""
    with pytest.raises(TypeError) as caught:
        load(**arguments)
    assert f"'{argument}'" in str(caught.value)


@pytest.mark.parametrize(("load", "argument", "other"), LOADERS)
def test_path_objects_are_accepted_like_strings(tmp_path, load, argument, other):
    """A ``pathlib.Path`` reads the same file as its string form."""
    path = tmp_path / "data.bin"
    path.write_bytes(b"\x89PNG\r\n")
    assert load(**{argument: path}, **other).as_dict() == load(**{argument: str(path)}, **other).as_dict()


@pytest.mark.parametrize(("load", "argument", "other"), LOADERS)
def test_bytes_paths_are_accepted_as_open_accepts_them(tmp_path, load, argument, other):
    """As in 1.0.0b9, which handed the path to ``open()``: a bytes path reads the same file."""
    path = tmp_path / "data.bin"
    path.write_bytes(b"\x89PNG\r\n")
    assert load(**{argument: bytes(path)}, **other).as_dict() == load(**{argument: str(path)}, **other).as_dict()
