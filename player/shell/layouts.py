"""The learner and facilitator layouts as data, and how one collapses into tabs.

A layout is a list of spots, one a panel: a new group in a dock area, under or
beside a panel already placed, or a tab in that panel's group; and the panels it
shows. When a layout does not fit the screen (200 % text on 1280x720, a 1024x768
projector), `collapse_steps` turns it, one step at a time, into fewer, tabbed
groups: first the splits inside an area become tabs, then the other areas' groups
join the first area's. Nothing here touches Qt widgets, so it is tested as data.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace

from player.core.contribution import (
    BOTTOM,
    CHAPTERS,
    DESCRIPTIONS,
    DISCUSSION,
    FACILITATOR,
    LEARNER,
    NOTES,
    RIGHT,
    TRANSCRIPT,
    VIDEOS,
)

CONSOLE = "console"  # the presentation console's own arrangement


@dataclass(frozen=True)
class Spot:
    """Where one panel goes: exactly one of `area`, `under`, `beside`, `tab_with`."""

    panel: str
    area: str = ""  # a new group in this dock area ("left", "right", "top", "bottom")
    under: str = ""  # split below that panel's group
    beside: str = ""  # split to the right of that panel's group
    tab_with: str = ""  # a tab in that panel's group

    @property
    def anchor(self) -> str:
        return self.under or self.beside or self.tab_with


@dataclass(frozen=True)
class Layout:
    """A named arrangement: the spots, which panels show, the tabs brought to the
    front (in this order: in a shared group the last wins), and the share of the
    window some panels start with (percent)."""

    name: str
    title: str
    spots: tuple[Spot, ...]
    shown: frozenset[str]
    front: tuple[str, ...] = ()
    widths: Mapping[str, int] = field(default_factory=dict)  # left and right areas
    heights: Mapping[str, int] = field(default_factory=dict)  # share of the area/window


_SPOTS = (
    Spot(TRANSCRIPT, area=RIGHT),
    Spot(CHAPTERS, under=TRANSCRIPT),
    Spot(VIDEOS, tab_with=CHAPTERS),
    Spot(DESCRIPTIONS, area=BOTTOM),
    Spot(DISCUSSION, under=DESCRIPTIONS),
    Spot(NOTES, beside=DISCUSSION),
)
LAYOUTS: dict[str, Layout] = {
    LEARNER: Layout(
        LEARNER,
        "&Learner: video and transcript",
        _SPOTS,
        shown=frozenset({TRANSCRIPT, VIDEOS, CHAPTERS, DESCRIPTIONS}),
        front=(CHAPTERS, TRANSCRIPT),
        widths={TRANSCRIPT: 38},
        heights={TRANSCRIPT: 60, CHAPTERS: 40},
    ),
    FACILITATOR: Layout(
        FACILITATOR,
        "&Facilitator: with discussion and notes",
        _SPOTS,
        shown=frozenset(
            {TRANSCRIPT, VIDEOS, CHAPTERS, DESCRIPTIONS, DISCUSSION, NOTES}
        ),
        front=(CHAPTERS, TRANSCRIPT),
        widths={TRANSCRIPT: 34},
        heights={TRANSCRIPT: 60, CHAPTERS: 40, DISCUSSION: 28},
    ),
}
# While presenting, the console starts as the facilitator's layout.
LAYOUTS[CONSOLE] = replace(LAYOUTS[FACILITATOR], name=CONSOLE, title="Console")


def with_extra_panels(layout: Layout, extra: Mapping[str, tuple[str, bool]]) -> Layout:
    """`layout` with the panels it does not know (name -> (area, shown)) added, each
    a new group in its area (a tab of the area's first group when it has one)."""
    known = {spot.panel for spot in layout.spots}
    spots = list(layout.spots)
    shown = set(layout.shown)
    for name, (area, show) in extra.items():
        if name in known:
            continue
        first = next((s.panel for s in spots if s.area == area), "")
        spots.append(Spot(name, under=first) if first else Spot(name, area=area))
        if show:
            shown.add(name)
    return replace(layout, spots=tuple(spots), shown=frozenset(shown))


def groups(spots: Sequence[Spot]) -> dict[str, str]:
    """Each panel's group, named by the first panel of the group."""
    leader: dict[str, str] = {}
    for spot in spots:
        leader[spot.panel] = leader.get(spot.tab_with, spot.tab_with) or spot.panel
    return leader


def areas(spots: Sequence[Spot]) -> dict[str, str]:
    """Each panel's dock area."""
    found: dict[str, str] = {}
    for spot in spots:
        found[spot.panel] = spot.area or found.get(spot.anchor, "")
    return found


def collapse_steps(
    spots: Sequence[Spot], shown: frozenset[str]
) -> Iterator[tuple[Spot, ...]]:
    """Ever more tabbed versions of `spots`, one step further each, until every
    shown panel is a tab of one group.

    A step counts only when it puts two groups that show something together: first
    the splits inside an area, the last first, become tabs; then the shown groups
    of the other areas become tabs of the first area's group.
    """
    current = tuple(spots)
    while (step := _one_step(current, shown)) is not None:
        current = step
        yield current


def _one_step(
    spots: tuple[Spot, ...], shown: frozenset[str]
) -> tuple[Spot, ...] | None:
    leader = groups(spots)
    showing = {leader[p] for p in shown if p in leader}
    for index in reversed(range(len(spots))):
        spot = spots[index]
        if (
            (spot.under or spot.beside)
            and leader[spot.panel] in showing
            and leader[spot.anchor] in showing
        ):
            return _replaced(spots, index, Spot(spot.panel, tab_with=spot.anchor))
    placed = areas(spots)
    main = next((s.panel for s in spots if s.area and leader[s.panel] in showing), "")
    for index, spot in enumerate(spots):
        if (
            main
            and not spot.tab_with
            and leader[spot.panel] in showing
            and placed[spot.panel] != placed[main]
        ):
            return _replaced(spots, index, Spot(spot.panel, tab_with=main))
    return None


def _replaced(spots: tuple[Spot, ...], index: int, spot: Spot) -> tuple[Spot, ...]:
    return (*spots[:index], spot, *spots[index + 1 :])
