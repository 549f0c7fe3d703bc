"""The room (``samen room``): the session the trainer is running, as the beamer
shows it. ``app`` is the application, ``screen`` its one screen, ``view`` the base
of every step kind's view of the room (``samen_tui/kinds/<kind>/room.py``)."""
