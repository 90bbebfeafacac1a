# ------------------------------------
# Copyright (c) Microsoft Corporation.
# Licensed under the MIT License.
# ------------------------------------
"""Prompt templates: render ``.prompty`` files and template strings into chat messages.

Loading ``.prompty`` files needs PyYAML (this package's ``prompts`` extra installs it).
"""
from ._patch import PromptTemplate

__all__ = ["PromptTemplate"]
