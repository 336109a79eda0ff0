"""Preferences pages: "Transcript" (size, spacing, contrast) and "Screen reader".

Each page shows the settings in force (`reload`), and changes nothing until the
dialog's Apply or OK calls `apply` (see player/shell/preferences_dialog.py).
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QWidget,
)

from player.accessibility.descriptions import Descriptions
from player.accessibility.screen_reader import CaptionAnnouncer
from player.accessibility.themes import system_prefers_high_contrast
from player.accessibility.transcript_reading import (
    SCALE_RANGE,
    SPACING_STEPS,
    TranscriptReading,
)

CONTRAST_CHOICES = (("Follow the desktop", None), ("On", True), ("Off", False))


def _named(widget: QWidget, name: str, tip: str) -> QWidget:
    widget.setAccessibleName(name)
    widget.setToolTip(tip)
    return widget


def _row(form: QFormLayout, text: str, field: QWidget) -> None:
    label = QLabel(text)
    label.setBuddy(field)
    form.addRow(label, field)


class TranscriptPage(QWidget):
    """Transcript text size (75-300 %), line spacing (1-2×) and high contrast."""

    def __init__(self, reading: TranscriptReading, parent: QWidget | None = None):
        super().__init__(parent)
        self.reading = reading
        self.setAccessibleName("Transcript")
        self.size_field = QSpinBox(self)
        self.size_field.setRange(*SCALE_RANGE)
        self.size_field.setSingleStep(5)
        self.size_field.setSuffix(" %")
        _named(
            self.size_field,
            "Transcript text size",
            "Transcript text size, 75 to 300 percent (Ctrl+Shift+Up / Ctrl+Shift+Down)",
        )
        self.spacing_field = QComboBox(self)
        for step in SPACING_STEPS:
            self.spacing_field.addItem(f"{step:g} ×", step)
        _named(self.spacing_field, "Line spacing", "Room between transcript lines")
        self.contrast_field = QComboBox(self)
        for text, _value in CONTRAST_CHOICES:
            self.contrast_field.addItem(text)
        _named(
            self.contrast_field,
            "High contrast",
            "White and yellow on black for the whole window",
        )
        form = QFormLayout(self)
        _row(form, "Text &size:", self.size_field)
        _row(form, "&Line spacing:", self.spacing_field)
        _row(form, "&High contrast:", self.contrast_field)
        desktop = "asks for" if system_prefers_high_contrast() else "does not ask for"
        form.addRow(QLabel(f"Your desktop {desktop} high contrast."))

    def reload(self) -> None:
        reading = self.reading
        self.size_field.setValue(reading.scale)
        index = self.spacing_field.findData(reading.spacing)
        self.spacing_field.setCurrentIndex(max(0, index))
        values = [value for _text, value in CONTRAST_CHOICES]
        self.contrast_field.setCurrentIndex(values.index(reading.high_contrast_choice))

    def apply(self) -> None:
        reading = self.reading
        if self.size_field.value() != reading.scale:
            reading.set_scale(self.size_field.value())
        spacing = float(self.spacing_field.currentData())
        if spacing != reading.spacing:
            reading.set_spacing(spacing)
        choice = CONTRAST_CHOICES[self.contrast_field.currentIndex()][1]
        if choice is None and reading.high_contrast_choice is not None:
            reading.follow_system()
        elif choice is not None and choice != reading.high_contrast_choice:
            reading.set_high_contrast(choice)

    def restore_defaults(self) -> None:
        self.size_field.setValue(100)
        self.spacing_field.setCurrentIndex(0)
        self.contrast_field.setCurrentIndex(0)


class ScreenReaderPage(QWidget):
    """Caption announcements and the descriptions track: shown, spoken, pausing."""

    def __init__(
        self,
        announcer: CaptionAnnouncer,
        descriptions: Descriptions,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.announcer = announcer
        self.descriptions = descriptions
        self.setAccessibleName("Screen reader and descriptions")
        self.announce_box = QCheckBox("&Announce each caption to the screen reader")
        self.show_box = QCheckBox("Show &descriptions of what the video shows")
        self.speak_box = QCheckBox("&Speak descriptions")
        self.pause_box = QCheckBox("&Pause the video while a description is spoken")
        form = QFormLayout(self)
        for box in (self.announce_box, self.show_box, self.speak_box, self.pause_box):
            box.setAccessibleName(box.text().replace("&", ""))
            box.setToolTip(box.text().replace("&", "") + " (View menu)")
            form.addRow(box)
        if not descriptions.speaker.possible:
            for box in (self.speak_box, self.pause_box):
                box.setEnabled(False)
            note = QLabel("Speech is unavailable: no text-to-speech engine was found.")
            note.setWordWrap(True)
            form.addRow(note)

    def reload(self) -> None:
        self.announce_box.setChecked(self.announcer.enabled)
        self.show_box.setChecked(self.descriptions.showing)
        self.speak_box.setChecked(self.descriptions.speak)
        self.pause_box.setChecked(self.descriptions.pause_video)

    def apply(self) -> None:
        actions = self.descriptions.ctx.actions
        for box, name in (
            (self.announce_box, "announce_captions"),
            (self.show_box, "descriptions"),
            (self.speak_box, "speak_descriptions"),
            (self.pause_box, "pause_for_descriptions"),
        ):
            action = actions[name]
            if box.isEnabled() and box.isChecked() != action.isChecked():
                action.trigger()  # the menu, the setting and the saved value agree

    def restore_defaults(self) -> None:
        self.announce_box.setChecked(False)
        self.show_box.setChecked(False)
        self.speak_box.setChecked(True)
        self.pause_box.setChecked(False)
