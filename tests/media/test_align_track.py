"""From a recording and its transcript to a caption file that passes the checks."""

from __future__ import annotations

import sys

import pytest
from align_support import Clip, cut_clip, silent_video

from captions.lint import LintLimits, lint_cues
from captions.loader import load_track
from captions.safe_files import UnreadableFileError
from captions.transcript_text import parse_transcript
from media.align_track import align_transcript, to_webvtt
from media.speech_model import ModelUnavailableError, find_model, model_in


@pytest.fixture(scope="module")
def clip(tmp_path_factory: pytest.TempPathFactory) -> Clip:
    return cut_clip(tmp_path_factory.mktemp("clip"), 43.0, 16.5)


def test_captions_keep_every_word_and_pass_the_caption_checks(clip, tmp_path):
    transcript = parse_transcript(clip.transcript())
    result = align_transcript(clip.path, transcript)
    said = [w for cue in result.cues for w in cue.plain.split()]
    assert said == transcript.text().split()
    issues = lint_cues(result.cues, "captions", LintLimits())
    assert [i for i in issues if i.severity == "error"] == []
    assert result.unheard == [] and result.warnings == []
    out = tmp_path / "clip.en.vtt"
    out.write_text(to_webvtt(result, "clip.txt"), encoding="utf-8")
    loaded = load_track(out)
    assert loaded.warnings == ()
    assert [c.plain for c in loaded.cues] == [c.plain for c in result.cues]
    assert loaded.cues[0].plain == "[chime]" and loaded.cues[0].voice == ""
    assert {c.voice for c in loaded.cues[1:]} == {"Narrator"}


def test_cue_starts_match_the_sample_within_100_ms(clip):
    result = align_transcript(clip.path, parse_transcript(clip.transcript()))
    starts = [cue.start_ms for cue in result.cues]
    for cue in clip.cues:
        nearest = min(starts, key=lambda start: abs(start - cue.start_ms))
        assert abs(nearest - cue.start_ms) <= 100, (cue.plain, nearest)


def test_words_not_heard_are_listed_in_the_file_with_their_times(clip):
    text = clip.transcript() + "\nThese closing words were never recorded.\n"
    result = align_transcript(clip.path, parse_transcript(text))
    unheard = [w.text for w in result.unheard]
    assert unheard == ["These", "closing", "words", "were", "never", "recorded."]
    vtt = to_webvtt(result, "t.txt")
    assert "6 words were not heard; the times are estimates." in vtt
    for word in result.unheard:
        assert word.text in vtt
    assert vtt.count("-->") == len(result.cues)


def test_a_note_never_holds_an_arrow():
    from media.align_track import AlignedCaptions

    vtt = to_webvtt(AlignedCaptions([], [], 0), "odd --> name.txt")
    assert vtt.count("-->") == 0


def test_media_without_sound_is_refused(tmp_path):
    with pytest.raises(UnreadableFileError, match="no audio stream"):
        align_transcript(silent_video(tmp_path), parse_transcript("Hello."))


def test_another_language_needs_its_own_model():
    with pytest.raises(ModelUnavailableError, match="only an English speech model"):
        find_model("fr")
    assert find_model("en-GB").english


def test_a_model_folder_laid_out_like_pocketsphinxs_own(clip):
    english = find_model("en")
    folder = english.dictionary.parent
    model = model_in(folder, english=False)
    assert model.acoustic == english.acoustic and model.dictionary == english.dictionary
    result = align_transcript(
        clip.path, parse_transcript(clip.transcript()), language="xx", model_dir=folder
    )
    assert result.cues and result.unheard == []


def test_bad_model_folders_say_what_is_missing(tmp_path):
    with pytest.raises(ModelUnavailableError, match="not a model folder"):
        model_in(tmp_path / "none", english=False)
    with pytest.raises(ModelUnavailableError, match="no acoustic model"):
        model_in(tmp_path, english=False)
    (tmp_path / "mdef").write_text("x")
    with pytest.raises(ModelUnavailableError, match=r"no \.dict"):
        model_in(tmp_path, english=False)
    (tmp_path / "a.dict").write_text("x")
    (tmp_path / "b.dict").write_text("x")
    with pytest.raises(ModelUnavailableError, match=r"more than one \.dict"):
        model_in(tmp_path, english=False)


def test_without_pocketsphinx_the_message_says_how_to_install(monkeypatch):
    monkeypatch.setitem(sys.modules, "pocketsphinx", None)
    with pytest.raises(
        ModelUnavailableError, match=r"pip install 'transcript-player\[align\]'"
    ):
        find_model("en")
