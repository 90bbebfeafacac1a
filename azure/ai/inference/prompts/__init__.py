# ------------------------------------
# Copyright (c) Microsoft Corporation.
# Licensed under the MIT License.
# ------------------------------------
"""Prompt templates: render ``.prompty`` files and template strings into chat messages.

Loading ``.prompty`` files needs PyYAML (``pip install azure-ai-inference[prompts]``).
"""
from ._patch import PromptTemplate

__all__ = ["PromptTemplate"]
