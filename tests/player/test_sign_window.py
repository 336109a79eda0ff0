"""The sign-language window: shown with a sign track, named, kept off, cornered."""

from __future__ import annotations

from PySide6.QtCore import QRect, QRectF, Qt
from rig import tracks_read

from media.samples import sample_module_path
from player.core.contribution import SIGN
from player.core.setting_keys import SIGN_CORNER, SIGN_TURNED_OFF
from player.playback.fake import FakePlayback
from player.video.sign_corners import CAPTION_ZONE


def open_sample(make_window, width: int = 1100):  # type: ignore[no-untyped-def]
    window = make_window()
    window.resize(width, 700)
    assert window.open_path(sample_module_path())
    tracks_read(window.showing)
    return window, window.placement.docks[SIGN]


def global_rect(view, rect: QRectF) -> QRect:  # type: ignore[no-untyped-def]
    box = rect.toRect()
    return QRect(view.viewport().mapToGlobal(box.topLeft()), box.size())


def test_a_video_with_a_sign_track_shows_its_named_window(qtbot, make_window) -> None:
    window, dock = open_sample(make_window)
    sign = window.features.sign
    assert dock.on_screen() and dock.windowTitle() == "Sign language (ASL)"
    assert dock.accessibleName() == "Sign language (ASL)"
    assert window.dockWidgetArea(dock) == Qt.DockWidgetArea.LeftDockWidgetArea
    assert sign.view.accessibleName() == "Sign language (ASL) video"
    assert "ASL (stand-in)" in sign.view.accessibleDescription()
    assert isinstance(sign.playback, FakePlayback)
    assert sign.playback.source == sign.track.file
    assert sign.playback.is_muted() and sign.playback.volume() == 0
    assert window.keymap["sign_panel"].isChecked()
    assert ("Ctrl+7", "Sign language window on/off") in window.keymap.rows()


def test_it_plays_and_seeks_with_the_video(qtbot, make_window) -> None:
    window, _dock = open_sample(make_window)
    sign = window.features.sign.playback
    window.playback.play()
    assert sign.is_playing()
    window.seek(15_000)
    window.playback.pause()
    assert not sign.is_playing() and sign.position() == 15_000


def test_next_video_without_one_hides_it_and_back_shows_it(qtbot, make_window) -> None:
    window, dock = open_sample(make_window)
    window.keymap["next_video"].trigger()
    assert window.showing.video.id == "duty-to-report"
    assert dock.isHidden() and not window.keymap["sign_panel"].isEnabled()
    assert window.features.sign.playback.source is None
    window.keymap["previous_video"].trigger()
    assert dock.on_screen() and window.keymap["sign_panel"].isChecked()


def test_turned_off_it_stays_off_next_time(qtbot, make_window) -> None:
    window, dock = open_sample(make_window)
    window.keymap["sign_panel"].trigger()  # Ctrl+7
    assert dock.isHidden() and window.ctx.settings.get(SIGN_TURNED_OFF)
    window.close()
    again, dock = open_sample(make_window)
    assert dock.isHidden()
    again.keymap["sign_panel"].trigger()
    assert dock.on_screen() and not again.ctx.settings.get(SIGN_TURNED_OFF)


def test_corners_float_it_over_the_picture_clear_of_captions_and_credit(
    qtbot, make_window
) -> None:
    window, dock = open_sample(make_window, 1600)
    view = window.video_view
    story = window.showing.video.segments[0]
    window.playback.advance_to(story.start_ms + 2_000)  # captions and the credit
    assert view.attribution_text() and view.caption_boxes()
    seen = []
    for _ in range(4):
        window.keymap["sign_corner"].trigger()  # Ctrl+Shift+S
        assert dock.isFloating()
        seen.append(window.ctx.settings.get(SIGN_CORNER))
        picture = window.sign_window.picture()
        place = dock.geometry()
        assert place.top() >= picture.y
        assert place.bottom() <= picture.y + picture.height * (1 - CAPTION_ZONE)
        drawn = [*view.caption_boxes(), view.attribution_rect()]
        for box in drawn:
            assert not place.intersects(global_rect(view, box)), (seen[-1], box)
    assert seen == ["top-right", "top-left", "bottom-left", "bottom-right"]
    width = dock.width()
    window.keymap["sign_bigger"].trigger()
    assert dock.width() > width
    assert dock.geometry().bottom() <= picture.y + picture.height * (1 - CAPTION_ZONE)
    window.keymap["sign_smaller"].trigger()
    window.keymap["sign_smaller"].trigger()
    assert dock.width() < width
    window.keymap["float_panel"].trigger()  # Ctrl+Shift+D, from the sign window
    dock.toggle_floating() if dock.isFloating() else None
    assert not dock.isFloating() and window.ctx.settings.get(SIGN_CORNER) == ""


def test_a_video_too_small_for_a_clear_corner_keeps_it_beside(
    qtbot, make_window
) -> None:
    window, dock = open_sample(make_window, 700)
    window.keymap["sign_corner"].trigger()
    assert not dock.isFloating() and window.ctx.settings.get(SIGN_CORNER) == ""
    assert "stays beside" in window.ctx.notify.shown()


def test_the_room_sees_the_sign_video_where_the_facilitator_chose(
    qtbot, make_window
) -> None:
    from player.core.setting_keys import SIGN_ROOM_PLACE

    window, _dock = open_sample(make_window)
    presenter = window.features.presenter
    presenter.start()
    room = presenter.presentation
    assert room is not None and room.sign.isVisible()
    assert room.sign.x() >= room.view.x() + room.view.width()  # beside the picture
    presenter.set_sign_place("top-right")
    assert window.ctx.settings.get(SIGN_ROOM_PLACE) == "top-right"
    view, sign = room.view, room.sign.geometry()
    assert view.geometry().contains(sign)
    assert sign.bottom() <= view.y() + view.height() * (1 - CAPTION_ZONE)
    assert sign.center().x() > view.geometry().center().x()
    window.keymap["next_video"].trigger()  # no sign track: gone from the room too
    assert not room.sign.isVisible()
    presenter.stop()


def test_turned_off_it_stays_off_in_a_fresh_layout(qtbot, make_window) -> None:
    window = make_window()
    window.ctx.settings.set(SIGN_TURNED_OFF, True)
    assert window.open_path(sample_module_path())
    dock = window.placement.docks[SIGN]
    assert dock.isHidden() and window.keymap["sign_panel"].isEnabled()
    assert not window.keymap["sign_panel"].isChecked()
