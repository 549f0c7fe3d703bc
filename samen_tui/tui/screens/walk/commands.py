"""The walk screen's command palette: jump to any step, and the session's commands."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.markup import escape

from samen_tui.i18n import t
from samen_tui.tui.screens.walk.timing import toggle_bell

if TYPE_CHECKING:
    from samen_tui.tui.screens.walk.screen import WalkScreen

SESSION_COMMANDS = 6
"""The last commands of the list: the session's own, offered before anything is typed."""


class StepCommands(Provider):
    """Command palette: jump to any step by name, and the session's own commands."""

    def _commands(self) -> list[tuple[str, str, Any]]:
        screen = cast("WalkScreen", self.screen)  # the provider of WalkScreen.COMMANDS
        out: list[tuple[str, str, Any]] = []
        for number, item in enumerate(screen.workshop.items, start=1):
            for step in item.steps:
                out.append(
                    (
                        t("cmd.goto", item=f"{number}. {item.title}", step=step.title),
                        t("cmd.goto.help"),
                        lambda sid=step.id: screen.go_to(sid),
                    )
                )
        out.append((t("cmd.end"), t("cmd.end.help"), screen.action_end_session))
        out.append((t("cmd.save_as"), t("cmd.save_as.help"), screen.action_save_as))
        out.append((t("cmd.export"), t("cmd.export.help"), screen.action_export))
        out.append((t("cmd.pause"), t("cmd.pause.help"), screen.action_toggle_pause))
        out.append((t("cmd.takeover"), t("cmd.takeover.help"), screen.action_take_over))
        out.append((t("cmd.bell"), t("cmd.bell.help"), lambda: toggle_bell(screen)))
        out.append((t("cmd.join"), t("cmd.join.help"), screen.joining.open_panel))
        return out

    async def discover(self) -> Hits:
        for title, help_text, callback in self._commands()[-SESSION_COMMANDS:]:
            yield DiscoveryHit(title, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, help_text, callback in self._commands():
            score = matcher.match(title)
            if score > 0:
                # the workshop's titles are text: escaped before the matcher's markup
                yield Hit(score, matcher.highlight(escape(title)), callback, help=help_text)
