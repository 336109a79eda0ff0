"""A track's cues packed in columns, each `Cue` made when it is read.

A ten-hour track holds 36,000 cues; as objects they took about 450 bytes each (the
object, three int objects, a string per id). Packed, times and line numbers are
machine integers in arrays, the ids one string with offsets, voices and settings
small tables with an index per cue, and `plain` is kept only where it differs from
`text`: about half of that. Whole-track passes read the columns (`starts`, `ends`,
`texts`, `plains()`), not the cues.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator, Sequence
from itertools import accumulate
from typing import overload

from captions.cue import DEFAULT_SETTINGS, Cue, CueSettings


class CueStore(Sequence[Cue]):
    """The cues of one track in file order; immutable once built (see `build`)."""

    __slots__ = (
        "_id_ends",
        "_ids",
        "_line_numbers",
        "_plains",
        "_settings",
        "_settings_of",
        "_texts",
        "_voice_of",
        "_voices",
        "ends",
        "starts",
    )

    def __init__(self) -> None:
        self.starts = array("q")
        self.ends = array("q")
        self._texts: list[str] = []
        self._plains: list[str | None] = []  # None: the same as the text
        self._ids = ""
        self._id_ends = array("q")
        self._voices: list[str] = [""]
        self._voice_of = array("I")
        self._settings: list[CueSettings] = [DEFAULT_SETTINGS]
        self._settings_of = array("I")
        self._line_numbers = array("q")

    @classmethod
    def build(cls, cues: Iterable[Cue]) -> CueStore:
        """The cues packed; a CueStore given is returned as it is (it is immutable)."""
        if isinstance(cues, CueStore):
            return cues
        builder = CueStoreBuilder()
        for cue in cues:
            builder.add(
                cue.start_ms,
                cue.end_ms,
                cue.text,
                cue.plain,
                cue.identifier,
                cue.voice,
                cue.settings,
                cue.line_number,
            )
        return builder.finish()

    def __len__(self) -> int:
        return len(self.starts)

    @overload
    def __getitem__(self, index: int) -> Cue: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[Cue, ...]: ...

    def __getitem__(self, index: int | slice) -> Cue | tuple[Cue, ...]:
        if isinstance(index, slice):
            return tuple(map(self._cue, range(*index.indices(len(self)))))
        if index < 0:
            index += len(self.starts)
        if not 0 <= index < len(self.starts):
            raise IndexError("cue index out of range")
        return self._cue(index)

    def __iter__(self) -> Iterator[Cue]:
        return map(self._cue, range(len(self.starts)))

    def __reversed__(self) -> Iterator[Cue]:
        return map(self._cue, reversed(range(len(self.starts))))

    def __eq__(self, other: object) -> bool:
        """Equal to any sequence of the same cues: a tuple, a list, another store."""
        if not isinstance(other, Sequence) or isinstance(other, (str, bytes)):
            return NotImplemented
        return len(self) == len(other) and all(
            a == b for a, b in zip(self, other, strict=True)
        )

    __hash__ = None  # type: ignore[assignment]  # equal to tuples, so not hashable

    def __repr__(self) -> str:
        return f"CueStore({len(self)} cues)"

    def _cue(self, i: int) -> Cue:
        text = self._texts[i]
        plain = self._plains[i]
        id_start = self._id_ends[i - 1] if i else 0
        return Cue(
            self.starts[i],
            self.ends[i],
            text,
            text if plain is None else plain,
            self._ids[id_start : self._id_ends[i]],
            self._voices[self._voice_of[i]],
            self._settings[self._settings_of[i]],
            self._line_numbers[i],
        )

    @property
    def texts(self) -> Sequence[str]:
        """Every cue's raw text, in order (read-only use)."""
        return self._texts

    def plains(self) -> list[str]:
        """Every cue's plain text, in order."""
        return [
            text if plain is None else plain
            for text, plain in zip(self._texts, self._plains, strict=True)
        ]

    def voices(self) -> list[str]:
        """Every cue's voice ("" when none), in order."""
        table = self._voices
        return [table[i] for i in self._voice_of]

    def identifiers(self) -> list[str]:
        """Every cue's id ("" when none), in order."""
        ids, ends = self._ids, self._id_ends
        return [ids[a:b] for a, b in zip((0, *ends), ends, strict=False)]

    def settings(self) -> list[CueSettings]:
        """Every cue's settings, in order (cues with the same settings share them)."""
        table = self._settings
        return [table[i] for i in self._settings_of]


class CueStoreBuilder:
    """Collects cues column by column (the loader adds them as it parses)."""

    def __init__(self) -> None:
        self._store = CueStore()
        self._ids: list[str] = []
        self._voice_index: dict[str, int] = {"": 0}
        self._settings_index: dict[CueSettings, int] = {DEFAULT_SETTINGS: 0}

    def add(
        self,
        start_ms: int,
        end_ms: int,
        text: str,
        plain: str,
        identifier: str = "",
        voice: str = "",
        settings: CueSettings = DEFAULT_SETTINGS,
        line_number: int = 0,
    ) -> None:
        store = self._store
        store.starts.append(start_ms)
        store.ends.append(end_ms)
        store._texts.append(text)
        store._plains.append(None if plain == text else plain)
        self._ids.append(identifier)
        voices = self._voice_index
        voice_number = voices.get(voice)
        if voice_number is None:
            voice_number = voices[voice] = len(store._voices)
            store._voices.append(voice)
        store._voice_of.append(voice_number)
        settings_number = 0
        if settings is not DEFAULT_SETTINGS:
            known = self._settings_index
            found = known.get(settings)
            if found is None:
                found = known[settings] = len(store._settings)
                store._settings.append(settings)
            settings_number = found
        store._settings_of.append(settings_number)
        store._line_numbers.append(line_number)

    def finish(self) -> CueStore:
        """The store; the builder must not be used after."""
        store = self._store
        store._ids = "".join(self._ids)
        store._id_ends = array("q", accumulate(map(len, self._ids)))
        return store
