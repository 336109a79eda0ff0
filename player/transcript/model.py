"""One list model over a track: it feeds the transcript view, find and screen readers.

Rows are the track's cues in file order, one row per cue. Paragraph speakers and the
storytelling segment's header (title + attribution) are roles on the first cue of the
paragraph or segment, so a row number is always a cue index and the delegate draws the
headings above that cue.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Mapping, Sequence
from typing import Any, ClassVar

from PySide6.QtCore import (
    QByteArray,
    QModelIndex,
    QPersistentModelIndex,
    QStringListModel,
    Qt,
)

from captions.markup import cue_to_html, is_sound_cue
from captions.model import Cue, Track
from captions.timefmt import format_clock, format_spoken
from media.model import Segment
from player.transcript.rows import SegmentBlock, TranscriptRows, transcript_rows

Index = QModelIndex | QPersistentModelIndex


TIME_MS_ROLE = Qt.ItemDataRole.UserRole + 1
TIME_TEXT_ROLE = TIME_MS_ROLE + 1
SPEAKER_ROLE = TIME_MS_ROLE + 2
SPEAKER_HEADING_ROLE = TIME_MS_ROLE + 3
IS_CURRENT_ROLE = TIME_MS_ROLE + 4
IS_PARAGRAPH_START_ROLE = TIME_MS_ROLE + 5
SEGMENT_HEADER_ROLE = TIME_MS_ROLE + 6
IN_SEGMENT_ROLE = TIME_MS_ROLE + 7
IS_SOUND_ROLE = TIME_MS_ROLE + 8
RICH_TEXT_ROLE = TIME_MS_ROLE + 9
MATCH_SPANS_ROLE = TIME_MS_ROLE + 10
CURRENT_MATCH_ROLE = TIME_MS_ROLE + 11
SEGMENT_ROLE = TIME_MS_ROLE + 12

_ROLE_NAMES = {
    TIME_MS_ROLE: b"timeMs",
    TIME_TEXT_ROLE: b"timeText",
    SPEAKER_ROLE: b"speaker",
    SPEAKER_HEADING_ROLE: b"speakerHeading",
    IS_CURRENT_ROLE: b"isCurrent",
    IS_PARAGRAPH_START_ROLE: b"isParagraphStart",
    SEGMENT_HEADER_ROLE: b"segmentHeader",
    IN_SEGMENT_ROLE: b"inSegment",
    IS_SOUND_ROLE: b"isSound",
    RICH_TEXT_ROLE: b"richText",
    MATCH_SPANS_ROLE: b"matchSpans",
    CURRENT_MATCH_ROLE: b"currentMatch",
    SEGMENT_ROLE: b"segment",
}


class TranscriptModel(QStringListModel):
    """The cues of one track with their paragraph, segment, current and find state.

    Row count, indexes and flags come from Qt's own string-list model (its list holds
    one empty string per cue), so laying out a ten-hour transcript calls no Python
    per row; only `data` is ours. Its rows are flagged editable and draggable by Qt,
    which the view never allows (no edit triggers, no drag).
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._track: Track | None = None
        self._cues: Sequence[Cue] = ()
        self._texts: Sequence[str] = ()
        self._speakers: Sequence[str] = ()
        self._headings: Mapping[int, str] = {}
        self._paragraph_starts: frozenset[int] = frozenset()
        self._blocks: Sequence[SegmentBlock] = ()
        self._block_of_row: Mapping[int, int] = {}
        self._block_first_row: Mapping[int, int] = {}
        self._block_last_row: Mapping[int, int] = {}
        self._rich_cache: dict[int, str] = {}
        self._sound_cache: dict[int, bool] = {}
        self._current: tuple[int, ...] = ()
        self._matches: Sequence[tuple[int, int, int]] = []
        self._match_rows: list[int] = []
        self._current_match: tuple[int, int, int] | None = None

    # -- loading ---------------------------------------------------------------

    def set_track(
        self,
        track: Track | None,
        segments: Sequence[Segment] = (),
        notices: Mapping[str, str] | None = None,
    ) -> None:
        """Show `track` (None empties the model); segments become header blocks,
        with their notice (by segment id) when their words are not the reviewed
        ones."""
        self.show_rows(track, transcript_rows(track, segments, notices))

    def show_rows(self, track: Track | None, rows: TranscriptRows) -> None:
        """Show `track` with its rows worked out already (on a worker, for a long
        track): only Qt's own list is filled here."""
        self._track = track
        self._cues = track.cues if track is not None else ()
        self._texts = rows.texts
        self._speakers = rows.speakers
        self._headings = rows.headings
        self._paragraph_starts = rows.paragraph_starts
        self._blocks = rows.blocks
        self._block_of_row = rows.block_of_row
        self._block_first_row = rows.block_first_row
        self._block_last_row = rows.block_last_row
        self._rich_cache = {}
        self._sound_cache = {}
        self._current = ()
        self._matches = []
        self._match_rows = []
        self._current_match = None
        self.setStringList([""] * len(self._cues))  # resets the model: views ask anew

    # -- Qt model interface -----------------------------------------------------

    def roleNames(self) -> dict[int, QByteArray]:
        names = dict(super().roleNames())
        names.update({role: QByteArray(name) for role, name in _ROLE_NAMES.items()})
        return names

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.parent().isValid():
            return None
        row = index.row()
        if not 0 <= row < len(self._cues):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._texts[row]
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self.accessible_text(row)
        if role == Qt.ItemDataRole.AccessibleDescriptionRole:
            return self.accessible_description(row)
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{format_clock(self._cues[row].start_ms)}: click or Enter to play"
        getter = self._ROLE_GETTERS.get(role)
        return getter(self, row) if getter is not None else None

    # -- per-row facts (also used directly by the delegate) ------------------------

    def cue_count(self) -> int:
        """The cues of the track set, already while the model is being reset."""
        return len(self._cues)

    def cue(self, row: int) -> Cue:
        return self._cues[row]

    def text(self, row: int) -> str:
        return self._texts[row]

    def texts(self) -> Sequence[str]:
        """Display text of every row: what find searches and highlights."""
        return self._texts

    def speaker(self, row: int) -> str:
        """Who says this row's words; a sound ([chime]) has no speaker."""
        return "" if self.is_sound(row) else self._speakers[row]

    def speaker_heading(self, row: int) -> str:
        return self._headings.get(row, "")

    def is_paragraph_start(self, row: int) -> bool:
        return row in self._paragraph_starts

    def segment(self, row: int) -> SegmentBlock | None:
        number = self._block_of_row.get(row)
        return None if number is None else self._blocks[number]

    def segment_header(self, row: int) -> SegmentBlock | None:
        """The segment whose header sits above this row (its first cue), if any."""
        number = self._block_of_row.get(row)
        if number is None or self._block_first_row.get(number) != row:
            return None
        return self._blocks[number]

    def is_segment_end(self, row: int) -> bool:
        """True on a segment's last cue: the block closes below it."""
        number = self._block_of_row.get(row)
        return number is not None and self._block_last_row.get(number) == row

    def is_sound(self, row: int) -> bool:
        found = self._sound_cache.get(row)
        if found is None:
            found = self._sound_cache[row] = is_sound_cue(self._cues[row].plain)
        return found

    def rich_text(self, row: int) -> str:
        found = self._rich_cache.get(row)
        if found is None:
            raw = self._cues[row].text.replace("\n", " ")
            found = self._rich_cache[row] = cue_to_html(raw)
        return found

    def is_current(self, row: int) -> bool:
        return row in self._current

    def match_spans(self, row: int) -> list[tuple[int, int]]:
        rows = self._match_rows
        first = bisect_left(rows, row)
        last = bisect_right(rows, row, first)
        return [(m[1], m[2]) for m in self._matches[first:last]]

    def current_match(self, row: int) -> tuple[int, int] | None:
        found = self._current_match
        return (found[1], found[2]) if found and found[0] == row else None

    def seek_ms(self, row: int, header: bool = False) -> int:
        """Where activating the row plays from: the segment start for its header."""
        block = self.segment_header(row) if header else None
        return block.start_ms if block is not None else self._cues[row].start_ms

    def accessible_text(self, row: int) -> str:
        cue = self._cues[row]
        speaker = self.speaker(row)
        said = f"{speaker}: {self._texts[row]}" if speaker else self._texts[row]
        if self.is_sound(row):
            said = f"Sound: {said}"
        line = f"{format_spoken(cue.start_ms)}, {said}"
        block = self.segment_header(row)
        if block is not None:
            heading = f"{block.title}, {block.attribution}" if block.attribution else ""
            notice = f" {block.notice}" if block.notice else ""
            line = f"Story: {heading or block.title}.{notice} {line}"
        return line

    def accessible_description(self, row: int) -> str:
        parts = ["Now playing"] if row in self._current else []
        spans = self.match_spans(row)
        if spans:
            parts.append(f"{len(spans)} found")
        block = self.segment(row)
        if block is not None:
            parts.append(f"in the story {block.title}, {block.attribution}")
        return ", ".join(parts)

    _ROLE_GETTERS: ClassVar[dict[int, Any]] = {
        TIME_MS_ROLE: lambda self, row: self._cues[row].start_ms,
        TIME_TEXT_ROLE: lambda self, row: format_clock(self._cues[row].start_ms),
        SPEAKER_ROLE: speaker,
        SPEAKER_HEADING_ROLE: speaker_heading,
        IS_CURRENT_ROLE: is_current,
        IS_PARAGRAPH_START_ROLE: is_paragraph_start,
        SEGMENT_HEADER_ROLE: lambda self, row: (
            b.header_text if (b := self.segment_header(row)) else ""
        ),
        IN_SEGMENT_ROLE: lambda self, row: row in self._block_of_row,
        IS_SOUND_ROLE: is_sound,
        RICH_TEXT_ROLE: rich_text,
        MATCH_SPANS_ROLE: match_spans,
        CURRENT_MATCH_ROLE: current_match,
        SEGMENT_ROLE: segment,
    }

    # -- changing state cheaply ------------------------------------------------------

    @property
    def current_rows(self) -> tuple[int, ...]:
        return self._current

    def set_position(self, ms: int) -> int:
        """Mark the cues showing at `ms` current; return the row to follow (-1: none).

        Only the rows whose state changes emit dataChanged, so this stays cheap on a
        ten-hour track. Between cues the last cue started stays current.
        """
        track = self._track
        if track is None:
            return -1
        rows = tuple(track.active_indices_at(ms))
        if not rows:
            before = track.index_at_or_before(ms)
            rows = (before,) if before >= 0 else ()
        if rows != self._current:
            changed = set(rows).symmetric_difference(self._current)
            self._current = rows
            roles = [IS_CURRENT_ROLE, Qt.ItemDataRole.AccessibleDescriptionRole]
            for row in changed:
                cell = self.index(row)
                self.dataChanged.emit(cell, cell, roles)
        return rows[-1] if rows else -1

    def set_matches(self, matches: Sequence[tuple[int, int, int]]) -> None:
        """Highlight every (row, start, end) found, in row order; [] clears them.

        Spans are looked up per painted row by bisection, so a query matching a
        hundred thousand times costs one list, not a dictionary rebuild.
        """
        had_any = bool(self._match_rows)
        self._matches = matches
        cue_indices = getattr(matches, "cue_indices", None)
        # captions.find.Matches makes Match objects lazily; only rows are needed now.
        self._match_rows = (
            cue_indices() if cue_indices else [match[0] for match in matches]
        )
        self._current_match = None
        if self._cues and (had_any or self._match_rows):
            self.dataChanged.emit(
                self.index(0),
                self.index(len(self._cues) - 1),
                [MATCH_SPANS_ROLE, CURRENT_MATCH_ROLE],
            )

    def set_current_match(self, match: tuple[int, int, int] | None) -> None:
        """Mark one (row, start, end) as the match the find bar is on."""
        old = self._current_match
        self._current_match = match
        for changed in {old[0] if old else -1, match[0] if match else -1} - {-1}:
            cell = self.index(changed)
            self.dataChanged.emit(cell, cell, [CURRENT_MATCH_ROLE])
