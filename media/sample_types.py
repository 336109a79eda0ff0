"""The shapes of the sample module's script, and the names it uses everywhere."""

from __future__ import annotations

from dataclasses import dataclass

NARRATOR = "Narrator"
STAND_IN = "Stand-in narrator"
VOICE_FR = {NARRATOR: "Narrateur", STAND_IN: "Narrateur de remplacement"}

MODULE_ID = "trusting-relationship"
MODULE_TITLE = "Building a Trusting Relationship"
MODULE_CREDIT = (
    "A sample module made for the transcript-player project after a public training "
    "module on trafficked persons. The narration is synthesised speech written for "
    "this sample; the storytelling segment is a labelled stand-in, not Rose Henry's "
    "recording."
)
MODULE_CONTACT = "the transcript-player project, which made this sample"
STORY_ATTRIBUTION = (
    "Rose Henry, Aboriginal community consultant, Coast Salish territory"
)
STORY_LOWER_THIRD = (
    "Stand-in for the recorded story of Rose Henry",
    "Aboriginal community consultant, Coast Salish territory",
)


@dataclass(frozen=True)
class Line:
    """One cue: spoken English, its French subtitle, and the slide point it reveals."""

    en: str
    fr: str
    point: int | None = None


@dataclass(frozen=True)
class Slide:
    """What is on screen while its lines are spoken; points appear as they are said."""

    heading: str
    lines: tuple[Line, ...]
    points: tuple[str, ...] = ()
    subtitle: str = ""
    description: str = ""
    style: str = "points"  # points | title | story


@dataclass(frozen=True)
class Chapter:
    """A chapter; a storytelling chapter is the whole segment and nothing else."""

    title: str
    title_fr: str
    slides: tuple[Slide, ...]
    pause_after: str = ""
    storytelling: bool = False


@dataclass(frozen=True)
class VideoScript:
    id: str
    title: str
    chapters: tuple[Chapter, ...]
