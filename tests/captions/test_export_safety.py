"""Exports that cannot inject, that carry the story's credit visibly, and that refuse
an altered story (issues 10 and 14)."""

from __future__ import annotations

import html
import string
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from captions import load_track_bytes
from captions.export import (
    TEXT_FORMATS,
    StoryAlteredError,
    export_as,
    story_export_refusal,
    to_srt,
    to_txt,
    to_vtt,
)
from captions.model import Cue, Track
from captions.paragraphs import SegmentSpan
from captions.story_seal import fields_seal, story_indices, track_seal

FORGED = (
    "\n\n99\n00:00:00,000 --> 00:09:00,000\nforged"
    "\n\n00:00:00.000 --> 00:09:00.000\nforged"
)
HOSTILE_TITLE = f"Own stories{FORGED}"
HOSTILE_CREDIT = f"A. Teller <b>&amp;</b> & co{FORGED}"


def cue(start: int, end: int, plain: str, voice: str = "") -> Cue:
    """A cue as the loader gives it: raw WebVTT text escaped from its plain words."""
    escaped = plain.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    name = voice.replace("&", "&amp;").replace(">", "&gt;")
    raw = f"<v {name}>{escaped}" if voice else escaped
    return Cue(start, end, raw, plain, voice=voice)


def story_cues() -> list[Cue]:
    return [
        cue(1_000, 3_000, "Welcome.", "Host"),
        cue(10_000, 13_000, "Everyone has a story.", "Teller"),
        cue(13_000, 16_000, "Let them tell it.", "Teller"),
        cue(21_000, 23_000, "Thank you.", "Host"),
    ]


def words(text: str) -> str:
    return " ".join(text.split())


# -- no injection ----------------------------------------------------------------------


def test_an_escaped_script_tag_stays_text_in_srt():
    raw = "&lt;script&gt;alert(1)&lt;/script&gt; &amp;amp;"
    cues = [Cue(0, 1000, raw, "<script>alert(1)</script> &amp;")]
    written = to_srt(cues)
    assert "<script>" not in written
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp;amp;" in written
    back = load_track_bytes(written.encode(), "x.srt")
    assert [c.plain for c in back.cues] == ["<script>alert(1)</script> &amp;"]


@pytest.mark.parametrize("fmt", ["srt", "vtt"])
def test_a_hostile_title_or_attribution_forges_no_cue(fmt):
    span = SegmentSpan(10_000, 20_000, HOSTILE_TITLE, HOSTILE_CREDIT)
    written = export_as(fmt, story_cues(), segments=[span], module_title=HOSTILE_TITLE)
    back = load_track_bytes(written.encode(), f"x.{fmt}")
    assert back.warnings == ()
    texts = [words(c.plain) for c in back.cues]
    assert "forged" not in texts
    assert len(back.cues) == len(story_cues()) + 1
    (credit,) = [c for c in back.cues if c.plain.startswith("[Storytelling segment")]
    assert (credit.start_ms, credit.end_ms) == (10_000, 20_000)
    assert words(credit.plain) == words(
        f"[Storytelling segment: {HOSTILE_TITLE}: {HOSTILE_CREDIT}]"
    )
    assert "<b>" not in written


def test_a_hostile_speaker_name_stays_text_in_srt():
    cues = [Cue(0, 1000, "<v A&lt;b&gt;&amp;>Hi", "Hi", voice="A<b>&\n-->x")]
    written = to_srt(cues)
    assert "<b>" not in written and "-->x" not in written
    (back,) = load_track_bytes(written.encode(), "x.srt").cues
    assert back.plain == "A<b>& -->x: Hi"


def test_cue_text_with_arrows_and_blank_lines_forges_no_cue():
    cues = [
        Cue(0, 1000, "a\n\n2\n00:00:05,000 --> 00:00:06,000\nb", "a 2 --> b"),
        Cue(1000, 2000, "c", "c"),
    ]
    for fmt in ("srt", "vtt"):
        back = load_track_bytes(export_as(fmt, cues).encode(), f"x.{fmt}")
        assert [(c.start_ms, c.end_ms) for c in back.cues] == [(0, 1000), (1000, 2000)]


# -- the credit is visible and says what the story is --------------------------


@dataclass(frozen=True)
class StandIn:
    """A segment shaped like media.model.Segment, without seals."""

    start_ms: int = 10_000
    end_ms: int = 20_000
    title: str = "Own stories"
    attribution: str = "A. Teller, community consultant"
    stand_in: bool = True


