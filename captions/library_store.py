"""The writes that keep the library index in line with the track files.

Each track's cues get consecutive ids, recorded on the track's row, so dropping a
track deletes id ranges rather than searching for its cues. A cue's words are stored
once, in `cues`; the word index reads them from there (external content), so a track
costs about what a plain FTS5 table of the same text costs (design.md 10).
"""

from __future__ import annotations

import hashlib
import json
import os
import queue
import sqlite3
import stat
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import repeat
from pathlib import Path

from captions.library_query import has_unspaced_script, search_text, space_unspaced
from captions.model import Track
from captions.safe_files import UnreadableFileError, check_regular_file

_SAMPLE_BYTES = 4096


@dataclass(frozen=True)
class IndexSource:
    """One track of one video of one module, as the library knows it."""

    module_id: str
    module_title: str
    video_id: str
    video_title: str
    track_path: Path
    kind: str = "captions"
    language: str = ""
    label: str = ""
    segments: tuple[tuple[int, int, str], ...] = ()

    @property
    def key(self) -> tuple[str, str, str]:
        """What identifies the source in the index: module, video and file."""
        return self.module_id, self.video_id, str(self.track_path)

    def metadata(self) -> str:
        """Everything besides the file that shapes the indexed rows, as stable JSON."""
        segments = [list(segment) for segment in self.segments]
        return json.dumps(
            [
                self.module_title,
                self.video_title,
                self.kind,
                self.language,
                self.label,
                segments,
            ],
            ensure_ascii=False,
        )

    def attribution_at(self, ms: int) -> str:
        """The attribution of the segment containing `ms`, or "" outside segments."""
        for start_ms, end_ms, attribution in self.segments:
            if start_ms <= ms < end_ms:
                return attribution
        return ""


@dataclass(frozen=True)
class FileState:
    """Size, modification time and a digest of the head and tail of a track file."""

    size: int
    mtime_ns: int
    sample: str

    @classmethod
    def of(cls, path: Path) -> FileState:
        """The state of a regular file; UnreadableFileError for anything else.

        Opened without blocking, so a named pipe given as a track cannot hang us.
        """
        check_regular_file(path)
        try:
            fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        except OSError as error:
            raise UnreadableFileError(path, error.strerror or str(error)) from None
        try:
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode):
                raise UnreadableFileError(path, "is not a regular file")
            digest = hashlib.blake2b(os.pread(fd, _SAMPLE_BYTES, 0), digest_size=16)
            if info.st_size > 2 * _SAMPLE_BYTES:
                tail = info.st_size - _SAMPLE_BYTES
                digest.update(os.pread(fd, _SAMPLE_BYTES, tail))
        except OSError as error:
            raise UnreadableFileError(path, error.strerror or str(error)) from None
        finally:
            os.close(fd)
        return cls(info.st_size, info.st_mtime_ns, digest.hexdigest())


@dataclass(frozen=True)
class CueColumns:
    """A track's cue rows as columns: cheaper to send back from a worker process."""

    start_ms: list[int]
    end_ms: list[int]
    speaker: list[str]
    text: list[str]
    search: list[str | None]  # what the word index sees; None: the text itself
    attribution: list[str]

    def __len__(self) -> int:
        return len(self.text)


@dataclass(frozen=True)
class PreparedTrack:
    """A loaded track turned into rows, ready for a short write transaction."""

    source: IndexSource
    state: FileState
    cues: CueColumns
    characters: list[tuple[int, str]]  # (cue number, per-character text)

    @classmethod
    def of(cls, source: IndexSource, state: FileState, track: Track) -> PreparedTrack:
        store = track.store
        plains = store.plains()
        searches: list[str | None] = []
        characters: list[tuple[int, str]] = []
        for number, plain in enumerate(plains):
            words = search_text(plain)
            searches.append(None if words == plain else words)
            if not words.isascii() and has_unspaced_script(words):
                characters.append((number, space_unspaced(words)))
        starts = list(store.starts)
        if source.segments:
            attributions = list(map(source.attribution_at, starts))
        else:
            attributions = [""] * len(starts)
        columns = CueColumns(
            starts,
            list(store.ends),
            store.voices(),
            plains,
            searches,
            attributions,
        )
        return cls(source, state, columns, characters)


TrackLoader = Callable[..., Track]


def prepare_track(
    source: IndexSource, state: FileState, load: TrackLoader
) -> PreparedTrack | str:
    """Load and prepare one track, or say why it cannot be loaded.

    A module-level function, so that worker processes can run it.
    """
    try:
        track = load(
            source.track_path,
            kind=source.kind,
            language=source.language,
            label=source.label,
        )
    except Exception as error:  # one bad track must not stop the others
        return str(error) or type(error).__name__
    return PreparedTrack.of(source, state, track)


