"""File > Make captions from a transcript…: the dialog, and the new track shown.

After a run the new captions open on the video they were made for: its module is
read again from its module.toml (which now lists them), or a single video is opened
again (the discovery rule finds a file named for it). A track neither lists is
added for this session, so the person always sees what was made.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from media.manifest import load_module
from media.model import ManifestError, Module, TrackRef
from player.core.context import PlayerContext
from player.core.contribution import Contribution

if TYPE_CHECKING:  # the aligner loads when the dialog first opens, not at start
    from media.align_job import AlignJob, AlignOutcome
    from player.alignment.dialog import MakeCaptionsDialog
    from player.alignment.plan import ShownVideo


def shown_video(ctx: PlayerContext) -> ShownVideo | None:
    """The video on show, for the dialog's defaults and what it says."""
    from player.alignment.plan import ShownVideo

    module, video = ctx.showing.module, ctx.showing.video
    if module is None or video is None:
        return None
    titles = tuple(segment.title for segment in video.segments)
    return ShownVideo(video.file, video.title, module.manifest, titles)


def with_track(module: Module, video_id: str, output: Path, language: str) -> Module:
    """`module` with `output` among the video's tracks (unchanged if it is one)."""
    target = output.resolve()
    videos = []
    for video in module.videos:
        if video.id == video_id and all(t.file != target for t in video.tracks):
            extra = TrackRef("captions", language, target.name, target)
            video = replace(video, tracks=(*video.tracks, extra))
        videos.append(video)
    return replace(module, videos=tuple(videos))


class CaptionMaker(QObject):
    """Opens the dialog (one at a time) and shows each new track it makes.

    `command` runs the child process (the app's own aligner when not given); tests
    give one of their own.
    """

    def __init__(self, ctx: PlayerContext, command: Sequence[str] = ()) -> None:
        super().__init__(ctx.window)
        self.ctx = ctx
        self.command = tuple(command)
        self.dialog: MakeCaptionsDialog | None = None

    def contribution(self) -> Contribution:
        return Contribution(
            commands={"make_captions": self.open_dialog}, on_close=self.shutdown
        )

    def open_dialog(self) -> MakeCaptionsDialog:
        """Show the dialog; one already open (perhaps aligning) is brought forward."""
        dialog = self.dialog
        if dialog is None:
            from player.alignment.dialog import MakeCaptionsDialog
            from player.alignment.run import CHILD_COMMAND

            command = self.command or CHILD_COMMAND
            dialog = MakeCaptionsDialog(
                shown_video(self.ctx), self.show_track, command, self.ctx.window
            )
            dialog.finished.connect(lambda _result: self._closed(dialog))
            dialog.check_chosen.connect(self.ctx.clock.seek)
            self.dialog = dialog
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        dialog.form.transcript_field.setFocus()
        return dialog

    def _closed(self, dialog: MakeCaptionsDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.delete_when_stopped()

    def show_track(self, job: AlignJob, outcome: AlignOutcome) -> str:
        """Open the new captions on their video; a sentence saying so, or why not."""
        showing, playback = self.ctx.showing, self.ctx.playback
        video = showing.video
        same = video is not None and video.file == job.media.resolve()
        position = playback.position() if same else 0
        try:
            module, video_id, path = self._module_for(job, outcome)
        except ManifestError as error:
            return f"They cannot be shown now: {error}"
        module = with_track(module, video_id, outcome.output, outcome.language)
        if not showing.open_module(module, video_id, path):
            return "They cannot be shown now."
        session = showing.session
        refs = session.caption_refs if session is not None else []
        target = outcome.output.resolve()
        index = next((i for i, ref in enumerate(refs) if ref.file == target), -1)
        showing.select_captions(index)
        if position:
            playback.seek(position)
        self.ctx.notify.announce(f"Captions made: {outcome.output.name}")
        return "They are shown now."

    def _module_for(
        self, job: AlignJob, outcome: AlignOutcome
    ) -> tuple[Module, str, Path]:
        """The module to open again, the video, and the path it is known by."""
        showing = self.ctx.showing
        if outcome.manifest is not None:
            path = outcome.manifest
            if showing.is_open(path) and showing.module_path is not None:
                path = showing.module_path  # as it was opened: search covers it
            return load_module(outcome.manifest), outcome.video_id, path
        module = load_module(job.media)
        return module, module.videos[0].id, job.media.resolve()

    def shutdown(self) -> None:
        """The window closes: stop an alignment that is still running."""
        if self.dialog is not None:
            self.dialog.shutdown()
