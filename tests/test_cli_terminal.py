"""What the command line prints for people never carries live terminal controls.

Cue words, titles, attributions and file names are data: an OSC sequence in them
must not retitle the window or fill the clipboard, a bidi override must not reorder
what is shown. JSON output keeps the text exactly (its encoder escapes controls).
"""

from __future__ import annotations

import json
import os
import pty
import re
import subprocess
import sys
from pathlib import Path

import pytest
from cli_support import MANIFEST, make_module, run

from captions.terminal_text import CappedLines, for_terminal, summarised_count

TITLE = "\x1b]0;pwned\x07"  # OSC 0: set the window title
CLIPBOARD = "\x1b]52;c;ZXZpbA==\x07"  # OSC 52: write the clipboard
COLOUR = "\x1b[31m"
C1_CSI = "\x9b31m"
OVERRIDE = "\u202e"  # right-to-left override
HOSTILE = f"Fish {TITLE}and {CLIPBOARD}chips {COLOUR}red{C1_CSI} {OVERRIDE}txt.exe\x7f"
LIVE = re.compile("[\x00-\x08\x0b-\x1f\x7f\x80-\x9f\u202a-\u202e\u2066-\u2069]")


def assert_terminal_safe(text: str) -> None:
    found = LIVE.findall(text)
    assert found == [], f"live controls printed: {found!r}"


def hostile_captions(path: Path) -> Path:
    path.write_text(
        "WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n"
        f"<v Ana{COLOUR}>{HOSTILE}\n\n"
        "00:00:05.000 --> 00:00:09.000\nThis cue stands in for the recorded story.\n",
        encoding="utf-8",
    )
    return path


def hostile_module(tmp_path: Path) -> Path:
    folder = make_module(tmp_path)
    hostile_captions(folder / "talk.en.vtt")
    manifest = MANIFEST.replace(
        'attribution = "Storyteller, a stand-in for the recorded story"',
        'attribution = "Storyteller\\u001b]52;c;ZXZpbA==\\u0007, a stand-in"',
    ).replace('title = "A talk"', 'title = "A talk\\u001b]0;pwned\\u0007"')
    (folder / "module.toml").write_text(manifest, encoding="utf-8")
    return folder


def test_for_terminal_shows_controls_as_escapes() -> None:
    shown = for_terminal(HOSTILE)
    assert_terminal_safe(shown)
    assert shown == (
        "Fish \\x1b]0;pwned\\x07and \\x1b]52;c;ZXZpbA==\\x07chips \\x1b[31mred"
        "\\x9b31m \\u202etxt.exe\\x7f"
    )
    assert for_terminal("tab\tand\nline") == "tab\tand\\x0aline"
    assert for_terminal("a\r\nb\rc\n", keep_newlines=True) == "a\nb\\x0dc\n"
    words = "Déjà vu — 大学, مرحبا, \u200f and \u00a0 stay"
    assert for_terminal(words) == words


