"""Unit tests of the pure credential redaction (``_sansio/redaction.py``)."""

from __future__ import annotations

import pytest

from azure.ai.inference._sansio.redaction import REDACTED, redacted_headers, redacted_url


def test_redacted_headers_hides_every_credential_header_case_insensitively():
    headers = {
        "Content-Type": "application/json",
        "api-key": "k1",
        "Authorization": "Bearer k1",
        "PROXY-AUTHORIZATION": "Basic abc",
        "Ocp-Apim-Subscription-Key": "k2",
        "x-api-key": "k3",
        "Cookie": "session=s",
        "x-ms-client-request-id": "id-1",
    }
    assert redacted_headers(headers) == {
        "Content-Type": "application/json",
        "api-key": REDACTED,
        "Authorization": REDACTED,
        "PROXY-AUTHORIZATION": REDACTED,
        "Ocp-Apim-Subscription-Key": REDACTED,
        "x-api-key": REDACTED,
        "Cookie": REDACTED,
        "x-ms-client-request-id": "id-1",
    }


def test_redacted_headers_leaves_the_original_untouched():
    headers = {"api-key": "k1"}
    redacted_headers(headers)
    assert headers == {"api-key": "k1"}


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (
            "https://host/chat/completions?api-version=2024-05-01-preview",
            "https://host/chat/completions?api-version=2024-05-01-preview",
        ),
        ("https://host/x?api-key=s3cret&api-version=1", f"https://host/x?api-key={REDACTED}&api-version=1"),
        ("https://host/x?SIG=abc&code=def", f"https://host/x?SIG={REDACTED}&code={REDACTED}"),
        ("https://user:pw@host:8443/x", f"https://user:{REDACTED}@host:8443/x"),
        ("https://user:pw@host/x?token=t", f"https://user:{REDACTED}@host/x?token={REDACTED}"),
        ("http://127.0.0.1:5000/info?api-version=1", "http://127.0.0.1:5000/info?api-version=1"),
    ],
)
def test_redacted_url_hides_passwords_and_credential_query_parameters(url, expected):
    assert redacted_url(url) == expected
