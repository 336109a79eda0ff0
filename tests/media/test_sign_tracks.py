"""Sign-language video tracks (issue 17, manifest part) and damaged video files."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from media.discover import probe_video, sign_videos_beside, video_duration_ms
from media.manifest import load_module
from media.model import ManifestError
from media.sign_languages import (
    SIGN_LANGUAGES,
    sign_language_code,
    sign_language_name,
    sign_language_problem,
)
from media.storytelling import check_module


def add_sign_track(folder: Path, lines: str) -> None:
    manifest = folder / "module.toml"
    text = manifest.read_text(encoding="utf-8").replace(
        "\n  [[videos.segments]]",
        f'\n  [[videos.tracks]]\n  kind = "sign"\n{lines}\n\n  [[videos.segments]]',
        1,
    )
    manifest.write_text(text, encoding="utf-8")


def refusal(folder: Path) -> str:
    with pytest.raises(ManifestError) as caught:
        load_module(folder)
    return caught.value.reason


def test_a_sign_track_is_a_video_of_its_own(make_module, texts):
    folder = make_module()
    (folder / "talk.sign.ase.mp4").write_bytes(texts.mp4_bytes(60_000))
    add_sign_track(
        folder, '  language = "ase"\n  label = "ASL"\n  file = "talk.sign.ase.mp4"'
    )
    video = load_module(folder).video("talk")
    (sign,) = video.sign_tracks
    assert (sign.kind, sign.language, sign.label) == ("sign", "ase", "ASL")
    assert sign.file == folder.resolve() / "talk.sign.ase.mp4"
    assert video.default_sign_track() == sign
    assert "sign" not in [t.kind for t in video.tracks], "never loaded as captions"
    assert check_module(load_module(folder)) == []


@pytest.mark.parametrize(
    ("language", "reason"),
    [
        ("en", "'en' is not a sign-language tag"),
        ("lsf", "French Sign Language (LSF) is 'fsl'"),
        ("asl", "American Sign Language (ASL) is 'ase'"),
        ("", "a sign-language track needs a language"),
        ("sgn-xyz", "'sgn-xyz' is not a sign-language tag"),
    ],
)
def test_a_sign_track_needs_a_sign_language_tag(make_module, language, reason):
    folder = make_module()
    add_sign_track(folder, f'  language = "{language}"\n  file = "talk.sign.mp4"')
    found = refusal(folder)
    assert found.startswith("videos[0].tracks[3].language: ")
    assert reason in found


def test_a_sign_track_outside_the_folder_is_refused(make_module):
    folder = make_module()
    add_sign_track(folder, '  language = "ase"\n  file = "../talk.sign.ase.mp4"')
    assert refusal(folder) == (
        "videos[0].tracks[3].file: '../talk.sign.ase.mp4' is outside the module folder"
    )


def test_a_sign_track_must_be_a_video(make_module):
    folder = make_module()
    add_sign_track(folder, '  language = "bfi"\n  file = "talk.sign.vtt"')
    assert refusal(folder).startswith(
        "videos[0].tracks[3].file: a sign-language track is a video (.mp4"
    )


def test_a_missing_sign_video_is_a_check_error(make_module):
    folder = make_module()
    add_sign_track(folder, '  language = "fcs"\n  file = "talk.sign.fcs.mp4"')
    problems = check_module(load_module(folder))
    assert [p.message for p in problems] == [
        "sign-language video missing: talk.sign.fcs.mp4"
    ]


@pytest.mark.timeout(20)
def test_a_fifo_sign_video_is_never_opened(make_module):
    folder = make_module()
    os.mkfifo(folder / "talk.sign.ase.mp4")
    add_sign_track(folder, '  language = "ase"\n  file = "talk.sign.ase.mp4"')
    (problem,) = check_module(load_module(folder))
    assert problem.message == (
        "sign-language video talk.sign.ase.mp4 cannot be read: is a named pipe "
        "(FIFO), not a regular file"
    )


def test_two_default_sign_tracks_are_refused(make_module):
    folder = make_module()
    for code in ("ase", "fcs"):
        add_sign_track(
            folder, f'  language = "{code}"\n  file = "s.{code}.mp4"\n  default = true'
        )
    assert refusal(folder) == (
        "videos[0].tracks: more than one default sign-language track"
    )


def test_a_single_video_finds_its_sign_video_by_name(tmp_path):
    for name in [
        "talk.mp4",
        "talk.en.vtt",
        "talk.sign.ase.mp4",
        "talk.sign.bfi.webm",
        "talk.sign.xx.mp4",
        "talks.sign.ase.mp4",
    ]:
        (tmp_path / name).write_bytes(b"")
    (video,) = load_module(tmp_path / "talk.mp4").videos
    found = [(t.file.name, t.language, t.label, t.default) for t in video.sign_tracks]
    assert found == [
        ("talk.sign.ase.mp4", "ase", "American Sign Language (ASL)", True),
        ("talk.sign.bfi.webm", "bfi", "British Sign Language (BSL)", False),
    ]
    assert [t.file.name for t in video.tracks] == ["talk.en.vtt"]
    assert sign_videos_beside(tmp_path / "talk.sign.ase.mp4") == ()


@pytest.mark.parametrize(
    ("tag", "code"),
    [
        ("ase", "ase"),
        ("ASE", "ase"),
        ("ase-US", "ase"),
        ("fcs", "fcs"),
        ("bfi", "bfi"),
        ("asf", "asf"),
        ("fsl", "fsl"),
        ("sgn-ase", "ase"),
        ("sgn-US", "sgn"),
        ("sgn-BE-FR", "sfb"),
        ("en", None),
        ("lsf", None),
        ("a s e", None),
        ("sgn-zzz", None),
    ],
)
def test_sign_language_tags(tag, code):
    assert sign_language_code(tag) == code
    assert (sign_language_problem(tag) == "") == (code is not None)


def test_the_table_holds_iso_639_3_sign_languages_only():
    assert len(SIGN_LANGUAGES) > 150
    assert SIGN_LANGUAGES["ase"] == "American Sign Language"
    assert SIGN_LANGUAGES["fcs"] == "Quebec Sign Language"
    assert "asl" not in SIGN_LANGUAGES, "asl is Asilulu, a spoken language"
    assert sign_language_name("fcs") == "Quebec Sign Language (LSQ)"
    assert sign_language_name("sgn-US") == "Sign language (sgn-US)"


# -- damaged video files -------------------------------------------------------------


def test_every_cut_of_an_mp4_gives_a_duration_or_a_plain_problem(tmp_path, texts):
    whole = texts.mp4_bytes(60_000, version=1)
    video = tmp_path / "v.mp4"
    for cut in range(len(whole) + 1):
        video.write_bytes(whole[:cut])
        probe = probe_video(video)
        if cut == len(whole):
            assert probe == probe.__class__(60_000)
        else:
            assert probe.duration_ms is None and probe.problem, cut


@pytest.mark.parametrize("cut", [9, 30, 37, 60, 100])
def test_a_truncated_mp4_never_raises(tmp_path, texts, cut):
    video = tmp_path / "v.mp4"
    video.write_bytes(texts.mp4_bytes(60_000)[:cut])
    probe = probe_video(video)
    assert probe.duration_ms is None
    assert probe.problem.startswith("the video file looks truncated")
    assert video_duration_ms(video) is None


def test_a_truncated_mp4_is_named_by_the_check(make_module, texts):
    folder = make_module(video=texts.mp4_bytes(60_000)[:60])
    (problem,) = check_module(load_module(folder))
    assert problem.severity == "warning"
    assert problem.message.startswith("video talk.mp4: the video file looks truncated")


def test_media_data_cut_short_is_reported_with_the_duration_kept(tmp_path, texts):
    video = tmp_path / "v.mp4"
    mdat = (1000).to_bytes(4, "big") + b"mdat" + b"\0" * 20
    video.write_bytes(texts.mp4_bytes(42_000) + mdat)
    probe = probe_video(video)
    assert probe.duration_ms == 42_000
    assert "inside its 'mdat' box, which declares 1000 bytes" in probe.problem


def test_an_mp4_without_its_index_is_reported(tmp_path):
    video = tmp_path / "v.mp4"
    video.write_bytes((16).to_bytes(4, "big") + b"ftypisom" + b"\0" * 4)
    assert "no 'moov' box" in probe_video(video).problem


@pytest.mark.timeout(20)
def test_a_fifo_video_is_never_opened(make_module):
    folder = make_module(with_video=False)
    os.mkfifo(folder / "talk.mp4")
    (problem,) = check_module(load_module(folder))
    assert problem == problem.__class__(
        "error",
        "video talk.mp4 cannot be read: is a named pipe (FIFO), not a regular file",
        "talk",
    )


@pytest.mark.timeout(20)
def test_a_fifo_track_is_never_opened_by_check(make_module):
    folder = make_module()
    (folder / "talk.fr.vtt").unlink()
    os.mkfifo(folder / "talk.fr.vtt")
    messages = [p.message for p in check_module(load_module(folder))]
    assert messages == [
        "track talk.fr.vtt cannot be read: is a named pipe (FIFO), not a regular file"
    ]


def test_a_folder_given_as_a_track_is_one_error(make_module):
    folder = make_module()
    (folder / "talk.fr.vtt").unlink()
    (folder / "talk.fr.vtt").mkdir()
    messages = [p.message for p in check_module(load_module(folder))]
    assert messages == ["track talk.fr.vtt cannot be read: is a folder, not a file"]


@pytest.mark.timeout(20)
def test_seal_never_opens_a_fifo_track(make_module):
    from media.sealing import seal_module

    folder = make_module(sealed="none")
    (folder / "talk.en.vtt").unlink()
    os.mkfifo(folder / "talk.en.vtt")
    report = seal_module(load_module(folder), write=True)
    assert report.refused and not report.written