@pytest.mark.parametrize("fmt", TEXT_FORMATS)
def test_every_export_says_stand_in_and_never_told_by(fmt):
    written = export_as(fmt, story_cues(), segments=[StandIn()])
    assert "Stand-in for the story of A. Teller, community consultant" in written
    assert "told by" not in written.lower()


def test_the_vtt_export_has_a_visible_attribution_cue_over_the_story():
    written = to_vtt(story_cues(), segments=[StandIn(stand_in=False)])
    back = load_track_bytes(written.encode(), "x.vtt")
    (credit,) = [c for c in back.cues if c.identifier == "storytelling-attribution-1"]
    assert (credit.start_ms, credit.end_ms) == (10_000, 20_000)
    assert credit.plain == (
        "[Storytelling segment: Own stories: A. Teller, community consultant]"
    )
    assert credit.settings.line == 0, "at the top, clear of the captions"
    assert back.cues.index(credit) == 1, "just before the story's first cue"


# -- exports refuse an altered story ---------------------------------------------------


@dataclass(frozen=True)
class Sealed:
    """A sealed segment as captions.story_check.SealedSegment describes it."""

    start_ms: int
    end_ms: int
    title: str
    speaker: str
    attribution: str
    stand_in: bool
    seal: str
    track_seals: tuple[tuple[Path, str], ...]
    checksum: str = ""
    legacy_track: Path | None = None
    contact: str = "the Learning Team"
    extra: dict[str, str] = field(default_factory=dict, compare=False)


SOURCE = Path("/modules/m/talk.en.vtt")


def sealed_story(cues: list[Cue], **changes: object) -> Sealed:
    indices = story_indices(cues, 10_000, 20_000)
    values: dict[str, object] = {
        "start_ms": 10_000,
        "end_ms": 20_000,
        "title": "Own stories",
        "speaker": "Teller",
        "attribution": "A. Teller, community consultant",
        "stand_in": False,
        "seal": fields_seal(
            "Own stories", "Teller", "A. Teller, community consultant", False
        ),
        "track_seals": ((SOURCE, track_seal(cues, indices)),),
    }
    values.update(changes)
    return Sealed(**values)  # type: ignore[arg-type]


def track_of(cues: list[Cue], kind: str = "captions") -> Track:
    return Track(tuple(cues), kind=kind, source=str(SOURCE))


def test_an_intact_sealed_story_exports():
    segment = sealed_story(story_cues())
    assert story_export_refusal(track_of(story_cues()), [segment]) == ""
    assert "A. Teller, community consultant" in export_as(
        "txt", track_of(story_cues()), segments=[segment]
    )


@pytest.mark.parametrize("fmt", TEXT_FORMATS)
def test_a_changed_word_is_refused_with_the_reason(fmt):
    segment = sealed_story(story_cues())
    changed = story_cues()
    changed[2] = cue(13_000, 16_000, "Tell it for them.", "Teller")
    with pytest.raises(StoryAlteredError) as refused:
        export_as(fmt, track_of(changed), segments=[segment])
    assert refused.value.reason == (
        "the story “Own stories” (A. Teller, community consultant) differs from the "
        "version that was reviewed, so it is not exported: in talk.en.vtt, the words "
        "of the cue at 0:13.000 changed since the review (now “Tell it for them.”). "
        "Ask the Learning Team to review it and seal it again."
    )


def test_a_changed_attribution_is_refused_whatever_the_track():
    segment = sealed_story(story_cues(), attribution="Someone else")
    descriptions = track_of(story_cues(), kind="descriptions")
    reason = story_export_refusal(descriptions, [segment])
    assert "the attribution changed since the review (now “Someone else”)" in reason


def test_a_timing_fix_exports_the_whole_story_where_its_cues_now_are():
    segment = sealed_story(story_cues())
    moved = [
        cue(c.start_ms - 500, c.end_ms - 500, c.plain, c.voice) for c in story_cues()
    ]
    text = to_txt(track_of(moved).cues, segments=[segment])
    back = load_track_bytes(
        export_as("vtt", track_of(moved), segments=[segment]).encode(), "x.vtt"
    )
    (credit,) = [
        c for c in back.cues if c.identifier.startswith("storytelling-attribution")
    ]
    assert (credit.start_ms, credit.end_ms) == (9_500, 15_500)
    assert "Everyone has a story." in text


