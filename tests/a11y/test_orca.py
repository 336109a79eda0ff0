"""What Debian's Orca (43 and later) really says and brailles (design.md 8).

One Orca session (tests/a11y/orca_session.py, about 100 s): the sample video plays
from 2:00 through the stand-in story with "Announce captions" on and focus on the
seek slider, then the learner presses Right twice. Orca's debug log is the truth:
"SPEECH OUTPUT" is what is heard, "BRAILLE LINE" what a braille display shows.

Not in the default run (pytest -m orca runs it; README, "Screen readers and braille
displays"): it needs orca xdotool xvfb at-spi2-core python3-pyatspi dbus-x11
(`sh .ci/system-packages test`) and takes a minute and a half.
"""

from __future__ import annotations

import itertools
import re
import shutil
import sys
import unicodedata
from pathlib import Path

import pytest

from captions.loader import load_track
from media.samples import sample_module_path

sys.path.insert(0, str(Path(__file__).parent))
import orca_session

pytestmark = pytest.mark.orca

STORY_FROM_S, STORY_TO_S = 127.648, 179.789  # the stand-in story, as sealed
DURATION_WORDS = "of 3 minutes 19 seconds"
NUMBER_ONLY = re.compile(r"^\d+\.?$")


def words(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text).lower()
    return " ".join(re.sub(r"[^a-z0-9]+", " ", plain).split())


@pytest.fixture(scope="module")
def session() -> orca_session.Session:
    absent = orca_session.missing()
    assert not absent, f"install {', '.join(absent)}: sh .ci/system-packages test"
    app = shutil.which("transcript-player", path=str(Path(sys.executable).parent))
    assert app, "the project is not installed in this Python's environment"
    found = orca_session.run(app)
    assert found.lines, "Orca wrote no speech at all"
    return found


def played_captions() -> list[str]:
    """Captions of three words or more that start while the story plays (before the
    discussion pause at 3:00 and the learner's keys)."""
    track = load_track(sample_module_path() / "building-trust.en.vtt")
    start = max(orca_session.START_AT_S + 4, STORY_FROM_S)  # after the Tab
    return [
        words(cue.plain)
        for cue in track.cues
        if start <= cue.start_ms / 1000 <= STORY_TO_S - 1
        and len(words(cue.plain).split()) >= 3
    ]


def test_95_percent_of_captions_are_spoken_with_focus_on_another_control(
    session,
) -> None:
    spoken = words(" ".join(s.text for s in session.speech()))
    captions = played_captions()
    heard = [c for c in captions if c in spoken]
    print(f"spoken: {len(heard)} of {len(captions)} captions")
    assert len(captions) >= 15
    assert len(heard) >= 0.95 * len(captions), set(captions) - set(heard)


def test_95_percent_of_captions_reach_the_braille_display(session) -> None:
    shown = words(" ".join(s.text for s in session.braille()))
    captions = played_captions()
    brailled = [c for c in captions if c in shown]
    print(f"brailled: {len(brailled)} of {len(captions)} captions")
    assert len(brailled) >= 0.95 * len(captions), set(captions) - set(brailled)


def test_the_story_start_and_end_are_spoken_once_with_title_and_teller(
    session,
) -> None:
    speech = [s.text for s in session.speech()]
    starts = [t for t in speech if t.startswith("Story: Telling their own stories")]
    ends = [t for t in speech if t.startswith("End of the story: Telling")]
    assert len(starts) == 1 and len(ends) == 1, (starts, ends)
    for said in (starts[0], ends[0]):
        assert "Stand-in for the story of Rose Henry" in said
    braille = [s.text for s in session.braille()]
    assert any(b.startswith("Story: Telling their own stories") for b in braille)


def test_the_speaker_is_named_when_the_speaker_changes_only(session) -> None:
    speech = [s.text for s in session.speech()]
    named = [t for t in speech if "Stand-in narrator:" in t]  # may follow "Story:"
    story = [t for t in speech if "stands in" in t or "Rose Henry" in t]
    assert named and len(named) <= 2, named  # once, again after the learner's keys
    assert len(story) > len(named)


def test_no_slider_value_is_spoken_more_than_once_a_second(session) -> None:
    values = [
        s
        for s in session.speech()
        if DURATION_WORDS in s.text or NUMBER_ONLY.match(s.text)
    ]
    times = [s.at for s in values]
    gaps = [later - earlier for earlier, later in itertools.pairwise(times)]
    print(f"slider values spoken: {len(values)}; closest gap {min(gaps or [0]):.2f} s")
    assert all(gap >= 1.0 for gap in gaps), [s.text for s in values]
    speech = session.speech()
    focused = next(s.at for s in speech if s.text.startswith("Seek slider"))
    stopped = next(  # the story's end: the discussion pause at 3:00 stops the video
        s.at for s in speech if s.text.startswith(orca_session.STORY_END)
    )
    playing = [s for s in values if focused + 0.5 < s.at < stopped]
    assert playing == [], "the focused seek slider is quiet while the video plays"


def test_the_learner_s_seeks_are_said_in_words_without_a_bare_number(
    session,
) -> None:
    after = [s.text for s in session.speech() if s.at > session.keys["right0"]]
    times = [t for t in after if DURATION_WORDS in t]
    assert len(times) >= 2, after
    assert re.match(r"^3 minutes \d+ seconds of 3 minutes 19 seconds", times[0])
    assert not [t for t in after if NUMBER_ONLY.match(t)]
    focus = [s.text for s in session.speech() if s.text.startswith("Seek slider")]
    assert focus, "Tab reached the seek slider"
