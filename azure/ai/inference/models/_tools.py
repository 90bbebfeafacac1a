"""``FunctionDefinition.from_function``: tool definitions built from Python functions or pydantic models."""

from __future__ import annotations

from typing import Any, Callable, Optional, Union

from . import _models

__all__ = ["FunctionDefinition"]


class FunctionDefinition(_models.FunctionDefinition):
    """The definition of a caller-specified function that chat completions may invoke in response to
    matching user input. ``FunctionDefinition.from_function(fn)`` builds one from a Python function."""

    @classmethod
    def from_function(
        cls,
        function: Union[Callable[..., Any], type],
        *,
        name: Optional[str] = None,
        description: Optional[str] = None,
    ) -> FunctionDefinition:
        """Build a function definition from a Python function's signature and docstring, or from a
        pydantic model class whose fields are the function's arguments.

        For a function, each parameter's JSON schema comes from its type hint (``str``, ``int``,
        ``float``, ``bool``, ``list``/``dict`` and their typed forms, ``Optional``/``Union``,
        ``Literal``, ``Enum`` classes, pydantic models, ``Annotated[T, "description"]``); parameters
        without a default are required; ``*args`` and ``**kwargs`` are left out. The docstring's text
        before its fields is the description, and its ``:param x:`` fields (Sphinx) or ``Args:``
        section (Google style) describe the parameters. For a pydantic model class, the parameters are
        its JSON schema and the description is its docstring.

        :param function: The function (or other callable with type hints), or a pydantic model class.
        :type function: Callable or type[pydantic.BaseModel]
        :keyword name: The function name the model will use. Default: ``function.__name__``.
        :paramtype name: str or None
        :keyword description: The description. Default: from the docstring.
        :paramtype description: str or None
        :return: The function definition; wrap it in ``ChatCompletionsToolDefinition(function=...)``.
        :rtype: ~azure.ai.inference.models.FunctionDefinition
        :raises TypeError: If a parameter's type hint has no JSON schema (the message names the
         parameter), or ``function`` is neither callable nor a pydantic model class.
        """
        from ._function_schema import callable_signature_schema, is_pydantic_model  # only when used: import time

        if is_pydantic_model(function):
            schema = dict(function.model_json_schema())  # type: ignore[union-attr]
            schema.pop("title", None)
            found_description = schema.pop("description", None)
        elif callable(function):
            found_description, schema = callable_signature_schema(function)
        else:
            raise TypeError(f"'function' must be a function or a pydantic model class, got {type(function).__name__}")
        return cls(
            name=name or function.__name__,
            description=description if description is not None else found_description,
            parameters=schema,
        )
