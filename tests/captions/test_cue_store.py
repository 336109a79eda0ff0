"""A track's packed cues read back exactly as the cues that were given."""

from __future__ import annotations

import pickle

import pytest

from captions import Cue, CueSettings, Region, Track, load_track_bytes
from captions.cue_store import CueStore

CUES = (
    Cue(
        0, 1000, "<v Ann>Hello &amp; bye", "Hello & bye", "intro", "Ann", line_number=3
    ),
    Cue(500, 2500, "plain", "plain"),
    Cue(
        400,
        900,
        "Été",
        "Été",
        "🙂 id",
        "Ann",
        CueSettings(line=10.0, region=Region("r", width=40.0)),
        9,
    ),
    Cue(3000, 3000, "", "", "3"),
)


def test_a_store_reads_back_every_field_of_every_cue() -> None:
    store = CueStore.build(CUES)
    assert len(store) == 4
    assert tuple(store) == CUES and list(reversed(store)) == list(reversed(CUES))
    assert [store[i] for i in range(-4, 4)] == [*CUES, *CUES]
    assert store[1:3] == CUES[1:3] and store[::-1] == CUES[::-1]
    assert store == CUES and tuple.__eq__(CUES, store) is NotImplemented
    assert (CUES == store) is True and store == list(CUES)  # noqa: SIM300
    assert store != CUES[:3] and store != "text"
    assert store.index(CUES[2]) == 2 and CUES[3] in store
    with pytest.raises(IndexError):
        store[4]


def test_a_plain_caption_holds_its_text_once() -> None:
    store = CueStore.build(CUES)
    assert store[1].plain is store[1].text
    assert store.plains() == [cue.plain for cue in CUES]
    assert store.identifiers() == ["intro", "", "🙂 id", "3"]
    assert store.voices() == ["Ann", "", "Ann", ""]


def test_a_track_keeps_cues_packed_and_finds_overlaps_in_start_order() -> None:
    track = Track(CUES)
    assert isinstance(track.cues, CueStore) and track.cues == CUES
    assert Track(track.cues).cues is track.cues  # already packed: shared
    assert track.active_indices_at(600) == [0, 2, 1]
    assert track.active_at(950) == [CUES[0], CUES[1]]
    assert track.index_at_or_before(450) == 2 and track.next_start_after(500) == 3000


def test_a_loaded_track_survives_pickling() -> None:
    text = "WEBVTT\n\nn1\n00:01.000 --> 00:02.000 line:10%\n<i>hi</i> there\n"
    track = load_track_bytes(text.encode(), "a.vtt")
    back = pickle.loads(pickle.dumps(track))
    assert back.cues == track.cues and back.active_at(1500) == list(track.cues)
    assert back.cues[0].identifier == "n1" and back.cues[0].plain == "hi there"
