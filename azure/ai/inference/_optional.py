"""The messages of missing optional dependencies: which extra of this package installs each one."""

from __future__ import annotations

import importlib.util
from typing import Any, Mapping

__all__ = [
    "AIOHTTP_MISSING",
    "OPENTELEMETRY_MISSING_HINT",
    "PYYAML_MISSING",
    "installed",
    "missing_dependency",
    "require_default_async_transport",
]


def installed(module: str) -> bool:
    """Return whether ``module`` can be imported (without importing it).

    :param module: The top-level module name.
    :type module: str
    :return: False when it is not installed or its import is blocked.
    :rtype: bool
    """
    try:
        return importlib.util.find_spec(module) is not None
    except (ImportError, ValueError):  # blocked by an import hook, or a module without a spec
        return False


def missing_dependency(needed_for: str, package: str, extra: str) -> str:
    """Return the message of an ``ImportError`` for an optional dependency that is not installed.

    :param needed_for: What needs the dependency, as the start of a sentence.
    :type needed_for: str
    :param package: The distribution to install (e.g. ``aiohttp``).
    :type package: str
    :param extra: The extra of this package that installs it (e.g. ``aio``).
    :type extra: str
    :return: The message.
    :rtype: str
    """
    return (
        f"{needed_for} needs {package}, which is not installed: install this package with its `{extra}` extra "
        f"({package}), or run `pip install {package}`."
    )


AIOHTTP_MISSING = missing_dependency(
    "The async clients' default transport (azure.ai.inference.aio)", "aiohttp", "aio"
) + " Or pass an async transport of your own with `transport=`."
PYYAML_MISSING = missing_dependency("Loading a .prompty file", "pyyaml", "prompts")
OPENTELEMETRY_MISSING_HINT = " (It is part of this package's `opentelemetry` extra.)"


def require_default_async_transport(kwargs: Mapping[str, Any]) -> None:
    """Without ``transport=``, azure-core's async pipeline uses aiohttp: name the extra when it is missing.

    :param kwargs: The async client's constructor keywords.
    :type kwargs: Mapping[str, Any]
    :raises ModuleNotFoundError: If no transport is given and aiohttp is not installed.
    """
    if kwargs.get("transport") is None and not installed("aiohttp"):
        raise ModuleNotFoundError(AIOHTTP_MISSING, name="aiohttp")
