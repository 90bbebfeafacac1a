"""Local emulator of the Azure AI Model Inference service, for behaviour tests and demos.

See ``tests/emulator/README.md``.
"""

from __future__ import annotations

from .recorder import RecordedRequest
from .script import Fault, Reply
from .server import Emulator

__all__ = ["Emulator", "Fault", "RecordedRequest", "Reply"]
