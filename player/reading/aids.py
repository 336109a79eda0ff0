"""Builds the reading aids: speed, caption steps, caption delay, pause after each
caption, a second language, resume (the place in each video, the video last shown),
the remembered volume and the remembered single-key setting."""

from __future__ import annotations

from dataclasses import dataclass

from player.core.actions import SingleKeyGuard
from player.core.context import PlayerContext
from player.core.contribution import Contribution, Feature
from player.reading.caption_delay import CaptionDelay
from player.reading.caption_steps import CaptionSteps
from player.reading.last_watched import LastWatched
from player.reading.pause_after_caption import CaptionPauser
from player.reading.playback_rate import PlaybackRate
from player.reading.resume import ResumePosition
from player.reading.second_language import SecondLanguage
from player.reading.single_keys import SingleKeys
from player.reading.sound_level import SoundLevel


@dataclass(frozen=True)
class ReadingAids:
    """The reading aids of one context, each built as `Feature(ctx)`."""

    single_keys: SingleKeys
    rate: PlaybackRate
    steps: CaptionSteps
    delay: CaptionDelay
    pauser: CaptionPauser
    second_language: SecondLanguage
    resume: ResumePosition
    sound: SoundLevel
    last_watched: LastWatched  # after resume: its closing writes the settings out

    def contributions(self) -> list[Contribution]:
        parts: tuple[Feature, ...] = (  # the delay's read-out, then the speed's
            self.single_keys,
            self.steps,
            self.delay,
            self.rate,
            self.pauser,
            self.second_language,
            self.resume,
            self.sound,
            self.last_watched,
        )
        return [part.contribution() for part in parts]


def build_reading_aids(
    ctx: PlayerContext, guard: SingleKeyGuard | None = None
) -> ReadingAids:
    """Build the reading aids on `ctx` and restore what the learner chose."""
    return ReadingAids(
        single_keys=SingleKeys(ctx, guard),
        rate=PlaybackRate(ctx),
        steps=CaptionSteps(ctx),
        delay=CaptionDelay(ctx),
        pauser=CaptionPauser(ctx),
        second_language=SecondLanguage(ctx),
        resume=ResumePosition(ctx),
        sound=SoundLevel(ctx),
        last_watched=LastWatched(ctx),
    )
