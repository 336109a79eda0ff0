"""The "Caption style" preferences page: every style control and a live preview."""

from __future__ import annotations

import itertools

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFont, QIcon, QImage, QPainter, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QColorDialog,
    QComboBox,
    QFontComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSlider,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from captions.contrast import AA_NORMAL_TEXT, format_ratio, verdict
from captions.model import Cue, Track
from player.video.caption_style import (
    DEFAULT_STYLE,
    EDGE_LABELS,
    OPACITY_RANGE,
    POSITION_LABELS,
    SIZE_RANGE,
    CaptionStyle,
)
from player.video.video_view import VideoView

try:
    from PySide6.QtMultimedia import QVideoFrame
except ImportError:  # pragma: no cover - Qt build without multimedia
    QVideoFrame = None  # type: ignore[assignment,misc]

SAMPLE_TEXT = "Captions will look like this.\nChange them until they are easy to read."
NEUTRAL_FRAME = "#808080"
COLOUR_NAMES = {
    "#ffffff": "white",
    "#000000": "black",
    "#ffff00": "yellow",
    "#00ffff": "cyan",
    "#00ff00": "green",
    "#ff00ff": "magenta",
    "#ff0000": "red",
    "#0000ff": "blue",
    "#000080": "navy",
    "#808080": "grey",
    "#c0c0c0": "silver",
    "#ffa500": "orange",
}


def colour_name(color: str) -> str:
    """ "yellow (#ffff00)" for named colours, else the hex code alone."""
    name = COLOUR_NAMES.get(color.lower())
    return f"{name} ({color.lower()})" if name else color.lower()


