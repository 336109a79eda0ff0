"""Which pocketsphinx model aligns a language: English ships in the wheel; any other
language needs a model folder of its own (`--model DIR`)."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

INSTALL_HINT = "pip install 'transcript-player[align]'"


class ModelUnavailableError(Exception):
    """Alignment cannot run: pocketsphinx or a model for the language is missing."""


@dataclass(frozen=True, slots=True)
class SpeechModel:
    """An acoustic model folder and its pronouncing dictionary."""

    acoustic: Path
    dictionary: Path
    english: bool


def primary_language(language: str) -> str:
    """ "en-GB" -> "en"; "" stays ""."""
    return language.replace("_", "-").split("-")[0].strip().lower()


def find_model(language: str, model_dir: str | Path | None = None) -> SpeechModel:
    """The model for `language`: the bundled US English one, or `model_dir`."""
    english = primary_language(language) == "en"
    if model_dir is not None:
        model = model_in(Path(model_dir), english)
        check_loads(model)
        return model
    if not english:
        raise ModelUnavailableError(
            f"only an English speech model ships; for {language!r} pass "
            "--model DIR, a pocketsphinx model folder (acoustic model and .dict)"
        )
    try:
        import pocketsphinx
    except ImportError:
        raise ModelUnavailableError(
            f"aligning needs pocketsphinx: {INSTALL_HINT}"
        ) from None
    root = Path(pocketsphinx.get_model_path()) / "en-us"
    return SpeechModel(root / "en-us", root / "cmudict-en-us.dict", True)


def model_in(folder: Path, english: bool) -> SpeechModel:
    """A model folder laid out as pocketsphinx's own: the acoustic model (a folder
    holding `mdef`, or `folder` itself) and one `.dict` pronouncing dictionary."""
    if not folder.is_dir():
        raise ModelUnavailableError(f"{folder}: not a model folder")
    acoustic = [folder] if (folder / "mdef").is_file() else []
    acoustic += sorted(p for p in folder.iterdir() if (p / "mdef").is_file())
    dictionaries = sorted(p for p in folder.glob("*.dict") if p.is_file())
    if not dictionaries and acoustic and acoustic[0] == folder:
        dictionaries = sorted(p for p in folder.parent.glob("*.dict") if p.is_file())
    if not acoustic:
        raise ModelUnavailableError(f"{folder}: no acoustic model (a folder with mdef)")
    if len(dictionaries) != 1:
        found = "no" if not dictionaries else "more than one"
        raise ModelUnavailableError(f"{folder}: {found} .dict pronouncing dictionary")
    return SpeechModel(acoustic[0], dictionaries[0], english)


_PROBE = """
import sys
import pocketsphinx
pocketsphinx.Decoder(hmm=sys.argv[1], dict=sys.argv[2], lm=None, loglevel="FATAL")
"""
PROBE_SECONDS = 120


def check_loads(model: SpeechModel) -> None:
    """Load a model folder the user named in a child process first: pocketsphinx
    ends the whole process on a malformed model file instead of raising."""
    command = [sys.executable, "-c", _PROBE, str(model.acoustic), str(model.dictionary)]
    try:
        result = subprocess.run(
            command, capture_output=True, timeout=PROBE_SECONDS, check=False
        )
    except subprocess.TimeoutExpired:
        raise ModelUnavailableError(
            f"{model.acoustic}: loading it takes too long"
        ) from None
    if result.returncode == 0:
        return
    report = result.stderr.decode("utf-8", "replace").strip().splitlines()
    if any("ModuleNotFoundError" in line for line in report):
        raise ModelUnavailableError(f"aligning needs pocketsphinx: {INSTALL_HINT}")
    reason = report[-1].rsplit(": ", 1)[-1] if report else "it does not load"
    raise ModelUnavailableError(
        f"{model.acoustic}: the speech model cannot be loaded ({reason})"
    )
