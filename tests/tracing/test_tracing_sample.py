"""The tracing sample runs against the emulator and prints its spans to the console."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "samples" / "sample_chat_completions_with_tracing.py"


def _printed_spans(stdout: str):
    decoder, spans, position = json.JSONDecoder(), [], stdout.find("{")
    while position != -1:
        span, end = decoder.raw_decode(stdout, position)
        spans.append(span)
        position = stdout.find("{", end)
    return spans


def test_sample_prints_the_chat_spans_of_a_tool_round_trip(emulator):
    env = {
        **os.environ,
        "AZURE_AI_CHAT_ENDPOINT": emulator.url,
        "AZURE_AI_CHAT_KEY": "emulator-key",
        "PYTHONPATH": str(REPO),
    }
    env.pop("OTEL_SEMCONV_STABILITY_OPT_IN", None)
    completed = subprocess.run(
        [sys.executable, str(SAMPLE)], env=env, cwd=REPO, capture_output=True, text=True, timeout=60, check=False
    )
    assert completed.returncode == 0, completed.stderr
    spans = _printed_spans(completed.stdout)
    names = [span["name"] for span in spans]
    assert names == ["POST", "chat", "get_weather", "POST", "chat", "weather_question"]
    root = spans[-1]["context"]["span_id"]
    assert [span["parent_id"] for span in spans if span["name"] in ("chat", "get_weather")] == [root] * 3
    assert [event["name"] for event in spans[4]["events"]] == [
        "gen_ai.system.message",
        "gen_ai.user.message",
        "gen_ai.assistant.message",
        "gen_ai.tool.message",
        "gen_ai.choice",
    ]
