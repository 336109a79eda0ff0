"""The child process that aligns: `python -m player.alignment.child`.

No Qt. It reads one job as a JSON line on stdin, then watches stdin for "cancel"
(or its end: the app is gone). It writes JSON lines on stdout: {"progress": [done,
total]}, then one of {"outcome": {...}}, {"error": "one plain line"} or
{"cancelled": true}. pocketsphinx holds the interpreter lock while it decodes, so
in the app's own process it would freeze the window for up to a second at a time.
"""

from __future__ import annotations

import json
import sys
import threading
from typing import Any, TextIO

from media.align_job import JOB_ERRORS, AlignJob, JobCancelled, run_job

CANCEL = "cancel"


def emit(stream: TextIO, message: dict[str, Any]) -> None:
    stream.write(json.dumps(message) + "\n")
    stream.flush()


def watch(source: TextIO, stop: threading.Event) -> None:
    """Set `stop` on a "cancel" line or when the app closes the pipe."""
    for line in source:
        if line.strip() == CANCEL:
            break
    stop.set()


def serve(source: TextIO, sink: TextIO) -> int:
    """Run the job read from `source`, reporting on `sink`."""
    try:
        job = AlignJob.from_json(json.loads(source.readline()))
    except (ValueError, KeyError, TypeError) as error:
        emit(sink, {"error": f"the alignment was asked wrongly ({error})"})
        return 2
    stop = threading.Event()
    threading.Thread(target=watch, args=(source, stop), daemon=True).start()

    def progress(done_ms: int, total_ms: int | None) -> None:
        if stop.is_set():
            raise JobCancelled
        emit(sink, {"progress": [done_ms, total_ms]})

    try:
        outcome = run_job(job, progress, should_stop=stop.is_set)
    except JobCancelled:
        emit(sink, {"cancelled": True})
        return 0
    except JOB_ERRORS as error:
        emit(sink, {"error": str(error)})
        return 2
    emit(sink, {"outcome": outcome.to_json()})
    return 0


if __name__ == "__main__":
    sys.exit(serve(sys.stdin, sys.stdout))
