"""Who may talk to a server of samen: the checks ``samen serve`` applies to every
request, and that the join server (#12) applies the same way.

A server of samen drives the trainer's app: whoever can talk to it can read every
session and, through the export dialog, write files where the trainer can. So a
request is served only when all of these hold:

* **The token.** The server makes a random token when it starts
  (:func:`new_token`, 256 bits) and puts it in the address it prints; a request
  whose path does not start with ``/<token>/`` is refused (compared in constant
  time: :func:`token_matches`). Paths the server names as open (a download whose
  own key is unguessable) need no token, but the other checks still hold.
* **The Host.** The ``Host`` header must name the address served (with its port):
  on a loopback address, any loopback name (``127.0.0.1``, ``localhost``, ``[::1]``);
  on all addresses (``0.0.0.0``, ``::``), an IP address or ``localhost``, never
  another name. A web page on a name that an attacker makes point at this machine
  (DNS rebinding) is refused so, before the token is even looked at.
* **The Origin.** A browser says which page a request comes from: when it does, that
  page must be on an address the Host check accepts (``http`` or ``https``), never
  another site; a websocket must say it (browsers always do). A page elsewhere
  that the trainer visits cannot open the app's websocket.

The address itself: :func:`is_loopback`. Serving on anything else is a choice the
user makes explicitly (``--yes-on-the-network``) and is warned about.

Plain Python: no textual, no aiohttp.
"""

from __future__ import annotations

import hmac
import ipaddress
import secrets
from dataclasses import dataclass, field
from urllib.parse import urlsplit

TOKEN_BYTES = 32
"""The token's randomness: 256 bits."""

LOOPBACK_NAMES = frozenset({"localhost", "localhost.", "ip6-localhost"})


def new_token() -> str:
    """A fresh random token, safe in a URL path (``[A-Za-z0-9_-]``, 43 characters)."""
    return secrets.token_urlsafe(TOKEN_BYTES)


def token_matches(given: str, token: str) -> bool:
    """Whether ``given`` is ``token``, in time that does not depend on where they differ."""
    return hmac.compare_digest(given.encode("utf-8", "surrogatepass"), token.encode("utf-8"))


def _address(host: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        return ipaddress.ip_address(host.strip("[]").split("%", 1)[0])
    except ValueError:
        return None


def is_loopback(host: str) -> bool:
    """Whether ``host`` (an address or ``localhost``) is reachable from this machine only."""
    if host.lower() in LOOPBACK_NAMES:
        return True
    address = _address(host)
    return address is not None and address.is_loopback


def is_wildcard(host: str) -> bool:
    """Whether ``host`` means every address of this machine (``0.0.0.0``, ``::``, "")."""
    if not host:
        return True
    address = _address(host)
    return address is not None and address.is_unspecified


def split_host(value: str) -> tuple[str, int | None]:
    """``host:port`` (a ``Host`` header, an origin's netloc) as (host, port); the host
    lowercased, an IPv6 address without its brackets; (``""``, None) if it is no
    host at all."""
    try:
        parts = urlsplit("//" + value.strip())
        host, port = parts.hostname or "", parts.port
    except ValueError:
        return "", None
    if parts.username is not None or parts.password is not None or parts.path:
        return "", None
    return host.lower(), port


@dataclass(frozen=True)
class Guard:
    """The checks for one server: its ``token``, and the ``host`` and ``port`` it
    serves. ``open_prefixes``: paths that need no token (still Host and Origin)."""

    token: str
    host: str
    port: int
    open_prefixes: tuple[str, ...] = ()
    _names: frozenset[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        host = split_host(self.host)[0] or self.host.lower().strip("[]")
        names = {host}
        if is_loopback(host) or is_wildcard(host):
            names |= {"127.0.0.1", "localhost", "::1"}
        object.__setattr__(self, "_names", frozenset(names))

    @property
    def prefix(self) -> str:
        """The path every request must start with: ``/<token>/``."""
        return f"/{self.token}/"

    def host_allowed(self, value: str | None, default_port: int = 80) -> bool:
        """Whether a ``Host`` header (or an origin's ``host:port``) names this server
        (without a port: ``default_port``, as a browser leaves out 80)."""
        if not value:
            return False
        host, port = split_host(value)
        if not host or (port if port is not None else default_port) != self.port:
            return False
        if host in self._names:
            return True
        # on every address: any address of this machine, but never a name (a name is
        # what DNS rebinding brings; an address a browser typed in is this machine's)
        return is_wildcard(self.host) and _address(host) is not None

    def origin_allowed(self, origin: str | None, *, required: bool = False) -> bool:
        """Whether an ``Origin`` header is one of this server's own pages (a missing
        one is allowed unless ``required``; ``null``, another scheme, another site
        or port never)."""
        if origin is None:
            return not required
        try:
            parts = urlsplit(origin.strip())
        except ValueError:
            return False
        if parts.scheme not in ("http", "https") or parts.path not in ("", "/"):
            return False
        if parts.query or parts.fragment:
            return False
        return self.host_allowed(parts.netloc, 443 if parts.scheme == "https" else 80)

    def token_in(self, path: str) -> bool:
        """Whether ``path`` starts with ``/<token>/`` (or is ``/<token>``)."""
        first, _slash, _rest = path.lstrip("/").partition("/")
        return path.startswith("/") and token_matches(first, self.token)

    def refusal(
        self, path: str, host: str | None, origin: str | None, *, websocket: bool = False
    ) -> str | None:
        """Why a request must be refused (a short English reason for the log), or None
        when it may be served."""
        if not self.host_allowed(host):
            return "host not allowed"
        if not self.origin_allowed(origin, required=websocket):
            return "origin not allowed"
        if any(path.startswith(prefix) for prefix in self.open_prefixes):
            return None
        if not self.token_in(path):
            return "no token or a wrong one"
        return None
