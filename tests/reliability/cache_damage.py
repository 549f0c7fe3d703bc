"""Flip random bits in the start-up caches and load them, many times, in one process.

``python -m tests.reliability.cache_damage WARM SCRATCH TRIES SEED`` copies the cache
files of a warm cache folder (``WARM``: ``start.marshal`` and ``css.marshal``, left by
a real start) into ``SCRATCH``, and then, ``TRIES`` times, flips 1 to 8 random bits in
one of them (in turn) and runs what a start does with the caches: the workshop (its
TOML and the workshop built from it), the slides' tokens, and the app's stylesheets
(constructing :class:`~samen_tui.tui.app.SamenApp` loads them). Each time everything
must come out as it does from the undamaged cache (or be built anew, the same), and
the start-up cache must be written anew (readable again) after it. The counts go to
stdout as JSON. A crash of the interpreter (the way damaged marshal data used to end
a start) ends this process with a signal: the test runs it as a subprocess for that.

:func:`plant_payloads` puts payloads (a pickle, code objects) wherever a start reads a
value from the cache files, for ``tests/tui/test_cache_trust.py`` and the real start
in ``test_cache_damage.py``.

Nothing here is a test by itself: ``test_cache_damage.py`` runs it.
"""

from __future__ import annotations

import json
import marshal
import os
import pickle
import random
import shutil
import sys
from pathlib import Path
from types import CodeType
from typing import Any

WORKSHOP = "samen-ouder-worden"


def flip(data: bytes, rng: random.Random) -> tuple[bytes, int]:
    """``data`` with 1 to 8 random bits flipped (never the same bit twice)."""
    damaged = bytearray(data)
    flips = rng.randint(1, 8)
    for bit in rng.sample(range(len(data) * 8), flips):
        damaged[bit // 8] ^= 1 << (bit % 8)
    return bytes(damaged), flips


class Payload:
    """Unpickling it makes the folder ``marker``."""

    def __init__(self, marker: Path) -> None:
        self.marker = str(marker)

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (os.mkdir, (self.marker,))


def code_payload(marker: Path) -> CodeType:
    """Running it makes the folder ``marker``."""
    return compile(f"import os\nos.mkdir({str(marker)!r})\n", "<cache>", "exec")


def plant_payloads(folder: Path, marker: Path) -> None:
    """Payloads everywhere a start reads a value, in valid cache files: a code object
    in every entry of the start-up cache (and in a section of code, as the removed
    codecache kept), a pickle as the built workshop, code as every stylesheet; and
    the stylesheet pickle of before, under its old name."""
    from samen_tui import cachefile, startcache
    from samen_tui.tui.tuning import csscache

    content = marshal.loads(cachefile.unframe((folder / startcache.NAME).read_bytes()) or b"")
    code = marshal.dumps(code_payload(marker))
    for section, entries in content.items():
        if type(entries) is not dict:
            continue
        for key, blob in entries.items():
            if section == startcache.BUILT:
                stamp, data, _built = marshal.loads(blob)
                entries[key] = marshal.dumps((stamp, data, pickle.dumps(Payload(marker))))
            else:
                entries[key] = code
    content["code"] = {"x = 1": code, "def __init__(self): pass": code}
    (folder / startcache.NAME).write_bytes(cachefile.frame(marshal.dumps(content)))
    sheets = marshal.loads(cachefile.unframe((folder / csscache.NAME).read_bytes()) or b"")
    sheets["sheets"] = [(key, [code_payload(marker)]) for key, _rules in sheets["sheets"]]
    (folder / csscache.NAME).write_bytes(cachefile.frame(marshal.dumps(sheets)))
    (folder / "css.pickle").write_bytes(b"key\n" + pickle.dumps(Payload(marker)))
    for name in (startcache.NAME, csscache.NAME, "css.pickle"):
        (folder / name).chmod(0o600)


def load_everything() -> dict[str, Any]:
    """What a start takes from the caches, as a fresh process would (nothing in memory)."""
    from samen_tui import paths, startcache
    from samen_tui.tui.app import Launch, SamenApp
    from samen_tui.tui.tuning import csscache
    from samen_tui.tui.widgets import slide
    from samen_tui.workshop import catalog

    startcache.reset()
    hits = {
        "built": startcache.get(startcache.BUILT, str(bundled())) is not None,
    }
    workshop = catalog.resolve_workshop(WORKSHOP, [("package", paths.PACKAGE_WORKSHOPS)])
    tokens = [plain(slide.parse(step.text)) for _item, step in workshop.steps() if step.text]
    app = SamenApp(Launch(mode="run", workshop=WORKSHOP, sessions_dir=Path("unused")))
    cache = app.stylesheet._parse_cache
    sheets = {key: csscache.encode(cache[key]) for key in list(cache.keys())}
    rebuilt = startcache.flush()
    return {
        "workshop": workshop,
        "tokens": tokens,
        "sheets": sheets,
        "hits": hits,
        "rebuilt": rebuilt,
    }


def plain(tokens: Any) -> list[Any]:
    """Markdown tokens as comparable data."""
    return [(t.type, t.tag, t.content, repr(t.attrs), plain(t.children or [])) for t in tokens]


def bundled() -> Path:
    from samen_tui import paths

    return paths.PACKAGE_WORKSHOPS / f"{WORKSHOP}.toml"


def main(warm: Path, scratch: Path, tries: int, seed: int) -> dict[str, Any]:
    from samen_tui import cachefile, startcache
    from samen_tui.tui.tuning import csscache

    os.environ["SAMEN_CACHE"] = str(scratch)
    names = [startcache.NAME, csscache.NAME]
    originals = {name: (warm / name).read_bytes() for name in names}

    def fresh() -> None:
        shutil.rmtree(scratch, ignore_errors=True)
        scratch.mkdir(mode=0o700, parents=True)
        for name, data in originals.items():
            (scratch / name).write_bytes(data)
            (scratch / name).chmod(0o600)

    fresh()
    good = load_everything()
    assert good["hits"]["built"], "the warm cache holds no built workshop"
    assert good["sheets"], "the warm cache holds no stylesheets"
    rng = random.Random(seed)
    counts: dict[str, Any] = {"tries": 0, "bits": 0, "refused": 0, "used": 0, "rebuilt": 0}
    per_file = dict.fromkeys(names, 0)
    for number in range(tries):
        fresh()
        name = names[number % len(names)]
        damaged, flips = flip(originals[name], rng)
        (scratch / name).write_bytes(damaged)
        got = load_everything()
        where = f"try {number} ({name}, {flips} bits, seed {seed})"
        assert got["workshop"] == good["workshop"], where
        assert got["workshop"].path == good["workshop"].path, where
        assert got["tokens"] == good["tokens"], where
        # the damaged stylesheets are parsed anew when the app needs them: either all
        # of them came from the file, or none did
        assert got["sheets"] in (good["sheets"], {}), where
        used = got["hits"]["built"] if name == startcache.NAME else got["sheets"] == good["sheets"]
        counts["used" if used else "refused"] += 1
        if name == startcache.NAME and not used:
            # the empty cache is written anew, whole, at once
            assert got["rebuilt"], where
            assert cachefile.read(startcache.NAME) is not None, where
            counts["rebuilt"] += 1
        counts["tries"] += 1
        counts["bits"] += flips
        per_file[name] += 1
    counts["per_file"] = per_file
    return counts


if __name__ == "__main__":
    warm_folder, scratch_folder, tries_arg, seed_arg = sys.argv[1:5]
    result = main(Path(warm_folder), Path(scratch_folder), int(tries_arg), int(seed_arg))
    print(json.dumps(result))
