"""How captions look (size, font, colours, edge, position), and where that persists."""

from __future__ import annotations

from dataclasses import dataclass, fields, replace

from captions.contrast import (
    BLACK,
    caption_contrast,
    composite,
    contrast_ratio,
    parse_hex,
    relative_luminance,
    to_hex,
)
from player.core.setting_keys import CAPTION_EDGE, CAPTION_POSITION, CAPTION_STYLE
from player.core.settings import Settings

EDGES = CAPTION_EDGE.choices
EDGE_LABELS = {"none": "None", "outline": "Outline", "drop-shadow": "Drop shadow"}
POSITIONS = CAPTION_POSITION.choices
POSITION_LABELS = {
    "bottom": "Over the video, at the bottom",
    "top": "Over the video, at the top",
    "band": "In a band below the video (covers nothing)",
}
SIZE_RANGE = (50, 300)
OPACITY_RANGE = (0, 100)


def _clamp(value: int, bounds: tuple[int, int]) -> int:
    return max(bounds[0], min(bounds[1], value))


def _colour(value: str, fallback: str) -> str:
    try:
        return to_hex(parse_hex(value))
    except ValueError:
        return fallback


@dataclass(frozen=True)
class CaptionStyle:
    """One caption style; every field always holds a usable value (see `clamped`)."""

    size_percent: int = 100
    font_family: str = ""  # "" means the application's default font
    text_color: str = "#ffffff"
    background_color: str = "#000000"
    background_opacity: int = 80
    edge: str = "none"
    position: str = "bottom"
    honour_cue_placement: bool = True

    def clamped(self) -> CaptionStyle:
        """The same style with every out-of-range or unknown value made valid."""
        return CaptionStyle(
            size_percent=_clamp(int(self.size_percent), SIZE_RANGE),
            font_family=str(self.font_family).strip(),
            text_color=_colour(self.text_color, "#ffffff"),
            background_color=_colour(self.background_color, "#000000"),
            background_opacity=_clamp(int(self.background_opacity), OPACITY_RANGE),
            edge=self.edge if self.edge in EDGES else "none",
            position=self.position if self.position in POSITIONS else "bottom",
            honour_cue_placement=bool(self.honour_cue_placement),
        )

    @property
    def scale(self) -> float:
        return self.size_percent / 100

    def with_size(self, percent: float) -> CaptionStyle:
        return replace(self, size_percent=_clamp(round(percent), SIZE_RANGE))

    def contrast(self) -> float:
        """The worst WCAG contrast of the text on its box: over any video frame, or
        over the black band below the video.
        """
        text, background = parse_hex(self.text_color), parse_hex(self.background_color)
        opacity = self.background_opacity / 100
        if self.position == "band":
            return contrast_ratio(text, composite(background, BLACK, opacity))
        return caption_contrast(text, background, opacity)

    def edge_color(self) -> str:
        """Black around light text, white around dark text."""
        light = relative_luminance(parse_hex(self.text_color)) > 0.18
        return "#000000" if light else "#ffffff"


DEFAULT_STYLE = CaptionStyle()


def load_caption_style(settings: Settings | None = None) -> CaptionStyle:
    """The saved style (defaults for what is missing or unusable)."""
    store = settings if settings is not None else Settings()
    values = {name: store.get(key) for name, key in CAPTION_STYLE.items()}
    return CaptionStyle(**values).clamped()


def save_caption_style(style: CaptionStyle, settings: Settings | None = None) -> None:
    store = settings if settings is not None else Settings()
    for field in fields(CaptionStyle):
        store.set(CAPTION_STYLE[field.name], getattr(style, field.name))
    store.sync()
