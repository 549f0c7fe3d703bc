"""Participants take part from their own phones (issue #18, ``samen run ... --join``).

The trainer's app serves a small page on the local network; phones open it (QR code
or the short code), pick their name, and follow the trainer's step: they add cards,
rate, spend dots and answer through the same session model as the trainer's keys.

* ``desk.py``: what a phone may do to the session, checked (no web, no textual);
* ``forms.py``: the request body, the device cookie, the CSRF token;
* ``pages.py``: the HTML (every text escaped); ``static/``: the script and stylesheet;
* ``server.py``: the aiohttp routes and checks, started on the app's event loop;
* ``address.py``: ``--join lan | HOST:PORT``; ``info.py``: URL, code and QR code for
  the trainer's panel and the room view (:func:`info.join_info`).

Needs the ``join`` extra (aiohttp, segno); never imports textual.
"""
