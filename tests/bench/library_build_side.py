"""One side of the library build benchmark, run as a process of its own.

    python library_build_side.py SIDE DB WORKERS TRACK_FOLDER

SIDE is `load` (parse every track in WORKERS processes, nothing else), `plain-fts5`
(the same, then every cue's plain text into one plain FTS5 table: the baseline) or
`library` (LibraryIndex.update with WORKERS processes). Both index sides write in one
transaction per track, in WAL mode with synchronous=NORMAL. The parent measures the
CPU of the whole process tree; this prints the cue count and the index size.
"""

from __future__ import annotations

import multiprocessing
import sqlite3
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

VIDEOS_PER_MODULE = 10
STORY = (60_000, 180_000, "Told by Elder Mary, shared with permission")


def track_paths(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.vtt"))


def sources(paths: list[Path]) -> list[object]:
    """Modules of ten videos, each video with one storytelling segment."""
    from captions.library import IndexSource

    return [
        IndexSource(
            module_id=f"module{n // VIDEOS_PER_MODULE}",
            module_title=f"Module {n // VIDEOS_PER_MODULE}",
            video_id=path.stem,
            video_title=f"Video {n}",
            track_path=path,
            language="en",
            label="English",
            segments=(STORY,),
        )
        for n, path in enumerate(paths)
    ]


def plain_texts(path: Path) -> list[str]:
    from captions.loader import load_track

    return [cue.plain for cue in load_track(path).cues]


def _pool(workers: int) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"))


def load_only(paths: list[Path], workers: int) -> int:
    with _pool(workers) as pool:
        return sum(map(len, pool.map(plain_texts, paths)))


def plain_fts5(paths: list[Path], workers: int, db: Path) -> int:
    connection = sqlite3.connect(db, isolation_level=None)
    connection.execute("PRAGMA journal_mode = WAL")
    connection.execute("PRAGMA synchronous = NORMAL")
    connection.execute("CREATE VIRTUAL TABLE cues USING fts5(text)")
    count = 0
    with _pool(workers) as pool:
        for texts in pool.map(plain_texts, paths):
            connection.execute("BEGIN")
            connection.executemany(
                "INSERT INTO cues(text) VALUES (?)", ((text,) for text in texts)
            )
            connection.execute("COMMIT")
            count += len(texts)
    connection.close()
    return count


def library(paths: list[Path], workers: int, db: Path) -> int:
    from captions.library import LibraryIndex

    with LibraryIndex(db, workers=workers) as index:
        report = index.update(sources(paths))  # type: ignore[arg-type]
        assert (report.indexed, report.failed) == (len(paths), ()), report
        return index.cue_count()


def main() -> None:
    side, db_name, workers_text, folder = sys.argv[1:5]
    db, workers = Path(db_name), int(workers_text)
    paths = track_paths(Path(folder))
    if side == "load":
        cues = load_only(paths, workers)
    elif side == "plain-fts5":
        cues = plain_fts5(paths, workers, db)
    else:
        cues = library(paths, workers, db)
    size = sum(p.stat().st_size for p in db.parent.glob(db.name + "*"))
    print(cues, size)


if __name__ == "__main__":
    main()
