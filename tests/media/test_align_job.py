"""One alignment as the app runs it (media/align_job.py), with a stand-in aligner:
inputs checked first, the captions whole or not at all, the module's manifest
edited and validated, what a person must check said in sentences."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from captions.cue_builder import build_cues
from captions.loader import load_track
from captions.safe_files import UnreadableFileError
from captions.transcript_text import Transcript
from captions.word_timing import TimedWord
from media import align_job
from media.align_job import (
    ADDED,
    ALREADY_LISTED,
    AlignJob,
    AlignOutcome,
    JobCancelled,
    check_lines,
    run_job,
)
from media.align_track import AlignedCaptions
from media.manifest import load_manifest
from media.model import ManifestError

MANIFEST = """schema = 1
id = "m"
title = "M"

[[videos]]
id = "talk"
title = "A talk"
file = "talk.mp4"

  [[videos.segments]]
  id = "story"
  kind = "storytelling"
  title = "The story"
  start = "00:00:02.000"
  end = "00:00:04.000"
  speaker = "Narrator"
  attribution = "A stand-in for a recorded story"
"""
TEXT = "Narrator: Welcome to the module.\n\nTrust takes time. Listen first.\n"


class FakeAligner:
    """Even times, the last word not heard; records each call's options."""

    def __init__(self) -> None:
        self.calls: list[dict[str, Any]] = []

    def __call__(
        self, media: Path, transcript: Transcript, **options: Any
    ) -> AlignedCaptions:
        self.calls.append(options)
        words = transcript.words
        timed = [
            TimedWord(w, i * 600, i * 600 + 500, heard=i < len(words) - 1)
            for i, w in enumerate(words)
        ]
        options["progress"](3000, 6000)
        return AlignedCaptions(build_cues(timed), timed, 6000, guessed=["Trust"])


@pytest.fixture
def talk(tmp_path: Path) -> AlignJob:
    media = tmp_path / "talk.mp4"
    media.write_bytes(b"stands in for a recording")
    transcript = tmp_path / "talk.txt"
    transcript.write_text(TEXT, encoding="utf-8")
    return AlignJob(media, transcript, tmp_path / "talk.en.vtt")


@pytest.fixture
def module_talk(talk: AlignJob) -> AlignJob:
    (talk.media.parent / "module.toml").write_text(MANIFEST, encoding="utf-8")
    return talk


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


def test_a_single_video_gets_its_captions_beside_it(talk: AlignJob) -> None:
    aligner, reports = FakeAligner(), []
    outcome = run_job(talk, lambda *a: reports.append(a), align=aligner)
    track = load_track(talk.output)
    said = " ".join(cue.plain.replace("\n", " ") for cue in track.cues)
    assert said == "Welcome to the module. Trust takes time. Listen first."
    assert track.cues[0].voice == "Narrator"
    assert (outcome.cue_count, outcome.word_count) == (len(track.cues), 9)
    assert outcome.manifest is None and outcome.listed == "" and not outcome.stories
    assert reports == [(3000, 6000)]
    assert aligner.calls[0]["edges_ms"] == []
    assert leftovers(talk.output.parent) == []


def test_a_module_video_is_listed_in_its_manifest_once(module_talk: AlignJob) -> None:
    aligner = FakeAligner()
    outcome = run_job(module_talk, lambda *a: None, align=aligner)
    assert outcome.listed == ADDED and outcome.video_id == "talk"
    assert outcome.manifest == module_talk.media.parent / "module.toml"
    module = load_manifest(outcome.manifest)
    (track,) = module.video("talk").tracks
    assert track.file == module_talk.output and track.label == "English (aligned)"
    assert track.default, "the video had no captions"
    assert aligner.calls[0]["edges_ms"] == [2000, 4000], "no cue straddles the story"
    again = run_job(
        AlignJob(**{**module_talk.__dict__, "replace": True}),
        lambda *a: None,
        align=aligner,
    )
    assert again.listed == ALREADY_LISTED
    assert len(load_manifest(outcome.manifest).video("talk").tracks) == 1


def test_a_storytelling_segment_asks_for_a_review_and_a_seal(
    module_talk: AlignJob,
) -> None:
    outcome = run_job(module_talk, lambda *a: None, align=FakeAligner())
    (story,) = outcome.stories
    assert "“The story” (0:02 to 0:04)" in story
    assert "review against the recording, word for word" in story
    assert f"transcript-player seal {module_talk.media.parent} --write" in story


def test_outside_the_module_folder_is_refused_before_aligning(
    module_talk: AlignJob, tmp_path_factory: pytest.TempPathFactory
) -> None:
    elsewhere = tmp_path_factory.mktemp("elsewhere") / "talk.en.vtt"
    aligner = FakeAligner()
    with pytest.raises(ManifestError, match="outside the module folder"):
        run_job(
            AlignJob(module_talk.media, module_talk.transcript, elsewhere),
            lambda *a: None,
            align=aligner,
        )
    assert not aligner.calls and not elsewhere.exists()


def test_cancelling_from_the_progress_callback_writes_nothing(talk: AlignJob) -> None:
    def cancel(_done: int, _total: int | None) -> None:
        raise JobCancelled

    with pytest.raises(JobCancelled):
        run_job(talk, cancel, align=FakeAligner())
    assert not talk.output.exists() and leftovers(talk.output.parent) == []


