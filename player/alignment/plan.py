"""What the dialog says before and after a run, in plain sentences. No Qt."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from captions.model import TRACK_KINDS
from captions.timefmt import format_clock
from media.align_job import ADDED, ALREADY_LISTED, AlignJob, AlignOutcome
from media.discover import CAPTION_SUFFIXES
from media.speech_model import primary_language

_LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*")
LANGUAGES = ("en", "fr", "de", "es", "it", "nl", "pt", "ru", "zh")


@dataclass(frozen=True)
class ShownVideo:
    """The video on show, as far as the dialog needs it."""

    file: Path
    title: str
    manifest: Path | None  # None: a single video, no module.toml
    story_titles: tuple[str, ...] = ()


def job_from_form(
    media: str, transcript: str, language: str, model: str, output: str
) -> AlignJob:
    """The job the fields describe; ValueError names the field to fix."""
    if not media.strip():
        raise ValueError("Choose the video or audio file to align.")
    if not transcript.strip():
        raise ValueError("Choose the transcript: a plain UTF-8 text file.")
    tag = language.strip()
    if not _LANGUAGE_TAG.fullmatch(tag):
        raise ValueError(f"“{tag}” is not a language tag like en or fr-CA.")
    if primary_language(tag) != "en" and not model.strip():
        raise ValueError(
            f"Only an English speech model comes with the player: for “{tag}”, "
            "choose a speech model folder (a pocketsphinx model)."
        )
    if not output.strip():
        raise ValueError("Choose where to save the captions.")
    return AlignJob(
        media=Path(media.strip()),
        transcript=Path(transcript.strip()),
        output=Path(output.strip()),
        language=tag,
        model_dir=Path(model.strip()) if model.strip() else None,
    )


def transcript_beside(media: Path) -> Path | None:
    """A transcript named for the media (talk.mp4 -> talk.txt), if there is one."""
    candidate = media.with_suffix(".txt")
    return candidate if candidate.is_file() else None


def plan_lines(media: Path, output: Path, shown: ShownVideo | None) -> list[str]:
    """What will happen, said before the person starts."""
    lines: list[str] = []
    on_show = shown is not None and _same(media, shown.file)
    if on_show and shown is not None and shown.manifest is not None:
        lines.append(
            f"The captions will be listed in {shown.manifest.name} for "
            f"“{shown.title}” and shown at once."
        )
    elif on_show:
        found = _found_beside(media, output)
        lines.append(
            "The captions will be shown at once"
            + (
                "; saved beside the video, they are found again next time."
                if found
                else (
                    f". To find them next time, save them beside the video as "
                    f"{media.stem}.LANGUAGE.vtt."
                )
            )
        )
    else:
        lines.append(
            "The captions will be shown at once, with the file; a module that lists "
            "the file lists them too."
        )
    if on_show and shown is not None:
        lines.extend(
            f"“{title}” is a storytelling segment: its new captions will need a "
            "person's word-for-word review and a seal before the module is used."
            for title in shown.story_titles
        )
    if output.exists():
        lines.append(f"{output.name} exists: you will be asked before it is replaced.")
    return lines


def _same(first: Path, second: Path) -> bool:
    try:
        return first.resolve() == second.resolve()
    except OSError:
        return False


def _found_beside(media: Path, output: Path) -> bool:
    """Whether the discovery rule (talk.mp4 + talk.en.vtt) will find `output` as
    captions of `media`."""
    name = output.name
    if not _same(output.parent, media.parent) or not name.startswith(media.stem + "."):
        return False
    if output.suffix.lower() not in CAPTION_SUFFIXES:
        return False
    middle = name[len(media.stem) + 1 :].split(".")[:-1]
    return not any(part in TRACK_KINDS and part != "captions" for part in middle)


def result_line(outcome: AlignOutcome) -> str:
    """One line: what was made and where it is listed."""
    made = (
        f"Done: {outcome.cue_count} captions from {outcome.word_count} words "
        f"({format_clock(outcome.audio_ms)} of audio), saved as {outcome.output.name}"
    )
    if outcome.listed == ADDED and outcome.manifest is not None:
        made += f" and listed in {outcome.manifest.name}"
    elif outcome.listed == ALREADY_LISTED and outcome.manifest is not None:
        made += f" (already listed in {outcome.manifest.name})"
    return made + "."
