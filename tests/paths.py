"""Where the tests' data lives: ``tests/data``, inside the repository, so every clone runs every test.

``tests/data`` keeps the layout of the project's ``shared/`` folder it was copied from (see
``tests/data/README.md``): ``spec/openapi`` (the service's OpenAPI documents), ``spec/BEHAVIOR.md`` and
``spec/WIRE.md`` (the rules the coverage guard reads), ``recordings/azure-ai-inference`` (recorded
real traffic).
"""

from __future__ import annotations

from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
SHARED = DATA
"""The root the tests read data from (the name predates the copy into the repository)."""
OPENAPI_DIR = SHARED / "spec" / "openapi"
