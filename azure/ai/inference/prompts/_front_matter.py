# ------------------------------------
# Copyright (c) Microsoft Corporation.
# Licensed under the MIT License.
# ------------------------------------
"""Split a ``.prompty`` file into its YAML front matter and its body (PROMPTS.md P-3.1, P-3.2).

PyYAML is imported here, lazily, so that importing the package never needs it.
"""
from __future__ import annotations

import re
from typing import Any, Dict, Tuple

# The opening and closing delimiters ("---" or "+++", mixing allowed) must each be a whole line;
# a "---" inside a value (for example "description: a---b") does not end the front matter.
_FRONT_MATTER = re.compile(
    r"^\s*(?:---|\+\+\+)[ \t]*\r?\n(.*?)^[ \t]*(?:---|\+\+\+)[ \t]*(?:\r?\n|\Z)(.*)",
    re.DOTALL | re.MULTILINE,
)


def split_front_matter(text: str, file_name: str) -> Tuple[Dict[str, Any], str]:
    """Return the parsed front matter mapping and the body of a prompty file.

    Leading whitespace of the body is removed; its trailing text, including the final newline,
    is kept.

    :param text: The whole file content.
    :type text: str
    :param file_name: The file's path, used in error messages.
    :type file_name: str
    :return: The front matter attributes and the body text.
    :rtype: tuple[dict[str, ~typing.Any], str]
    :raises ImportError: If PyYAML is not installed.
    :raises TypeError: If the file has no front matter, or it is not a YAML mapping.
    """
    match = _FRONT_MATTER.search(text)
    front_matter, body = (match.group(1), match.group(2).lstrip()) if match else ("", "")
    attributes = _load_yaml(front_matter)
    if not isinstance(attributes, dict):
        raise TypeError(
            f"The prompty file {file_name} needs front matter holding a YAML mapping between "
            f"'---' lines, got {type(attributes).__name__}"
        )
    return attributes, body


def _load_yaml(text: str) -> Any:
    try:
        import yaml  # pylint: disable=import-outside-toplevel  # optional dependency, needed only here
    except ImportError as error:
        raise ImportError(
            "Loading a .prompty file needs PyYAML; install it with `pip install pyyaml` "
            "(this package's `prompts` extra installs it)"
        ) from error
    return yaml.safe_load(text)
