"""``GET /info``: the model information of a Model Inference endpoint."""

from __future__ import annotations

from typing import Dict, Optional

from ..script import Reply


def model_info(model_name: str, model_type: Optional[str], provider_name: str) -> Reply:
    """``{"model_name", "model_type", "model_provider_name"}``; no ``model_type`` key when it is empty."""
    body: Dict[str, str] = {"model_name": model_name}
    if model_type:
        body["model_type"] = model_type
    body["model_provider_name"] = provider_name
    return Reply(json=body)
