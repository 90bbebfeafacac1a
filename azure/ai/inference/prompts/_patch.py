# ------------------------------------
# Copyright (c) Microsoft Corporation.
# Licensed under the MIT License.
# ------------------------------------
"""``PromptTemplate``: build chat messages from a ``.prompty`` file or a template string."""
from __future__ import annotations

import inspect
import os
from pathlib import Path
from typing import Any, Dict, List, Mapping, Optional, cast

from ._chat_parser import parse_chat
from ._mustache import render
from ._prompty import Prompty
from ._prompty_loader import load_prompty
from ._prompty_pipeline import run_prompty
from ._utils import remove_leading_empty_space

__all__ = ["PromptTemplate"]


class PromptTemplate:
    """A prompt template that turns template variables into chat messages.

    Create one with :meth:`from_prompty` or :meth:`from_string` rather than the constructor.

    :keyword api: The model API of a string template; string templates are always parsed as
        ``"chat"``. Default ``"chat"``.
    :paramtype api: str
    :keyword prompty: A loaded prompty; takes precedence over ``prompt_template``.
    :paramtype prompty: Prompty or None
    :keyword prompt_template: A mustache template string with role markers.
    :paramtype prompt_template: str or None
    :keyword model_name: The model name of a string template.
    :paramtype model_name: str or None
    :raises ValueError: If neither ``prompty`` nor ``prompt_template`` is given.

    :ivar prompty: The loaded prompty, or ``None`` for a string template.
    :vartype prompty: Prompty or None
    :ivar model_name: The model (deployment) name: ``model.configuration["azure_deployment"]`` of a
        prompty, or the ``model_name`` given for a string template.
    :vartype model_name: str or None
    :ivar parameters: Model call parameters (``model.parameters`` of a prompty), typically passed
        on as ``**prompt_template.parameters`` to ``ChatCompletionsClient.complete``.
    :vartype parameters: dict[str, ~typing.Any]

    .. admonition:: Example:

        .. literalinclude:: ../../samples/sample_chat_completions_from_input_prompt_string.py
            :start-after: [START prompt_template_from_string]
            :end-before: [END prompt_template_from_string]
            :language: python
            :dedent: 4
            :caption: Render a mustache template into messages and send them.
    """

    def __init__(
        self,
        *,
        api: str = "chat",
        prompty: Optional[Prompty] = None,
        prompt_template: Optional[str] = None,
        model_name: Optional[str] = None,
    ) -> None:
        self.prompty = prompty
        self.model_name: Optional[str] = model_name
        self.parameters: Dict[str, Any] = {}
        self._api = api if api is not None else "chat"  # kept for compatibility; never read (P-6.5)
        self._prompt_template = prompt_template
        if prompty is not None:
            self.model_name = prompty.model.configuration.get("azure_deployment")
            self.parameters = prompty.model.parameters
        elif prompt_template is None:
            raise ValueError("Please pass valid arguments for PromptTemplate")

    @classmethod
    def from_prompty(cls, file_path: str) -> "PromptTemplate":
        """Load a prompt template from a ``.prompty`` file.

        A relative ``file_path`` is resolved against the directory of the source file that calls
        this method (not the current working directory). PyYAML must be installed
        (the ``prompts`` extra of this package, or ``pip install pyyaml``).

        :param file_path: Path of the ``.prompty`` file.
        :type file_path: str
        :return: The prompt template.
        :rtype: PromptTemplate
        :raises ValueError: If ``file_path`` is empty, or the file's content is invalid.
        :raises FileNotFoundError: If the file, or a file it references, does not exist.
        :raises ImportError: If PyYAML is not installed.
        :raises TypeError: If the file has no front matter, or an unknown top-level key.
        """
        if not file_path:
            raise ValueError("Please provide file_path")
        path = Path(os.path.abspath(os.path.join(_caller_directory(), file_path)))
        return cls(prompty=load_prompty(path))

    @classmethod
    def from_string(
        cls,
        prompt_template: str,
        api: str = "chat",
        model_name: Optional[str] = None,
        params: Optional[Dict[str, Any]] = None,
    ) -> "PromptTemplate":
        """Create a prompt template from a mustache template string with role markers.

        The template is dedented before rendering (see ``remove_leading_empty_space``), so an
        indented triple-quoted string works as is.

        :param prompt_template: The template text.
        :type prompt_template: str
        :param api: Kept for compatibility; string templates are always parsed as chat messages.
        :type api: str
        :param model_name: The value of the ``model_name`` attribute.
        :type model_name: str or None
        :param params: The value of the ``parameters`` attribute (for example ``temperature``);
            default ``{}``.
        :type params: dict[str, ~typing.Any] or None
        :return: The prompt template.
        :rtype: PromptTemplate
        """
        template = cls(api=api, prompt_template=prompt_template, model_name=model_name)
        template.parameters = dict(params or {})
        return template

    def create_messages(self, data: Optional[Mapping[str, Any]] = None, **kwargs: Any) -> List[Dict[str, Any]]:
        """Render the template and return the chat messages.

        Template variables come from ``data`` and from keyword arguments together; a prompty's
        ``sample`` values fill the variables given by neither.

        :param data: Template variables as a mapping.
        :type data: ~typing.Mapping[str, ~typing.Any] or None
        :return: A list of ``{"role": ..., "content": ...}`` dicts, ready to pass as ``messages``
            to ``ChatCompletionsClient.complete``. For a prompty whose ``model.api`` is
            ``completion``, ``embedding`` or ``image``, the rendered text (a ``str``) instead.
        :rtype: list[dict[str, ~typing.Any]]
        :raises TypeError: If a variable is given both in ``data`` and as a keyword argument.
        :raises ValueError: If the prompty's template type or parser is unknown, or a local image
            has an unsupported file type.
        :raises IndexError: If the rendered prompt is empty.
        :raises SyntaxError: (``ChevronError``) if the mustache template is malformed.
        """
        values = _merge_variables(data, kwargs)
        if self.prompty is not None:
            # A str for non-chat APIs (PROMPTS.md P-4.4); the public signature stays the chat one.
            return cast(List[Dict[str, Any]], run_prompty(self.prompty, values))
        template = remove_leading_empty_space(cast(str, self._prompt_template))
        return parse_chat(render(template, values))


def _merge_variables(data: Optional[Mapping[str, Any]], kwargs: Dict[str, Any]) -> Dict[str, Any]:
    if data is None:
        return kwargs
    duplicates = sorted(repr(key) for key in data.keys() & kwargs.keys())
    if duplicates:
        raise TypeError(
            f"create_messages() got template variable(s) {', '.join(duplicates)} both in 'data' "
            "and as keyword arguments; pass each variable once"
        )
    return {**data, **kwargs}


def _caller_directory() -> str:
    """The directory of the source file that called ``from_prompty`` ("" if unknown)."""
    frame = inspect.currentframe()
    try:
        caller = frame.f_back.f_back if frame is not None and frame.f_back is not None else None
        return os.path.dirname(caller.f_code.co_filename) if caller is not None else ""
    finally:
        del frame
