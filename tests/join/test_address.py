"""``--join lan | HOST:PORT``: the address served and the one phones are given (#18)."""

from __future__ import annotations

import pytest

pytest.importorskip("aiohttp")

from samen_tui.cli import main
from samen_tui.web.join import address
from samen_tui.web.join.address import AddressError, parse_join
from samen_tui.web.join.info import qr_lines


def test_host_and_port_are_taken_as_given() -> None:
    got = parse_join("127.0.0.1:0")
    assert (got.bind, got.port, got.shown, got.everywhere) == ("127.0.0.1", 0, "127.0.0.1", False)
    six = parse_join("[::1]:8000")
    assert (six.bind, six.shown) == ("::1", "[::1]")


def test_every_address_only_when_named_and_shown_as_the_lan_address(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(address, "lan_address", lambda: "192.168.1.20")
    got = parse_join("0.0.0.0:8765")
    assert got.everywhere and got.bind == "0.0.0.0" and got.shown == "192.168.1.20"
    lan = parse_join("lan")
    assert not lan.everywhere and lan.bind == "192.168.1.20" and lan.fallback_port


@pytest.mark.parametrize("value", ["", "lan2", "example.org:80", "127.0.0.1", "1.2.3.4:x"])
def test_bad_values_are_refused_with_a_message(value: str) -> None:
    with pytest.raises(AddressError, match=r"--join"):
        parse_join(value)


def test_no_network_is_a_message(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(address, "PROBE", ("127.0.0.1", 9))
    monkeypatch.setattr(address.socket, "gethostbyname", lambda name: "127.0.1.1")
    with pytest.raises(AddressError, match="netwerk"):
        address.lan_address()


def test_cli_refuses_a_bad_join_address_before_starting(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["run", "samen-ouder-worden", "--join", "example.org:80"]) == 2
    assert "--join" in capsys.readouterr().err


def test_qr_code_is_half_blocks_of_a_square() -> None:
    lines = qr_lines("http://192.168.1.20:8765/" + "x" * 43 + "/")
    assert len({len(line) for line in lines}) == 1
    width = len(lines[0])
    assert len(lines) == (width + 1) // 2  # two modules a row
    assert set("".join(lines)) <= set(" ▀▄█")
