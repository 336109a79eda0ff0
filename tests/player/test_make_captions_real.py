"""Make captions from a transcript, for real: pocketsphinx and ffmpeg in the child
process, on a copy of the sample module (a short clip keeps it fast)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from align_support import Clip, cut_clip, silent_video
from PySide6.QtCore import QElapsedTimer, QTimer

from captions.export import to_txt
from captions.loader import load_track
from media.manifest import load_manifest
from media.samples import sample_module_path
from player.alignment.alignment_feature import CaptionMaker
from player.alignment.dialog import MakeCaptionsDialog
from player.shell.transport import Transport
from player.transcript.transcript_feature import TranscriptFeature

CLIP_START_S, CLIP_SECONDS = 43.0, 16.5


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    target = tmp_path / "sample"
    shutil.copytree(sample_module_path(), target)
    return target


@pytest.fixture
def clip_module(sample: Path) -> tuple[Path, Clip]:
    """The copied module with its first video cut to a clip, and its transcript."""
    (sample / "building-trust.mp4").unlink()
    clip = cut_clip(sample, CLIP_START_S, CLIP_SECONDS, name="building-trust.mp4")
    (sample / "building-trust.txt").write_text(clip.transcript(), encoding="utf-8")
    return sample, clip


def open_dialog(rig, folder: Path) -> tuple[CaptionMaker, MakeCaptionsDialog]:  # type: ignore[no-untyped-def]
    maker = rig.add(CaptionMaker(rig.ctx))
    rig.open(folder)
    return maker, maker.open_dialog()


class EventLoopWatch:
    """Ticks of a 20 ms timer while work runs elsewhere: the window answered."""

    def __init__(self) -> None:
        self.ticks, self.longest_ms = 0, 0
        self.clock = QElapsedTimer()
        self.timer = QTimer()
        self.timer.setInterval(20)
        self.timer.timeout.connect(self._tick)

    def start(self) -> None:
        self.clock.start()
        self.timer.start()

    def _tick(self) -> None:
        self.ticks += 1
        self.longest_ms = max(self.longest_ms, self.clock.restart())

    def stop(self) -> None:
        self.timer.stop()


def test_a_clip_is_aligned_listed_in_the_module_and_shown(
    qtbot, rig, clip_module
) -> None:  # type: ignore[no-untyped-def]
    folder, clip = clip_module
    rig.video()
    transcript = rig.add(TranscriptFeature(rig.ctx)).panel
    rig.place(transcript, 1)
    controls = rig.place(rig.add(Transport(rig.ctx)).controls)
    _maker, dialog = open_dialog(rig, folder)
    output = folder / "building-trust.aligned.vtt"
    dialog.form.output_field.setText(str(output))
    watch = EventLoopWatch()
    watch.start()
    with qtbot.waitSignal(dialog.run.succeeded, timeout=120_000):
        assert dialog.start()
    watch.stop()
    rig.read()
    print(
        f"event loop while aligning: {watch.ticks} ticks, longest {watch.longest_ms} ms"
    )
    assert watch.ticks > 0, "the window kept answering while the child aligned"
    assert dialog.status_text().startswith("Done: ")
    assert "listed in module.toml. They are shown now." in dialog.status_text()
    listed = load_manifest(folder / "module.toml").video("building-trust").tracks
    assert [t.label for t in listed if t.file == output] == ["English (aligned)"]
    made = load_track(output)
    said = " ".join(" ".join(c.plain.split()) for c in made.cues)
    assert said == " ".join(" ".join(c.plain.split()) for c in clip.cues)
    starts = [c.start_ms for c in made.cues if not c.plain.startswith("[")]
    near = [s for s in starts if min(abs(s - t) for t in clip.speech_starts()) <= 100]
    assert len(near) >= 0.9 * len(starts), (starts, clip.speech_starts())
    assert controls.caption_chooser.currentText() == "English (aligned)"
    rows = [" ".join(t.split()) for t in transcript.model.texts()]
    assert rows == [" ".join(c.plain.split()) for c in made.cues]
    cue = made.cues[1]
    rig.playback.seek(cue.start_ms + 10)
    assert rig.shown() == [cue.plain]
    (story,) = dialog.stories.text().splitlines()
    assert "“Telling their own stories (stand-in)” (2:07 to 2:59)" in story
    assert "a seal (transcript-player seal" in story


def _children(pid: int) -> list[tuple[int, str]]:
    """(pid, command name) of the processes whose parent is `pid` (Linux /proc)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            text = stat.read_text()
        except OSError:
            continue
        name, _, rest = text.partition("(")[2].rpartition(")")
        fields = rest.split()
        if len(fields) > 1 and int(fields[1]) == pid:
            found.append((int(stat.parent.name), name))
    return found


def _gone(pid: int) -> bool:
    try:
        state = (Path("/proc") / str(pid) / "stat").read_text().rpartition(")")[2]
    except OSError:
        return True
    return state.split()[0] == "Z"


def test_cancel_stops_ffmpeg_and_leaves_no_file(qtbot, rig, sample: Path) -> None:  # type: ignore[no-untyped-def]
    track = load_track(sample / "building-trust.en.vtt")
    (sample / "building-trust.txt").write_text(to_txt(track), encoding="utf-8")
    manifest_before = (sample / "module.toml").read_text(encoding="utf-8")
    files_before = sorted(p.name for p in sample.iterdir())
    _maker, dialog = open_dialog(rig, sample)
    dialog.form.output_field.setText(str(sample / "building-trust.aligned.vtt"))
    assert dialog.start()
    qtbot.waitUntil(lambda: dialog.progress.value() > 0, timeout=120_000)
    process = dialog.run.process
    assert process is not None
    decoders = [p for p, name in _children(process.processId()) if "ffmpeg" in name]
    assert decoders, "ffmpeg is decoding the three-minute video"
    with qtbot.waitSignal(dialog.run.cancelled, timeout=60_000):
        dialog.close_button.click()
    assert dialog.status_text() == "Cancelled: nothing was written."
    qtbot.waitUntil(lambda: all(_gone(p) for p in decoders), timeout=10_000)
    assert process.waitForFinished(10_000) and process.exitCode() == 0
    assert sorted(p.name for p in sample.iterdir()) == files_before
    assert (sample / "module.toml").read_text(encoding="utf-8") == manifest_before


@pytest.mark.parametrize("problem", ["no pocketsphinx", "no audio"])
def test_what_stops_the_real_child_is_one_plain_line(
    qtbot, rig, tmp_path: Path, monkeypatch, problem: str
) -> None:  # type: ignore[no-untyped-def]
    if problem == "no pocketsphinx":
        shim = tmp_path / "shim" / "pocketsphinx"
        shim.mkdir(parents=True)
        (shim / "__init__.py").write_text("raise ImportError('hidden by the test')\n")
        monkeypatch.setenv("PYTHONPATH", str(shim.parent))
        media = tmp_path / "talk.mp4"
        media.write_bytes(b"never decoded: the model is looked for first")
        said = "aligning needs pocketsphinx: pip install 'transcript-player[align]'"
    else:
        media = silent_video(tmp_path, "talk.mp4")
        said = f"{media}: has no audio stream to align to"
    (tmp_path / "talk.txt").write_text("Just a few words.\n", encoding="utf-8")
    maker, dialog = open_dialog(rig, media)
    with qtbot.waitSignal(dialog.run.failed, timeout=60_000):
        assert dialog.start()
    assert dialog.status_text() == f"Not made: {said}"
    assert not (tmp_path / "talk.en.vtt").exists()
    maker.shutdown()  # as the window does when it closes
    assert not dialog.run.process_alive()