@contextmanager
def transaction(connection: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One write transaction, taken at once (BEGIN IMMEDIATE), rolled back on error."""
    connection.execute("BEGIN IMMEDIATE")
    try:
        yield connection
    except BaseException:
        connection.execute("ROLLBACK")
        raise
    connection.execute("COMMIT")


def _delete_rows(connection: sqlite3.Connection, track_id: int) -> None:
    bounds = connection.execute(
        "SELECT first_cue, last_cue FROM tracks WHERE id = ?", (track_id,)
    ).fetchone()
    if bounds is not None:
        # The word index forgets a row given the words it indexed for it.
        connection.execute(
            "INSERT INTO cue_words(cue_words, rowid, text) SELECT 'delete', id,"
            " coalesce(search, text) FROM cues WHERE id BETWEEN ? AND ?",
            bounds,
        )
        connection.execute(
            "DELETE FROM cue_characters WHERE rowid BETWEEN ? AND ?", bounds
        )
        connection.execute("DELETE FROM cues WHERE id BETWEEN ? AND ?", bounds)
    connection.execute("DELETE FROM tracks WHERE id = ?", (track_id,))


def delete_track(connection: sqlite3.Connection, track_id: int) -> None:
    """Drop a track and its cues, in one transaction."""
    with transaction(connection):
        _delete_rows(connection, track_id)


def store_track(
    connection: sqlite3.Connection, prepared: PreparedTrack, old_id: int | None
) -> None:
    """Replace a track's rows (if it had any) with the prepared ones, atomically."""
    with transaction(connection):
        if old_id is not None:
            _delete_rows(connection, old_id)
        (first,) = connection.execute(
            "SELECT coalesce(max(id), 0) + 1 FROM cues"
        ).fetchone()
        track_id = _insert_track(connection, prepared, first)
        cues = prepared.cues
        connection.executemany(
            "INSERT INTO cues VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            zip(
                range(first, first + len(cues)),
                repeat(track_id),
                cues.start_ms,
                cues.end_ms,
                cues.speaker,
                cues.text,
                cues.search,
                cues.attribution,
            ),
        )
        last = first + len(prepared.cues) - 1
        connection.execute(
            "INSERT INTO cue_words(rowid, text) SELECT id, coalesce(search, text)"
            " FROM cues WHERE id BETWEEN ? AND ?",
            (first, last),
        )
        connection.executemany(
            "INSERT INTO cue_characters(rowid, text) VALUES (?, ?)",
            [(first + n, text) for n, text in prepared.characters],
        )


def _insert_track(
    connection: sqlite3.Connection, prepared: PreparedTrack, first: int
) -> int:
    source, state = prepared.source, prepared.state
    values: Sequence[object] = (
        *source.key,
        source.module_title,
        source.video_title,
        source.kind,
        source.language,
        source.label,
        source.metadata(),
        state.size,
        state.mtime_ns,
        state.sample,
        first,
        first + len(prepared.cues) - 1,
    )
    cursor = connection.execute(
        "INSERT INTO tracks(module_id, video_id, path, module_title, video_title,"
        " kind, language, label, metadata, size, mtime_ns, sample, first_cue,"
        f" last_cue) VALUES ({', '.join('?' * len(values))})",
        values,
    )
    assert cursor.lastrowid is not None
    return cursor.lastrowid


Job = tuple[PreparedTrack | None, int | None]  # (rows to store or None, old track id)


class TrackWriter(threading.Thread):
    """Writes prepared tracks while the caller parses the next ones.

    SQLite releases the GIL while it works, so parsing and indexing overlap; the
    caller must not use the connection until `finish` returns.
    """

    def __init__(self, connection: sqlite3.Connection) -> None:
        super().__init__(name="library-index-writer", daemon=True)
        self._connection = connection
        self._jobs: queue.Queue[Job | None] = queue.Queue(maxsize=3)
        self.error: BaseException | None = None

    def submit(self, prepared: PreparedTrack | None, old_id: int | None) -> None:
        """Queue a store (prepared rows) or, with `prepared` None, a delete."""
        self._jobs.put((prepared, old_id))

    def finish(self) -> None:
        """Wait for every queued write; re-raise the first write error."""
        self._jobs.put(None)
        self.join()
        if self.error is not None:
            raise self.error

    def run(self) -> None:
        while (job := self._jobs.get()) is not None:
            if self.error is not None:
                continue
            prepared, old_id = job
            try:
                if prepared is not None:
                    store_track(self._connection, prepared, old_id)
                elif old_id is not None:
                    delete_track(self._connection, old_id)
            except BaseException as error:  # handed to the caller by finish()
                self.error = error
