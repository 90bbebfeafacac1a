"""The messages of missing optional dependencies: which extra of this package installs each one."""

from __future__ import annotations

__all__ = ["AIOHTTP_MISSING", "OPENTELEMETRY_MISSING_HINT", "PYYAML_MISSING", "missing_dependency"]


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
