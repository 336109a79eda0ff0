"""A fresh benchmark process's own peak memory, as source its script includes.

Not ru_maxrss: Linux carries it over an exec, so a child of pytest would report
pytest's peak. VmHWM is the high-water mark of the process's own memory.
"""

PEAK_KB = """
def peak_kb():
    with open("/proc/self/status") as status:
        return next(int(l.split()[1]) for l in status if l.startswith("VmHWM:"))
"""
