"""The learner and facilitator layouts as data: where panels go, and how a layout
collapses into tabs, one step at a time, when the screen is too small."""

from __future__ import annotations

from player.core.contribution import (
    BOTTOM,
    CHAPTERS,
    DESCRIPTIONS,
    DISCUSSION,
    FACILITATOR,
    LEARNER,
    LEFT,
    NOTES,
    RIGHT,
    TRANSCRIPT,
    VIDEOS,
)
from player.shell.layouts import (
    CONSOLE,
    LAYOUTS,
    Spot,
    areas,
    collapse_steps,
    groups,
    with_extra_panels,
)

EVERY_PANEL = {TRANSCRIPT, VIDEOS, CHAPTERS, DESCRIPTIONS, DISCUSSION, NOTES}


def test_the_learner_layout_shows_video_and_transcript_and_hides_the_facilitators():
    learner = LAYOUTS[LEARNER]
    assert {s.panel for s in learner.spots} == EVERY_PANEL, "every panel has a place"
    assert learner.shown == {TRANSCRIPT, VIDEOS, CHAPTERS, DESCRIPTIONS}
    assert groups(learner.spots)[VIDEOS] == groups(learner.spots)[CHAPTERS]
    assert areas(learner.spots)[TRANSCRIPT] == RIGHT
    assert learner.front[-1] == TRANSCRIPT, "in a shared group the transcript wins"


def test_the_facilitator_layout_shows_discussion_and_notes():
    facilitator = LAYOUTS[FACILITATOR]
    assert {DISCUSSION, NOTES} <= facilitator.shown
    placed = areas(facilitator.spots)
    assert placed[DISCUSSION] == placed[NOTES] == BOTTOM
    assert groups(facilitator.spots)[DISCUSSION] != groups(facilitator.spots)[NOTES]
    assert LAYOUTS[CONSOLE].shown == facilitator.shown, "the console starts so"


def test_collapsing_first_tabs_the_splits_then_joins_the_other_areas():
    facilitator = LAYOUTS[FACILITATOR]
    shown = frozenset(EVERY_PANEL - {DESCRIPTIONS})  # no descriptions track
    steps = list(collapse_steps(facilitator.spots, shown))
    leaders = [groups(step) for step in steps]
    assert leaders[0][NOTES] == leaders[0][DISCUSSION], "the last split goes first"
    assert leaders[1][CHAPTERS] == leaders[1][TRANSCRIPT]
    last = leaders[-1]
    assert {last[name] for name in shown} == {TRANSCRIPT}, "one group at the end"
    assert areas(steps[-1])[DISCUSSION] == RIGHT
    hidden = areas(steps[-1])[DESCRIPTIONS]
    assert hidden == BOTTOM, "a hidden panel keeps its place for when it shows"


def test_nothing_to_collapse_when_one_panel_shows():
    learner = LAYOUTS[LEARNER]
    assert list(collapse_steps(learner.spots, frozenset({TRANSCRIPT}))) == []


def test_a_step_never_moves_only_hidden_panels():
    learner = LAYOUTS[LEARNER]
    shown = learner.shown - {DESCRIPTIONS}
    for step in collapse_steps(learner.spots, shown):
        moved = {s.panel for s in step} - {s.panel for s in learner.spots if s in step}
        assert moved & shown, moved


def test_a_panel_new_to_the_shell_goes_to_its_own_area_in_both_layouts():
    extra = {"sign": (LEFT, True), "quiz": (RIGHT, False)}
    for name in (LEARNER, FACILITATOR):
        layout = with_extra_panels(LAYOUTS[name], extra)
        placed = areas(layout.spots)
        assert placed["sign"] == LEFT and placed["quiz"] == RIGHT
        assert "sign" in layout.shown and "quiz" not in layout.shown
        quiz = next(s for s in layout.spots if s.panel == "quiz")
        assert quiz == Spot("quiz", under=TRANSCRIPT), "under the area's first group"
