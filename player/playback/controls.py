"""The transport bar: intent signals out, state in; it never touches the player."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSlider,
    QStyle,
    QToolButton,
    QWidget,
)

from captions.timefmt import format_clock, format_spoken
from player.playback.flow_row import FlowRow
from player.playback.seek_slider import SeekSlider
from player.playback.spoken_slider import SpokenSlider
from player.playback.theme_icons import theme_icon

CAPTIONS_OFF = -1
TARGET_PX = 24  # WCAG 2.5.8: every control at least 24 px high (and wide)
JUMP_MS = 1000  # a position further on than this, or back, is a seek, not playing on


def _button(
    parent: QWidget, name: str, icon: QStyle.StandardPixmap, text: str
) -> QToolButton:
    button = QToolButton(parent)
    button.setObjectName(name)
    button.setIcon(theme_icon(button, icon))
    button.setText(text)
    button.setAccessibleName(text)
    button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    button.setAutoRaise(False)
    button.setMinimumSize(TARGET_PX, TARGET_PX)
    return button


class CaptionChooser(QComboBox):
    """The caption track box; its list is made (and named) when first opened, not
    at every start (making it costs 20-30 ms of the start)."""

    LIST_NAME = "Caption tracks"

    def showPopup(self) -> None:
        self.view().setAccessibleName(self.LIST_NAME)
        super().showPopup()


class Controls(QWidget):
    """Play/pause, seek slider, time, volume, mute, caption track and full screen."""

    play_toggle_requested = Signal()
    seek_requested = Signal(int)
    volume_requested = Signal(int)
    mute_requested = Signal(bool)
    caption_track_chosen = Signal(int)
    full_screen_requested = Signal()
    seek_said = Signal(str)  # the learner's seek in words, for the voice to say

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("controls")
        self._duration = 0
        self._position = 0
        self._playing = False
        self._muted = False
        self._chapter = ""  # the chapter playing, as the seek slider describes it
        layout = FlowRow(self)  # wraps onto more lines when narrow
        layout.setContentsMargins(4, 4, 4, 4)
        self.seek_slider = self._make_seek_slider()  # first: Tab follows the lines
        self.time_label = QLabel("0:00 / 0:00", self)
        self.time_label.setObjectName("timeLabel")
        self.time_label.setAccessibleName("Time")
        self.play_button = _button(
            self, "playButton", QStyle.StandardPixmap.SP_MediaPlay, "Play"
        )
        self.play_button.clicked.connect(self.play_toggle_requested)
        self.mute_button = _button(
            self, "muteButton", QStyle.StandardPixmap.SP_MediaVolume, "Mute"
        )
        self.mute_button.setCheckable(True)
        self.mute_button.toggled.connect(self.mute_requested)
        self.volume_slider = self._make_volume_slider()
        self.caption_chooser = CaptionChooser(self)
        self.caption_chooser.setObjectName("captionChooser")
        self.caption_chooser.setAccessibleName("Captions")
        self.caption_chooser.setMinimumHeight(TARGET_PX)
        self.caption_chooser.activated.connect(self._on_caption_chosen)
        # On Linux a combo box's accessible name is its current text; the label
        # names it through the labelled-by relation.
        self.caption_label = QLabel("Captions:", self)
        self.caption_label.setBuddy(self.caption_chooser)
        self.full_screen_button = _button(
            self,
            "fullScreenButton",
            QStyle.StandardPixmap.SP_TitleBarMaxButton,
            "Full screen",
        )
        self.full_screen_button.clicked.connect(self.full_screen_requested)
        self.indicators = QHBoxLayout()  # read-outs the shell adds (speed, delay)
        self.indicators.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.seek_slider, 1)  # the whole width: fine seeking
        layout.addWidget(self.time_label)
        layout.add_line_break()
        layout.addWidget(self.play_button)
        layout.addLayout(self.indicators)
        layout.addWidget(self.mute_button)
        for widget in (
            self.volume_slider,
            self.caption_label,
            self.caption_chooser,
            self.full_screen_button,
        ):
            layout.addWidget(widget)
        self.set_caption_tracks([], CAPTIONS_OFF)

    def add_indicators(self, widgets: Sequence[QWidget]) -> None:
        """Show other features' read-outs after the time, in this order."""
        for widget in widgets:
            self.indicators.addWidget(widget)

    def _make_seek_slider(self) -> SeekSlider:
        slider = SeekSlider(self._time_in_words, 1000, follows_quietly=True)
        slider.setParent(self)
        slider.setObjectName("seekSlider")
        slider.setAccessibleName("Seek")
        slider.setSingleStep(5000)
        slider.setPageStep(30000)
        slider.setRange(0, 0)
        slider.sliderReleased.connect(
            lambda: self.seek_requested.emit(slider.sliderPosition())
        )
        slider.set_by_screen_reader.connect(self.seek_requested)
        slider.learner_changed.connect(self._say_seek)
        slider.actionTriggered.connect(self._on_slider_action)
        slider.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        slider.setMinimumHeight(TARGET_PX)
        return slider

    def _make_volume_slider(self) -> SpokenSlider:
        slider = SpokenSlider(lambda value: f"{value} percent", parent=self)
        slider.setObjectName("volumeSlider")
        slider.setAccessibleName("Volume")
        slider.setRange(0, 100)
        slider.setSingleStep(5)
        slider.setPageStep(20)
        slider.setMaximumWidth(110)
        slider.setMinimumHeight(TARGET_PX)
        slider.valueChanged.connect(self._on_volume_moved)
        return slider

    def _on_slider_action(self, action: int) -> None:
        """Keyboard and page clicks: seek to where the slider is about to go."""
        if (
            action == QSlider.SliderAction.SliderMove.value
            or self.seek_slider.isSliderDown()
        ):
            return
        self.seek_requested.emit(self.seek_slider.sliderPosition())

    def _on_volume_moved(self, value: int) -> None:
        self.volume_requested.emit(value)

    def _time_in_words(self, ms: int) -> str:
        """The seek slider's value text: "2 minutes 5 seconds of 3 minutes"."""
        return f"{format_spoken(ms)} of {format_spoken(self._duration)}"

    def _on_caption_chosen(self, row: int) -> None:
        self.caption_track_chosen.emit(self.caption_chooser.itemData(row))

    # -- state in ------------------------------------------------------------------

    def set_duration(self, ms: int) -> None:
        self._duration = max(0, ms)
        blocked = self.seek_slider.blockSignals(True)
        self.seek_slider.setRange(0, self._duration)
        self.seek_slider.blockSignals(blocked)
        self.set_position(self._position)

    def set_position(self, ms: int) -> None:
        """Video time: the handle follows; a screen reader hears only jumps it made
        while the slider has focus (player/playback/spoken_slider.py)."""
        jumped = not 0 <= ms - self._position <= JUMP_MS
        self._position = ms
        self.seek_slider.follow(ms, jumped=jumped)
        self._show_time(ms)

    def _show_time(self, ms: int) -> None:
        self.time_label.setText(f"{format_clock(ms)} / {format_clock(self._duration)}")
        spoken = self._time_in_words(ms)
        if spoken != self.time_label.accessibleDescription():
            self.time_label.setAccessibleDescription(spoken)  # once a second

    def set_chapter_marks(self, starts_ms: Sequence[int]) -> None:
        """Draw the video's chapter boundaries on the seek slider."""
        self.seek_slider.set_chapter_marks(starts_ms)

    def set_chapter_description(self, text: str) -> None:
        """The chapter playing ("Chapter 3 of 8: Respect their view"), as the seek
        slider's description, so a screen reader reaches the chapter marks."""
        self._chapter = text
        self._describe_chapter()

    def _describe_chapter(self) -> None:
        """Put the chapter in the slider's description, except while the video plays
        with the slider focused: a screen reader speaks a focused control's new
        description, and the playing seek slider stays quiet under the captions."""
        slider = self.seek_slider
        if self._playing and slider.hasFocus():
            return  # applied when playback stops or the learner moves the slider
        if slider.accessibleDescription() != self._chapter:
            slider.setAccessibleDescription(self._chapter)

    def _say_seek(self, words: str) -> None:
        """The learner's seek in words, unless it enters another chapter while the
        video stands still: the slider's new description then comes (paused, it
        names the chapter of the time shown), and a screen reader reads it with the
        new time, so the time is said once."""
        slider = self.seek_slider
        marks = slider.chapter_marks()
        lands_in = bisect_right(marks, slider.sliderPosition())
        still = marks and self._chapter and not self._playing
        if still and lands_in != bisect_right(marks, self._position):
            return
        self.seek_said.emit(words)

    def set_playing(self, playing: bool) -> None:
        self._playing = playing
        self._describe_chapter()
        icon = (
            QStyle.StandardPixmap.SP_MediaPause
            if playing
            else QStyle.StandardPixmap.SP_MediaPlay
        )
        self.play_button.setIcon(theme_icon(self.play_button, icon, self.palette()))
        self.play_button.setText("Pause" if playing else "Play")
        self.play_button.setAccessibleName("Pause" if playing else "Play")

    def set_volume(self, volume: int) -> None:
        self.volume_slider.follow(volume)

    def set_muted(self, muted: bool) -> None:
        self._muted = muted
        self.mute_button.blockSignals(True)
        self.mute_button.setChecked(muted)
        self.mute_button.blockSignals(False)
        icon = (
            QStyle.StandardPixmap.SP_MediaVolumeMuted
            if muted
            else QStyle.StandardPixmap.SP_MediaVolume
        )
        self.mute_button.setIcon(theme_icon(self.mute_button, icon, self.palette()))

    def changeEvent(self, event: QEvent) -> None:
        """A new theme: draw the icons again in its text colour."""
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.StyleChange):
            self.set_playing(self._playing)
            self.set_muted(self._muted)
            full_screen = QStyle.StandardPixmap.SP_TitleBarMaxButton
            self.full_screen_button.setIcon(
                theme_icon(self.full_screen_button, full_screen, self.palette())
            )

    def set_caption_tracks(self, labels: Sequence[str], current: int) -> None:
        """Offer each caption/subtitle track by label, plus Off (`CAPTIONS_OFF`)."""
        self.caption_chooser.clear()
        self.caption_chooser.addItem("Captions off", CAPTIONS_OFF)
        for index, label in enumerate(labels):
            self.caption_chooser.addItem(label, index)
        self.set_current_caption_track(current)

    def set_current_caption_track(self, current: int) -> None:
        row = self.caption_chooser.findData(current)
        self.caption_chooser.setCurrentIndex(max(0, row))
