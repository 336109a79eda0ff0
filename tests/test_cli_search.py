"""The `search` command and `cues --json` against the spec suite's expectations."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_support import make_module, run, shared_folder


@pytest.fixture
def module(tmp_path: Path) -> Path:
    return make_module(tmp_path)


def test_search_finds_attributed_story(module, tmp_path, capsys):
    index = tmp_path / "index.sqlite3"
    status, out, _ = run(
        capsys, "search", "recorded", "--module", module, "--index", index, "--json"
    )
    assert status == 0
    (hit,) = json.loads(out)
    assert (hit["module_id"], hit["video_id"], hit["start"]) == (
        "cli-module",
        "talk",
        5,
    )
    assert hit["attribution"] == "Storyteller, a stand-in for the recorded story"
    assert hit["speaker"] == "Storyteller"
    status, out, _ = run(
        capsys, "search", "welcome", "--module", module, "--index", index
    )
    assert status == 0
    assert out.startswith("A talk 0:01  Narrator: ")
    assert "told by" not in out


def test_search_defaults_to_the_sample_module(tmp_path, capsys):
    index = tmp_path / "index.sqlite3"
    status, out, _ = run(capsys, "search", "story", "--index", index, "--json")
    assert status == 0
    hits = json.loads(out)
    assert {hit["module_id"] for hit in hits} == {"trusting-relationship"}
    assert any(hit["attribution"] for hit in hits)


WPT_SUITE = shared_folder() / "conformance" / "wpt-webvtt"


def same_as_expected(expected: object, actual: object, where: str) -> list[str]:
    """Differences from a WPT expectation; None there means "not checked"."""
    if expected is None:
        return []
    if isinstance(expected, dict):
        if "same_region_as" in expected:
            return []
        if not isinstance(actual, dict):
            return [f"{where}: {actual!r} is not an object"]
        return [
            difference
            for key, value in expected.items()
            for difference in same_as_expected(value, actual.get(key), f"{where}.{key}")
        ]
    both_numbers = all(
        isinstance(v, int | float) and not isinstance(v, bool)
        for v in (expected, actual)
    )
    if both_numbers and float(expected) == float(actual):  # type: ignore[arg-type]
        return []
    return [] if expected == actual else [f"{where}: {expected!r} != {actual!r}"]


def test_cues_json_matches_the_wpt_expectations(capsys):
    expectations = json.loads((WPT_SUITE / "expected.json").read_text("utf-8"))
    cases = {
        name: cues for name, cues in expectations.items() if isinstance(cues, list)
    }
    assert len(cases) > 20
    differences = []
    for name, expected in cases.items():
        status, out, _ = run(capsys, "cues", WPT_SUITE / name, "--json")
        assert status == 0, name
        actual = json.loads(out)
        assert len(actual) == len(expected), name
        for i, (want, got) in enumerate(zip(expected, actual, strict=True)):
            differences += same_as_expected(want, got, f"{name}[{i}]")
    assert differences == []


def test_search_leaves_the_apps_index_alone(module, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    from captions.library import default_index_path

    app_index = default_index_path()
    assert str(app_index).startswith(str(tmp_path))
    status, out, _ = run(capsys, "search", "recorded", "--module", module, "--json")
    assert status == 0 and json.loads(out)
    assert not app_index.exists()
    assert list(app_index.parent.glob("cli-search-*.sqlite3"))
