"""The sample module's words as pure data: our own narration, never a real person's.

Each `Line` is one caption cue: its English text is also what the narrator says, and
its French text is the subtitle shown over the same time span. A newline in a text is
a chosen caption line break; without one the build splits the line itself.
"""

from __future__ import annotations

from media.sample_building_trust import BUILDING_TRUST
from media.sample_duty import DUTY_TO_REPORT
from media.sample_types import (
    MODULE_CONTACT,
    MODULE_CREDIT,
    MODULE_ID,
    MODULE_TITLE,
    NARRATOR,
    STAND_IN,
    STORY_ATTRIBUTION,
    STORY_LOWER_THIRD,
    VOICE_FR,
    Chapter,
    Line,
    Slide,
    VideoScript,
)

VIDEOS = (BUILDING_TRUST, DUTY_TO_REPORT)

__all__ = [
    "MODULE_CONTACT",
    "MODULE_CREDIT",
    "MODULE_ID",
    "MODULE_TITLE",
    "NARRATOR",
    "STAND_IN",
    "STORY_ATTRIBUTION",
    "STORY_LOWER_THIRD",
    "VIDEOS",
    "VOICE_FR",
    "Chapter",
    "Line",
    "Slide",
    "VideoScript",
]
