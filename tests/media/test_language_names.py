"""Language names for tracks found beside a video: a tag becomes a name people read."""

from __future__ import annotations

from pathlib import Path

import pytest

from media.discover import load_single_video, tracks_beside
from media.language_names import language_name, track_label


@pytest.mark.parametrize(
    ("tag", "name"),
    [
        ("en", "English"),
        ("fr", "Français"),
        ("FR", "Français"),
        ("es", "Español"),
        ("de", "Deutsch"),
        ("ja", "日本語"),
        ("fre", "Français"),
        ("eng", "English"),
        ("pt-BR", "Português (BR)"),
        ("pt_br", "Português (BR)"),
        ("en-GB", "English (GB)"),
        ("es-419", "Español (419)"),
        ("zh-Hant", "中文 (繁體)"),
        ("zh-Hans-CN", "中文 (简体, CN)"),
        ("sr-Latn", "Српски (Latn)"),
        ("ase", "American Sign Language (ASL)"),
        ("und", "Undetermined language"),
    ],
)
def test_a_tag_is_named_in_its_own_language(tag: str, name: str) -> None:
    assert language_name(tag) == name


@pytest.mark.parametrize("tag", ["tlh", "x-klingon", "qaa", "", "  ", "en us", "<b>"])
def test_what_the_table_does_not_know_is_shown_as_written(tag: str) -> None:
    assert language_name(tag) == tag.strip()


def test_a_huge_or_strange_tag_is_returned_not_parsed_forever() -> None:
    tag = "a" * 100_000
    assert language_name(tag) == tag
    assert language_name("en-" + "x" * 9) == "en-" + "x" * 9


def test_track_labels_name_the_language_and_the_kind() -> None:
    assert track_label("en", "captions") == "English"
    assert track_label("fr", "subtitles") == "Français (subtitles)"
    assert track_label("en", "descriptions") == "English (descriptions)"
    assert track_label("fr", "chapters") == "Français (chapters)"
    assert track_label("", "captions") == ""


def test_tracks_beside_a_video_are_labelled_by_language_name(tmp_path: Path) -> None:
    video = tmp_path / "talk.mp4"
    video.write_bytes(b"")
    for name in (
        "talk.en.vtt",
        "talk.fr.vtt",
        "talk.de.subtitles.vtt",
        "talk.chapters.en.vtt",
        "talk.descriptions.en.vtt",
        "talk.tlh.vtt",
    ):
        (tmp_path / name).write_text("WEBVTT\n", encoding="utf-8")
    labels = {ref.file.name: ref.label for ref in tracks_beside(video)}
    assert labels == {
        "talk.en.vtt": "English",
        "talk.fr.vtt": "Français",
        "talk.tlh.vtt": "tlh",
        "talk.de.subtitles.vtt": "Deutsch (subtitles)",
        "talk.chapters.en.vtt": "English (chapters)",
        "talk.descriptions.en.vtt": "English (descriptions)",
    }
    assert "en" not in labels.values() and "fr" not in labels.values()
    module = load_single_video(video)
    assert module.videos[0].default_track().label == "English"
