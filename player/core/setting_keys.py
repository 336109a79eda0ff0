"""Every persisted setting: its key name, type, default and range, in one table.

Organisations preset these for their learners (design.md 8): a name here never
changes from release to release. "{}" in a name is filled with the module id (and
the video id) of the choice it keeps; a per-video key takes "<module id>/<video id>".
"""

from __future__ import annotations

from typing import Any

from captions.contrast import parse_hex, to_hex
from player.core.settings import (
    BoolKey,
    BytesKey,
    FloatKey,
    IntKey,
    Key,
    OptionalBoolKey,
    TextKey,
    TextListKey,
)

MAX_DELAY_MS = 60_000
DEFAULT_PRESENTATION_PERCENT = 160


def _colour(text: str) -> str:
    return to_hex(parse_hex(text))


# -- reading aids ----------------------------------------------------------------------
RATE = FloatKey("reading/rate", 1.0, 0.5, 2.0)
CAPTION_DELAY = IntKey("reading/delay/{}", 0, -MAX_DELAY_MS, MAX_DELAY_MS)
POSITION = IntKey("reading/position/{}", 0, 0, 2**31 - 1)
PAUSE_AFTER_CAPTION = BoolKey("reading/pause_after_caption", False)
SINGLE_KEYS = BoolKey("reading/single_keys", True)
SECOND_LANGUAGE = TextKey("reading/second_language/{}", "")
# What a start without a path reopens: the module as opened, and its video shown.
LAST_MODULE = TextKey("session/module", "")
LAST_VIDEO = TextKey("session/video", "")
VOLUME = IntKey("playback/volume", 80, 0, 100)
MUTED = BoolKey("playback/muted", False)

# -- transcript reading and screen readers ---------------------------------------------
TEXT_SCALE = IntKey("transcript/textScale", 100, 75, 300)
LINE_SPACING = FloatKey("transcript/lineSpacing", 1.0, 1.0, 2.0)
HIGH_CONTRAST = OptionalBoolKey("transcript/highContrast", None)  # None: the desktop's
ANNOUNCE_CAPTIONS = BoolKey("screenReader/announceCaptions", False)
# How messages reach the screen reader (player/core/voice.py): "auto" picks by platform.
SCREEN_READER_ROUTE = TextKey(
    "screenReader/route", "auto", ("auto", "announcement", "notification")
)
SHOW_DESCRIPTIONS = BoolKey("descriptions/show", False)
SPEAK_DESCRIPTIONS = BoolKey("descriptions/speak", True)
PAUSE_FOR_DESCRIPTIONS = BoolKey("descriptions/pauseVideo", False)

# -- caption style (group "captionStyle", one key per CaptionStyle field) --------------
CAPTION_EDGE = TextKey("captionStyle/edge", "none", ("none", "outline", "drop-shadow"))
CAPTION_POSITION = TextKey("captionStyle/position", "bottom", ("bottom", "top", "band"))
CAPTION_STYLE: dict[str, Key[Any]] = {
    "size_percent": IntKey("captionStyle/size_percent", 100, 50, 300),
    "font_family": TextKey("captionStyle/font_family", "", normal=str.strip),
    "text_color": TextKey("captionStyle/text_color", "#ffffff", normal=_colour),
    "background_color": TextKey(
        "captionStyle/background_color", "#000000", normal=_colour
    ),
    "background_opacity": IntKey("captionStyle/background_opacity", 80, 0, 100),
    "edge": CAPTION_EDGE,
    "position": CAPTION_POSITION,
    "honour_cue_placement": BoolKey("captionStyle/honour_cue_placement", True),
}

# -- facilitators ----------------------------------------------------------------------
PRESENTATION_PERCENT = IntKey(
    "presentation/caption_size_percent", DEFAULT_PRESENTATION_PERCENT, 50, 300
)
PRESENTATION_SCREEN = TextKey("presentation/screen", "")
PAUSES_ENABLED = BoolKey("pauses/enabled", True)
ADDED_PAUSES = TextKey("pauses/{}/{}", "")  # JSON, see media.pauses

# -- the window's layout (player/shell/layout_control.py) ------------------------------
LAYOUT = TextKey("layout/current", "learner", ("learner", "facilitator"))
LAYOUT_STATE = BytesKey("layout/{}/state", b"")  # learner, facilitator or console
LAYOUT_PANELS = TextListKey("layout/{}/panels", ())  # the panels the person wants
WINDOW_GEOMETRY = BytesKey("layout/geometry", b"")

# -- library search --------------------------------------------------------------------
KNOWN_MODULES = TextListKey("library/modules", ())

ALL_KEYS: tuple[Key[Any], ...] = (
    RATE,
    CAPTION_DELAY,
    POSITION,
    PAUSE_AFTER_CAPTION,
    SINGLE_KEYS,
    SECOND_LANGUAGE,
    LAST_MODULE,
    LAST_VIDEO,
    VOLUME,
    MUTED,
    TEXT_SCALE,
    LINE_SPACING,
    HIGH_CONTRAST,
    ANNOUNCE_CAPTIONS,
    SCREEN_READER_ROUTE,
    SHOW_DESCRIPTIONS,
    SPEAK_DESCRIPTIONS,
    PAUSE_FOR_DESCRIPTIONS,
    *CAPTION_STYLE.values(),
    PRESENTATION_PERCENT,
    PRESENTATION_SCREEN,
    PAUSES_ENABLED,
    ADDED_PAUSES,
    LAYOUT,
    LAYOUT_STATE,
    LAYOUT_PANELS,
    WINDOW_GEOMETRY,
    KNOWN_MODULES,
)

# -- the sign-language window ----------------------------------------------------------
SIGN_TURNED_OFF = BoolKey("sign/turned_off", False)  # the person hid it: stays hidden
SIGN_CORNERS = ("top-right", "top-left", "bottom-left", "bottom-right")
SIGN_CORNER = TextKey("sign/corner", "", ("", *SIGN_CORNERS))  # "": docked
SIGN_ROOM_PLACES = ("beside", *SIGN_CORNERS)
SIGN_ROOM_PLACE = TextKey("presentation/sign_place", "beside", SIGN_ROOM_PLACES)
