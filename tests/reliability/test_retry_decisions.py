"""Unit tests of the pure retry decisions (``_sansio/retry.py``): Retry-After parsing, backoff, errors."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from email.utils import format_datetime
from typing import Any

import pytest
from azure.core.exceptions import (
    HttpResponseError,
    IncompleteReadError,
    ServiceRequestError,
    ServiceRequestTimeoutError,
    ServiceResponseError,
    ServiceResponseTimeoutError,
)
from hypothesis import given
from hypothesis import strategies as st

from azure.ai.inference._sansio import retry

NOW = datetime(2025, 1, 2, 3, 4, 5, tzinfo=timezone.utc)


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        ({}, None),
        ({"Retry-After": "7"}, 7.0),
        ({"retry-after": "2.5"}, 2.5),
        ({"RETRY-AFTER": " 3 "}, 3.0),
        ({"Retry-After": "0"}, 0.0),
        ({"retry-after-ms": "1500"}, 1.5),
        ({"x-ms-retry-after-ms": "250"}, 0.25),
        ({"Retry-After": "9", "retry-after-ms": "1500"}, 1.5),
        ({"Retry-After": "9", "x-ms-retry-after-ms": "250"}, 0.25),
        ({"retry-after-ms": "100", "x-ms-retry-after-ms": "250"}, 0.1),
        ({"Retry-After": "-1"}, None),
        ({"Retry-After": "soon"}, None),
        ({"Retry-After": "nan"}, None),
        ({"Retry-After": "inf"}, None),
        ({"retry-after-ms": "abc", "Retry-After": "4"}, 4.0),
        ({"retry-after-ms": "-5"}, None),
        ({"Retry-After": "Wed, 21 Oct 99999 07:28:00 GMT"}, None),
        ({"Retry-After": "Wed, 32 Oct 2015 07:28:00 GMT"}, None),
    ],
)
def test_retry_after_seconds_reads_seconds_and_milliseconds(headers, expected):
    assert retry.retry_after_seconds(headers, NOW) == expected


def test_retry_after_seconds_turns_an_http_date_into_a_wait():
    later = format_datetime(NOW + timedelta(seconds=42), usegmt=True)
    assert retry.retry_after_seconds({"Retry-After": later}, NOW) == 42.0


def test_retry_after_seconds_reads_an_http_date_without_zone_as_gmt():
    assert retry.retry_after_seconds({"Retry-After": "Thu, 02 Jan 2025 03:05:05"}, NOW) == 60.0


def test_retry_after_seconds_is_zero_for_an_http_date_in_the_past():
    earlier = format_datetime(NOW - timedelta(minutes=5), usegmt=True)
    assert retry.retry_after_seconds({"Retry-After": earlier}, NOW) == 0.0


@given(
    name=st.sampled_from(["Retry-After", "retry-after-ms", "x-ms-retry-after-ms", "X-Other"]),
    value=st.text(max_size=40),
)
def test_retry_after_seconds_never_raises_and_is_never_negative(name, value):
    seconds = retry.retry_after_seconds({name: value}, NOW)
    assert seconds is None or (seconds >= 0 and seconds != float("inf"))


@pytest.mark.parametrize(("requested", "expected"), [(None, None), (0.0, 0.0), (60.0, 60.0), (60.5, None), (3600, None)])
def test_capped_retry_after_obeys_up_to_sixty_seconds(requested, expected):
    assert retry.capped_retry_after(requested) == expected


def test_capped_retry_after_takes_another_cap():
    assert (retry.capped_retry_after(5.0, cap=4.0), retry.capped_retry_after(4.0, cap=4.0)) == (None, 4.0)


@pytest.mark.parametrize(
    ("retry_number", "fraction", "expected"),
    [(1, 0.5, 0.4), (2, 0.5, 0.8), (3, 0.5, 1.6), (3, 0.0, 0.0), (1, 0.999, 0.7992), (10, 1.0, 120.0), (0, 0.5, 0.0)],
)
def test_backoff_seconds_is_full_jitter_below_the_exponential_ceiling(retry_number, fraction, expected):
    wait = retry.backoff_seconds(retry_number, factor=0.8, maximum=120, fraction=fraction)
    assert wait == pytest.approx(expected)


def test_backoff_seconds_fixed_mode_waits_the_factor_without_jitter():
    waits = [retry.backoff_seconds(n, factor=2.0, maximum=120, fraction=0.1, exponential=False) for n in (1, 2, 5)]
    assert waits == [2.0, 2.0, 2.0]


def test_backoff_seconds_does_not_overflow_on_huge_retry_numbers():
    assert retry.backoff_seconds(10_000, factor=0.8, maximum=30, fraction=0.5) == 15.0


@given(
    retry_number=st.integers(min_value=1, max_value=200),
    factor=st.floats(min_value=0, max_value=10),
    maximum=st.floats(min_value=0, max_value=300),
    fraction=st.floats(min_value=0, max_value=1, exclude_max=True),
)
def test_backoff_seconds_stays_between_zero_and_the_capped_ceiling(retry_number, factor, maximum, fraction):
    wait = retry.backoff_seconds(retry_number, factor=factor, maximum=maximum, fraction=fraction)
    ceiling = min(maximum, factor * 2.0 ** min(retry_number - 1, 64))
    assert 0.0 <= wait <= ceiling


def test_retry_status_codes_are_the_transient_ones():
    assert retry.RETRY_STATUS_CODES == {408, 409, 429, 500, 502, 503, 504}


def _wrapped(outer_class: Any, *chain: BaseException) -> BaseException:
    """An azure-core error whose inner exception is the first of ``chain``, each caused by the next."""
    for inner, cause in zip(chain, chain[1:]):
        inner.__cause__ = cause
    error: BaseException = outer_class("failed", error=chain[0]) if chain else outer_class("failed")
    return error


class ReadTimeoutError(Exception):
    """Stands for urllib3's ReadTimeoutError (not a builtin TimeoutError subclass)."""


