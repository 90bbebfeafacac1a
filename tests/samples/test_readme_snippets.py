"""README.md's sample snippets (if any) are the samples' marked regions, character for character."""

from __future__ import annotations

import re
import runpy
from pathlib import Path
from typing import Any, Dict

ROOT = Path(__file__).resolve().parents[2]
SNIPPETS: Dict[str, Any] = runpy.run_path(str(ROOT / "scripts" / "readme_snippets.py"))
README_TEXT = (ROOT / "README.md").read_text(encoding="utf-8")
REGIONS: Dict[str, str] = SNIPPETS["sample_regions"](ROOT / "samples")


def test_readme_snippets_equal_the_sample_regions() -> None:
    expected = SNIPPETS["render"](README_TEXT, REGIONS)
    assert README_TEXT == expected, "README.md is out of date: run `python scripts/readme_snippets.py`"


def test_readme_shows_the_main_scenarios() -> None:
    """README examples are runnable blocks now (tests/docs runs them); these scenarios must be among them."""
    runs = re.findall(r"<!-- run: ([\w-]+) -->", README_TEXT)
    for scenario in ("quickstart", "azure-openai", "github-models", "streaming", "streaming-async", "embeddings"):
        assert scenario in runs, scenario
    assert runs[0] == "quickstart"


def test_every_start_marker_in_the_samples_has_its_end_marker() -> None:
    for sample in sorted((ROOT / "samples").rglob("*.py")):
        text = sample.read_text(encoding="utf-8")
        lines = [line.strip() for line in text.splitlines()]
        starts = [line[len("# [START ") : -1] for line in lines if line.startswith("# [START ")]
        assert all(f"{sample.stem}.{name}" in REGIONS for name in starts), sample.name


def test_the_development_commands_are_listed() -> None:
    development = README_TEXT.split("## Development", 1)[1]
    first_block = development.split("```bash\n", 1)[1].split("```", 1)[0]
    commands = [line.split()[:2] for line in first_block.splitlines()]
    assert commands == [["make", "demo"], ["make", "test"], ["make", "docs"]]


def test_samples_readme_lists_every_sample_file() -> None:
    listing = (ROOT / "samples" / "README.md").read_text(encoding="utf-8")
    for sample in sorted((ROOT / "samples").rglob("*.py")):
        link = sample.relative_to(ROOT / "samples").as_posix()
        assert f"]({link}) |" in listing, f"samples/README.md does not list {link}"
