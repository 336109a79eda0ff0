"""Fixtures for the player: a fake playback facade, small modules, a real tiny video."""

from __future__ import annotations

import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from notes_rig import notes_bench, notes_main_window, notes_window  # noqa: F401
from PySide6.QtWidgets import QApplication, QMainWindow
from qt_isolation import isolate_settings
from rig import Rig, tracks_read

from media.manifest import load_module
from media.sealing import seal_module
from player.core.actions import SingleKeyGuard
from player.playback.fake import FakePlayback
from player.shell.app import new_main_window

CAPTIONS_VTT = """WEBVTT

00:00:01.010 --> 00:00:02.530
<v Narrator>Welcome to the module.

00:00:02.530 --> 00:00:04.270
<v Narrator>Trust takes time &amp; patience.

00:00:04.270 --> 00:00:06.000
<v Narrator>Listen first.

00:00:05.500 --> 00:00:07.130
[soft music]

00:00:07.130 --> 00:00:09.660
<v Storyteller>This stands in for the recorded story.

00:00:09.660 --> 00:00:12.330
<v Storyteller>People tell their own stories in their own way.

00:00:12.330 --> 00:00:14.010
<v Narrator>Thank you for listening.

00:00:14.010 --> 00:00:16.450
<v Narrator>Next, we talk about safety.

00:00:16.450 --> 00:00:18.900
<v Narrator>That is the end.
"""

FRENCH_VTT = """WEBVTT

00:00:01.010 --> 00:00:04.000
Bienvenue dans le module.
"""

CHAPTERS_VTT = """WEBVTT

00:00:00.000 --> 00:00:07.130
Welcome

00:00:07.130 --> 00:00:12.330
The story

00:00:12.330 --> 00:00:20.000
Safety
"""

MANIFEST = """schema = 1
id = "test-module"
title = "Test Module"
language = "en"
credit = "Made for the tests."

[[videos]]
id = "first"
title = "First video"
file = "first.mp4"

  [[videos.tracks]]
  kind = "captions"
  language = "en"
  label = "English (CC)"
  file = "first.en.vtt"
  default = true

  [[videos.tracks]]
  kind = "subtitles"
  language = "fr"
  label = "Français"
  file = "first.fr.vtt"

  [[videos.tracks]]
  kind = "chapters"
  language = "en"
  label = "Chapters"
  file = "first.chapters.vtt"

  [[videos.segments]]
  id = "own-stories"
  kind = "storytelling"
  title = "Telling their own stories"
  start = "00:00:07.130"
  end = "00:00:12.330"
  speaker = "Storyteller"
  attribution = "A storyteller, community consultant (test stand-in)"

[[videos]]
id = "second"
title = "Second video"
file = "second.mp4"

  [[videos.tracks]]
  kind = "captions"
  language = "en"
  label = "English (CC)"
  file = "second.en.vtt"
"""


def ffmpeg() -> str:
    import imageio_ffmpeg

    return imageio_ffmpeg.get_ffmpeg_exe()


def make_video(target: Path, seconds: int = 20) -> Path:
    """A 320x240, 25 fps test pattern with a tone, encoded by imageio-ffmpeg."""
    subprocess.run(
        [ffmpeg(), "-hide_banner", "-loglevel", "error", "-y",
         "-f", "lavfi", "-i", f"testsrc=duration={seconds}:size=320x240:rate=25",
         "-f", "lavfi", "-i", f"sine=frequency=440:duration={seconds}",
         "-c:v", "libx264", "-pix_fmt", "yuv420p", "-g", "25",
         "-c:a", "aac", "-shortest", str(target)],
        check=True,
    )  # fmt: skip
    return target


def write_module(folder: Path, *, with_videos: bool, sealed: bool = True) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "module.toml").write_text(MANIFEST, encoding="utf-8")
    (folder / "first.en.vtt").write_text(CAPTIONS_VTT, encoding="utf-8")
    (folder / "first.fr.vtt").write_text(FRENCH_VTT, encoding="utf-8")
    (folder / "first.chapters.vtt").write_text(CHAPTERS_VTT, encoding="utf-8")
    (folder / "second.en.vtt").write_text(
        FRENCH_VTT.replace("Bienvenue", "Second"), encoding="utf-8"
    )
    for name in ("first.mp4", "second.mp4"):
        if with_videos:
            make_video(folder / name)
        else:
            (folder / name).write_bytes(b"not decoded by the fake playback")
    if sealed:  # a story whose words were reviewed: intact
        seal_module(load_module(folder), write=True)
    return folder


@pytest.fixture(autouse=True)
def isolated_settings(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Each test reads and writes QSettings in its own folder, never the user's."""
    return isolate_settings(tmp_path_factory.mktemp("settings"), monkeypatch)


@pytest.fixture(autouse=True)
def isolated_data_folder(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Notes (the user's data folder) go to a folder of the test's own."""
    folder = tmp_path_factory.mktemp("data")
    monkeypatch.setenv("XDG_DATA_HOME", str(folder))
    return folder


@pytest.fixture(scope="session")
def real_module(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A module with two real 20-second videos, for the tests that decode for real."""
    return write_module(
        tmp_path_factory.mktemp("real") / "test-module", with_videos=True
    )


@pytest.fixture
def module_folder(tmp_path: Path) -> Path:
    """The same module with placeholder video files, for tests on the fake playback."""
    return write_module(tmp_path / "test-module", with_videos=False)


@pytest.fixture
def unsealed_module_folder(tmp_path: Path) -> Path:
    """The module as an organisation first writes it: its story not sealed yet."""
    return write_module(tmp_path / "unsealed-module", with_videos=False, sealed=False)


@pytest.fixture
def guard(qapp: QApplication) -> Iterator[SingleKeyGuard]:
    single_keys = SingleKeyGuard()
    qapp.installEventFilter(single_keys)
    yield single_keys
    qapp.removeEventFilter(single_keys)


@pytest.fixture
def fake_playback() -> FakePlayback:
    return FakePlayback(duration_ms=20_000)


@pytest.fixture
def make_window(qtbot, guard: SingleKeyGuard) -> Callable[..., QMainWindow]:  # type: ignore[no-untyped-def]
    """A shown main window on a playback facade (the fake unless one is given)."""

    def build(playback=None) -> QMainWindow:  # type: ignore[no-untyped-def]
        window = new_main_window(playback or FakePlayback(duration_ms=20_000), guard)
        qtbot.addWidget(window)
        window.resize(1100, 700)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        return window

    return build


@pytest.fixture
def window(make_window, module_folder: Path) -> QMainWindow:  # type: ignore[no-untyped-def]
    """The main window with the test module open on the fake playback."""
    shown = make_window()
    assert shown.open_path(module_folder)
    tracks_read(shown.showing)
    shown.video_view.setFocus()
    return shown


@pytest.fixture
def make_rig(qtbot) -> Callable[..., Rig]:  # type: ignore[no-untyped-def]
    """A feature bench (see rig.py): a context on a plain, shown window."""

    def build(playback=None) -> Rig:  # type: ignore[no-untyped-def]
        rig = Rig(playback)
        qtbot.addWidget(rig.host)
        rig.host.show()
        qtbot.waitExposed(rig.host)
        rig.host.activateWindow()
        return rig

    return build


@pytest.fixture
def rig(make_rig) -> Rig:  # type: ignore[no-untyped-def]
    return make_rig()
