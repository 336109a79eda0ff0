"""One alignment from start to finish, as the app runs it: check the inputs, align,
write the captions whole, list them in the module, say what a person must check.

No Qt: the app runs this in a child process (player/alignment/child.py), because
pocketsphinx holds the interpreter lock while it decodes. Cancelling is raising from
the progress callback, which stops the decoder and ffmpeg; nothing is written then.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from captions.lint import LintLimits, lint_cues
from captions.safe_files import UnreadableFileError, check_regular_file
from captions.timefmt import format_clock, format_vtt
from captions.transcript_text import Transcript, read_transcript
from media.align_track import AlignedCaptions, Progress, align_transcript, to_webvtt
from media.audio_decode import DecoderMissingError
from media.manifest_tracks import add_track, find_module_of, is_listed, track_for
from media.model import ManifestError, Module, Video
from media.speech_model import ModelUnavailableError, primary_language

# What stops a job with one plain line, the inputs unchanged.
JOB_ERRORS = (
    UnreadableFileError,
    ManifestError,
    ModelUnavailableError,
    DecoderMissingError,
)
ADDED, ALREADY_LISTED, NOT_A_MODULE = "added", "already listed", ""
LISTED_WORDS = 1000  # unheard words listed one by one; the rest are counted
Aligner = Callable[..., AlignedCaptions]


class JobCancelled(Exception):
    """The person cancelled: raised from the progress callback."""


@dataclass(frozen=True)
class AlignJob:
    """What to align and where the captions go; `replace` is the person's yes to
    replacing an existing file."""

    media: Path
    transcript: Path
    output: Path
    language: str = "en"
    model_dir: Path | None = None
    replace: bool = False

    def to_json(self) -> dict[str, Any]:
        return {
            "media": str(self.media),
            "transcript": str(self.transcript),
            "output": str(self.output),
            "language": self.language,
            "model_dir": str(self.model_dir) if self.model_dir else None,
            "replace": self.replace,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> AlignJob:
        model = data.get("model_dir")
        return cls(
            Path(data["media"]),
            Path(data["transcript"]),
            Path(data["output"]),
            str(data.get("language") or "en"),
            Path(model) if model else None,
            bool(data.get("replace")),
        )


@dataclass
class AlignOutcome:
    """What was made, where it is listed, and what a person should check.

    `checks` are (time or None, sentence); `stories` say what each storytelling
    segment of the video still needs. `manifest_problem` is set when the captions
    were written but the module's manifest could not list them.
    """

    output: Path
    cue_count: int
    word_count: int
    audio_ms: int
    language: str
    manifest: Path | None = None
    video_id: str = ""
    listed: str = NOT_A_MODULE
    manifest_problem: str = ""
    checks: list[tuple[int | None, str]] = field(default_factory=list)
    stories: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "output": str(self.output),
            "cue_count": self.cue_count,
            "word_count": self.word_count,
            "audio_ms": self.audio_ms,
            "language": self.language,
            "manifest": str(self.manifest) if self.manifest else None,
            "video_id": self.video_id,
            "listed": self.listed,
            "manifest_problem": self.manifest_problem,
            "checks": [list(check) for check in self.checks],
            "stories": list(self.stories),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> AlignOutcome:
        manifest = data.get("manifest")
        return cls(
            Path(data["output"]),
            int(data["cue_count"]),
            int(data["word_count"]),
            int(data["audio_ms"]),
            str(data["language"]),
            Path(manifest) if manifest else None,
            str(data.get("video_id", "")),
            str(data.get("listed", "")),
            str(data.get("manifest_problem", "")),
            [(None if t is None else int(t), str(s)) for t, s in data["checks"]],
            [str(s) for s in data.get("stories", [])],
        )


def default_output(media: Path, language: str) -> Path:
    """Beside the media, named for it and the language: talk.mp4 -> talk.en.vtt."""
    return media.with_name(f"{media.stem}.{primary_language(language) or 'en'}.vtt")


def output_problem(output: Path, inputs: tuple[Path, ...], replace: bool) -> str:
    """Why the captions cannot be written to `output` ("" when they can)."""
    for given in inputs:
        if output.resolve() == given.resolve():
            return "is an input; name another file for the captions"
    if output.exists() and not replace:
        return "already exists"
    if not output.parent.is_dir():
        return f"no such folder for the captions ({output.parent})"
    return ""


def write_captions(output: Path, text: str) -> None:
    """Whole or not at all: written beside the target, then moved over it."""
    temporary = output.with_name(f".{output.name}.writing")
    try:
        temporary.write_text(text, encoding="utf-8", newline="\n")
        temporary.replace(output)
    except OSError as error:
        temporary.unlink(missing_ok=True)
        reason = error.strerror or str(error)
        raise UnreadableFileError(output, f"cannot write it ({reason})") from None


def module_of(media: Path) -> tuple[Module, Video] | None:
    """The module whose module.toml lists `media`, if any (a single video: None)."""
    owner = find_module_of(media)
    if owner is None or owner[0].manifest is None:
        return None
    return owner


def run_job(
    job: AlignJob,
    progress: Progress,
    *,
    should_stop: Callable[[], bool] = lambda: False,
    align: Aligner = align_transcript,
) -> AlignOutcome:
    """Check, align, write, list. Raises one of JOB_ERRORS (nothing written) or
    JobCancelled (nothing written); a manifest that cannot take the track keeps
    the captions and says so in `manifest_problem`."""
    transcript = _checked_inputs(job)
    owner = module_of(job.media)
    if owner is not None:
        track_for(*owner, job.output, job.language)  # refuses a file outside it
    edges = (
        [t for s in owner[1].segments for t in (s.start_ms, s.end_ms)] if owner else []
    )
    if should_stop():
        raise JobCancelled
    result = align(
        job.media,
        transcript,
        language=job.language,
        model_dir=job.model_dir,
        progress=progress,
        edges_ms=edges,
    )
    if should_stop():
        raise JobCancelled
    problem = output_problem(job.output, (job.media, job.transcript), job.replace)
    if problem:  # the file appeared while the speech was aligned
        raise UnreadableFileError(job.output, problem)
    write_captions(job.output, to_webvtt(result, job.transcript.name))
    outcome = AlignOutcome(
        job.output,
        len(result.cues),
        len(result.words),
        result.audio_ms,
        job.language,
        checks=check_lines(result, job.output),
    )
    if owner is not None:
        _list_in_module(outcome, *owner)
    return outcome


def _checked_inputs(job: AlignJob) -> Transcript:
    check_regular_file(job.media)
    transcript = read_transcript(job.transcript)
    problem = output_problem(job.output, (job.media, job.transcript), job.replace)
    if problem:
        raise UnreadableFileError(job.output, problem)
    return transcript


def _list_in_module(outcome: AlignOutcome, module: Module, video: Video) -> None:
    outcome.manifest, outcome.video_id = module.manifest, video.id
    try:
        if is_listed(video, outcome.output):
            outcome.listed = ALREADY_LISTED
        else:
            track = track_for(module, video, outcome.output, outcome.language)
            add_track(module, video, track)
            outcome.listed = ADDED
    except ManifestError as error:
        outcome.manifest_problem = str(error)
    outcome.stories = story_lines(module, video)


def story_lines(module: Module, video: Video) -> list[str]:
    """What the rules ask before a module whose story has new captions is used."""
    return [
        f"“{video.title}” holds the storytelling segment “{segment.title}” "
        f"({format_clock(segment.start_ms)} to {format_clock(segment.end_ms)}). "
        "Its new captions need a person's review against the recording, word for "
        "word, and then a seal (transcript-player seal "
        f"{module.folder} --write) before the module is used."
        for segment in video.segments
    ]


def check_lines(result: AlignedCaptions, output: Path) -> list[tuple[int | None, str]]:
    """What a person should check, in plain sentences; times where they help."""
    lines: list[tuple[int | None, str]] = [(None, w) for w in result.warnings]
    unheard = result.unheard
    for word in unheard[:LISTED_WORDS]:
        lines.append(
            (
                word.start_ms,
                f"{format_vtt(word.start_ms)} “{word.text}”: not heard in the "
                "recording; its time is an estimate",
            )
        )
    if len(unheard) > LISTED_WORDS:
        more = len(unheard) - LISTED_WORDS
        lines.append((None, f"… and {more} more words not heard in the recording"))
    if result.guessed:
        words = ", ".join(dict.fromkeys(result.guessed))
        lines.append((None, f"Pronunciations guessed for: {words}"))
    if result.unsayable:
        words = ", ".join(dict.fromkeys(result.unsayable))
        lines.append((None, f"No pronunciation could be found for: {words}"))
    issues = lint_cues(result.cues, "captions", LintLimits())
    if issues:
        rules = ", ".join(sorted({issue.rule for issue in issues}))
        lines.append(
            (
                None,
                f"{len(issues)} caption checks warn ({rules}) where the speech "
                f"leaves no room: transcript-player check {output} lists them",
            )
        )
    return lines
