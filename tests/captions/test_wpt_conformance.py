"""The WebVTT spec suite's parsing cases (shared/conformance/wpt-webvtt)."""

from __future__ import annotations

import json
import math
from typing import Any

import pytest
import shared_data

from captions import CaptionError, Cue, load_track
from captions.model import Region

SUITE = shared_data.WPT_WEBVTT
EXPECTED: dict[str, Any] = json.loads((SUITE / "expected.json").read_text("utf-8"))

REGION_NAMES = {
    "id": "id",
    "width": "width",
    "lines": "lines",
    "regionAnchorX": "region_anchor_x",
    "regionAnchorY": "region_anchor_y",
    "viewportAnchorX": "viewport_anchor_x",
    "viewportAnchorY": "viewport_anchor_y",
    "scroll": "scroll",
}
SETTING_NAMES = {
    "vertical": "vertical",
    "snapToLines": "snap_to_lines",
    "line": "line",
    "lineAlign": "line_align",
    "position": "position",
    "positionAlign": "position_align",
    "size": "size",
    "align": "align",
}


def _same_number(actual: float | None, expected: Any) -> bool:
    if expected == "auto":
        return actual is None
    return actual is not None and math.isclose(actual, expected, rel_tol=1e-12)


def _check_region(actual: Region | None, expected: Any, cues: list[Cue]) -> None:
    if expected is None:
        assert actual is None
        return
    if "same_region_as" in expected:
        index = int(expected["same_region_as"][5:-1])
        assert actual is not None
        assert actual is cues[index].settings.region
        return
    assert actual is not None
    for name, value in expected.items():
        got = getattr(actual, REGION_NAMES[name])
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            assert math.isclose(got, value), name
        else:
            assert got == value, name


def _check_cue(cue: Cue, expected: dict[str, Any], cues: list[Cue]) -> None:
    if expected.get("id") is not None:
        assert cue.identifier == expected["id"]
    if expected.get("text") is not None:
        assert cue.text == expected["text"]
    for key, ms in (("start", cue.start_ms), ("end", cue.end_ms)):
        if expected.get(key) is not None:
            assert ms == round(expected[key] * 1000), key
    for name, value in (expected.get("settings") or {}).items():
        if name == "region":
            _check_region(cue.settings.region, value, cues)
            continue
        got = getattr(cue.settings, SETTING_NAMES[name])
        if name in ("line", "position"):
            assert _same_number(got, value), (name, got, value)
        elif name == "size":
            assert math.isclose(got, value), (name, got, value)
        else:
            assert got == value, (name, got, value)


@pytest.mark.parametrize("case", sorted(EXPECTED))
def test_wpt_case(case: str) -> None:
    expected = EXPECTED[case]
    path = SUITE / case
    if expected == "invalid":
        with pytest.raises(CaptionError) as caught:
            load_track(path)
        assert str(path) in str(caught.value)
        assert "WEBVTT" in caught.value.reason
        return
    cues = list(load_track(path).cues)
    if expected == "no cues":
        assert cues == []
    elif expected == "cues not asserted":
        return
    else:
        assert len(cues) == len(expected), [c.text for c in cues]
        for cue, want in zip(cues, expected, strict=True):
            _check_cue(cue, want, cues)
