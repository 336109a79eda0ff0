"""Export: text, HTML, WebVTT and SRT; excerpts keep storytelling segments whole."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest
import shared_data
from hypothesis import given
from hypothesis import strategies as st

from captions import load_track, load_track_bytes
from captions.export import (
    excerpt_range,
    plan_export,
    to_html,
    to_srt,
    to_txt,
    to_vtt,
)
from captions.model import Cue, CueSettings, Region, Track
from captions.paragraphs import SegmentSpan, segment_of_cue

CORPUS = shared_data.CORPUS
STORY = SegmentSpan(
    10_000, 20_000, "Telling their own stories", "A. Teller, community consultant"
)


def cue(start: int, end: int, text: str, voice: str = "", ident: str = "") -> Cue:
    raw = f"<v {voice}>{text}" if voice else text
    return Cue(start, end, raw, text, identifier=ident, voice=voice)


def sample() -> list[Cue]:
    return [
        cue(1_000, 3_000, "Welcome to the module.", "Host"),
        cue(3_000, 5_000, "Listen closely."),
        cue(10_000, 13_000, "Everyone has a story.", "Teller"),
        cue(13_000, 16_000, "Let them tell it."),
        cue(16_000, 19_500, "In their own way."),
        cue(21_000, 23_000, "Thank you.", "Host"),
        cue(30_000, 32_000, "[music]"),
    ]


# -- excerpt rule -------------------------------------------------------------


def test_excerpt_away_from_segments_is_unchanged() -> None:
    assert excerpt_range(sample(), [STORY], 0, 6_000) == (0, 6_000)
    assert excerpt_range(sample(), [STORY], 20_000, 40_000) == (20_000, 40_000)


def test_excerpt_touching_a_segment_takes_the_whole_segment() -> None:
    assert excerpt_range(sample(), [STORY], 0, 10_001) == (0, 20_000)
    assert excerpt_range(sample(), [STORY], 19_999, 25_000) == (10_000, 25_000)
    assert excerpt_range(sample(), [STORY], 12_000, 13_000) == (10_000, 20_000)


def test_excerpt_ending_at_the_segment_start_does_not_touch_it() -> None:
    assert excerpt_range(sample(), [STORY], 0, 10_000) == (0, 10_000)


def test_excerpt_taking_a_segment_cue_still_showing_takes_the_segment() -> None:
    cues = [cue(15_000, 30_000, "A long last line of the story.")]
    assert excerpt_range(cues, [STORY], 25_000, 28_000) == (10_000, 28_000)


def test_widening_repeats_until_nothing_more_is_touched() -> None:
    other = SegmentSpan(21_000, 25_000, "Second", "B")
    cues = [cue(15_000, 22_000, "Story words still showing"), cue(24_000, 24_500, "b")]
    assert excerpt_range(cues, [STORY, other], 24_000, 24_500) == (10_000, 25_000)


def test_half_open_segments_do_not_touch_their_neighbours() -> None:
    other = SegmentSpan(20_000, 25_000, "Second", "B")
    assert excerpt_range(sample(), [STORY, other], 24_000, 24_500) == (20_000, 25_000)


def test_excerpt_must_not_end_before_it_starts() -> None:
    with pytest.raises(ValueError, match="after it ends"):
        excerpt_range(sample(), [STORY], 5_000, 4_000)


def test_plan_of_an_excerpt_lists_cues_and_says_why() -> None:
    scope = plan_export(sample(), [STORY], 4_000, 11_000)
    assert scope.cue_indices == (1, 2, 3, 4)
    assert scope.excerpt == (4_000, 20_000)
    assert scope.segments == (STORY,)
    assert any("widened to 0:04 to 0:20" in notice for notice in scope.notices)


# -- text ---------------------------------------------------------------------


def test_txt_whole_track() -> None:
    text = to_txt(
        sample(),
        module_title="Building Trust",
        video_title="Part one",
        credit="(c) Example Org",
        segments=[STORY],
    )
    lines = text.splitlines()
    assert lines[:3] == ["Building Trust", "Part one", "(c) Example Org"]
    assert "[0:01] Host" in lines
    assert "Welcome to the module. Listen closely." in lines
    header = lines.index(
        "== Storytelling segment: Telling their own stories (0:10 to 0:20) =="
    )
    assert lines[header + 1] == STORY.attribution
    assert lines[header + 3 : header + 5] == [
        "[0:10] Teller",
        "Everyone has a story. Let them tell it. In their own way.",
    ]
    assert lines.index("== End of the storytelling segment ==") > header
    assert "excerpt" not in text.lower()


def test_txt_excerpt_includes_whole_segment_and_says_so() -> None:
    text = to_txt(sample(), segments=[STORY], start_ms=14_000, end_ms=14_500)
    assert (
        'The excerpt includes the whole storytelling segment "Telling their own '
        'stories", 0:10 to 0:20, with its attribution (A. Teller, community '
        "consultant), as the module requires."
    ) in text
    assert "Everyone has a story. Let them tell it. In their own way." in text
    assert STORY.attribution in text
    assert "Welcome" not in text and "Thank you" not in text


def test_txt_excerpt_without_segment_has_no_segment_notice() -> None:
    text = to_txt(sample(), segments=[STORY], start_ms=21_000, end_ms=40_000)
    assert "storytelling" not in text
    assert text.startswith("Excerpt: 0:21 to 0:40.\n")
    assert "Thank you. [music]" not in text  # a pause of 7 s separates them
    assert "[0:30]\n[music]" in text


# -- HTML ---------------------------------------------------------------------


class TagCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.seen: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.errors: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.seen.append((tag, dict(attrs)))
        if tag not in ("meta", "br"):
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.seen.append((tag, dict(attrs)))

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack.pop() != tag:
            self.errors.append(tag)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse(document: str) -> TagCollector:
    collector = TagCollector()
    collector.feed(document)
    collector.close()
    return collector


def test_html_is_a_complete_accessible_document() -> None:
    hostile = '<img src="http://x/a.png">&amp; <script>x()</script>'
    cues = [*sample(), Cue(40_000, 42_000, hostile, "& x()")]
    document = to_html(
        cues,
        module_title="Building Trust",
        video_title="Part <one>",
        credit="(c) Example & Co",
        segments=[STORY],
        language="en-CA",
    )
    assert document.startswith('<!DOCTYPE html>\n<html lang="en-CA">')
    tree = parse(document)
    assert tree.errors == [] and tree.stack == []
    tags = [tag for tag, _ in tree.seen]
    assert "img" not in tags and "script" not in tags and "a" not in tags
    assert "<title>Transcript: Part &lt;one&gt;</title>" in document
    assert tags.count("h1") == 1 and tags.count("h2") == 1
    assert "(c) Example &amp; Co" in document
    assert '<p class="attribution">A. Teller, community consultant</p>' in document
    assert '<span class="speaker">Teller</span>' in document
    assert '<time class="time" datetime="PT10.000S">0:10</time>' in document
    assert '<span class="cue sound" data-start-ms="30000">[music]</span>' in document
    assert "&amp; x()" in document


def test_html_storytelling_section_holds_exactly_its_cues() -> None:
    document = to_html(sample(), segments=[STORY])
    section = document[document.index('<section class="storytelling"') :]
    section = section[: section.index("</section>")]
    for words in ("Everyone has a story.", "Let them tell it.", "In their own way."):
        assert words in section
    assert "Welcome" not in section and "Thank you" not in section


def test_html_language_falls_back_to_track_then_und_and_sets_direction() -> None:
    assert '<html lang="fr">' in to_html(Track(tuple(sample()), language="fr"))
    assert '<html lang="und">' in to_html(sample())
    assert '<html lang="ar" dir="rtl">' in to_html(sample(), language="ar")


def test_html_excerpt_says_so() -> None:
    document = to_html(sample(), segments=[STORY], start_ms=0, end_ms=11_000)
    assert "The excerpt includes the whole storytelling segment" in document
    assert "In their own way." in document
    assert "Thank you" not in document


# -- WebVTT -------------------------------------------------------------------


def same_cues(first: Track | tuple[Cue, ...], second: Track) -> None:
    left = first.cues if isinstance(first, Track) else first
    assert len(left) == len(second.cues)
    for a, b in zip(left, second.cues, strict=True):
        assert (a.start_ms, a.end_ms, a.text, a.identifier, a.voice, a.settings) == (
            b.start_ms,
            b.end_ms,
            b.text,
            b.identifier,
            b.voice,
            b.settings,
        )


ROUND_TRIP_VTT = """WEBVTT

