"""Cue settings and REGION blocks interpreted per the WebVTT spec.

These functions give the settings text of a cue and the body of a REGION block the
`VTTCue` and `VTTRegion` meanings (spec: "parse the WebVTT cue settings", "collect
WebVTT region settings"). Numbers are ASCII digits only, as the spec's grammar says.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from captions.model import DEFAULT_SETTINGS, CueSettings, Region

_PERCENT = re.compile(r"[0-9]+(?:\.[0-9]+)?%")
_LINE_NUMBER = re.compile(r"-?[0-9]+(?:\.[0-9]+)?")
# A REGION `lines` number longer than this is ignored rather than converted: no
# screen shows that many lines, and int() refuses numbers of over 4,300 digits.
_MAX_LINES_DIGITS = 100
_SPACES = re.compile("[ \t\n\f\r]+")


def parse_percentage(text: str) -> float | None:
    """The spec's "parse a percentage string": 0 to 100, or None."""
    if not _PERCENT.fullmatch(text):
        return None
    value = float(text[:-1])
    return value if 0.0 <= value <= 100.0 else None


class RegionTable:
    """Regions by identifier; a later REGION with the same id replaces the earlier."""

    def __init__(self, regions: Iterable[Region] = ()) -> None:
        self._by_id: dict[str, Region] = {}
        for region in regions:
            self.add(region)

    def add(self, region: Region) -> None:
        """A region read from the file; one without an id can never be used."""
        if region.id:
            self._by_id[region.id] = region

    def get(self, identifier: str) -> Region | None:
        return self._by_id.get(identifier)

    def __len__(self) -> int:
        return len(self._by_id)


def parse_region_block(text: str) -> Region:
    """A REGION block's body (the lines after "REGION"), split on ASCII white space."""
    return parse_region(_SPACES.split(text))


def parse_region(tokens: list[str]) -> Region:
    """One REGION block's settings; invalid ones are ignored, later ones win."""
    values: dict[str, object] = {}
    for token in tokens:
        name, sep, value = token.partition(":")
        if not sep or not name or not value:
            continue
        _apply_region_setting(values, name, value)
    return Region(**values)  # type: ignore[arg-type]


def _apply_region_setting(values: dict[str, object], name: str, value: str) -> None:
    if name == "id":
        if "-->" not in value:
            values["id"] = value
    elif name == "width":
        width = parse_percentage(value)
        if width is not None:
            values["width"] = width
    elif name == "lines":
        digits = value.lstrip("0")
        if value.isascii() and value.isdigit() and len(digits) <= _MAX_LINES_DIGITS:
            values["lines"] = int(value)
    elif name in ("regionanchor", "viewportanchor"):
        anchor = _parse_anchor(value)
        if anchor is not None:
            prefix = "region_anchor" if name == "regionanchor" else "viewport_anchor"
            values[f"{prefix}_x"], values[f"{prefix}_y"] = anchor
    elif name == "scroll" and value == "up":
        values["scroll"] = "up"


def _parse_anchor(value: str) -> tuple[float, float] | None:
    x_text, sep, y_text = value.partition(",")
    if not sep:
        return None
    x, y = parse_percentage(x_text), parse_percentage(y_text)
    return None if x is None or y is None else (x, y)


def parse_cue_settings(text: str, regions: RegionTable) -> CueSettings:
    """A cue's settings string with the VTTCue meanings; bad settings are ignored."""
    if not text:
        return DEFAULT_SETTINGS
    values: dict[str, object] = {}
    for token in _SPACES.split(text):
        name, sep, value = token.partition(":")
        if sep and name and value:
            _apply_cue_setting(values, name, value, regions)
    settings = replace(DEFAULT_SETTINGS, **values)  # type: ignore[arg-type]
    if settings.region is not None and (
        settings.vertical or settings.line is not None or settings.size != 100.0
    ):
        # A region only holds horizontal cues with automatic line and full size.
        settings = replace(settings, region=None)
    return settings


def _apply_cue_setting(
    values: dict[str, object], name: str, value: str, regions: RegionTable
) -> None:
    if name == "region":
        values["region"] = regions.get(value)
    elif name == "vertical":
        if value in ("rl", "lr"):
            values["vertical"] = value
    elif name == "line":
        _apply_line(values, value)
    elif name == "position":
        _apply_position(values, value)
    elif name == "size":
        size = parse_percentage(value)
        if size is not None:
            values["size"] = size
    elif name == "align" and value in ("start", "center", "end", "left", "right"):
        values["align"] = value


def _apply_line(values: dict[str, object], value: str) -> None:
    linepos, sep, linealign = value.partition(",")
    if sep and linealign not in ("start", "center", "end"):
        return
    if linepos.endswith("%"):
        number = parse_percentage(linepos)
        snap = False
    elif _LINE_NUMBER.fullmatch(linepos):
        number = float(linepos)
        snap = True
    else:
        return
    if number is None or number in (float("inf"), float("-inf")):
        return
    values["line"] = number
    values["snap_to_lines"] = snap
    if sep:
        values["line_align"] = linealign


def _apply_position(values: dict[str, object], value: str) -> None:
    colpos, sep, colalign = value.partition(",")
    number = parse_percentage(colpos)
    if number is None:
        return
    if sep:
        if colalign not in ("line-left", "center", "line-right"):
            return
        values["position_align"] = colalign
    values["position"] = number
