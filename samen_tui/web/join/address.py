"""Where the join server listens: ``--join lan`` or ``--join HOST:PORT``.

``lan`` is the laptop's address on the local network (the one the system would use to
reach another machine; no packet is sent to find it), port ``LAN_PORT`` (or any free
one if that is taken). ``HOST:PORT`` is taken as given (tests use ``127.0.0.1:0``).
Every address of the machine (``0.0.0.0``, ``::``) only when asked for by name, and
then the trainer's panel warns; the address shown to phones is then the LAN address.

Plain Python: no textual, no aiohttp.
"""

from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass

from samen_tui.i18n import t
from samen_tui.web.guard import is_wildcard, split_host

LAN_PORT = 8765
PROBE = ("10.254.254.254", 9)
"""An address the system routes to through the local network (a UDP socket is only
connected to it, which sends nothing)."""


class AddressError(ValueError):
    """A ``--join`` value that names no address we can serve on (the message says why)."""


@dataclass(frozen=True)
class JoinAddress:
    bind: str
    """The address to listen on."""
    port: int
    """The port (0: any free one)."""
    shown: str
    """The address phones are given (in the URL and the QR code)."""
    fallback_port: bool = False
    """Whether another port may be used when ``port`` is taken (``lan``)."""

    @property
    def everywhere(self) -> bool:
        """Listening on every address of the machine (the panel warns)."""
        return is_wildcard(self.bind)


def lan_address() -> str:
    """This machine's address on the local network; :class:`AddressError` if none."""
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
            probe.connect(PROBE)
            address = str(probe.getsockname()[0])
    except OSError:
        address = ""
    if not address or ipaddress.ip_address(address).is_loopback or address == "0.0.0.0":
        try:
            address = socket.gethostbyname(socket.gethostname())
        except OSError:
            address = ""
    if not address or ipaddress.ip_address(address).is_loopback:
        raise AddressError(t("join.no_network"))
    return address


def parse_join(value: str) -> JoinAddress:
    """The address of a ``--join`` value; :class:`AddressError` for a bad one."""
    value = value.strip()
    if value.lower() == "lan":
        address = lan_address()
        return JoinAddress(address, LAN_PORT, address, fallback_port=True)
    host, port = split_host(value)
    if not host or port is None:
        raise AddressError(t("join.bad_address", value=value))
    try:
        ipaddress.ip_address(host)
    except ValueError:
        if host != "localhost":
            raise AddressError(t("join.bad_address", value=value)) from None
    shown = host
    if is_wildcard(host):
        try:
            shown = lan_address()
        except AddressError:
            shown = "127.0.0.1"
    if ":" in shown:
        shown = f"[{shown}]"
    return JoinAddress(host, port, shown)
