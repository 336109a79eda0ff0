"""A long track's transcript rows are worked out off the GUI thread; the newest
request wins; a short track's rows are there at once, as before."""

from __future__ import annotations

import sys
import threading

from rig import tracks_read
from test_track_loads import LONG_CUES, long_video
from test_transcript_panel import long_track

from captions.model import Cue, Track
from player.core.gil_share import GUI_SWITCH_INTERVAL_S, share_gil_with_gui
from player.transcript.panel import LOADING_TRANSCRIPT
from player.transcript.rows import TranscriptRows, transcript_rows
from player.transcript.rows_jobs import INLINE_CUES, RowsJobs
from player.transcript.transcript_feature import TranscriptFeature


def numbered_track(count: int, word: str = "Line") -> Track:
    cues = [
        Cue(n * 1000, n * 1000 + 900, f"{word} {n}", f"{word} {n}")
        for n in range(count)
    ]
    return Track(tuple(cues))


def test_a_short_tracks_rows_are_worked_out_at_once(qtbot) -> None:  # type: ignore[no-untyped-def]
    jobs = RowsJobs()
    got: list[TranscriptRows] = []
    track = long_track(INLINE_CUES)
    assert jobs.work_out(track, (), {}, got.append)
    assert got == [transcript_rows(track)] and not jobs.pending()
    assert got[0].headings[0] == "Narrator" and got[0].texts[10].startswith("Cue")


def test_a_long_tracks_rows_come_from_a_worker_to_the_gui_thread(qtbot) -> None:  # type: ignore[no-untyped-def]
    jobs = RowsJobs()
    track = numbered_track(INLINE_CUES + 1)
    got: list[tuple[TranscriptRows, bool]] = []

    def done(rows: TranscriptRows) -> None:
        got.append((rows, threading.current_thread() is threading.main_thread()))

    assert not jobs.work_out(track, (), {}, done)
    assert jobs.pending() and got == [], "not worked out here"
    qtbot.waitUntil(lambda: bool(got), timeout=10_000)
    rows, on_gui_thread = got[0]
    assert on_gui_thread and not jobs.pending()
    assert rows == transcript_rows(track)
    assert rows.texts[INLINE_CUES] == f"Line {INLINE_CUES}"


def test_the_newest_request_wins(qtbot) -> None:  # type: ignore[no-untyped-def]
    jobs = RowsJobs()
    older, newer = (
        numbered_track(INLINE_CUES + 1),
        numbered_track(INLINE_CUES + 5, "New"),
    )
    got: list[str] = []
    jobs.work_out(older, (), {}, lambda rows: got.append(f"older {len(rows.texts)}"))
    jobs.work_out(newer, (), {}, lambda rows: got.append(rows.texts[0]))
    qtbot.waitUntil(lambda: bool(got), timeout=10_000)
    assert got == ["New 0"]
    jobs.work_out(None, (), {}, lambda rows: got.append(f"none {len(rows.texts)}"))
    assert got == ["New 0", "none 0"], "an empty transcript is shown at once"


def test_a_long_transcript_says_loading_until_its_rows_come(
    rig, qtbot, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    feature = rig.add(TranscriptFeature(rig.ctx))
    transcript = feature.panel
    rig.place(transcript, 1)
    showing = rig.ctx.showing
    when_shown: list[tuple[bool, int, str]] = []
    showing.tracks_changed.connect(  # after the feature's own slot
        lambda: when_shown.append(
            (
                feature.rows_jobs.pending(),
                transcript.model.rowCount(),
                transcript.empty_label.text(),
            )
        )
    )
    assert showing.open_path(long_video(tmp_path / "long"))
    rig.playback.advance_to(5_500)  # the video plays on while the track is read
    tracks_read(showing)
    assert showing.transcript_track is not None
    assert (True, 0, LOADING_TRANSCRIPT) in when_shown, "rows were still coming"
    qtbot.waitUntil(lambda: transcript.model.rowCount() == LONG_CUES, timeout=30_000)
    assert transcript.view.isVisible() and not transcript.empty_label.isVisible()
    assert (
        transcript.model.text(5)
        == "Line 5 of the long talk, wrapped as a transcript row."
    )
    assert transcript.view.currentIndex().row() == 5, "the line playing, at once"


def test_the_app_lets_the_gui_thread_have_the_gil_soon() -> None:
    default = sys.getswitchinterval()
    try:
        sys.setswitchinterval(0.005)
        share_gil_with_gui()
        assert sys.getswitchinterval() <= GUI_SWITCH_INTERVAL_S < 0.001
    finally:
        sys.setswitchinterval(default)
