"""The one settings accessor: typed keys, defaults, and what a bad stored value does.

A value that cannot be used (inf, nan, the wrong type, a garbage string) resets only
that setting to its default; a finite number out of range is kept at its nearest bound.
Either way the window says which file and which key, and the app always starts.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest
from rig import tracks_read

from player.core import setting_keys
from player.core.settings import BoolKey, FloatKey, IntKey, Settings, TextKey
from player.reading.playback_rate import PlaybackRate

BAD_VALUES = {
    "inf": "inf",
    "nan": "nan",
    "wrong type": "1, 2",  # INI reads an unquoted comma as a list
    "garbage": "big",
}


def write_settings(text: str) -> Path:
    """Write the settings file by hand, as an organisation presetting it would."""
    path = Path(Settings().file_name())
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("value", BAD_VALUES.values(), ids=BAD_VALUES.keys())
def test_a_bad_value_is_the_default_removed_and_reported(value: str) -> None:
    path = write_settings(f"[captionStyle]\nsize_percent={value}\nedge=outline\n")
    settings = Settings()
    reported: list[str] = []
    settings.bad_value.connect(reported.append)
    size = setting_keys.CAPTION_STYLE["size_percent"]
    assert settings.get(size) == 100
    assert settings.get(setting_keys.CAPTION_EDGE) == "outline", "only that one"
    (message,) = reported
    assert str(path) in message and "captionStyle/size_percent" in message
    assert "default (100)" in message
    assert not settings.contains(size), "reset: the next start is clean"
    assert settings.get(size) == 100 and len(reported) == 1


@pytest.mark.parametrize(
    ("key", "stored", "expected"),
    [
        (IntKey("k/int", 5, 0, 10), "7", 7),
        (IntKey("k/int", 5, 0, 10), "7.0", 7),
        (IntKey("k/int", 5, 0, 10), "7.5", 5),
        (IntKey("k/int", 5, 0, 10), "-inf", 5),
        (FloatKey("k/float", 1.0, 0.5, 2.0), "0.75", 0.75),
        (FloatKey("k/float", 1.0, 0.5, 2.0), "nan", 1.0),
        (FloatKey("k/float", 1.0, 0.5, 2.0), "1e999", 1.0),
        (IntKey("k/int", 5, 0, 10), "11", 10),
        (FloatKey("k/float", 1.0, 0.5, 2.0), "0.1", 0.5),
        (BoolKey("k/bool", True), "false", False),
        (BoolKey("k/bool", True), "maybe", True),
        (TextKey("k/text", "a", ("a", "b")), "b", "b"),
        (TextKey("k/text", "a", ("a", "b")), "c", "a"),
    ],
)
def test_each_kind_of_key_reads_what_it_can_use(key, stored, expected) -> None:  # type: ignore[no-untyped-def]
    write_settings(f"[k]\n{key.name.split('/')[1]}={stored}\n")
    assert Settings().get(key) == expected


def test_a_finite_value_out_of_range_is_kept_at_its_bound_and_reported() -> None:
    path = write_settings("[captionStyle]\nsize_percent=900\n")
    settings = Settings()
    reported: list[str] = []
    settings.bad_value.connect(reported.append)
    size = setting_keys.CAPTION_STYLE["size_percent"]
    assert settings.get(size) == 300
    (message,) = reported
    assert str(path) in message and "captionStyle/size_percent" in message
    assert "900 is outside 50 to 300" in message and "kept at 300" in message
    assert settings.get(size) == 300 and len(reported) == 1, "stored: reported once"


def test_values_set_while_running_are_clamped_not_refused() -> None:
    settings = Settings()
    assert settings.set(setting_keys.TEXT_SCALE, 900) == 300
    assert settings.set(setting_keys.RATE, float("nan")) == 1.0
    assert settings.set(setting_keys.RATE, 0.1) == 0.5
    assert settings.get(setting_keys.TEXT_SCALE) == 300


def test_the_preset_key_names_never_change() -> None:
    """Organisations preset these (design.md 8): a rename would lose their choice."""
    names = {key.name for key in setting_keys.ALL_KEYS}
    assert {
        "screenReader/announceCaptions",
        "captionStyle/size_percent",
        "captionStyle/text_color",
        "transcript/textScale",
        "transcript/lineSpacing",
        "transcript/highContrast",
        "reading/rate",
        "reading/single_keys",
        "reading/pause_after_caption",
        "descriptions/show",
        "presentation/caption_size_percent",
        "pauses/enabled",
        "library/modules",
    } <= names
    assert setting_keys.CAPTION_DELAY.at("m/v").name == "reading/delay/m/v"
    assert setting_keys.POSITION.at("m/v").name == "reading/position/m/v"
    assert setting_keys.ADDED_PAUSES.at("m", "v").name == "pauses/m/v"


def test_rate_nan_is_normal_speed_not_the_fastest(make_rig) -> None:
    write_settings("[reading]\nrate=nan\n")
    rig = make_rig()
    rate = PlaybackRate(rig.ctx)
    assert rig.playback.rate() == 1.0 and rate.label.text() == "Speed 1×"
    (message,) = rig.status.messages("settings")
    assert "reading/rate" in message and rig.ctx.settings.file_name() in message


@pytest.mark.parametrize("value", BAD_VALUES.values(), ids=BAD_VALUES.keys())
def test_the_window_opens_with_a_bad_caption_size_and_says_where(
    make_window, module_folder, value: str
) -> None:
    path = write_settings(
        f"[captionStyle]\nsize_percent={value}\nbackground_opacity=50\n"
    )
    window = make_window()
    assert window.open_path(module_folder)
    tracks_read(window.showing)
    style = window.video_view.caption_style
    assert style.size_percent == 100 and style.background_opacity == 50
    (problem,) = window.status.messages("settings")
    assert str(path) in problem and "captionStyle/size_percent" in problem
    assert window.status.isVisible() and str(path) in window.status.text()


def test_the_app_starts_with_an_unusable_settings_file(qapp) -> None:
    from player.shell.app import start

    write_settings(
        "[captionStyle]\nsize_percent=inf\n[transcript]\ntextScale=inf\n"
        "[reading]\nrate=nan\n"
    )
    args = argparse.Namespace(path=None, video=None, at="0:05", quit_after=None)
    window = start(args)
    assert not isinstance(window, int), "the app started"
    try:
        assert window.playback.rate() == 1.0
        assert window.transcript.text_scale() == 100
        assert window.video_view.caption_style.size_percent == 100
        keys = " ".join(window.status.messages("settings"))
        for key in (
            "captionStyle/size_percent",
            "transcript/textScale",
            "reading/rate",
        ):
            assert key in keys
    finally:
        window.close()
        window.deleteLater()
