"""Serving the app on the web: the checks every server of samen applies
(:mod:`~samen_tui.web.guard`: the token, the Host and the Origin; no textual, no
aiohttp) and ``samen serve`` on textual-serve (:mod:`~samen_tui.web.serve`)."""