def test_a_stop_asked_before_aligning_never_starts_it(talk: AlignJob) -> None:
    aligner = FakeAligner()
    with pytest.raises(JobCancelled):
        run_job(talk, lambda *a: None, should_stop=lambda: True, align=aligner)
    assert not aligner.calls and not talk.output.exists()


def test_an_existing_file_is_kept_unless_replace_was_agreed(talk: AlignJob) -> None:
    talk.output.write_text("keep me", encoding="utf-8")
    with pytest.raises(UnreadableFileError, match="already exists"):
        run_job(talk, lambda *a: None, align=FakeAligner())
    assert talk.output.read_text(encoding="utf-8") == "keep me"
    agreed = AlignJob(talk.media, talk.transcript, talk.output, replace=True)
    run_job(agreed, lambda *a: None, align=FakeAligner())
    assert talk.output.read_text(encoding="utf-8").startswith("WEBVTT")


def test_a_file_that_appears_while_aligning_is_not_replaced(talk: AlignJob) -> None:
    class Intruding(FakeAligner):
        def __call__(self, media: Path, transcript: Transcript, **options: Any) -> Any:
            talk.output.write_text("someone else's", encoding="utf-8")
            return super().__call__(media, transcript, **options)

    with pytest.raises(UnreadableFileError, match="already exists"):
        run_job(talk, lambda *a: None, align=Intruding())
    assert talk.output.read_text(encoding="utf-8") == "someone else's"


@pytest.mark.parametrize("kind", ["missing", "folder", "fifo", "not-utf8", "empty"])
def test_unreadable_inputs_stop_before_aligning(
    talk: AlignJob, tmp_path: Path, kind: str
) -> None:
    bad = tmp_path / f"bad-{kind}.txt"
    if kind == "folder":
        bad.mkdir()
    elif kind == "fifo":
        os.mkfifo(bad)
    elif kind == "not-utf8":
        bad.write_bytes(b"caf\xe9")
    elif kind == "empty":
        bad.write_bytes(b"\n\n")
    aligner = FakeAligner()
    with pytest.raises(UnreadableFileError) as raised:
        run_job(AlignJob(talk.media, bad, talk.output), lambda *a: None, align=aligner)
    assert str(bad) in str(raised.value) and "\n" not in str(raised.value)
    assert not aligner.calls and not talk.output.exists()


def test_the_output_may_not_be_an_input(talk: AlignJob) -> None:
    with pytest.raises(UnreadableFileError, match="is an input"):
        run_job(
            AlignJob(talk.media, talk.transcript, talk.transcript, replace=True),
            lambda *a: None,
            align=FakeAligner(),
        )
    assert talk.transcript.read_text(encoding="utf-8") == TEXT


def test_a_manifest_that_cannot_list_it_keeps_the_captions(
    module_talk: AlignJob, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*_args: Any) -> None:
        raise ManifestError(module_talk.media.parent / "module.toml", "read-only")

    monkeypatch.setattr(align_job, "add_track", refuse)
    outcome = run_job(module_talk, lambda *a: None, align=FakeAligner())
    assert module_talk.output.exists()
    assert outcome.listed == "" and "module.toml: read-only" in outcome.manifest_problem
    assert outcome.stories, "the story still needs its review"


def test_what_to_check_names_each_unheard_word_with_its_time(talk: AlignJob) -> None:
    outcome = run_job(talk, lambda *a: None, align=FakeAligner())
    assert outcome.checks[0] == (
        4800,
        "00:00:04.800 “first.”: not heard in the recording; its time is an estimate",
    )
    assert (None, "Pronunciations guessed for: Trust") in outcome.checks


def test_a_long_list_of_unheard_words_is_cut_and_counted(
    talk: AlignJob, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(align_job, "LISTED_WORDS", 3)
    result = FakeAligner()(talk.media, _transcript(talk), progress=lambda *a: None)
    result.words = [
        TimedWord(w.word, w.start_ms, w.end_ms, False) for w in result.words
    ]
    lines = check_lines(result, talk.output)
    timed = [line for line in lines if line[0] is not None]
    assert len(timed) == 3
    assert (None, "… and 6 more words not heard in the recording") in lines


def test_the_job_and_its_outcome_cross_the_process_boundary_as_json(
    talk: AlignJob,
) -> None:
    job = AlignJob(talk.media, talk.transcript, talk.output, "fr-CA", Path("/m"), True)
    assert AlignJob.from_json(job.to_json()) == job
    outcome = AlignOutcome(
        talk.output, 3, 9, 6000, "en", Path("/x/module.toml"), "talk", ADDED, "",
        [(None, "a note"), (1200, "a word")], ["a story"],
    )  # fmt: skip
    assert AlignOutcome.from_json(outcome.to_json()) == outcome


def _transcript(job: AlignJob) -> Transcript:
    from captions.transcript_text import read_transcript

    return read_transcript(job.transcript)


def test_an_output_that_is_a_folder_is_one_line_and_nothing_is_left(
    talk: AlignJob,
) -> None:
    folder = talk.media.parent / "captions.vtt"
    folder.mkdir()
    with pytest.raises(UnreadableFileError, match="cannot write it"):
        run_job(
            AlignJob(talk.media, talk.transcript, folder, replace=True),
            lambda *a: None,
            align=FakeAligner(),
        )
    assert folder.is_dir() and leftovers(talk.media.parent) == []
