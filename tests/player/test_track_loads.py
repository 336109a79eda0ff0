"""Tracks are read off the GUI thread: the window keeps answering while a ten-hour
track loads, a slow load says so, and a track chosen meanwhile wins."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer
from rig import tracks_read

from captions.timefmt import format_vtt
from player.shell.module_check import ModuleCheck
from player.transcript.panel import LOADING_TRANSCRIPT
from player.transcript.transcript_feature import TranscriptFeature

LONG_CUES = 36_000


def long_video(folder: Path, cues: int = LONG_CUES) -> Path:
    """A placeholder video with a `cues`-cue English track and a short French one."""
    folder.mkdir(parents=True, exist_ok=True)
    lines = ["WEBVTT", ""]
    for n in range(cues):
        start, end = n * 1000, n * 1000 + 900
        lines += [
            f"{format_vtt(start)} --> {format_vtt(end)}",
            f"Line {n} of the long talk, wrapped as a transcript row.",
            "",
        ]
    (folder / "talk.en.vtt").write_text("\n".join(lines), encoding="utf-8")
    (folder / "talk.fr.vtt").write_text(
        "WEBVTT\n\n00:00:00.000 --> 00:00:00.900\nBonjour.\n", encoding="utf-8"
    )
    video = folder / "talk.mp4"
    video.write_bytes(b"not decoded by the fake playback")
    return video


def test_the_window_answers_while_a_long_track_loads(rig, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    transcript = rig.add(TranscriptFeature(rig.ctx)).panel
    rig.place(transcript, 1)
    showing = rig.ctx.showing
    ticks: list[bool] = []
    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(lambda: ticks.append(showing.loading()))
    timer.start()
    assert showing.open_path(long_video(tmp_path / "long"))
    assert showing.loading() and transcript.model.rowCount() == 0, "not read here"
    qtbot.waitUntil(lambda: transcript.model.rowCount() == LONG_CUES, timeout=30_000)
    timer.stop()
    assert any(ticks), "the event loop ran while the track was being read"
    assert not showing.loading() and showing.transcript_track is not None
    assert transcript.empty_label.text() != LOADING_TRANSCRIPT


def test_a_slow_load_is_said_and_the_transcript_says_loading(
    rig, qtbot, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    transcript = rig.add(TranscriptFeature(rig.ctx)).panel
    rig.place(transcript, 1)
    showing = rig.ctx.showing
    assert showing.open_path(long_video(tmp_path / "long"))
    qtbot.waitUntil(lambda: showing.loads.busy() or not showing.loading())
    if showing.loading():  # over 200 ms (a 36,000-cue track here): it is said
        assert rig.ctx.notify.shown().startswith("Loading captions “")
        assert transcript.empty_label.text() == LOADING_TRANSCRIPT
        assert transcript.empty_label.accessibleName() == LOADING_TRANSCRIPT
    tracks_read(showing)
    assert not rig.ctx.notify.shown().startswith("Loading")
    qtbot.waitUntil(lambda: transcript.model.rowCount() == LONG_CUES, timeout=30_000)
    assert transcript.empty_label.text() != LOADING_TRANSCRIPT


def test_a_track_chosen_while_another_loads_wins(rig, tmp_path) -> None:  # type: ignore[no-untyped-def]
    rig.video()
    showing = rig.ctx.showing
    assert showing.open_path(long_video(tmp_path / "long"))
    english = showing.chosen_index()
    french = 1 - english
    showing.select_captions(french)  # before English arrives
    tracks_read(showing)
    assert showing.caption_index == french
    assert [t.language for t in showing.shown_tracks()] == ["fr"]
    assert showing.session is not None and showing.session.track(english) is not None


def test_the_module_check_starts_once_the_shown_tracks_are_read(
    rig, qtbot, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    check = ModuleCheck(rig.ctx)
    showing = rig.ctx.showing
    started: list[bool] = []  # whether the shown tracks were all read by then
    start = check.checker.start
    check.checker.start = lambda module: (  # type: ignore[method-assign]
        started.append(
            showing.transcript_track is not None and not showing.loads.pending()
        ),
        start(module),
    )[1]
    assert showing.open_path(long_video(tmp_path / "long"))
    assert showing.loads.pending() and started == []
    tracks_read(showing)
    qtbot.waitUntil(lambda: bool(started))
    assert started == [True]
    qtbot.waitUntil(lambda: bool(rig.status.messages("module")), timeout=30_000)
    assert all(m.startswith("Module check") for m in rig.status.messages("module"))
