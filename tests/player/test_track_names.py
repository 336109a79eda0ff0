"""The caption chooser and the second-language menu name languages, never raw codes."""

from __future__ import annotations

from pathlib import Path

from player.shell.transport import Transport


def test_a_single_video_offers_its_tracks_by_language_name(
    rig, module_folder: Path
) -> None:
    controls = rig.place(rig.add(Transport(rig.ctx)).controls)
    rig.open(module_folder / "first.mp4")
    chooser = controls.caption_chooser
    offered = [chooser.itemText(i) for i in range(chooser.count())]
    assert offered == ["Captions off", "English", "Français"]
    assert chooser.currentText() == "English"


def test_a_manifest_track_without_a_label_is_named_too(
    rig, module_folder: Path
) -> None:
    manifest = module_folder / "module.toml"
    text = manifest.read_text(encoding="utf-8")
    manifest.write_text(text.replace('label = "Français"\n', ""), encoding="utf-8")
    controls = rig.place(rig.add(Transport(rig.ctx)).controls)
    rig.open(module_folder)
    chooser = controls.caption_chooser
    assert chooser.itemText(2) == "Français (subtitles)"
