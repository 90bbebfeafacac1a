"""Which parts of a request carry credentials, and their redacted form for logs."""

from __future__ import annotations

from typing import Dict, Mapping
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

__all__ = ["REDACTED", "SECRET_HEADERS", "SECRET_QUERY_PARAMETERS", "redacted_headers", "redacted_url"]

REDACTED = "REDACTED"

SECRET_HEADERS = frozenset(
    {"api-key", "authorization", "cookie", "ocp-apim-subscription-key", "proxy-authorization", "x-api-key"}
)
"""Request headers (lower case) whose values are credentials."""

SECRET_QUERY_PARAMETERS = frozenset(
    {"access_token", "api-key", "api_key", "code", "key", "sig", "subscription-key", "token"}
)
"""Query parameters (lower case) whose values are credentials (keys pasted into an endpoint URL)."""


def redacted_headers(headers: Mapping[str, str]) -> Dict[str, str]:
    """Return a copy of ``headers`` with the value of every credential header replaced by ``REDACTED``.

    :param headers: The request headers.
    :type headers: Mapping[str, str]
    :return: The headers in their order, safe to log.
    :rtype: dict[str, str]
    """
    return {name: REDACTED if name.lower() in SECRET_HEADERS else value for name, value in headers.items()}


def redacted_url(url: str) -> str:
    """Return ``url`` with a password in it and the values of credential query parameters redacted.

    :param url: The request URL.
    :type url: str
    :return: The URL, unchanged when it carries no credential.
    :rtype: str
    """
    parts = urlsplit(url)
    query = parse_qsl(parts.query, keep_blank_values=True)
    has_secret_parameter = any(name.lower() in SECRET_QUERY_PARAMETERS for name, _ in query)
    if parts.password is None and not has_secret_parameter:
        return url
    netloc = parts.netloc
    if parts.password is not None:
        userinfo, _, host = netloc.rpartition("@")
        netloc = f"{userinfo.partition(':')[0]}:{REDACTED}@{host}"
    if has_secret_parameter:
        query = [(name, REDACTED if name.lower() in SECRET_QUERY_PARAMETERS else value) for name, value in query]
        return urlunsplit((parts.scheme, netloc, parts.path, urlencode(query), parts.fragment))
    return urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment))
