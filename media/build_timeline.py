"""Lays the sample's script out in time from the synthesised speech durations (no Qt).

A cue starts exactly where its speech starts; it ends a short tail after the speech,
later if needed to keep at least 1 s on screen and the reading rate in bounds.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable
from dataclasses import dataclass, field

from media.sample_script import NARRATOR, STAND_IN, Chapter, Slide, VideoScript

SAMPLE_RATE = 22050
CHIME_TEXT = ("[chime]", "[carillon]")
LEAD_IN_MS = 500
CHIME_CUE_MS = 1200
TAIL_MS = 300  # caption stays this long after the speech ends
GAP_MS = 150  # no caption between two cues: speech silence is TAIL + GAP or more
SLIDE_GAP_MS = 600
CHAPTER_GAP_MS = 700
PAUSE_OFFSET_MS = 300  # a pause sits this long after the chapter's last cue
PAUSE_GAP_MS = 1200
END_MS = 2000
MIN_CUE_MS = 1000
MAX_WPM = 170  # kept under the lint's 180 words a minute, in both languages
MAX_LINE = 32

Synth = Callable[[str, str], "array[int]"]


@dataclass(frozen=True)
class TimedCue:
    start_ms: int
    end_ms: int
    en: tuple[str, ...]
    fr: tuple[str, ...]
    voice: str  # "" for a sound


@dataclass(frozen=True)
class TimedSlide:
    """A slide's span and when each point appears: (ms, points shown, current point)."""

    start_ms: int
    end_ms: int
    slide: Slide
    chapter: str
    reveals: tuple[tuple[int, int, int], ...]


@dataclass(frozen=True)
class TimedChapter:
    start_ms: int
    end_ms: int
    title: str
    title_fr: str


@dataclass
class Timeline:
    video: VideoScript
    cues: list[TimedCue] = field(default_factory=list)
    slides: list[TimedSlide] = field(default_factory=list)
    chapters: list[TimedChapter] = field(default_factory=list)
    pauses: list[tuple[int, str]] = field(default_factory=list)
    segment: tuple[int, int] | None = None
    story_title: str = ""
    clips: list[tuple[int, array[int]]] = field(default_factory=list)
    duration_ms: int = 0


def caption_lines(text: str) -> tuple[str, ...]:
    """The caption's lines: the author's break, else one line, else a balanced split."""
    if "\n" in text or len(text) <= MAX_LINE:
        lines = tuple(text.split("\n"))
    else:
        words = text.split()
        splits = [
            (" ".join(words[:i]), " ".join(words[i:])) for i in range(1, len(words))
        ]
        lines = min(splits, key=lambda pair: max(len(pair[0]), len(pair[1])))
    if len(lines) > 2 or any(len(line) > MAX_LINE for line in lines):
        raise ValueError(f"caption does not fit 2 lines of {MAX_LINE}: {text!r}")
    return lines


def reading_ms(words: int) -> int:
    return -(-words * 60_000 // MAX_WPM)


def _cue_end(start_ms: int, speech_ms: int, en: str, fr: str) -> int:
    words = max(len(en.split()), len(fr.split()))
    return start_ms + max(speech_ms + TAIL_MS, MIN_CUE_MS, reading_ms(words))


def _ms(samples: array[int]) -> int:
    return -(-len(samples) * 1000 // SAMPLE_RATE)


def layout_video(video: VideoScript, synth: Synth, chime: array[int]) -> Timeline:
    """Place every chime, cue, slide, chapter and pause of a video in time."""
    timeline = Timeline(video)
    clock = 0
    for index, chapter in enumerate(video.chapters):
        chapter_start = clock
        if not chapter.storytelling:
            clock = max(clock, LEAD_IN_MS) if index == 0 else clock
            timeline.clips.append((clock, chime))
            timeline.cues.append(
                TimedCue(
                    clock, clock + CHIME_CUE_MS, (CHIME_TEXT[0],), (CHIME_TEXT[1],), ""
                )
            )
            clock += CHIME_CUE_MS + GAP_MS
        clock = _layout_chapter(timeline, chapter, chapter_start, clock, synth)
        timeline.chapters.append(
            TimedChapter(chapter_start, 0, chapter.title, chapter.title_fr)
        )
    timeline.duration_ms = timeline.cues[-1].end_ms + END_MS
    _close_spans(timeline)
    return timeline


def _layout_chapter(
    timeline: Timeline, chapter: Chapter, start: int, clock: int, synth: Synth
) -> int:
    """Lay out a chapter from `clock`; returns where the next chapter starts."""
    voice = STAND_IN if chapter.storytelling else NARRATOR
    first_cue = len(timeline.cues)
    for number, slide in enumerate(chapter.slides):
        slide_start = start if number == 0 else clock
        reveals: list[tuple[int, int, int]] = []
        shown = (
            0
            if any(line.point is not None for line in slide.lines)
            else len(slide.points)
        )
        reveals.append((slide_start, shown, -1))
        for line in slide.lines:
            speech = synth(line.en.replace("\n", " "), voice)
            end = _cue_end(clock, _ms(speech), line.en, line.fr)
            if line.point is not None:
                shown = max(shown, line.point + 1)
                reveals.append((clock, shown, line.point))
            timeline.clips.append((clock, speech))
            en, fr = caption_lines(line.en), caption_lines(line.fr)
            timeline.cues.append(TimedCue(clock, end, en, fr, voice))
            clock = end + GAP_MS
        timeline.slides.append(
            TimedSlide(slide_start, 0, slide, chapter.title, tuple(reveals))
        )
        clock += SLIDE_GAP_MS
    last_end = timeline.cues[-1].end_ms
    if chapter.storytelling:
        timeline.segment = (timeline.cues[first_cue].start_ms, last_end)
        timeline.story_title = chapter.title
    if chapter.pause_after:
        timeline.pauses.append((last_end + PAUSE_OFFSET_MS, chapter.pause_after))
        return last_end + PAUSE_OFFSET_MS + PAUSE_GAP_MS
    return last_end + GAP_MS + CHAPTER_GAP_MS


def _close_spans(timeline: Timeline) -> None:
    """Each slide and chapter lasts until the next one starts, the last to the end."""
    slides, chapters = timeline.slides, timeline.chapters
    for i, slide in enumerate(slides):
        end = slides[i + 1].start_ms if i + 1 < len(slides) else timeline.duration_ms
        slides[i] = TimedSlide(
            slide.start_ms, end, slide.slide, slide.chapter, slide.reveals
        )
    for i, chapter in enumerate(chapters):
        end = (
            chapters[i + 1].start_ms if i + 1 < len(chapters) else timeline.duration_ms
        )
        chapters[i] = TimedChapter(
            chapter.start_ms, end, chapter.title, chapter.title_fr
        )
