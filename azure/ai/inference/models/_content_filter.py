"""Typed content-filter results of Azure OpenAI and Azure AI services (``prompt_filter_results`` of a
response, ``content_filter_results`` of a choice): one model per object, read from the wire like any other
model, so item access (``results["hate"]["filtered"]``) keeps working."""

from __future__ import annotations

from enum import Enum
from typing import Any, Dict, List, Optional, Union

from azure.core import CaseInsensitiveEnumMeta

from .._model_base import Model, rest_field

# Annotations name ``_models.X``; the model runtime resolves them lazily, after the package exists.
from .. import models as _models  # pylint: disable=cyclic-import


class ContentFilterSeverity(str, Enum, metaclass=CaseInsensitiveEnumMeta):
    """The severity of harmful content found by a content filter category."""

    SAFE = "safe"
    """No harmful content, or content only in general or professional contexts."""
    LOW = "low"
    """Low-severity content."""
    MEDIUM = "medium"
    """Medium-severity content."""
    HIGH = "high"
    """High-severity content."""


class ContentFilterSeverityResult(Model):
    """The verdict of a category graded by severity (``hate``, ``sexual``, ``violence``, ``self_harm``)."""

    filtered: bool = rest_field()
    """Whether the content was filtered (blocked) for this category."""
    severity: Union[str, _models.ContentFilterSeverity] = rest_field()
    """The severity found. Known values are: "safe", "low", "medium" and "high"."""


class ContentFilterDetectionResult(Model):
    """The verdict of a category that is detected or not (``jailbreak``, ``indirect_attack``,
    ``profanity``, ``protected_material_text``)."""

    filtered: bool = rest_field()
    """Whether the content was filtered (blocked) for this category."""
    detected: bool = rest_field()
    """Whether content of this category was detected."""


class ContentFilterCitation(Model):
    """Where detected protected code comes from."""

    url: Optional[str] = rest_field(name="URL")
    """The URL of the source (wire name ``URL``)."""
    license: Optional[str] = rest_field()
    """The license of the source."""


class ContentFilterCitedDetectionResult(ContentFilterDetectionResult):
    """The verdict of ``protected_material_code``, with the citation of the source when one was found."""

    citation: Optional[_models.ContentFilterCitation] = rest_field()
    """The source of the detected code."""


class ContentFilterBlocklistIdResult(Model):
    """The verdict of one custom blocklist."""

    id: str = rest_field()
    """The blocklist's id."""
    filtered: bool = rest_field()
    """Whether the content was filtered by this blocklist."""


class ContentFilterDetailedResults(Model):
    """The verdicts of the custom blocklists."""

    filtered: bool = rest_field()
    """Whether any blocklist filtered the content."""
    details: Optional[List[_models.ContentFilterBlocklistIdResult]] = rest_field()
    """The verdict of each blocklist."""


class ContentFilterResults(Model):
    """The content filter's verdicts on a prompt or on a choice, by category; a category that was not
    evaluated is ``None``. Fields the service adds later stay readable by item access."""

    hate: Optional[_models.ContentFilterSeverityResult] = rest_field()
    """Hateful or unfair content."""
    sexual: Optional[_models.ContentFilterSeverityResult] = rest_field()
    """Sexual content."""
    violence: Optional[_models.ContentFilterSeverityResult] = rest_field()
    """Violent content."""
    self_harm: Optional[_models.ContentFilterSeverityResult] = rest_field()
    """Self-harm content."""
    profanity: Optional[_models.ContentFilterDetectionResult] = rest_field()
    """Profanity."""
    jailbreak: Optional[_models.ContentFilterDetectionResult] = rest_field()
    """A user prompt attack (prompt side only)."""
    indirect_attack: Optional[_models.ContentFilterDetectionResult] = rest_field()
    """An attack hidden in documents of the prompt (prompt side only)."""
    protected_material_text: Optional[_models.ContentFilterDetectionResult] = rest_field()
    """Known text content such as song lyrics or articles (completion side only)."""
    protected_material_code: Optional[_models.ContentFilterCitedDetectionResult] = rest_field()
    """Source code from public repositories (completion side only)."""
    custom_blocklists: Optional[_models.ContentFilterDetailedResults] = rest_field()
    """The custom blocklists' verdicts (older API versions send a list of ``{"id", "filtered"}`` objects,
    kept as they are)."""
    error: Optional[Dict[str, Any]] = rest_field()
    """Why the content filter could not evaluate the content (``code`` and ``message``), if it failed."""


class ContentFilterResultsForPrompt(Model):
    """The content filter's verdicts on one prompt of a request (an item of ``prompt_filter_results``)."""

    prompt_index: int = rest_field()
    """The index of the prompt."""
    content_filter_results: Optional[_models.ContentFilterResults] = rest_field()
    """The verdicts on that prompt."""
