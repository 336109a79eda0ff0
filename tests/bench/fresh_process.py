"""How the benchmarks run a fresh process: as an installed copy runs, and what it
reports of its own memory.

`as_installed()`: pip compiles byte code on install, so a program starts from it.
The benchmark processes write and reuse theirs in a folder of this run's own, even
where the environment turns that off (PYTHONDONTWRITEBYTECODE), which would make every
process compile every module it imports, ours more than a baseline's.

`PEAK_KB`: source a process's script includes. Not ru_maxrss: Linux carries it over an
exec, so a child of pytest would report pytest's peak. VmHWM is the high-water mark
of the process's own memory.
"""

from __future__ import annotations

import os
import tempfile

PYCACHE = tempfile.mkdtemp(prefix="bench-pycache-")

PEAK_KB = """
def peak_kb():
    with open("/proc/self/status") as status:
        return next(int(l.split()[1]) for l in status if l.startswith("VmHWM:"))
"""


def as_installed(**extra: str) -> dict[str, str]:
    """This environment plus `extra`, byte code cached as an installed copy has it."""
    env = {**os.environ, **extra}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = PYCACHE
    return env
