"""The row that wraps: the transport bar, the find bar and the discussion tools keep
every control whole and on screen however narrow their panel is."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QPushButton, QSlider, QWidget

from player.playback.controls import TARGET_PX, Controls
from player.playback.flow_row import FlowRow


def row_of(qtbot, *widgets: QWidget, stretch: QWidget | None = None) -> QWidget:  # type: ignore[no-untyped-def]
    host = QWidget()
    qtbot.addWidget(host)
    row = FlowRow(host)
    row.setContentsMargins(0, 0, 0, 0)
    row.setSpacing(4)
    for widget in widgets:
        row.addWidget(widget, 1 if widget is stretch else 0)
    return host


def lay_out(host: QWidget, width: int) -> None:
    host.resize(width, host.layout().heightForWidth(width))
    host.show()
    host.layout().activate()


def test_one_line_when_there_is_room_and_the_slider_takes_what_is_left(qtbot) -> None:
    buttons = [QPushButton(f"Button {n}") for n in range(3)]
    slider = QSlider(Qt.Orientation.Horizontal)
    host = row_of(qtbot, buttons[0], slider, *buttons[1:], stretch=slider)
    lay_out(host, 900)
    assert len({b.y() for b in buttons}) == 1
    used = sum(b.width() for b in buttons) + slider.width() + 3 * 4
    assert used == 900, "the stretching slider fills the line"


def test_narrow_wraps_whole_controls_onto_more_lines(qtbot) -> None:
    buttons = [QPushButton(f"Button number {n}") for n in range(4)]
    host = row_of(qtbot, *buttons)
    widest = max(b.sizeHint().width() for b in buttons)
    lay_out(host, widest + 10)
    assert len({b.y() for b in buttons}) == 4, "one a line"
    assert all(b.width() >= b.sizeHint().width() for b in buttons), "none cut"
    assert host.layout().minimumSize().width() <= widest + 10
    assert host.height() >= 4 * buttons[0].sizeHint().height()


def test_a_label_stays_on_the_line_of_the_control_it_names(qtbot) -> None:
    first = QPushButton("A rather wide first button")
    label = QLabel("Captions:")
    chooser = QComboBox()
    chooser.addItem("English (CC)")
    label.setBuddy(chooser)
    host = row_of(qtbot, first, label, chooser)
    lay_out(host, first.sizeHint().width() + label.sizeHint().width() + 20)
    assert label.y() == chooser.y() != first.y()


def test_hidden_controls_take_no_room_and_right_to_left_mirrors(qtbot) -> None:
    left, hidden, right = (
        QPushButton("Left"),
        QPushButton("Hidden"),
        QPushButton("Right"),
    )
    hidden.hide()
    host = row_of(qtbot, left, hidden, right)
    host.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    lay_out(host, 600)
    assert left.x() > right.x(), "the first control at the right"
    assert left.x() + left.width() == 600


def test_the_transport_bar_wraps_and_keeps_24_pixel_targets(qtbot) -> None:
    controls = Controls()
    qtbot.addWidget(controls)
    controls.set_caption_tracks(["English (CC)"], 0)
    lay_out(controls, 260)
    lines = {w.y() for w in (controls.play_button, controls.full_screen_button)}
    assert len(lines) == 2
    targets = (controls.seek_slider, controls.volume_slider, controls.play_button,
               controls.mute_button, controls.caption_chooser)  # fmt: skip
    assert all(t.height() >= TARGET_PX for t in targets), [t.height() for t in targets]
    assert controls.caption_label.y() == controls.caption_chooser.y()
    assert all(controls.rect().contains(t.geometry()) for t in targets)


def test_a_line_break_starts_a_line_and_the_slider_above_takes_the_width(qtbot) -> None:
    slider = QSlider(Qt.Orientation.Horizontal)
    time, play, hidden = QLabel("0:47 / 3:19"), QPushButton("Play"), QPushButton("x")
    host = QWidget()
    qtbot.addWidget(host)
    row = FlowRow(host)
    row.setContentsMargins(0, 0, 0, 0)
    row.setSpacing(4)
    row.addWidget(slider, 1)
    row.addWidget(time)
    row.add_line_break()
    row.addWidget(hidden)
    row.addWidget(play)
    hidden.hide()  # the break passes to the next control shown
    lay_out(host, 900)
    assert slider.y() == time.y() < play.y(), "the button begins the second line"
    assert slider.width() + time.width() + 4 == 900
    assert row.sizeHint().height() > 2 * play.sizeHint().height() - 4
    assert row.sizeHint().width() < 900, "the hint is the widest line, not their sum"


def test_the_transport_bar_gives_the_seek_slider_a_line_of_its_own(qtbot) -> None:
    controls = Controls()
    qtbot.addWidget(controls)
    controls.set_caption_tracks(["English (CC)"], 0)
    lay_out(controls, 780)
    slider, play = controls.seek_slider, controls.play_button
    assert slider.y() + slider.height() <= play.y()
    assert slider.width() > 780 * 0.8, "seeking to the second needs the room"
    assert controls.time_label.y() < play.y()
