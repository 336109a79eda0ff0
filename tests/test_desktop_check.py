"""A missing display or a missing xcb plugin library is explained in one line."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from player.cli.desktop_check import (
    display_problem,
    missing_libraries,
    plugin_problem,
    uses_xcb,
    xcb_plugin_path,
)

TP = Path(sys.executable).with_name("transcript-player")


def _bare_env(**extra: str) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"}
    }
    env.update(extra)
    return env


def test_no_display_is_explained_with_the_headless_command() -> None:
    message = display_problem({})
    assert "needs a desktop session" in message
    assert "QT_QPA_PLATFORM=offscreen transcript-player" in message
    assert "--screenshot shot.png" in message


def test_a_local_display_with_no_x_server_is_explained(tmp_path: Path) -> None:
    message = display_problem({"DISPLAY": ":93"}, x11_socket_dir=str(tmp_path))
    assert "no X server answers on DISPLAY=:93" in message


def test_a_running_x_server_or_another_platform_is_fine(tmp_path: Path) -> None:
    (tmp_path / "X5").touch()
    assert display_problem({"DISPLAY": ":5.0"}, x11_socket_dir=str(tmp_path)) == ""
    assert display_problem({"DISPLAY": "localhost:10.0"}) == ""  # ssh -X
    assert display_problem({"QT_QPA_PLATFORM": "offscreen"}) == ""
    assert display_problem({"WAYLAND_DISPLAY": "wayland-0"}) == ""
    assert not uses_xcb({"WAYLAND_DISPLAY": "wayland-0"})
    assert uses_xcb({"QT_QPA_PLATFORM": "xcb", "WAYLAND_DISPLAY": "wayland-0"})


def test_the_app_without_a_display_says_so_and_exits_2() -> None:
    done = subprocess.run(
        [str(TP), "--quit-after", "0"],
        env=_bare_env(),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert "needs a desktop session" in lines[0]
    assert "QT_QPA_PLATFORM=offscreen" in lines[0]


def test_ldd_output_names_the_missing_libraries() -> None:
    ldd = (
        "\tlibQt6Gui.so.6 => /x/libQt6Gui.so.6 (0x1)\n"
        "\tlibxcb-cursor.so.0 => not found\n"
        "\tlibxkbcommon-x11.so.0 => not found\n"
        "\tlibxcb-cursor.so.0 => not found\n"
    )
    assert missing_libraries(ldd) == ["libxcb-cursor.so.0", "libxkbcommon-x11.so.0"]


def test_a_missing_plugin_library_names_its_package(tmp_path: Path) -> None:
    def refuse(name: str) -> object:
        raise OSError("libxcb-cursor.so.0: cannot open shared object file")

    plugin = tmp_path / "libqxcb.so"
    plugin.write_bytes(b"")
    message = plugin_problem(plugin, load=refuse)
    assert "missing libxcb-cursor.so.0" in message
    assert "apt-get install libxcb-cursor0" in message


def test_a_real_plugin_that_cannot_resolve_its_libraries_is_reported(
    tmp_path: Path,
) -> None:
    real = xcb_plugin_path()
    assert real is not None and real.is_file()
    moved = tmp_path / "libqxcb.so"
    shutil.copy(real, moved)  # away from Qt's own libraries, found through its rpath
    message = plugin_problem(moved)
    assert message.startswith("Qt's desktop plugin (xcb) cannot load: missing ")
    assert "libQt6XcbQpa.so.6" in message


def test_the_installed_plugin_loads_here() -> None:
    plugin = xcb_plugin_path()
    assert plugin is not None
    assert plugin_problem(plugin) == ""