class ColourButton(QPushButton):
    """Opens a colour chooser; its text and accessible name say the current colour."""

    color_changed = Signal(str)

    def __init__(self, label: str, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = label
        self.color = "#000000"
        self.setToolTip(f"Choose the {label.lower()} (Alt+{key})")
        self.clicked.connect(self.choose)

    def set_color(self, color: str) -> None:
        self.color = color.lower()
        self.setText(colour_name(self.color))
        self.setAccessibleName(f"{self.label}: {colour_name(self.color)}")
        swatch = QPixmap(18, 18)
        swatch.fill(QColor("#444444"))
        painter = QPainter(swatch)
        painter.fillRect(2, 2, 14, 14, QColor(self.color))
        painter.end()
        self.setIcon(QIcon(swatch))

    def choose(self) -> None:
        chosen = QColorDialog.getColor(QColor(self.color), self, f"{self.label}")
        if chosen.isValid() and chosen.name() != self.color:
            self.set_color(chosen.name())
            self.color_changed.emit(self.color)


def _paired(spin: QSpinBox, slider: QSlider, bounds: tuple[int, int]) -> QWidget:
    for control in (spin, slider):
        control.setRange(*bounds)
    spin.valueChanged.connect(slider.setValue)
    slider.valueChanged.connect(spin.setValue)
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(spin)
    layout.addWidget(slider, 1)
    return row


def _named(widget: QWidget, name: str, tip: str, description: str = "") -> None:
    widget.setAccessibleName(name)
    widget.setToolTip(tip)
    if description:
        widget.setAccessibleDescription(description)


class CaptionStylePage(QWidget):
    """Edits a copy of the video view's style; `apply()` hands it to the view."""

    def __init__(self, video_view: VideoView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("captionStylePage")
        self.setAccessibleName("Caption style")
        self.video_view = video_view
        self._loading = False
        self._build_controls()
        self._build_preview()
        self._lay_out()
        self.set_style(video_view.caption_style)

    # -- building ------------------------------------------------------------------

    def _build_controls(self) -> None:
        self.size_spin, self.size_slider = (
            QSpinBox(),
            QSlider(Qt.Orientation.Horizontal),
        )
        self.size_spin.setSuffix(" %")
        self.size_row = _paired(self.size_spin, self.size_slider, SIZE_RANGE)
        self.size_slider.setPageStep(25)
        _named(self.size_spin, "Text size", "Caption text size, 50–300 % (Alt+Z)")
        _named(self.size_slider, "Text size slider", "Caption text size (Alt+Z)")
        self.font_combo = QFontComboBox()
        _named(self.font_combo, "Font", "Caption font (Alt+F)")
        font_field = self.font_combo.lineEdit()
        if font_field is not None:  # its own text field, named too
            font_field.setAccessibleName("Caption font name")
        self.font_combo.view().setAccessibleName("Fonts")
        self.text_button = ColourButton("Text colour", "X")
        self.background_button = ColourButton("Background colour", "B")
        self.opacity_spin = QSpinBox()
        self.opacity_slider = QSlider(Qt.Orientation.Horizontal)
        self.opacity_spin.setSuffix(" %")
        self.opacity_row = _paired(
            self.opacity_spin, self.opacity_slider, OPACITY_RANGE
        )
        self.opacity_slider.setPageStep(10)
        _named(
            self.opacity_spin,
            "Background opacity",
            "How solid the box behind captions is, 0–100 % (Alt+K)",
            "0 % shows no box; 100 % hides the video behind the caption.",
        )
        _named(self.opacity_slider, "Background opacity slider", "Opacity (Alt+K)")
        self.edge_combo = self._choices(EDGE_LABELS)
        _named(
            self.edge_combo,
            "Edge",
            "Edge around the letters (Alt+E)",
            "An outline or drop shadow keeps letters readable over a busy picture.",
        )
        self.position_combo = self._choices(POSITION_LABELS)
        _named(self.position_combo, "Position", "Where captions go (Alt+P)")
        self.honour_check = QCheckBox("&Use caption positions from the file")
        _named(
            self.honour_check,
            "Use caption positions from the file",
            "Honour the line, position and alignment set in the caption file (Alt+U)",
            "When off, every caption is centred in the chosen position.",
        )
        for signal in (
            self.size_spin.valueChanged,
            self.font_combo.currentFontChanged,
            self.text_button.color_changed,
            self.background_button.color_changed,
            self.opacity_spin.valueChanged,
            self.edge_combo.currentIndexChanged,
            self.position_combo.currentIndexChanged,
            self.honour_check.toggled,
        ):
            signal.connect(self._changed)

    @staticmethod
    def _choices(labels: dict[str, str]) -> QComboBox:
        combo = QComboBox()
        for value, label in labels.items():
            combo.addItem(label, value)
        return combo

    def _build_preview(self) -> None:
        self.preview = VideoView(self)
        self.preview.setObjectName("captionPreview")
        self.preview.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.preview.viewport().setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.preview.setFixedSize(448, 300)
        self.preview.setStyleSheet("VideoView { border: 1px solid #000000; }")
        self.preview.setAccessibleName("Caption preview")
        self.preview.setToolTip("Preview of the caption style on the current frame")
        self.preview.set_tracks([Track((Cue(0, 3_600_000, SAMPLE_TEXT, SAMPLE_TEXT),))])
        self.preview.set_position(1)
        self.contrast_label = QLabel()
        self.contrast_label.setObjectName("captionContrast")
        self.contrast_label.setWordWrap(True)
        self.warning_label = QLabel()
        self.warning_label.setObjectName("captionContrastWarning")
        self.warning_label.setWordWrap(True)
        self.warning_label.setStyleSheet(
            "QLabel { color: #7a0000; background: #fff0f0;"
            " border: 2px solid #b00020; padding: 4px; font-weight: bold; }"
        )
        self.warning_label.setAccessibleName("Contrast warning")
        self.warning_label.hide()

    def _lay_out(self) -> None:
        form = QFormLayout()
        for text, buddy, row in (
            ("Text si&ze:", self.size_spin, self.size_row),
            ("&Font:", self.font_combo, self.font_combo),
            ("Te&xt colour:", self.text_button, self.text_button),
            ("&Background colour:", self.background_button, self.background_button),
            ("Bac&kground opacity:", self.opacity_spin, self.opacity_row),
            ("&Edge:", self.edge_combo, self.edge_combo),
            ("&Position:", self.position_combo, self.position_combo),
        ):
            label = QLabel(text)
            label.setBuddy(buddy)
            form.addRow(label, row)
        form.addRow(self.honour_check)
        column = QVBoxLayout()
        column.addLayout(form)
        column.addWidget(self.contrast_label)
        column.addWidget(self.warning_label)
        column.addStretch(1)
        layout = QHBoxLayout(self)
        layout.addLayout(column, 1)
        layout.addWidget(self.preview, 0, Qt.AlignmentFlag.AlignTop)
        order = (
            self.size_spin,
            self.size_slider,
            self.font_combo,
            self.text_button,
            self.background_button,
            self.opacity_spin,
            self.opacity_slider,
            self.edge_combo,
            self.position_combo,
            self.honour_check,
        )
        for first, second in itertools.pairwise(order):
            QWidget.setTabOrder(first, second)

    # -- the style shown -----------------------------------------------------------

    def chosen_style(self) -> CaptionStyle:
        family = self.font_combo.currentFont().family()
        return CaptionStyle(
            size_percent=self.size_spin.value(),
            font_family="" if family == QFont().family() else family,
            text_color=self.text_button.color,
            background_color=self.background_button.color,
            background_opacity=self.opacity_spin.value(),
            edge=str(self.edge_combo.currentData()),
            position=str(self.position_combo.currentData()),
            honour_cue_placement=self.honour_check.isChecked(),
        ).clamped()

    def set_style(self, style: CaptionStyle) -> None:
        self._loading = True
        try:
            self.size_spin.setValue(style.size_percent)
            self.font_combo.setCurrentFont(QFont(style.font_family or QFont().family()))
            self.text_button.set_color(style.text_color)
            self.background_button.set_color(style.background_color)
            self.opacity_spin.setValue(style.background_opacity)
            self.edge_combo.setCurrentIndex(self.edge_combo.findData(style.edge))
            self.position_combo.setCurrentIndex(
                self.position_combo.findData(style.position)
            )
            self.honour_check.setChecked(style.honour_cue_placement)
        finally:
            self._loading = False
        self._changed()

    def set_text_color(self, color: str) -> None:
        self.text_button.set_color(color)
        self._changed()

    def set_background_color(self, color: str) -> None:
        self.background_button.set_color(color)
        self._changed()

    # -- the dialog's calls (see player/shell/preferences_dialog.py) -------------------

    def reload(self) -> None:
        self.show_frame(self.current_frame())
        self.set_style(self.video_view.caption_style)

    def apply(self) -> None:
        self.video_view.set_caption_style(self.chosen_style())

    def restore_defaults(self) -> None:
        self.set_style(DEFAULT_STYLE)

    # -- preview -------------------------------------------------------------------

    def current_frame(self) -> QImage:
        """The frame the video shows now, or a neutral mid-grey picture."""
        item = self.video_view.video_item
        if item is not None:
            frame = item.videoSink().videoFrame()
            if frame.isValid():
                image = frame.toImage()
                if not image.isNull():
                    return image
        image = QImage(640, 360, QImage.Format.Format_RGB32)
        image.fill(QColor(NEUTRAL_FRAME))
        return image

    def show_frame(self, image: QImage) -> None:
        self.preview_image = image
        item = self.preview.video_item
        if item is not None and QVideoFrame is not None:
            item.videoSink().setVideoFrame(QVideoFrame(image))
        else:
            self.preview.setBackgroundBrush(QColor(NEUTRAL_FRAME))

    def _changed(self) -> None:
        if self._loading:
            return
        style = self.chosen_style()
        self.preview.set_caption_style(style)
        self.honour_check.setEnabled(style.position != "band")
        ratio = style.contrast()
        where = (
            " in the band"
            if style.position == "band"
            else ("" if style.background_opacity == 100 else " over any video")
        )
        text = f"Contrast {format_ratio(ratio)}{where} — {verdict(ratio)}"
        self.contrast_label.setText(text)
        self.contrast_label.setAccessibleName(text)
        low = ratio < AA_NORMAL_TEXT
        self.warning_label.setText(
            "⚠ Warning: these captions are hard to read (contrast under 4.5:1)."
            " Choose colours further apart or a more solid background."
            if low
            else ""
        )
        self.warning_label.setVisible(low)
        spoken = f"{text}. {self.warning_label.text()}" if low else text
        for button in (self.text_button, self.background_button):
            button.setAccessibleDescription(spoken)
        self.preview.setAccessibleDescription(
            f"{SAMPLE_TEXT.replace(chr(10), ' ')} {text}."
        )
