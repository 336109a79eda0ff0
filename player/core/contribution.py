"""What a feature hands the shell: named panels, read-outs, commands, preference pages.

A feature never places its widgets in another's layout: it returns them here, and
the shell (player/shell/placement.py) decides where each panel goes and the Tab order.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Protocol

from PySide6.QtWidgets import QWidget

# The panels the shell knows how to place, by name.
TRANSCRIPT = "transcript"
VIDEOS = "videos"
CHAPTERS = "chapters"
DESCRIPTIONS = "descriptions"
DISCUSSION = "discussion"
NOTES = "notes"
SIGN = "sign"

# The dock areas a panel may start in, and the two layouts a person chooses from.
LEFT, RIGHT, TOP, BOTTOM = "left", "right", "top", "bottom"
LEARNER, FACILITATOR = "learner", "facilitator"


@dataclass(frozen=True)
class Panel:
    """A part of the window the shell puts in a dock the person can move and hide.

    A panel the shell does not know yet (see PLACES in player/shell/placement.py)
    starts in `area`, shown in the layouts named in `shown_in`; the shell makes its
    View > Panels entry unless `toggle` names an action of the keyboard map. Hiding
    `widget` says there is nothing to show: the dock goes until it is shown again.
    """

    name: str
    title: str
    widget: QWidget
    toggle: str = ""  # the keymap action that shows and hides it, if any
    private: bool = False  # the facilitator's own: off screen while full screen
    area: str = RIGHT  # where a panel new to the shell starts
    shown_in: tuple[str, ...] = (LEARNER, FACILITATOR)


@dataclass(frozen=True)
class Page:
    """A tab of the preferences dialog, built when the dialog first opens."""

    title: str
    make: Callable[[], QWidget]


@dataclass(frozen=True)
class Contribution:
    """Everything one feature adds to the window."""

    panels: tuple[Panel, ...] = ()
    indicators: tuple[QWidget, ...] = ()  # small read-outs in the transport bar
    commands: Mapping[str, Callable[[], object]] = field(default_factory=dict)
    pages: tuple[Page, ...] = ()
    on_close: Callable[[], None] | None = None


class Feature(Protocol):
    """A feature is built as `Feature(ctx, its own widgets)` and says what it adds.

    `contribution()` is asked once, by whoever builds the feature in (the shell, or
    a test): its commands get connected each time it is asked.
    """

    def contribution(self) -> Contribution: ...


class TranscriptText(Protocol):
    """What the reading aids use of the transcript (the panel provides it)."""

    def set_text_scale(self, percent: int) -> None: ...

    def set_line_spacing(self, factor: float) -> None: ...

    def repaint_text(self) -> None: ...

    def speaks_current_line(self) -> bool:
        """True while its own focus moves make a screen reader read each new line."""
        ...
