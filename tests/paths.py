"""Where the material outside the repository lives: ``../shared`` (spec, OpenAPI documents, recordings).

``AZURE_AI_INFERENCE_SHARED_DIR`` overrides the location, for checkouts that do not sit beside it.
"""

from __future__ import annotations

import os
from pathlib import Path

SHARED = Path(os.environ.get("AZURE_AI_INFERENCE_SHARED_DIR") or Path(__file__).resolve().parents[1].parent / "shared")
OPENAPI_DIR = SHARED / "spec" / "openapi"
