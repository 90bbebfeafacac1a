"""Every file under ``samples/`` runs as a subprocess against the emulator, and its output is checked.

The sample files are found with ``samples/**/*.py``, so a new sample is run as soon as it lands; it
then fails until its expected output is listed in ``EXPECTED_OUTPUT`` below (exit code 0 alone
proves little). Each sample runs with its working directory set elsewhere (a temporary folder), so
data files must be found relative to the sample, and with every endpoint variable of the samples
pointing at the session's emulator. The Entra ID samples run through ``run_with_stand_in_credential.py``
(see its docstring): the emulator accepts the stand-in token.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Dict, List, Tuple

import pytest

from tests.emulator import Emulator, RecordedRequest
from tests.flavors import EMULATOR_KEY
from tests.python_scripts import run_python_script

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"
STAND_IN_RUNNER = Path(__file__).resolve().parent / "run_with_stand_in_credential.py"
STAND_IN_TOKEN = "test-entra-token"  # accepted by the session emulator (tests/conftest.py)
AZURE_OPENAI_DEPLOYMENT_PATH = "/openai/deployments/gpt-4o"
SAMPLE_TIMEOUT_SECONDS = 90

SAMPLE_FILES = sorted(SAMPLES.rglob("*.py"))

_ANSWER_EXERCISE = "Here are three good reasons to exercise every day: 1. It strengthens your heart and muscles."
_ANSWER_FEET = "There are 5,280 feet in a mile."
_IMAGE_ANSWER = 'I see an image in your message. You asked: "What\'s in this image?"'
_MODEL_INFO = ["Model name: emulator-model", "Model provider name: Emulator", "Model type: chat-completion"]

# Sample basename -> lines or fragments its standard output must contain.
EXPECTED_OUTPUT: Dict[str, List[str]] = {
    "sample_chat_completions.py": [_ANSWER_FEET, "Model: emulator-model, finish reason: stop"],
    "sample_chat_completions_streaming.py": [_ANSWER_EXERCISE, "It helps you sleep better."],
    "sample_chat_completions_stream_helpers.py": [_ANSWER_EXERCISE, "Finish reason: stop, length: "],
    "sample_chat_completions_stream_helpers_async.py": [_ANSWER_EXERCISE, "Finish reason: stop, length: "],
    "sample_chat_completions_with_tools.py": [
        "Calling function `get_flight_info` with arguments {'origin_city': 'Seattle', 'destination_city': 'Miami'}",
        'Model response = According to the get_flight_info tool, the result is: {"airline": "Delta", '
        '"flight_number": "DL123"',
    ],
    "sample_chat_completions_streaming_with_tools.py": [
        'Model wants to call `get_weather` with arguments {"city": "Seattle"}',
        "Function result = Nice weather",
        "Model response = According to the get_weather tool, the result is: Nice weather",
    ],
    "sample_chat_completions_with_history.py": [
        "First answer: The capital of France is Paris.",
        "Second answer: The capital of Germany is Berlin.",
        "The second request sent 4 messages.",
    ],
    "sample_chat_completions_with_defaults.py": [
        "With the client's defaults: The capital of Japan is Tokyo.",
        "With max_tokens=3: The capital of\n",
        "Finish reason: length",
    ],
    "sample_chat_completions_with_model_extras.py": [
        "Choice 0: The capital of France is Paris.",
        "Choice 1: The capital of France is Paris. (Alternative answer 2.)",
    ],
    "sample_chat_completions_with_image_url.py": [_IMAGE_ANSWER],
    "sample_chat_completions_with_image_data.py": [_IMAGE_ANSWER],
    "sample_chat_completions_with_audio_data.py": ["I hear an audio clip in your message."],
    "sample_chat_completions_with_structured_output.py": [
        '"title": "Chocolate',
        '"servings": 1',
        "Recipe keys: ingredients, servings, steps, title",
    ],
    "sample_chat_completions_with_structured_output_pydantic.py": [
        "Title: Chocolate",
        "Servings: 1",
        "Ingredient: ",
        "Step 1: ",
    ],
    "sample_chat_completions_from_input_json.py": ["There are 1,760 yards in a mile."],
    "sample_chat_completions_from_input_bytes.py": ["The capital of France is Paris."],
    "sample_chat_completions_from_input_prompt_string.py": [
        'You asked: "Something short, funny and set at sea, please."'
    ],
    "sample_chat_completions_from_input_prompty.py": [
        'You asked: "Can I still get breakfast if I come down at 10:15?"'
    ],
    "sample_chat_completions_with_entra_id_auth.py": ["The capital of France is Paris."],
    "sample_chat_completions_azure_openai.py": [_ANSWER_FEET],
    "sample_chat_completions_with_tracing.py": [
        "According to the get_weather tool, the result is: Nice weather",
        '"name": "weather_question"',
    ],
    "sample_chat_completions_azure_openai_v1.py": [_ANSWER_FEET, "Tokens: 20 in, 10 out"],
    "sample_chat_completions_github_models.py": [
        'The model called get_capital({"country": "France"}) -> Paris',
        "According to the get_capital tool, the result is: Paris",
    ],
    "sample_chat_completions_openai_compatible.py": ["(easy)", "- Paris Paris (optional)", "1. Paris"],
    "sample_get_model_info.py": _MODEL_INFO,
    "sample_load_client.py": [
        "{'model_name': 'emulator-model', 'model_type': 'chat-completion', 'model_provider_name': 'Emulator'}",
        _ANSWER_FEET,
        "Client type: ChatCompletionsClient",
    ],
    "sample_embeddings.py": [
        "data[0]: length=16, [",
        "data[2]: length=16, [",
        "Model: emulator-model, prompt tokens: 6",
    ],
    "sample_embeddings_with_base64_encoding.py": [
        "data[0]: base64 length=88, decoded length=16, [",
        "data[2]: base64 length=88, decoded length=16, [",
    ],
    "sample_embeddings_with_defaults.py": [
        "document data[0]: length=8",
        "document data[1]: length=8",
        "query data[0]: length=4",
    ],
    "sample_image_embeddings.py": ["data[0]: length=16, [", "data[1]: length=16, ["],
    "sample_chat_completions_async.py": ["The capital of France is Paris.", "Usage: "],
    "sample_chat_completions_streaming_async.py": [_ANSWER_EXERCISE],
    "sample_chat_completions_with_tools_async.py": [
        "Calling function `get_weather` with arguments {'city': 'Seattle'}",
        "Model response = According to the get_weather tool, the result is: Nice weather",
    ],
    "sample_chat_completions_from_input_json_async.py": ["There are 1,760 yards in a mile."],
    "sample_chat_completions_with_entra_id_auth_async.py": ["The capital of France is Paris."],
    "sample_chat_completions_streaming_azure_openai_async.py": [_ANSWER_EXERCISE],
    "sample_get_model_info_async.py": _MODEL_INFO,
    "sample_load_client_async.py": [
        _ANSWER_FEET,
        "Client type: azure.ai.inference.aio._patch.ChatCompletionsClient",
    ],
    "sample_embeddings_async.py": ["data[0]: length=16, [", "data[2]: length=16, ["],
    "sample_image_embeddings_async.py": ["data[0]: length=16, ["],
}

# Entra ID samples: run through the stand-in credential runner.
ENTRA_ID_SAMPLES = {
    "sample_chat_completions_with_entra_id_auth.py",
    "sample_chat_completions_with_entra_id_auth_async.py",
}


# Samples of OpenAI-style routes: their endpoint variables name the emulator's ``/v1`` routes.
OPENAI_ROUTE_ENVIRONMENT: Dict[str, Dict[str, str]] = {
    "sample_chat_completions_azure_openai_v1.py": {
        "AZURE_OPENAI_CHAT_ENDPOINT": "{url}/openai/v1",
        "AZURE_OPENAI_CHAT_DEPLOYMENT": "gpt-4o",
    },
    "sample_chat_completions_github_models.py": {
        "GITHUB_TOKEN": EMULATOR_KEY,
        "GITHUB_MODELS_ENDPOINT": "{url}/v1",
        "GITHUB_MODELS_MODEL": "openai/gpt-4.1-mini",
    },
    "sample_chat_completions_openai_compatible.py": {
        "OPENAI_COMPATIBLE_ENDPOINT": "{url}/v1",
        "OPENAI_COMPATIBLE_MODEL": "emulator-model",
        "OPENAI_COMPATIBLE_KEY": EMULATOR_KEY,
    },
}
_SAMPLE_VARIABLE_PREFIXES = ("AZURE_", "GITHUB_", "OPENAI_COMPATIBLE_")


def sample_environment(emulator_url: str, sample_name: str = "") -> Dict[str, str]:
    """The process environment with every sample endpoint variable pointing at the emulator."""
    environment = {name: value for name, value in os.environ.items() if not name.startswith(_SAMPLE_VARIABLE_PREFIXES)}
    for kind in ("CHAT", "EMBEDDINGS", "IMAGE_EMBEDDINGS"):
        environment[f"AZURE_AI_{kind}_ENDPOINT"] = emulator_url
        environment[f"AZURE_AI_{kind}_KEY"] = EMULATOR_KEY
    environment["AZURE_OPENAI_CHAT_ENDPOINT"] = emulator_url + AZURE_OPENAI_DEPLOYMENT_PATH
    environment["AZURE_OPENAI_CHAT_KEY"] = EMULATOR_KEY
    environment["SAMPLES_STAND_IN_TOKEN"] = STAND_IN_TOKEN
    environment["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))
    environment["PYTHONIOENCODING"] = "utf-8"
    for name, value in OPENAI_ROUTE_ENVIRONMENT.get(sample_name, {}).items():
        environment[name] = value.format(url=emulator_url)
    return environment


def run_sample(sample: Path, emulator_url: str, working_directory: Path) -> Tuple[int, str, str]:
    """Run one sample to completion; returns (exit code, stdout, stderr)."""
    runner = [str(STAND_IN_RUNNER)] if sample.name in ENTRA_ID_SAMPLES else []
    environment = sample_environment(emulator_url, sample.name)
    return run_python_script([*runner, str(sample)], environment, working_directory, SAMPLE_TIMEOUT_SECONDS)


def _sample_id(sample: Path) -> str:
    return sample.relative_to(SAMPLES).as_posix()


def test_every_sample_file_has_a_unique_name() -> None:
    names = [sample.name for sample in SAMPLE_FILES]
    assert len(names) >= 30
    assert len(set(names)) == len(names)


@pytest.mark.parametrize("sample", SAMPLE_FILES, ids=_sample_id)
def test_sample_prints_expected_output(sample: Path, emulator: Emulator, tmp_path: Path) -> None:
    exit_code, stdout, stderr = run_sample(sample, emulator.url, tmp_path)
    report = f"\n--- stdout ---\n{stdout}\n--- stderr ---\n{stderr}"
    assert exit_code == 0, report
    for problem in ("Traceback", "ResourceWarning", "Exception ignored", "Missing environment variable"):
        assert problem not in stdout + stderr, report
    assert sample.name in EXPECTED_OUTPUT, f"add the expected output of {sample.name} to EXPECTED_OUTPUT" + report
    missing = [fragment for fragment in EXPECTED_OUTPUT[sample.name] if fragment not in stdout]
    assert missing == [], report
    assert emulator.requests, "the sample sent nothing to the emulator"


def _run_and_collect(name: str, emulator: Emulator, tmp_path: Path) -> List[RecordedRequest]:
    matches = [sample for sample in SAMPLE_FILES if sample.name == name]
    assert len(matches) == 1, name
    exit_code, stdout, stderr = run_sample(matches[0], emulator.url, tmp_path)
    assert exit_code == 0, stdout + stderr
    return emulator.requests


@pytest.mark.parametrize("name", sorted(ENTRA_ID_SAMPLES))
def test_entra_id_sample_sends_only_the_bearer_token(name: str, emulator: Emulator, tmp_path: Path) -> None:
    requests = _run_and_collect(name, emulator, tmp_path)
    assert [request.header("Authorization") for request in requests] == [f"Bearer {STAND_IN_TOKEN}"]
    assert requests[0].header("api-key") is None


@pytest.mark.parametrize(
    "name", ["sample_chat_completions_azure_openai.py", "sample_chat_completions_streaming_azure_openai_async.py"]
)
def test_azure_openai_sample_uses_the_deployment_path_and_api_version(
    name: str, emulator: Emulator, tmp_path: Path
) -> None:
    (request,) = _run_and_collect(name, emulator, tmp_path)
    assert request.path == AZURE_OPENAI_DEPLOYMENT_PATH + "/chat/completions"
    assert request.query_value("api-version") == "2024-06-01"
    assert request.header("api-key") == EMULATOR_KEY


def test_model_extras_sample_passes_extras_through(emulator: Emulator, tmp_path: Path) -> None:
    (request,) = _run_and_collect("sample_chat_completions_with_model_extras.py", emulator, tmp_path)
    assert request.header("extra-parameters") == "pass-through"
    assert {key: request.json()[key] for key in ("n", "logprobs")} == {"n": 2, "logprobs": False}


def test_image_data_sample_sends_the_png_as_a_data_url(emulator: Emulator, tmp_path: Path) -> None:
    (request,) = _run_and_collect("sample_chat_completions_with_image_data.py", emulator, tmp_path)
    image_item = request.json()["messages"][1]["content"][1]
    assert image_item["image_url"]["url"].startswith("data:image/png;base64,iVBORw0KGgo")
    assert image_item["image_url"]["detail"] == "low"


def test_audio_sample_sends_the_wav_as_input_audio(emulator: Emulator, tmp_path: Path) -> None:
    (request,) = _run_and_collect("sample_chat_completions_with_audio_data.py", emulator, tmp_path)
    audio_item = request.json()["messages"][1]["content"][1]
    assert audio_item["type"] == "input_audio"
    assert audio_item["input_audio"]["format"] == "wav"
    assert audio_item["input_audio"]["data"].startswith("UklGR")  # base64 of b"RIFF"


def test_defaults_sample_sends_client_defaults_and_the_override(emulator: Emulator, tmp_path: Path) -> None:
    first, second = _run_and_collect("sample_chat_completions_with_defaults.py", emulator, tmp_path)
    assert {key: first.json()[key] for key in ("max_tokens", "seed", "temperature", "top_p")} == {
        "max_tokens": 200,
        "seed": 42,
        "temperature": 0.5,
        "top_p": 0.9,
    }
    assert second.json()["max_tokens"] == 3


def test_base64_embeddings_sample_prints_the_same_vectors_as_the_float_sample(
    emulator: Emulator, tmp_path: Path
) -> None:
    floats_sample = SAMPLES / "sample_embeddings.py"
    base64_sample = SAMPLES / "sample_embeddings_with_base64_encoding.py"
    floats_output = run_sample(floats_sample, emulator.url, tmp_path)[1]
    base64_output = run_sample(base64_sample, emulator.url, tmp_path)[1]
    float_vectors = [line.split(", [", 1)[1] for line in floats_output.splitlines() if line.startswith("data[")]
    decoded_vectors = [line.split(", [", 1)[1] for line in base64_output.splitlines() if line.startswith("data[")]
    assert len(float_vectors) == 3
    assert decoded_vectors == float_vectors


@pytest.mark.parametrize(
    "name, path",
    [
        ("sample_chat_completions_azure_openai_v1.py", "/openai/v1/chat/completions"),
        ("sample_chat_completions_openai_compatible.py", "/v1/chat/completions"),
    ],
)
def test_openai_route_samples_send_no_api_version(name: str, path: str, emulator: Emulator, tmp_path: Path) -> None:
    (request,) = _run_and_collect(name, emulator, tmp_path)
    assert (request.path, request.query_value("api-version")) == (path, None)
