"""The English frame of the file ``samen new --lang en`` writes: its head and its
agenda items (the kinds' examples are their ``EXAMPLE_EN``). The same ids as the
Dutch file: only the words differ. Never imports textual."""

from __future__ import annotations

from string import Template

HEAD = Template('''\
# =============================================================================
#  ${title_comment}
# =============================================================================
#
# A new workshop, made with `samen new`. Below is one example of every kind
# of step. Delete what you do not need, adapt the rest and then check the file
# with `samen check`.
#
# Layout:
#   [workshop]          the workshop's details
#   [[items]]           an agenda item, with its steps below it
#   [[items.steps]]     a step; `kind` says what kind of step it is:
${kinds}
#
# Ids: small letters, digits, - and _, starting with a letter or a digit.
# Sessions refer to ids: do not change an id once there are sessions of this
# workshop. Titles and texts you may always change. A step id appears only
# once in the whole file.
#
# Text over several lines goes between three quotation marks: """ ... """.
# Fields marked "(required)" must be there; the others may be left out, and
# then the default given with them holds.

[workshop]
# The id of the workshop (required); the file name is <id>.toml.
id = ${id}
# The name participants and trainer see (required).
title = ${title}
# The language of the workshop: "nl" or "en" (default "nl").
language = ${language}
# Raise the version when you change the content a lot (default "1").
version = "1"
# A short description, shown when a workshop is chosen.
description = "What is this workshop about?"
''')

ITEMS: tuple[tuple[str, str], ...] = (
    (
        "begin",
        """\
[[items]]
# The id of the agenda item (required).
id = "begin"
# The title in the agenda (required).
title = "Welcome"
# The timebox in minutes (required): the timer changes colour when time is nearly up.
minutes = 15
""",
    ),
    ("verkennen", '[[items]]\nid = "verkennen"\ntitle = "Exploring"\nminutes = 30\n'),
    ("ideeen", '[[items]]\nid = "ideeen"\ntitle = "Ideas"\nminutes = 20\n'),
    (
        "afspraken-maken",
        '[[items]]\nid = "afspraken-maken"\ntitle = "Making agreements"\nminutes = 30\n',
    ),
    ("afsluiting", '[[items]]\nid = "afsluiting"\ntitle = "Want to know more?"\nminutes = 5\n'),
)
"""The agenda items of the English example file: (id, its ``[[items]]`` table)."""

ITEM_BANNER = "Agenda item"