def test_a_track_the_seal_does_not_cover_is_not_refused():
    segment = sealed_story(story_cues())
    other = Track(
        tuple(story_cues()), kind="subtitles", source="/modules/m/talk.de.vtt"
    )
    assert story_export_refusal(other, [segment]) == ""


# -- property-based round trips ------------------------------------------------

ALPHABET = string.ascii_letters + string.digits + " \t\n\r<>&;:-/.,!?'\"é漢\u200b\u202e"
TEXTS = st.text(alphabet=ALPHABET, min_size=1, max_size=40).filter(lambda t: t.strip())
TOKENS = st.sampled_from(
    ["-->", "&lt;", "&amp;", "<b>", "</i>", "NOTE", "WEBVTT", "\n\n", "1\n"]
)
PLAIN = (
    st.lists(st.one_of(TEXTS, TOKENS), min_size=1, max_size=4)
    .map("".join)
    .filter(lambda t: t.strip())
)
VOICES = st.one_of(
    st.just(""),
    st.text(alphabet=string.ascii_letters + " <&", min_size=1, max_size=8).filter(
        lambda t: t.strip()
    ),
)


@st.composite
def cue_lists(draw: st.DrawFn) -> list[Cue]:
    count = draw(st.integers(1, 8))
    cues = []
    start = 0
    for _ in range(count):
        start += draw(st.integers(0, 3000))
        length = draw(st.integers(1, 4000))
        cues.append(cue(start, start + length, draw(PLAIN), draw(VOICES)))
    return cues


ROUND_TRIP = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


@ROUND_TRIP
@given(cues=cue_lists(), title=PLAIN, credit=PLAIN)
def test_vtt_round_trip_gives_the_same_words(cues, title, credit):
    span = SegmentSpan(cues[0].start_ms, cues[-1].end_ms + 1, title, credit)
    back = load_track_bytes(to_vtt(cues, segments=[span]).encode(), "x.vtt")
    shown = [
        c for c in back.cues if not c.identifier.startswith("storytelling-attribution")
    ]
    assert [words(c.plain) for c in shown] == [words(c.plain) for c in cues]
    assert [words(c.voice) for c in shown] == [words(c.voice) for c in cues]
    assert len(back.cues) == len(cues) + 1


@ROUND_TRIP
@given(cues=cue_lists(), title=PLAIN, credit=PLAIN)
def test_srt_round_trip_gives_the_same_words(cues, title, credit):
    span = SegmentSpan(cues[0].start_ms, cues[-1].end_ms + 1, title, credit)
    back = load_track_bytes(to_srt(cues, segments=[span]).encode(), "x.srt").cues
    assert words(back[0].plain) == words(f"[Storytelling segment: {title}: {credit}]")
    previous = ""
    for original, loaded in zip(cues, back[1:], strict=True):
        expected = words(original.plain)
        name = words(original.voice)
        if name and name != previous:
            expected = f"{name}: {expected}"
        previous = name or previous
        assert words(loaded.plain) == expected
        assert (loaded.start_ms, loaded.end_ms) == (original.start_ms, original.end_ms)


@ROUND_TRIP
@given(cues=cue_lists())
def test_txt_holds_every_cue_s_words_in_order(cues):
    text = words(to_txt(cues))
    position = 0
    for original in cues:
        found = text.find(words(original.plain), position)
        assert found >= 0, original.plain
        position = found + len(words(original.plain))


@ROUND_TRIP
@given(cues=cue_lists(), title=PLAIN)
def test_html_escapes_every_field(cues, title):
    document = export_as(
        "html", cues, module_title=title, segments=[SegmentSpan(0, 10, title, title)]
    )
    assert "<script" not in document.replace(html.escape("<script"), "")


def test_an_excerpt_away_from_an_altered_story_may_be_handed_out():
    segment = sealed_story(story_cues())
    changed = story_cues()
    changed[2] = cue(13_000, 16_000, "Tell it for them.", "Teller")
    track = track_of(changed)
    assert story_export_refusal(track, [segment], 0, 5_000) == ""
    assert "Welcome." in export_as(
        "txt", track, segments=[segment], start_ms=0, end_ms=5_000
    )
    assert story_export_refusal(track, [segment], 0, 10_500) != ""
    with pytest.raises(StoryAlteredError):
        export_as("srt", track, segments=[segment], start_ms=12_000, end_ms=12_500)
