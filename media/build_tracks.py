"""Writes the sample's WebVTT tracks and module.toml from its timeline (no Qt)."""

from __future__ import annotations

import json
from pathlib import Path

from captions import loader
from captions.story_seal import fields_seal, story_indices, track_seal
from captions.timefmt import format_vtt
from media import sample_script as script
from media.build_timeline import TimedCue, Timeline
from media.model import Segment

NOTE = "NOTE Built by `python -m media.build_sample` from media/sample_script.py."
SEGMENT_ID = "own-stories"
TRACK_FILES = (
    # kind, language, label, file suffix, default
    ("captions", "en", "English (CC)", "en.vtt", True),
    ("subtitles", "fr", "Français", "fr.vtt", False),
    ("chapters", "en", "Chapters", "chapters.en.vtt", False),
    ("chapters", "fr", "Chapitres", "chapters.fr.vtt", False),
    ("descriptions", "en", "English descriptions", "descriptions.en.vtt", False),
)
# The stand-in sign-language video (media/build_slides.py), for the main video only.
SIGNED_VIDEOS = ("building-trust",)
SIGN_TRACK = ("sign", "ase", "ASL (stand-in)", "sign.ase.mp4", False)


def escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def vtt_text(spans: list[tuple[int, int, str]]) -> str:
    """A WebVTT file of (start, end, raw cue text) spans."""
    blocks = ["WEBVTT", NOTE]
    for start, end, text in spans:
        blocks.append(f"{format_vtt(start)} --> {format_vtt(end)}\n{text}")
    return "\n\n".join(blocks) + "\n"


def caption_text(cue: TimedCue, french: bool) -> str:
    lines = "\n".join(escape(line) for line in (cue.fr if french else cue.en))
    if not cue.voice:
        return lines
    voice = script.VOICE_FR[cue.voice] if french else cue.voice
    return f"<v {voice}>{lines}"


def describe(timeline: Timeline, index: int) -> str:
    """What is on screen during a slide, for the descriptions track."""
    slide = timeline.slides[index].slide
    if slide.description:
        return escape(slide.description)
    text = f"Slide: {slide.heading}."
    if slide.points:
        text += " Points appear as they are spoken: " + "; ".join(slide.points) + "."
    return escape(text)


def track_spans(timeline: Timeline) -> dict[str, list[tuple[int, int, str]]]:
    """Every track's spans, keyed by file suffix."""
    cues = timeline.cues
    return {
        "en.vtt": [(c.start_ms, c.end_ms, caption_text(c, False)) for c in cues],
        "fr.vtt": [(c.start_ms, c.end_ms, caption_text(c, True)) for c in cues],
        "chapters.en.vtt": [
            (c.start_ms, c.end_ms, escape(c.title)) for c in timeline.chapters
        ],
        "chapters.fr.vtt": [
            (c.start_ms, c.end_ms, escape(c.title_fr)) for c in timeline.chapters
        ],
        "descriptions.en.vtt": [
            (s.start_ms, s.end_ms, describe(timeline, i))
            for i, s in enumerate(timeline.slides)
        ],
    }


def story_segment(timeline: Timeline) -> Segment | None:
    if timeline.segment is None:
        return None
    start, end = timeline.segment
    return Segment(
        SEGMENT_ID,
        "storytelling",
        timeline.story_title,
        start,
        end,
        script.STAND_IN,
        script.STORY_ATTRIBUTION,
        stand_in=True,
    )


SEALED_SUFFIXES = ("en.vtt", "fr.vtt")  # the captions and subtitles tracks


def seals(timeline: Timeline, folder: Path) -> tuple[str, list[tuple[str, str]]]:
    """The segment's own seal and each sealed track's, from the files as written."""
    segment = story_segment(timeline)
    assert segment is not None
    own = fields_seal(
        segment.title, segment.speaker, segment.attribution, segment.stand_in
    )
    tracks = []
    for suffix in SEALED_SUFFIXES:
        name = f"{timeline.video.id}.{suffix}"
        cues = loader.load_track(folder / name).cues
        indices = story_indices(cues, segment.start_ms, segment.end_ms)
        tracks.append((name, track_seal(cues, indices)))
    return own, tracks


def toml_string(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)


def video_toml(
    timeline: Timeline, sealed: tuple[str, list[tuple[str, str]]] | None
) -> list[str]:
    video = timeline.video
    lines = [
        "[[videos]]",
        f"id = {toml_string(video.id)}",
        f"title = {toml_string(video.title)}",
        f"file = {toml_string(video.id + '.mp4')}",
    ]
    signed = (SIGN_TRACK,) if video.id in SIGNED_VIDEOS else ()
    for kind, language, label, suffix, default in (*TRACK_FILES, *signed):
        lines += [
            "",
            "  [[videos.tracks]]",
            f"  kind = {toml_string(kind)}",
            f"  language = {toml_string(language)}",
            f"  label = {toml_string(label)}",
            f"  file = {toml_string(f'{video.id}.{suffix}')}",
        ]
        if default:
            lines.append("  default = true")
    segment = story_segment(timeline)
    if segment is not None and sealed is not None:
        own, tracks = sealed
        lines += [
            "",
            "  [[videos.segments]]",
            f"  id = {toml_string(segment.id)}",
            f"  kind = {toml_string(segment.kind)}",
            f"  title = {toml_string(segment.title)}",
            f"  start = {toml_string(format_vtt(segment.start_ms))}",
            f"  end = {toml_string(format_vtt(segment.end_ms))}",
            f"  speaker = {toml_string(segment.speaker)}",
            f"  attribution = {toml_string(segment.attribution)}",
            "  stand_in = true",
            f"  seal = {toml_string(own)}",
            "",
            "    [videos.segments.track_seals]",
            *(
                f"    {toml_string(name)} = {toml_string(value)}"
                for name, value in tracks
            ),
        ]
    for at_ms, prompt in timeline.pauses:
        lines += [
            "",
            "  [[videos.pauses]]",
            f"  at = {toml_string(format_vtt(at_ms))}",
            f"  prompt = {toml_string(prompt)}",
        ]
    return lines


def write_module_files(folder: Path, timelines: list[Timeline]) -> None:
    """Write every track of every video, then the manifest with sealed segments."""
    manifest = [
        "# Built by `python -m media.build_sample`; see README.md.",
        "schema = 1",
        f"id = {toml_string(script.MODULE_ID)}",
        f"title = {toml_string(script.MODULE_TITLE)}",
        'language = "en"',
        f"credit = {toml_string(script.MODULE_CREDIT)}",
        f"contact = {toml_string(script.MODULE_CONTACT)}",
    ]
    for timeline in timelines:
        for suffix, spans in track_spans(timeline).items():
            path = folder / f"{timeline.video.id}.{suffix}"
            path.write_text(vtt_text(spans), encoding="utf-8")
        sealed = seals(timeline, folder) if timeline.segment is not None else None
        manifest += ["", *video_toml(timeline, sealed)]
    (folder / "module.toml").write_text("\n".join(manifest) + "\n", encoding="utf-8")
