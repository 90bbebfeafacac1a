"""Keep the code snippets of README.md equal to the samples they come from.

A sample marks a region with ``# [START name]`` and ``# [END name]`` comment lines. README.md holds a
snippet of it between ``<!-- SNIPPET:<sample file stem>.<name> -->`` and ``<!-- END SNIPPET -->``; the
text in between is a ```` ```python ```` block with the region's lines, dedented.

``python scripts/readme_snippets.py`` rewrites README.md from the samples;
``python scripts/readme_snippets.py --check`` only tells (exit code 1) whether it is out of date.
tests/samples/test_readme_snippets.py runs the check.
"""

from __future__ import annotations

import re
import sys
import textwrap
from pathlib import Path
from typing import Dict, List, Optional

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
SAMPLES = ROOT / "samples"

_REGION = re.compile(r"^[ \t]*# \[START (?P<name>[\w-]+)\]\n(?P<body>.*?)^[ \t]*# \[END (?P=name)\]$", re.M | re.S)
_SNIPPET = re.compile(
    r"(?P<open><!-- SNIPPET:(?P<key>[\w.-]+) -->\n)(?P<body>.*?)(?P<close><!-- END SNIPPET -->)", re.S
)


def sample_regions(samples: Path = SAMPLES) -> Dict[str, str]:
    """``"<sample stem>.<region name>"`` -> the region's code, dedented, for every sample file."""
    regions: Dict[str, str] = {}
    for sample in sorted(samples.rglob("*.py")):
        for match in _REGION.finditer(sample.read_text(encoding="utf-8")):
            regions[f"{sample.stem}.{match['name']}"] = textwrap.dedent(match["body"]).rstrip("\n") + "\n"
    return regions


def snippet_keys(readme_text: str) -> List[str]:
    """The snippet keys README.md refers to, in order."""
    return [match["key"] for match in _SNIPPET.finditer(readme_text)]


def render(readme_text: str, regions: Dict[str, str]) -> str:
    """README text with every snippet block replaced by its sample region; KeyError for an unknown key."""

    def block(match: "re.Match[str]") -> str:
        return f"{match['open']}\n```python\n{regions[match['key']]}```\n\n{match['close']}"

    return _SNIPPET.sub(block, readme_text)


def main(argv: Optional[List[str]] = None) -> int:
    """Rewrite README.md (or, with ``--check``, report whether it is up to date)."""
    arguments = sys.argv[1:] if argv is None else argv
    current = README.read_text(encoding="utf-8")
    updated = render(current, sample_regions())
    if "--check" in arguments:
        if updated != current:
            print("README.md snippets differ from the samples: run `python scripts/readme_snippets.py`")
            return 1
        return 0
    README.write_text(updated, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
