"""A video's chapters as places to go: the chapters track with the stories, the one
playing, and where "previous" and "next chapter" go (no Qt).

A story is a chapter of its own unless a chapter of the track starts where it starts;
either way that chapter carries the story's credit and starts where the story's cues
play now (after a timing fix, not at the manifest's old edge).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from captions.model import Track
from media.model import Segment

# Further than this into a chapter, "previous chapter" goes back to its own start.
RESTART_CHAPTER_AFTER_MS = 3000


@dataclass(frozen=True)
class Chapter:
    """One place in the chapter list; `attribution` is a story's credit line."""

    start_ms: int
    title: str
    attribution: str = ""


def video_chapters(
    track: Track | None,
    written: Sequence[Segment],
    playing: Sequence[Segment] | None = None,
) -> tuple[Chapter, ...]:
    """The chapters of `track` with the stories, in time order.

    `written` are the segments as the manifest gives them (a chapter starting at a
    story's written start is that story's chapter); `playing` the same segments
    where their cues play now, in the same order (default: as written).
    """
    playing = written if playing is None else playing
    if len(playing) != len(written):
        playing = written
    pairs = zip(written, playing, strict=True)
    stories = {segment.start_ms: (segment, moved) for segment, moved in pairs}
    found: list[Chapter] = []
    for cue in track.cues if track is not None else ():
        title = " ".join(cue.plain.split())
        story = stories.pop(cue.start_ms, None)
        if story is None:
            found.append(Chapter(cue.start_ms, title))
        else:
            found.append(Chapter(story[1].start_ms, title, story[1].attribution_line))
    found += [
        Chapter(moved.start_ms, f"Story: {moved.title}", moved.attribution_line)
        for _segment, moved in stories.values()
    ]
    return tuple(sorted(found, key=lambda chapter: chapter.start_ms))


def chapter_index_at(chapters: Sequence[Chapter], ms: int) -> int:
    """The chapter playing at `ms` (the last one started), -1 before the first."""
    return bisect_right([c.start_ms for c in chapters], ms) - 1


def previous_chapter_start(
    chapters: Sequence[Chapter],
    ms: int,
    restart_after_ms: int = RESTART_CHAPTER_AFTER_MS,
) -> int | None:
    """This chapter's start when more than `restart_after_ms` into it, else the
    previous chapter's start; None before the first chapter."""
    current = chapter_index_at(chapters, ms)
    if current < 0:
        return None
    start = chapters[current].start_ms
    if ms - start > restart_after_ms or current == 0:
        return start
    return chapters[current - 1].start_ms


def next_chapter_start(chapters: Sequence[Chapter], ms: int) -> int | None:
    """The start of the first chapter after `ms`; None in the last chapter."""
    following = chapter_index_at(chapters, ms) + 1
    return chapters[following].start_ms if following < len(chapters) else None


def chapter_description(chapters: Sequence[Chapter], index: int) -> str:
    """ "Chapter 3 of 8: Respect their view"; "" outside the chapters."""
    if not 0 <= index < len(chapters):
        return ""
    return f"Chapter {index + 1} of {len(chapters)}: {chapters[index].title}"