REGION
id:fred width:40% lines:3 regionanchor:0%,100% viewportanchor:10%,90% scroll:up

intro
00:00:01.000 --> 00:00:04.000 region:fred align:left
<v Ann>Hello &amp; <b>welcome</b>

00:00:05.250 --> 00:00:07.000 line:-1 position:10%,line-left size:35.5% align:start
<c.yellow>Two</c>
lines &lt;here&gt;

2
00:01:05.000 --> 01:00:00.500 vertical:rl line:40%,end position:60% align:end
<ruby>漢<rt>かん</rt></ruby>
"""


def test_vtt_round_trip_keeps_cues_and_settings() -> None:
    original = load_track_bytes(ROUND_TRIP_VTT.encode(), "x.vtt")
    assert original.cues[0].settings.region is not None
    written = to_vtt(original)
    assert written.startswith("WEBVTT\n\nREGION\nid:fred width:40% lines:3")
    same_cues(original, load_track_bytes(written.encode(), "y.vtt"))


def test_vtt_written_from_constructed_cues_loads_back() -> None:
    settings = CueSettings(line=2, position=33.25, size=50, align="start")
    region = Region("r1", 50.5, 2, 10, 90, 12.5, 87.5, "up")
    cues = (
        Cue(0, 1500, "Tom &amp; Jerry", "Tom & Jerry", "a", "", settings),
        Cue(1500, 3000, "<i>In</i>side", "Inside", "b"),
        Cue(3000, 4000, "Scroll", "Scroll", settings=CueSettings(region=region)),
    )
    back = load_track_bytes(to_vtt(cues).encode(), "z.vtt")
    same_cues(cues, back)


def test_vtt_with_titles_segments_and_excerpt_notes_still_round_trips() -> None:
    written = to_vtt(
        sample(),
        module_title="Building --> Trust",
        video_title="Part one",
        credit="(c) Example",
        segments=[STORY],
        start_ms=0,
        end_ms=12_000,
    )
    assert (
        "NOTE\nModule: Building -> Trust\nVideo: Part one\nCredit: (c) Example"
        in written
    )
    assert "The excerpt includes the whole storytelling segment" in written
    assert "Attribution: A. Teller, community consultant" in written
    assert written.index("Attribution:") < written.index("Everyone has a story.")
    back = load_track_bytes(written.encode(), "e.vtt")
    shown = [c for c in back.cues if c.identifier != "storytelling-attribution-1"]
    assert [c.plain for c in shown] == [c.plain for c in sample()[:5]]
    assert back.warnings == ()


@pytest.mark.parametrize(
    "path",
    sorted(CORPUS.glob("*/*.vtt")),
    ids=lambda p: f"{p.parent.name}/{p.name}",
)
def test_corpus_files_round_trip_through_vtt(path: Path) -> None:
    original = load_track(path)
    same_cues(original, load_track_bytes(to_vtt(original).encode(), "again.vtt"))


def test_vtt_never_writes_an_arrow_that_would_start_a_new_cue() -> None:
    cues = (
        Cue(0, 1000, "a --> b", "a --> b", "x --> y"),
        Cue(1000, 2000, "c", "c", "ok"),
    )
    back = load_track_bytes(to_vtt(cues).encode(), "arrow.vtt")
    assert [(c.plain, c.identifier) for c in back.cues] == [
        ("a --> b", ""),
        ("c", "ok"),
    ]


def test_open_ended_excerpt_runs_to_the_end() -> None:
    text = to_txt(sample(), start_ms=21_000)
    assert text.startswith("Excerpt: 0:21 to the end.\n")
    assert "[music]" in text and "Listen" not in text


# -- SRT ----------------------------------------------------------------------


def test_srt_numbers_times_and_simple_markup() -> None:
    cues = [
        Cue(0, 1500, "<v Ann><b>Hi</b> &amp; <c.x>bye</c>", "Hi & bye", voice="Ann"),
        Cue(1500, 3_723_004, "<v Ann>Still me", "Still me", voice="Ann"),
        Cue(3_723_004, 3_724_000, "<v Bo>Me now", "Me now", voice="Bo"),
    ]
    assert to_srt(cues) == (
        "1\n00:00:00,000 --> 00:00:01,500\nAnn: <b>Hi</b> &amp; bye\n\n"
        "2\n00:00:01,500 --> 01:02:03,004\nStill me\n\n"
        "3\n01:02:03,004 --> 01:02:04,000\nBo: Me now\n"
    )
    assert "Ann:" not in to_srt(cues, name_speakers=False)


def test_srt_carries_the_attribution_as_a_cue_over_the_segment() -> None:
    written = to_srt(sample(), segments=[STORY], start_ms=11_000, end_ms=11_500)
    back = load_track_bytes(written.encode(), "s.srt")
    assert [(c.start_ms, c.end_ms) for c in back.cues][:2] == [
        (10_000, 20_000),
        (10_000, 13_000),
    ]
    assert back.cues[0].plain == (
        "[Storytelling segment: Telling their own stories: "
        "A. Teller, community consultant]"
    )
    assert [c.plain for c in back.cues[1:]] == [
        "Teller: Everyone has a story.",
        "Let them tell it.",
        "In their own way.",
    ]


def test_srt_of_nothing_is_empty() -> None:
    assert to_srt([]) == ""


@given(
    st.lists(st.tuples(st.integers(0, 50_000), st.integers(0, 8_000)), max_size=25),
    st.lists(st.tuples(st.integers(0, 50_000), st.integers(1, 15_000)), max_size=3),
    st.integers(0, 60_000),
    st.integers(0, 20_000),
)
def test_an_excerpt_never_takes_part_of_a_segment(
    rows: list[tuple[int, int]],
    span_rows: list[tuple[int, int]],
    start: int,
    length: int,
) -> None:
    cues = [cue(s, s + d, f"w{i}") for i, (s, d) in enumerate(rows)]
    spans = [SegmentSpan(s, s + d, f"S{s}", "who") for s, d in span_rows]
    scope = plan_export(cues, spans, start, start + length)
    assert scope.excerpt is not None
    low, high = scope.excerpt
    assert low <= start and high >= start + length
    owners = segment_of_cue(cues, spans)
    taken = set(scope.cue_indices)
    for span in {owners[i] for i in taken} - {None}:
        assert all(i in taken for i, owner in enumerate(owners) if owner == span)
        assert span in scope.segments


def test_export_as_picks_the_writer_and_refuses_unknown_formats() -> None:
    from captions.export import TEXT_FORMATS, export_as
    from captions.model import Cue

    cues = [Cue(start_ms=0, end_ms=1000, text="Hi &amp; bye", plain="Hi & bye")]
    made = {fmt: export_as(fmt, cues, module_title="M") for fmt in TEXT_FORMATS}
    assert made["vtt"].startswith("WEBVTT")
    assert made["srt"].startswith("1\n00:00:00,000 --> 00:00:01,000")
    assert "<html" in made["html"] and "M" in made["txt"]
    try:
        export_as("docx", cues)
    except ValueError as error:
        assert "docx" in str(error)
    else:
        raise AssertionError("an unknown format must be refused")
