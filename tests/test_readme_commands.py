"""The README's two commands are one line each and share CI's package script."""

from __future__ import annotations

import importlib.util
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _readme_command(which: str) -> str:
    spec = importlib.util.spec_from_file_location(
        "readme_command", ROOT / ".ci" / "readme_command.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    command: str = module.readme_command(text, which)
    return command


def test_both_commands_start_with_the_system_package_script() -> None:
    assert _readme_command("run").startswith("sh .ci/system-packages && ")
    assert _readme_command("test").startswith("sh .ci/system-packages test && ")


def test_neither_command_needs_sudo() -> None:
    for which in ("run", "test"):
        assert "sudo" not in _readme_command(which)


def test_ci_runs_the_readme_commands_literally() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "readme_command.py test" in ci
    assert "readme_command.py run" in ci
    assert "apt-get" not in ci  # the package list lives in one place


def _listed(*args: str) -> list[str]:
    done = subprocess.run(
        ["sh", str(ROOT / ".ci" / "system-packages"), "--list", *args],
        capture_output=True,
        text=True,
        check=True,
        timeout=30,
    )
    return done.stdout.split()


def test_the_package_list_covers_qt_and_the_tools() -> None:
    app = _listed()
    assert {"libpulse0", "libxcb-cursor0", "libxkbcommon-x11-0", "libegl1"} <= set(app)
    tests = _listed("test")
    assert set(app) <= set(tests)
    assert {"xvfb", "orca", "python3-pyatspi", "dbus-x11"} <= set(tests)


def test_a_wrong_argument_is_refused() -> None:
    done = subprocess.run(
        ["sh", str(ROOT / ".ci" / "system-packages"), "tset"],
        capture_output=True,
        text=True,
        check=False,
        timeout=30,
    )
    assert done.returncode == 2
    assert "unknown argument 'tset'" in done.stderr


def _fake_tools(
    tmp_path: Path, uid: int, with_sudo: bool, with_apt: bool = True
) -> Path:
    """A PATH of fake id, apt-get and sudo that log how they were called."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    log = tmp_path / "calls.log"
    scripts = {"id": f"#!/bin/sh\necho {uid}\n"}
    if with_apt:
        scripts["apt-get"] = f'#!/bin/sh\necho "apt-get $*" >> {log}\n'
    if with_sudo:
        scripts["sudo"] = f'#!/bin/sh\necho "sudo" >> {log}\nexec "$@"\n'
    for name, body in scripts.items():
        (bin_dir / name).write_text(body)
        (bin_dir / name).chmod(0o755)
    (bin_dir / "env").symlink_to("/usr/bin/env")
    return bin_dir


def _install(bin_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["/bin/sh", str(ROOT / ".ci" / "system-packages"), *args],
        env={"PATH": str(bin_dir)},
        capture_output=True,
        text=True,
        check=False,
        timeout=30,
    )


def test_as_root_it_updates_then_installs_without_sudo(tmp_path: Path) -> None:
    done = _install(_fake_tools(tmp_path, uid=0, with_sudo=False))
    assert done.returncode == 0, done.stderr
    calls = (tmp_path / "calls.log").read_text().splitlines()
    assert calls[0] == "apt-get update -qq"
    assert calls[1].startswith("apt-get install -y -qq --no-install-recommends ")
    assert "libxcb-cursor0" in calls[1].split()
    assert len(calls) == 2


def test_as_a_user_it_uses_sudo(tmp_path: Path) -> None:
    done = _install(_fake_tools(tmp_path, uid=1000, with_sudo=True), "test")
    assert done.returncode == 0, done.stderr
    calls = (tmp_path / "calls.log").read_text().splitlines()
    assert calls[0] == "sudo" and calls[1] == "apt-get update -qq"
    assert "orca" in calls[3].split()


def test_a_user_without_sudo_is_told_what_to_do(tmp_path: Path) -> None:
    done = _install(_fake_tools(tmp_path, uid=1000, with_sudo=False))
    assert done.returncode == 1
    assert "run as root or install sudo" in done.stderr
    assert "libpulse0" in done.stderr
    assert not (tmp_path / "calls.log").exists()


def test_without_apt_get_it_names_the_packages_and_goes_on(tmp_path: Path) -> None:
    done = _install(_fake_tools(tmp_path, uid=0, with_sudo=False, with_apt=False))
    assert done.returncode == 0
    assert "no apt-get here" in done.stderr and "libpulse0" in done.stderr
