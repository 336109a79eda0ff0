"""Before Qt starts: is there a desktop to show the window on, and can Qt's plugin load?

Without a display, or with a library of Qt's xcb plugin missing, Qt aborts with a list
of plugin names that tells a newcomer nothing; this says in one line what to do.
"""

from __future__ import annotations

import ctypes
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Mapping
from pathlib import Path

HEADLESS_HINT = (
    "to use it without a display, run it offscreen, for example: "
    "QT_QPA_PLATFORM=offscreen transcript-player --at 0:45 --quit-after 1 "
    "--screenshot shot.png"
)

# The Debian/Ubuntu package of each library Qt's xcb plugin loads.
DEBIAN_PACKAGES = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-xinerama.so.0": "libxcb-xinerama0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb.so.1": "libxcb1",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libX11.so.6": "libx11-6",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libOpenGL.so.0": "libopengl0",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libdbus-1.so.3": "libdbus-1-3",
}


def uses_xcb(env: Mapping[str, str]) -> bool:
    """Whether Qt will pick its X11 (xcb) platform plugin in this environment."""
    platform = env.get("QT_QPA_PLATFORM", "").split(":")[0].strip()
    if platform:
        return platform == "xcb"
    return not env.get("WAYLAND_DISPLAY")


def display_problem(
    env: Mapping[str, str], x11_socket_dir: str = "/tmp/.X11-unix"
) -> str:
    """A one-line message when no desktop session is reachable, else ""."""
    platform = env.get("QT_QPA_PLATFORM", "").split(":")[0].strip()
    if platform and platform != "xcb":
        return ""  # offscreen, wayland, vnc...: Qt's own choice, nothing to guess
    if not platform and env.get("WAYLAND_DISPLAY"):
        return ""
    display = env.get("DISPLAY", "")
    if not display:
        return (
            "the window needs a desktop session (no DISPLAY is set, as on a "
            f"server or over SSH without X); {HEADLESS_HINT}"
        )
    local = re.fullmatch(r":(\d+)(?:\.\d+)?", display)
    if local and not Path(x11_socket_dir, f"X{local.group(1)}").exists():
        return (
            f"the window needs a desktop session, but no X server answers on "
            f"DISPLAY={display}; {HEADLESS_HINT}"
        )
    return ""


def missing_libraries(ldd_output: str) -> list[str]:
    """The libraries `ldd` reports as "not found", in its order, once each."""
    found = re.findall(r"^\s*(\S+)\s+=>\s+not found", ldd_output, re.MULTILINE)
    return list(dict.fromkeys(found))


def plugin_problem(plugin: Path, load: Callable[[str], object] = ctypes.CDLL) -> str:
    """One line naming the packages to install when the xcb plugin cannot load."""
    if not plugin.is_file():
        return ""
    try:
        load(str(plugin))
    except OSError as error:
        libraries = _ldd_missing(plugin) or _names_in(str(error))
        return _install_message(libraries, str(error))
    return ""


def _ldd_missing(plugin: Path) -> list[str]:
    ldd = shutil.which("ldd")
    if ldd is None:
        return []
    try:
        done = subprocess.run(
            [ldd, str(plugin)], capture_output=True, text=True, timeout=10, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return []
    return missing_libraries(done.stdout)


def _names_in(error_text: str) -> list[str]:
    return re.findall(r"(lib[\w.+-]+\.so(?:\.\d+)*)", error_text)[:1]


def _install_message(libraries: list[str], error_text: str) -> str:
    if not libraries:
        return (
            "Qt's desktop plugin (xcb) cannot load: "
            f"{error_text.strip()}; run: sh .ci/system-packages"
        )
    packages = list(dict.fromkeys(DEBIAN_PACKAGES.get(n, n) for n in libraries))
    return (
        "Qt's desktop plugin (xcb) cannot load: missing "
        f"{', '.join(libraries)}; on Debian or Ubuntu install it with: "
        f"sudo apt-get install {' '.join(packages)} (or: sh .ci/system-packages)"
    )


def xcb_plugin_path() -> Path | None:
    """Where PySide6 keeps Qt's xcb platform plugin, found without importing Qt."""
    import importlib.util

    spec = importlib.util.find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        return None
    base = Path(next(iter(spec.submodule_search_locations)))
    return base / "Qt" / "plugins" / "platforms" / "libqxcb.so"


def desktop_problem(env: Mapping[str, str] | None = None) -> str:
    """Why the window cannot open here (one line), or "" when it can; Linux only."""
    if not sys.platform.startswith("linux"):
        return ""
    env = os.environ if env is None else env
    problem = display_problem(env)
    if problem or not uses_xcb(env):
        return problem
    plugin = xcb_plugin_path()
    return plugin_problem(plugin) if plugin is not None else ""
