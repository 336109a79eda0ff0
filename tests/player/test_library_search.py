"""Search all modules on a context: which modules it covers, and opening a hit.

The dialog itself is tested in test_library_dialog.py; here the feature is built
on a context with the video (tests/player/rig.py).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from player.library.library_feature import LibrarySearch
from player.reading.caption_delay import CaptionDelay
from player.transcript.transcript_feature import TranscriptFeature


@pytest.fixture
def other_module(tmp_path: Path, module_folder: Path) -> Path:
    other = tmp_path / "other-module"
    shutil.copytree(module_folder, other)
    manifest = other / "module.toml"
    manifest.write_text(
        manifest.read_text().replace('"test-module"', '"other-module"'),
        encoding="utf-8",
    )
    return other


def searching(rig, module_folder: Path) -> LibrarySearch:  # type: ignore[no-untyped-def]
    library = rig.add(LibrarySearch(rig.ctx))
    rig.video()
    rig.open(module_folder)
    return library


def test_a_library_hit_opens_the_right_module_video_and_cue(
    rig, module_folder: Path, other_module: Path
) -> None:
    library, showing = searching(rig, module_folder), rig.ctx.showing
    assert library.open_hit(str(other_module), "second", 1_500)
    rig.read()
    assert showing.module.id == "other-module" and showing.video.id == "second"
    assert rig.playback.position() == 1_500
    assert rig.shown() == ["Second dans le module."]
    assert library.open_hit(str(other_module), "first", 7_200)
    assert showing.video.id == "first" and rig.video().view.attribution_text()


def test_a_hit_lands_on_its_cue_under_a_caption_delay(rig, module_folder: Path) -> None:
    """The hit's time is the cue's own: with captions 500 ms later, the video must
    go to 500 ms after it for the cue to show (the caption clock's rule)."""
    library = searching(rig, module_folder)
    delay = rig.add(CaptionDelay(rig.ctx))
    transcript = rig.add(TranscriptFeature(rig.ctx)).panel
    for _ in range(5):
        delay.change(100)  # remembered for this video
    rig.ctx.showing.show_video("second")
    assert rig.ctx.clock.delay_ms() == 0, "the other video has its own timing"
    assert library.open_hit(str(module_folder), "first", 2_530)
    rig.read()
    assert rig.ctx.clock.delay_ms() == 500
    assert rig.playback.position() == 3_030
    assert rig.shown() == ["Trust takes time & patience."]
    assert transcript.model.current_rows == (1,)


def test_search_covers_modules_opened_in_earlier_sessions(
    make_rig, module_folder: Path, other_module: Path
) -> None:
    rig = make_rig()
    library = searching(rig, module_folder)
    assert rig.ctx.showing.open_path(other_module)
    assert str(other_module.resolve()) in library.module_paths()
    rig.host.close()
    fresh = LibrarySearch(make_rig().ctx)  # a later session
    paths = fresh.module_paths()
    assert str(other_module.resolve()) in paths
    assert str(module_folder.resolve()) in paths
    shutil.rmtree(other_module)
    assert (
        str(other_module.resolve()) not in LibrarySearch(make_rig().ctx).module_paths()
    )


def test_a_french_hit_shows_the_french_subtitles(
    qtbot, rig, module_folder: Path, tmp_path: Path
) -> None:
    """Searched, found in the French track, opened with Enter: the captions and the
    transcript are the French ones (they stayed English before)."""
    library = rig.add(LibrarySearch(rig.ctx, index_path=tmp_path / "index.sqlite3"))
    transcript = rig.add(TranscriptFeature(rig.ctx)).panel
    rig.video()
    rig.open(module_folder)
    showing = rig.ctx.showing
    assert showing.shown_tracks()[0].language == "en"
    dialog = library.open_dialog()
    try:
        qtbot.waitUntil(lambda: not dialog.indexing, timeout=20_000)
        qtbot.keyClicks(dialog.query_field, '"bienvenue dans"')
        qtbot.waitUntil(
            lambda: dialog.results_model.rowCount() == 1 and not dialog.searching
        )
        qtbot.keyClick(dialog.query_field, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: not dialog.isVisible())
    finally:
        library.shutdown()
    rig.read()
    assert [t.language for t in showing.shown_tracks()] == ["fr"]
    assert rig.playback.position() == 1_010
    assert rig.shown() == ["Bienvenue dans le module."]
    assert showing.transcript_track.language == "fr"
    assert transcript.model.rowCount() == 1
    assert "Bienvenue dans le module." in str(transcript.model.index(0, 0).data())


def test_a_hit_in_a_track_the_video_no_longer_has_keeps_the_captions(
    rig, module_folder: Path
) -> None:
    library = searching(rig, module_folder)
    showing = rig.ctx.showing
    gone = module_folder / "first.de.vtt"
    assert library.open_hit(str(module_folder), "first", 2_530, str(gone))
    assert [t.language for t in showing.shown_tracks()] == ["en"]
    assert rig.shown() == ["Trust takes time & patience."]
    french = module_folder / "first.fr.vtt"
    assert library.open_hit(str(module_folder), "first", 1_010, str(french))
    rig.read()
    assert rig.shown() == ["Bienvenue dans le module."]
