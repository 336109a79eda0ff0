"""What the transcript shows of each cue, worked out once per track: its line of
text, its speaker, the paragraph and story header it opens.

Pure (no Qt), so that for a ten-hour track it runs on a worker thread
(player/transcript/rows_jobs.py) and the window only swaps in the finished rows.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from captions.markup import speaker_label
from captions.model import Cue, Track
from captions.paragraphs import paragraphs
from media.model import Segment


@dataclass(frozen=True, slots=True)
class SegmentBlock:
    """A storytelling segment as the transcript shows it: a header above its cues."""

    title: str
    attribution: str
    start_ms: int
    end_ms: int
    notice: str = ""  # the words differ from the reviewed version, or are unsealed

    @property
    def header_text(self) -> str:
        lines = (self.title, self.attribution, self.notice)
        return "\n".join(line for line in lines if line)


@dataclass(frozen=True)
class TranscriptRows:
    """Per row (a row is a cue index): its text on one line and speaker label; the
    rows that open a paragraph, with the heading they show; the story blocks and
    the rows each covers."""

    texts: Sequence[str] = ()
    speakers: Sequence[str] = ()
    headings: Mapping[int, str] = field(default_factory=dict)
    paragraph_starts: frozenset[int] = frozenset()
    blocks: Sequence[SegmentBlock] = ()
    block_of_row: Mapping[int, int] = field(default_factory=dict)
    block_first_row: Mapping[int, int] = field(default_factory=dict)
    block_last_row: Mapping[int, int] = field(default_factory=dict)


def segment_blocks(
    segments: Sequence[Segment], notices: Mapping[str, str]
) -> list[SegmentBlock]:
    """The stories in time order, each with its notice (by segment id) if any."""
    return [
        SegmentBlock(
            s.title, s.attribution_line, s.start_ms, s.end_ms, notices.get(s.id, "")
        )
        for s in sorted(segments, key=lambda s: s.start_ms)
    ]


def transcript_rows(
    track: Track | None,
    segments: Sequence[Segment] = (),
    notices: Mapping[str, str] | None = None,
) -> TranscriptRows:
    """The rows of `track` (None: none) with `segments` as header blocks."""
    if track is None:
        return TranscriptRows()
    cues = list(track.cues)  # each Cue made once here, not once per use
    blocks = segment_blocks(segments, notices or {})
    block_of_row: dict[int, int] = {}
    block_first_row: dict[int, int] = {}
    block_last_row: dict[int, int] = {}
    for number, block in enumerate(blocks):
        for row, cue in enumerate(cues):
            if block.start_ms <= cue.start_ms < block.end_ms:
                block_of_row[row] = number
                block_first_row.setdefault(number, row)
                block_last_row[number] = row
    speakers, headings, starts = _paragraph_facts(cues, blocks, block_of_row)
    return TranscriptRows(
        texts=[cue.plain.replace("\n", " ") for cue in cues],
        speakers=speakers,
        headings=headings,
        paragraph_starts=frozenset(starts),
        blocks=blocks,
        block_of_row=block_of_row,
        block_first_row=block_first_row,
        block_last_row=block_last_row,
    )


def _paragraph_facts(
    cues: Sequence[Cue], blocks: Sequence[SegmentBlock], block_of_row: Mapping[int, int]
) -> tuple[list[str], dict[int, str], set[int]]:
    """Each row's speaker label, the heading of each paragraph's first row (when
    its speaker changes or a story starts), and those first rows."""
    speakers = [""] * len(cues)
    headings: dict[int, str] = {}
    starts: set[int] = set()
    previous_speaker: str | None = None
    previous_block = -1
    for paragraph in paragraphs(cues, blocks):
        rows, speaker = paragraph.cue_indices, paragraph.speaker
        if not rows:
            continue
        first = rows[0]
        block_number = block_of_row.get(first, -1)
        starts.add(first)
        for row in rows:
            speakers[row] = speaker_label(speaker or cues[row].voice)
        new_block = block_number != previous_block
        if speaker and (speaker != previous_speaker or new_block):
            headings[first] = speaker_label(speaker)
        previous_speaker, previous_block = speaker, block_number
    return speakers, headings, starts