def test_capped_lines_print_a_hundred_then_count(capsys) -> None:
    shown = CappedLines("warning", sys.stderr, limit=100)
    for number in range(2_000_000 // 1000):
        shown.add(f"warning {number}")
    shown.add_hidden(1_998_000)
    shown.finish()
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 101
    assert lines[99] == "warning 99"
    assert lines[100] == "... and 1,999,900 more warnings"
    assert summarised_count("... and 1,234 more warnings") == 1234
    assert summarised_count("Caption 3 at 0:01: too fast") is None


def test_cues_listing_escapes_controls_but_json_keeps_the_text(tmp_path, capsys):
    path = hostile_captions(tmp_path / "c.vtt")
    status, out, err = run(capsys, "cues", path)
    assert status == 0
    assert_terminal_safe(out + err)
    assert "\\x1b]0;pwned\\x07" in out and "\\u202e" in out
    status, out, _ = run(capsys, "cues", path, "--json")
    assert status == 0
    assert "\x1b" not in out and "\\u001b" in out
    assert json.loads(out)[0]["plain"] == HOSTILE


def test_search_listing_escapes_cue_text_titles_and_attribution(tmp_path, capsys):
    folder = hostile_module(tmp_path)
    index = tmp_path / "index.sqlite3"
    status, out, err = run(capsys, "search", "fish", "--module", folder,
                           "--index", index)  # fmt: skip
    assert status == 0
    assert_terminal_safe(out + err)
    assert "\\x1b]0;pwned\\x07" in out
    status, out, err = run(capsys, "search", "recorded", "--module", folder,
                           "--index", index)  # fmt: skip
    assert_terminal_safe(out + err)
    assert "Storyteller\\x1b]52;c;ZXZpbA==\\x07, a stand-in" in out
    status, out, _ = run(capsys, "search", "fish", "--module", folder,
                         "--index", index, "--json")  # fmt: skip
    assert json.loads(out)[0]["video_title"] == "A talk\x1b]0;pwned\x07"


def test_check_output_escapes_names_and_messages(tmp_path, capsys):
    path = hostile_captions(tmp_path / f"evil{TITLE}.vtt")
    status, out, err = run(capsys, "check", path)
    assert status in (0, 1)
    assert_terminal_safe(out + err)
    assert "evil\\x1b]0;pwned\\x07.vtt" in out
    (tmp_path / "m").mkdir()
    status, out, err = run(capsys, "check", hostile_module(tmp_path / "m"))
    assert_terminal_safe(out + err)
    assert out


def test_error_lines_escape_what_the_user_typed(tmp_path, capsys):
    status, _, err = run(capsys, "cues", tmp_path / f"missing{CLIPBOARD}.vtt")
    assert status == 2
    assert_terminal_safe(err)
    assert "\\x1b]52;c;ZXZpbA==\\x07" in err
    status, _, err = run(capsys, "search", "x", "--limit", f"5{TITLE}")
    assert status == 2
    assert_terminal_safe(err)


def test_check_prints_a_hundred_warnings_and_counts_the_rest(tmp_path, capsys):
    cues = "".join(
        f"00:{n // 600:02d}:{n // 10 % 60:02d}.{n % 10 * 100:03d} --> "
        f"00:{n // 600:02d}:{n // 10 % 60:02d}.{n % 10 * 100 + 50:03d}\n"
        f"{'word ' * 12}\n\n"
        for n in range(600)
    )
    path = tmp_path / "many.vtt"
    path.write_text("WEBVTT\n\n" + cues, encoding="utf-8")
    status, out, err = run(capsys, "check", path)
    lines = err.splitlines()
    assert len(lines) == 101
    found = re.fullmatch(r"\.\.\. and ([\d,]+) more warnings: (.*)", lines[-1])
    hidden = int(found[1].replace(",", ""))
    assert hidden >= 1000  # several warnings a cue: short, too fast, too long a line
    by_rule = dict(reversed(part.split(" ")) for part in found[2].split(", "))
    assert set(by_rule) == {"line-too-long", "reading-rate", "too-short"}
    assert sum(int(n.replace(",", "")) for n in by_rule.values()) == hidden
    assert out.splitlines()[-1].startswith(f"{path}: 600 cues")
    assert status in (0, 1)
    status_all, _, err_all = run(capsys, "check", path, "--all-warnings")
    assert status_all == status
    every = err_all.splitlines()
    assert len(every) == 100 + hidden and every[:100] == lines[:100]
    assert all(line.startswith(f"warning: {path}: Caption ") for line in every)


def run_on_a_terminal(*args: object) -> tuple[int, bytes]:
    """The CLI with stdout on a pseudo-terminal, as a person at a console sees it."""
    controller, terminal = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "player.cli", *map(str, args)],
        stdout=terminal,
        stderr=subprocess.DEVNULL,
        stdin=subprocess.DEVNULL,
    )
    os.close(terminal)
    received = b""
    while True:
        try:
            chunk = os.read(controller, 65536)
        except OSError:  # the terminal closed: the program ended
            break
        if not chunk:
            break
        received += chunk
    os.close(controller)
    return process.wait(timeout=60), received


@pytest.mark.parametrize("fmt", ["txt", "vtt", "srt"])
def test_export_to_a_terminal_escapes_controls(tmp_path, fmt):
    folder = hostile_module(tmp_path)
    status, shown = run_on_a_terminal("export", folder, "--format", fmt)
    assert status == 0
    text = shown.decode("utf-8").replace("\r\n", "\n")  # the terminal's line ends
    assert_terminal_safe(text)
    assert "\\x1b]0;pwned\\x07" in text


def test_export_to_a_pipe_or_file_is_the_file_itself(tmp_path):
    folder = hostile_module(tmp_path)
    target = tmp_path / "out.txt"
    piped = subprocess.run(
        [sys.executable, "-m", "player.cli", "export", folder, "--format", "txt"],
        capture_output=True,
        check=True,
    ).stdout
    subprocess.run(
        [sys.executable, "-m", "player.cli", "export", folder, "--format", "txt",
         "-o", target],
        check=True,
        capture_output=True,
    )  # fmt: skip
    assert piped == target.read_bytes()
