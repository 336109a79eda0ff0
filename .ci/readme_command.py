"""Print one of the README's two commands (`run` or `test`), as a newcomer copies it.

.ci/run executes them literally: the README cannot promise a command CI never ran.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

HEADINGS = {"run": "**Run it**", "test": "**Test it**"}


def readme_command(readme: str, which: str) -> str:
    """The one line of the first ```sh block after the paragraph that starts `which`."""
    start = readme.index(HEADINGS[which])
    block = re.search(r"```sh\n(.*?)```", readme[start:], re.DOTALL)
    if block is None:
        raise ValueError(f"no ```sh block after {HEADINGS[which]}")
    lines = [line for line in block.group(1).splitlines() if line.strip()]
    if len(lines) != 1:
        raise ValueError(f"the {which} command must be one line, not {len(lines)}")
    return lines[0]


if __name__ == "__main__":
    readme_path = Path(__file__).resolve().parent.parent / "README.md"
    print(readme_command(readme_path.read_text(encoding="utf-8"), sys.argv[1]))
