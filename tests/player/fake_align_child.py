"""A stand-in for `python -m player.alignment.child` without pocketsphinx.

The real protocol (player.alignment.child.serve) and the real job (checks, the
captions written whole, the manifest edit) run; only the speech is not listened
to: the words get even times over FAKE_SECONDS. MODE (argv[1]):

  ok     align at once; the last word is reported as not heard
  slow   report progress every 50 ms until cancelled (at most a minute)
  error  say one plain line, as a missing pocketsphinx does
  crash  write a traceback line on stderr and exit 3, saying nothing
"""

from __future__ import annotations

import json
import sys
import time
from typing import Any

from captions.cue_builder import build_cues
from captions.word_timing import TimedWord
from media import align_job
from media.align_track import AlignedCaptions
from player.alignment import child

FAKE_SECONDS = 18


def fake_align(media: Any, transcript: Any, **options: Any) -> AlignedCaptions:
    words = transcript.words
    step = FAKE_SECONDS * 1000 // max(1, len(words))
    timed = [
        TimedWord(word, i * step, i * step + step - 20, heard=i < len(words) - 1)
        for i, word in enumerate(words)
    ]
    total = FAKE_SECONDS * 1000
    progress = options["progress"]
    if MODE == "slow":
        for tick in range(1200):
            progress(min(total - 1, tick * 100), total)
            time.sleep(0.05)  # stands in for decoding work
    progress(total // 2, total)
    progress(total, total)
    cues = build_cues(timed, edges_ms=options.get("edges_ms", ()))
    return AlignedCaptions(cues, timed, total)


MODE = sys.argv[1] if len(sys.argv) > 1 else "ok"

if __name__ == "__main__":
    if MODE == "error":
        sys.stdin.readline()
        print(json.dumps({"error": "aligning needs pocketsphinx: pip install x"}))
        sys.exit(2)
    if MODE == "crash":
        sys.stdin.readline()
        print("RuntimeError: boom", file=sys.stderr)
        sys.exit(3)

    def run_fake(job: Any, progress: Any, **kwargs: Any) -> Any:
        return align_job.run_job(job, progress, align=fake_align, **kwargs)

    child.run_job = run_fake  # type: ignore[assignment]
    sys.exit(child.serve(sys.stdin, sys.stdout))
