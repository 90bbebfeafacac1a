# ------------------------------------
# Copyright (c) Microsoft Corporation.
# Licensed under the MIT License.
# ------------------------------------
"""Prompt templates: render ``.prompty`` files and template strings into chat messages.

Loading ``.prompty`` files needs PyYAML (the ``prompts`` extra of this package, or ``pip install pyyaml``).
"""
from ._patch import PromptTemplate

__all__ = ["PromptTemplate"]