class ProtocolError(Exception):
    """Stands for urllib3's ProtocolError."""


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (_wrapped(ServiceRequestError, ConnectionRefusedError(111, "refused")), True),
        (_wrapped(ServiceRequestError, OSError("Name or service not known")), True),
        (_wrapped(ServiceRequestTimeoutError, Exception("connect timed out")), True),
        (_wrapped(ServiceResponseError, Exception(ProtocolError("Connection aborted.", ConnectionResetError()))), True),
        (_wrapped(ServiceResponseError, ProtocolError("aborted"), ConnectionResetError(104, "reset")), True),
        (_wrapped(ServiceRequestError), False),
        (_wrapped(ServiceRequestTimeoutError), False),
        (_wrapped(ServiceRequestError, Exception(ReadTimeoutError("read timed out"))), False),
        (_wrapped(ServiceResponseTimeoutError, TimeoutError("timed out")), False),
        (_wrapped(ServiceResponseError, ProtocolError("bad status line")), False),
        (_wrapped(IncompleteReadError, ConnectionResetError()), False),
        (_wrapped(HttpResponseError, ConnectionResetError()), False),
        (ConnectionResetError(), False),
    ],
)
def test_failed_before_response_only_for_connections_that_never_answered(error, expected):
    assert retry.failed_before_response(error) is expected


def test_failed_before_response_survives_a_cyclic_cause_chain():
    first, second = ProtocolError("a"), ProtocolError("b")
    first.__context__, second.__context__ = second, first
    assert retry.failed_before_response(ServiceResponseError("failed", error=first)) is False


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (_wrapped(ServiceRequestError, Exception(ReadTimeoutError("read timed out"))), True),
        (_wrapped(ServiceRequestError, TimeoutError("timed out")), True),
        (_wrapped(ServiceRequestTimeoutError, TimeoutError("connect timed out")), False),
        (_wrapped(ServiceRequestError, ConnectionRefusedError()), False),
        (_wrapped(ServiceResponseTimeoutError, TimeoutError()), False),
    ],
)
def test_is_mislabelled_read_timeout_spots_read_timeouts_reported_as_request_errors(error, expected):
    assert retry.is_mislabelled_read_timeout(error) is expected
