"""Reading a phone's form, and the per-device secrets: the cookie and the CSRF token.

* **The body** (:func:`parse_form`): ``application/x-www-form-urlencoded`` only, at most
  ``BODY_LIMIT`` bytes, ASCII on the wire and UTF-8 once unquoted (anything else is
  refused, never replaced), at most ``FIELDS`` fields, each name at most once.
* **The device** (:data:`COOKIE`): a random id in a cookie that is HttpOnly,
  SameSite=Strict and limited to the server's token path; it is what the rate limit
  and the device cap count.
* **The CSRF token** (:meth:`Secrets.csrf`): an HMAC of the device id under a key
  made at every start, in a hidden field of every form; a POST whose field does not
  match its cookie's token (in constant time) is refused.

Plain Python: no textual, no aiohttp.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from urllib.parse import parse_qsl

BODY_LIMIT = 16 * 1024
"""The most bytes a request body may have."""
FIELDS = 12
COOKIE = "samen_join"
DEVICE_ID = re.compile(r"[A-Za-z0-9_-]{22}")


class FormError(ValueError):
    """A body that is not a form we read: ``status`` (400, 413, 415) and a catalog key."""

    def __init__(self, status: int, key: str) -> None:
        super().__init__(key)
        self.status = status
        self.key = key


def parse_form(content_type: str, body: bytes) -> dict[str, str]:
    """The fields of a url-encoded form body; :class:`FormError` for anything else."""
    if len(body) > BODY_LIMIT:
        raise FormError(413, "join.error.body_too_large")
    if content_type.split(";", 1)[0].strip().lower() != "application/x-www-form-urlencoded":
        raise FormError(415, "join.error.not_a_form")
    try:
        text = body.decode("ascii")
        pairs = parse_qsl(
            text,
            keep_blank_values=True,
            strict_parsing=False,
            encoding="utf-8",
            errors="strict",
            max_num_fields=FIELDS,
        )
    except (UnicodeDecodeError, ValueError):
        raise FormError(400, "join.error.bad_form") from None
    fields: dict[str, str] = {}
    for name, value in pairs:
        if name in fields or "\x00" in value:
            raise FormError(400, "join.error.bad_form")
        fields[name] = value
    return fields


def new_device_id() -> str:
    """A fresh device id (128 bits, 22 URL-safe characters)."""
    return secrets.token_urlsafe(16)


def valid_device_id(value: str | None) -> str:
    """The cookie's device id if it is one we could have made, else ``""``."""
    return value if value is not None and DEVICE_ID.fullmatch(value) else ""


class Secrets:
    """The key of one server's CSRF tokens (new at every start)."""

    def __init__(self, key: bytes | None = None) -> None:
        self._key = key or secrets.token_bytes(32)

    def csrf(self, device_id: str) -> str:
        """The CSRF token of a device."""
        return hmac.new(self._key, device_id.encode("ascii"), hashlib.sha256).hexdigest()[:32]

    def csrf_matches(self, device_id: str, given: str) -> bool:
        """Whether ``given`` is the device's CSRF token (constant time)."""
        if not device_id:
            return False
        return hmac.compare_digest(
            self.csrf(device_id).encode("ascii"), given.encode("utf-8", "surrogatepass")
        )
