"""The room (``samen room``): what the beamer shows of a session the trainer is
running, as plain data, without a terminal.

* :mod:`~samen_tui.room.finding`: which session to follow (named, or the newest
  unfinished one), and a session started since in the same folder;
* :mod:`~samen_tui.room.follow`: reading that session as it changes, carefully,
  keeping the last good state when the file is mid-save, damaged or gone, and
  whether the trainer's app is still there;
* :mod:`~samen_tui.room.shown`: which step the room shows, blank or not, its
  results revealed or not;
* :mod:`~samen_tui.room.clock`: the current agenda item's time left, from the file.

The room only reads: it never writes in the sessions folder (no lock, no index, no
backup). Its Textual side is ``samen_tui/tui/room/``, and each step kind's view of
the room is ``samen_tui/kinds/<kind>/room.py``.

This package never imports textual.
"""
