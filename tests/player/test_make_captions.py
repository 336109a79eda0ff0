"""File > Make captions from a transcript…, built on a context (tests/player/rig.py)
with a stand-in child process (fake_align_child.py: the real protocol and job, no
pocketsphinx). The real alignment runs in test_make_captions_real.py."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QApplication
from rig import tracks_read

from media.manifest import load_manifest, load_module
from media.sealing import seal_module
from player.alignment.alignment_feature import CaptionMaker
from player.alignment.dialog import MakeCaptionsDialog
from player.core.actions import PlayerActions
from player.shell.module_check import ModuleCheck
from player.shell.transport import Transport
from player.transcript.transcript_feature import TranscriptFeature

FAKE_CHILD = Path(__file__).with_name("fake_align_child.py")
TRANSCRIPT = (
    "Narrator: Welcome to the module. Trust takes time and patience.\n\n"
    "Storyteller: People tell their own stories in their own way.\n\n"
    "Narrator: Thank you for listening. Zyzzogeton.\n"
)
SAID = (
    "Welcome to the module. Trust takes time and patience. People tell their own "
    "stories in their own way. Thank you for listening. Zyzzogeton."
)


def fake(mode: str) -> tuple[str, ...]:
    return (sys.executable, str(FAKE_CHILD), mode)


class Bench:
    """The rig with the video, transcript, transport and the caption maker."""

    def __init__(self, rig, folder: Path, mode: str = "ok") -> None:  # type: ignore[no-untyped-def]
        ctx = rig.ctx
        self.rig, self.ctx, self.folder = rig, ctx, folder
        rig.video()
        self.transcript = rig.add(TranscriptFeature(ctx)).panel
        rig.place(self.transcript, 1)
        self.controls = rig.place(rig.add(Transport(ctx)).controls)
        self.maker: CaptionMaker = rig.add(CaptionMaker(ctx, fake(mode)))
        (folder / "first.txt").write_text(TRANSCRIPT, encoding="utf-8")
        rig.open(folder)

    def dialog(self) -> MakeCaptionsDialog:
        self.ctx.actions["make_captions"].trigger()
        dialog = self.maker.dialog
        assert dialog is not None and dialog.isVisible()
        return dialog


@pytest.fixture
def bench(rig, module_folder: Path) -> Bench:  # type: ignore[no-untyped-def]
    return Bench(rig, module_folder)


def run_to_end(qtbot, dialog: MakeCaptionsDialog, output: Path) -> None:  # type: ignore[no-untyped-def]
    dialog.form.output_field.setText(str(output))
    with qtbot.waitSignals([dialog.run.succeeded], timeout=30_000):
        assert dialog.start()


def flush_deletes() -> None:
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


# -- the menu entry ---------------------------------------------------------------


def test_the_command_is_in_the_file_menu_with_an_access_key_and_in_help(rig) -> None:  # type: ignore[no-untyped-def]
    action = rig.ctx.actions["make_captions"]
    assert action.text() == "&Make captions from a transcript…"
    assert action in rig.ctx.actions.menus["File"].actions()
    assert action.toolTip() == "Make captions from a transcript (Ctrl+Shift+A)"
    rows = PlayerActions.rows(rig.ctx.actions)
    assert ("Ctrl+Shift+A", "Make captions from a transcript") in rows


# -- the form ---------------------------------------------------------------------


def test_the_dialog_starts_from_the_video_on_show(qtbot, bench: Bench) -> None:  # type: ignore[no-untyped-def]
    dialog = bench.dialog()
    form, folder = dialog.form, bench.folder
    assert form.media_field.text() == str((folder / "first.mp4").resolve())
    assert form.transcript_field.text() == str((folder / "first.txt").resolve())
    assert form.language_box.currentText() == "en"
    assert Path(form.output_field.text()).name == "first.en.vtt"
    plan = form.plan.text()
    assert "listed in module.toml for “First video”" in plan
    assert "“Telling their own stories” is a storytelling segment" in plan
    assert "first.en.vtt exists: you will be asked before it is replaced" in plan
    qtbot.waitUntil(lambda: QApplication.focusWidget() is form.transcript_field)
    assert form.language_box.lineEdit().accessibleName() == "Language of the speech"
    for widget in (
        form.media_field,
        form.transcript_field,
        form.language_box,
        form.model_field,
        form.output_field,
        form.media_choose,
        dialog.progress,
        dialog.make_button,
        dialog.close_button,
    ):
        assert widget.accessibleName(), widget


def test_the_output_follows_the_language_until_a_file_is_named(bench: Bench) -> None:
    form = bench.dialog().form
    form.language_box.setCurrentText("fr")
    assert Path(form.output_field.text()).name == "first.fr.vtt"
    form.choose_save = lambda *_args: str(bench.folder / "mine.vtt")
    form.output_choose.click()
    form.language_box.setCurrentText("de")
    assert Path(form.output_field.text()).name == "mine.vtt"


@pytest.mark.parametrize(
    ("field", "value", "said"),
    [
        ("transcript_field", "", "Choose the transcript"),
        ("language", "fr", "Only an English speech model comes with the player"),
        ("language", "not a tag", "is not a language tag"),
        ("output_field", "  ", "Choose where to save the captions"),
    ],
)
def test_a_form_that_cannot_run_says_why_and_starts_nothing(
    bench: Bench, field: str, value: str, said: str
) -> None:
    dialog = bench.dialog()
    if field == "language":
        dialog.form.language_box.setCurrentText(value)
    else:
        getattr(dialog.form, field).setText(value)
    assert not dialog.start()
    assert said in dialog.status_text() and "\n" not in dialog.status_text()
    assert dialog.run.process is None and dialog.make_button.isEnabled()


def test_an_existing_file_is_replaced_only_when_the_person_agrees(
    qtbot, bench: Bench
) -> None:  # type: ignore[no-untyped-def]
    dialog = bench.dialog()
    existing = bench.folder / "first.en.vtt"
    before = existing.read_text(encoding="utf-8")
    asked: list[Path] = []
    dialog.confirm_replace = lambda _parent, path: bool(asked.append(path))
    assert not dialog.start()
    assert asked == [existing.resolve()]
    assert dialog.status_text() == "Not started: first.en.vtt is kept as it is."
    assert existing.read_text(encoding="utf-8") == before
    dialog.confirm_replace = lambda _parent, _path: True
    with qtbot.waitSignal(dialog.run.succeeded, timeout=30_000):
        assert dialog.start()
    assert existing.read_text(encoding="utf-8") != before
    assert "(already listed in module.toml)" in dialog.status_text()


# -- a run ------------------------------------------------------------------------


def test_the_new_track_is_listed_shown_chosen_and_in_the_transcript(
    qtbot, bench: Bench
) -> None:  # type: ignore[no-untyped-def]
    dialog = bench.dialog()
    output = bench.folder / "first.made.vtt"
    bench.rig.playback.seek(3_000)
    run_to_end(qtbot, dialog, output)
    tracks_read(bench.ctx.showing)
    status = dialog.status_text()
    assert status.startswith("Done: ") and "saved as first.made.vtt" in status
    assert "listed in module.toml. They are shown now." in status
    assert dialog.progress.value() == dialog.progress.maximum()
    video = load_manifest(bench.folder / "module.toml").video("first")
    assert [t.file.name for t in video.tracks][-1] == "first.made.vtt"
    showing = bench.ctx.showing
    assert showing.session is not None
    assert showing.session.caption_refs[showing.caption_index].file == output
    assert bench.controls.caption_chooser.currentText() == "English (aligned)"
    transcript = " ".join(" ".join(t.split()) for t in bench.transcript.model.texts())
    assert transcript == SAID
    assert bench.rig.playback.position() == 3_000, "the place is kept"
    shown = " ".join(bench.rig.shown())
    assert shown and shown in SAID


def test_what_to_check_is_a_list_a_screen_reader_reads_and_plays_from(
    qtbot, bench: Bench
) -> None:  # type: ignore[no-untyped-def]
    dialog = bench.dialog()
    run_to_end(qtbot, dialog, bench.folder / "first.made.vtt")
    (unheard,) = [t for t in dialog.check_texts() if "not heard" in t]
    assert "“Zyzzogeton.”: not heard in the recording" in unheard
    view = dialog.checks_view
    assert view.isVisible() and QApplication.focusWidget() is view
    assert view.accessibleName() == "What to check"
    row = dialog.check_texts().index(unheard)
    view.setCurrentIndex(view.model().index(row, 0))
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert not dialog.is_running(), "Enter on the list does not start another run"
    stamp = unheard.split(" ")[0]
    hours, minutes, seconds = stamp.split(":")
    expected = round((int(hours) * 3600 + int(minutes) * 60 + float(seconds)) * 1000)
    assert bench.rig.playback.position() == expected


def test_the_storytelling_rules_apply_to_the_new_captions(
    qtbot, rig, module_folder: Path
) -> None:  # type: ignore[no-untyped-def]
    seal_module(load_module(module_folder), write=True)
    ModuleCheck(rig.ctx)  # the existing check, run on each module opened
    bench = Bench(rig, module_folder)
    dialog = bench.dialog()
    run_to_end(qtbot, dialog, module_folder / "first.made.vtt")
    story = dialog.stories.text()
    assert dialog.stories.isVisible()
    assert "“Telling their own stories” (0:07 to 0:12)" in story
    assert f"seal {module_folder.resolve()} --write) before the module is used" in story
    qtbot.waitUntil(
        lambda: any(
            "first.made.vtt: the story in this track" in m and "never sealed" in m
            for m in rig.ctx.notify.problems("module")
        ),
        timeout=10_000,
    )


def test_a_single_video_gets_its_captions_beside_it(qtbot, rig, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    video = tmp_path / "talk.mp4"
    video.write_bytes(b"not decoded by the fake playback")
    (tmp_path / "talk.txt").write_text(TRANSCRIPT, encoding="utf-8")
    maker = rig.add(CaptionMaker(rig.ctx, fake("ok")))
    rig.open(video)
    dialog = maker.open_dialog()
    assert "saved beside the video, they are found again next time" in (
        dialog.form.plan.text()
    )
    with qtbot.waitSignal(dialog.run.succeeded, timeout=30_000):
        assert dialog.start()
    tracks_read(rig.ctx.showing)
    assert (tmp_path / "talk.en.vtt").is_file()
    assert "module" not in dialog.status_text()
    refs = load_module(video).videos[0].tracks
    assert [r.file.name for r in refs] == ["talk.en.vtt"], "found next time"
    session = rig.ctx.showing.session
    assert session is not None and session.caption_refs[0].file.name == "talk.en.vtt"
    assert rig.ctx.showing.caption_index == 0


def test_captions_saved_elsewhere_are_still_shown_and_the_plan_says_so(
    qtbot, rig, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    video = tmp_path / "talk.mp4"
    video.write_bytes(b"not decoded by the fake playback")
    (tmp_path / "talk.txt").write_text(TRANSCRIPT, encoding="utf-8")
    maker = rig.add(CaptionMaker(rig.ctx, fake("ok")))
    rig.open(video)
    dialog = maker.open_dialog()
    dialog.form.output_field.setText(str(tmp_path / "other name.vtt"))
    assert "save them beside the video as talk.LANGUAGE.vtt" in dialog.form.plan.text()
    with qtbot.waitSignal(dialog.run.succeeded, timeout=30_000):
        assert dialog.start()
    session = rig.ctx.showing.session
    assert session is not None
    assert session.caption_refs[rig.ctx.showing.caption_index].file.name == (
        "other name.vtt"
    )


# -- errors and cancelling ---------------------------------------------------------


@pytest.mark.parametrize(
    ("mode", "said"),
    [
        ("error", "Not made: aligning needs pocketsphinx: pip install x"),
        ("crash", "Not made: the alignment stopped unexpectedly (RuntimeError: boom)"),
    ],
)
def test_an_error_is_one_plain_line_and_the_form_is_kept(
    qtbot, rig, module_folder: Path, mode: str, said: str
) -> None:  # type: ignore[no-untyped-def]
    bench = Bench(rig, module_folder, mode)
    dialog = bench.dialog()
    dialog.form.output_field.setText(str(module_folder / "first.made.vtt"))
    with qtbot.waitSignal(dialog.run.failed, timeout=30_000):
        dialog.start()
    assert dialog.status_text() == said
    assert dialog.form.output_field.text() == str(module_folder / "first.made.vtt")
    assert dialog.form.transcript_field.isEnabled() and dialog.make_button.isEnabled()
    assert not (module_folder / "first.made.vtt").exists()
    assert dialog.close_button.text() == "Close"


def test_an_unreadable_transcript_is_named_in_one_line(qtbot, bench: Bench) -> None:  # type: ignore[no-untyped-def]
    (bench.folder / "first.txt").write_bytes(b"caf\xe9")
    dialog = bench.dialog()
    dialog.form.output_field.setText(str(bench.folder / "first.made.vtt"))
    with qtbot.waitSignal(dialog.run.failed, timeout=30_000):
        dialog.start()
    text = dialog.status_text()
    assert text.startswith("Not made: ") and "first.txt: not UTF-8 text" in text
    assert "\n" not in text


def test_cancel_stops_the_run_and_nothing_is_written(
    qtbot, rig, module_folder: Path
) -> None:  # type: ignore[no-untyped-def]
    bench = Bench(rig, module_folder, "slow")
    dialog = bench.dialog()
    output = module_folder / "first.made.vtt"
    dialog.form.output_field.setText(str(output))
    assert dialog.start()
    assert dialog.close_button.text() == "Cancel" and not dialog.make_button.isEnabled()
    assert not dialog.form.media_field.isEnabled()
    qtbot.waitUntil(lambda: dialog.progress.value() > 0, timeout=30_000)
    assert " of 0:18" in dialog.progress.format()
    with qtbot.waitSignal(dialog.run.cancelled, timeout=30_000):
        dialog.close_button.click()
    assert dialog.status_text() == "Cancelled: nothing was written."
    assert dialog.run.process is not None
    assert dialog.run.process.waitForFinished(10_000)
    assert dialog.run.process.exitCode() == 0, "the child stopped itself"
    assert sorted(p.name for p in module_folder.iterdir() if "made" in p.name) == []
    assert "first.made.vtt" not in (module_folder / "module.toml").read_text()
    assert dialog.isVisible(), "Cancel ends the run, not the dialog"
    dialog.close_button.click()
    assert not dialog.isVisible()


def test_escape_while_aligning_cancels_instead_of_closing(
    qtbot, rig, module_folder: Path
) -> None:  # type: ignore[no-untyped-def]
    bench = Bench(rig, module_folder, "slow")
    dialog = bench.dialog()
    dialog.form.output_field.setText(str(module_folder / "first.made.vtt"))
    dialog.start()
    qtbot.waitUntil(lambda: dialog.progress.value() > 0, timeout=30_000)
    with qtbot.waitSignal(dialog.run.cancelled, timeout=30_000):
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
        assert dialog.isVisible()
    assert not (module_folder / "first.made.vtt").exists()


def test_closing_the_window_stops_a_running_alignment(
    qtbot, rig, module_folder: Path
) -> None:  # type: ignore[no-untyped-def]
    bench = Bench(rig, module_folder, "slow")
    dialog = bench.dialog()
    dialog.form.output_field.setText(str(module_folder / "first.made.vtt"))
    dialog.start()
    qtbot.waitUntil(lambda: dialog.progress.value() > 0, timeout=30_000)
    process = dialog.run.process
    assert process is not None
    bench.maker.contribution().on_close()  # type: ignore[misc]
    assert process.state() == process.ProcessState.NotRunning
    assert not (module_folder / "first.made.vtt").exists()


# -- lifetime ---------------------------------------------------------------------


def test_the_dialog_opens_twice_in_a_session(qtbot, bench: Bench) -> None:  # type: ignore[no-untyped-def]
    first = bench.dialog()
    assert bench.dialog() is first, "asked again while open: the same one, raised"
    first.close_button.click()
    assert bench.maker.dialog is None
    flush_deletes()
    second = bench.dialog()
    assert second is not first and second.isVisible()
    with qtbot.waitSignal(second.run.succeeded, timeout=30_000):
        second.form.output_field.setText(str(bench.folder / "first.made.vtt"))
        assert second.start()
    assert second.status_text().startswith("Done: ")
    qtbot.keyClick(second, Qt.Key.Key_Escape)
    assert not second.isVisible() and bench.maker.dialog is None
    flush_deletes()
    qtbot.waitUntil(lambda: not shiboken6.isValid(second))  # once its child is gone


def test_the_main_window_wires_the_command_and_stops_a_run_when_it_closes(
    qtbot, window, module_folder: Path
) -> None:  # type: ignore[no-untyped-def]
    maker = window.features.captions_maker
    maker.command = fake("slow")
    (module_folder / "first.txt").write_text(TRANSCRIPT, encoding="utf-8")
    assert window.keymap["make_captions"] in window.keymap.menus["File"].actions()
    window.keymap["make_captions"].trigger()
    dialog = maker.dialog
    assert dialog is not None and dialog.isVisible() and dialog.parent() is window
    dialog.form.output_field.setText(str(module_folder / "first.made.vtt"))
    assert dialog.start()
    qtbot.waitUntil(lambda: dialog.progress.value() > 0, timeout=30_000)
    process = dialog.run.process
    assert process is not None
    window.close()
    assert process.state() == process.ProcessState.NotRunning
    assert not (module_folder / "first.made.vtt").exists()
