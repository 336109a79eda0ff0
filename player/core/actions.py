"""The keyboard map (design.md 8) as QActions, and the single-key shortcut guard."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QMainWindow,
    QMenu,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

# The arrows act only while the video has focus: elsewhere they move sliders and lists.
VIDEO_ONLY = "video"


@dataclass(frozen=True)
class ActionSpec:
    """One entry of the keyboard map: what it does, its keys, and where it lives."""

    name: str
    text: str
    keys: tuple[str, ...]
    menu: str
    scope: str = "window"
    checkable: bool = False


# Submenus of View ("View/…"), so that no menu is too long to scan or holds one access
# key twice.
CAPTIONS_MENU = "View/Captions"
TEXT_MENU = "View/Transcript text"
PRESENT_MENU = "View/Presentation"
READER_MENU = "View/Screen reader"
PANELS_MENU = "View/Panels"
LAYOUT_MENU = "View/Layout"
SUBMENU_TITLES = {
    PANELS_MENU: "P&anels",
    LAYOUT_MENU: "&Layout",
    CAPTIONS_MENU: "&Captions",
    TEXT_MENU: "T&ranscript text",
    PRESENT_MENU: "&Presentation",
    READER_MENU: "&Screen reader and descriptions",
}

SPECS: tuple[ActionSpec, ...] = (
    ActionSpec("open", "&Open module or video…", ("Ctrl+O",), "File"),
    ActionSpec("preferences", "&Preferences…", ("Ctrl+,",), "File"),
    ActionSpec("export_transcript", "&Export transcript…", ("Ctrl+E",), "File"),
    ActionSpec("print_transcript", "P&rint transcript…", ("Ctrl+P",), "File"),
    ActionSpec(
        "make_captions", "&Make captions from a transcript…", ("Ctrl+Shift+A",), "File"
    ),
    ActionSpec("export_notes", "Export my &notes…", (), "File"),
    ActionSpec("delete_all_notes", "&Delete all my notes…", (), "File"),
    ActionSpec("quit", "&Quit", ("Ctrl+Q",), "File"),
    ActionSpec("play_pause", "&Play / pause", ("K", "Space"), "Playback"),
    ActionSpec("back", "&Back 5 seconds", ("J",), "Playback"),
    ActionSpec("forward", "&Forward 5 seconds", ("L",), "Playback"),
    ActionSpec(
        "back_arrow", "Back 5 seconds (on the video)", ("Left",), "", VIDEO_ONLY
    ),
    ActionSpec(
        "forward_arrow", "Forward 5 seconds (on the video)", ("Right",), "", VIDEO_ONLY
    ),
    ActionSpec("previous_caption", "Pre&vious caption", ("Ctrl+Left",), "Playback"),
    ActionSpec("next_caption", "&Next caption", ("Ctrl+Right",), "Playback"),
    ActionSpec("replay_caption", "&Replay this caption", ("R",), "Playback"),
    ActionSpec(
        "previous_chapter", "Previous &chapter", ("Ctrl+Shift+Left",), "Playback"
    ),
    ActionSpec("next_chapter", "Nex&t chapter", ("Ctrl+Shift+Right",), "Playback"),
    ActionSpec("play_story", "Play the &story from its start", (), "Playback"),
    ActionSpec("slower", "S&lower", ("[",), "Playback"),
    ActionSpec("faster", "F&aster", ("]",), "Playback"),
    ActionSpec("normal_speed", "N&ormal speed", ("Backspace",), "Playback"),
    ActionSpec(
        "pause_after_caption",
        "Pause after each capt&ion",
        (),
        "Playback",
        checkable=True,
    ),
    ActionSpec("mute", "&Mute", ("M",), "Playback", checkable=True),
    ActionSpec("volume_up", "Volume up (on the video)", ("Up",), "", VIDEO_ONLY),
    ActionSpec("volume_down", "Volume down (on the video)", ("Down",), "", VIDEO_ONLY),
    ActionSpec("next_video", "Ne&xt video", ("N",), "Playback"),
    ActionSpec("previous_video", "Previous vi&deo", ("Shift+N",), "Playback"),
    ActionSpec("bookmark", "Bookmark &here…", ("B",), "Playback"),
    ActionSpec(
        "discussion_pauses", "Discussion pa&uses", (), "Playback", checkable=True
    ),
    ActionSpec("skip_pause", "S&kip the next pause", ("Shift+P",), "Playback"),
    ActionSpec("add_pause", "Add a paus&e here…", ("Ctrl+Shift+P",), "Playback"),
    # Each panel's entry; the shell adds the panels it does not know after them.
    ActionSpec(
        "transcript", "&Transcript panel", ("T", "Ctrl+1"), PANELS_MENU, checkable=True
    ),
    ActionSpec(
        "videos_panel", "&Videos panel", ("Ctrl+2",), PANELS_MENU, checkable=True
    ),
    ActionSpec(
        "chapters_panel", "&Chapters panel", ("Ctrl+3",), PANELS_MENU, checkable=True
    ),
    ActionSpec(
        "discussion_panel",
        "D&iscussion panel",
        ("Ctrl+5",),
        PANELS_MENU,
        checkable=True,
    ),
    ActionSpec(
        "notes_panel", "My n&otes panel", ("Ctrl+6",), PANELS_MENU, checkable=True
    ),
    ActionSpec(
        "sign_panel",
        "Si&gn language window",
        ("Ctrl+7",),
        PANELS_MENU,
        checkable=True,
    ),
    ActionSpec("next_panel", "&Next panel", ("F6",), PANELS_MENU),
    ActionSpec("previous_panel", "&Previous panel", ("Shift+F6",), PANELS_MENU),
    ActionSpec("wider_panel", "&Wider panel", ("Ctrl+]",), PANELS_MENU),
    ActionSpec("narrower_panel", "Na&rrower panel", ("Ctrl+[",), PANELS_MENU),
    ActionSpec(
        "move_panel", "&Move panel to the next side", ("Ctrl+Shift+M",), PANELS_MENU
    ),
    ActionSpec("float_panel", "&Float or dock panel", ("Ctrl+Shift+D",), PANELS_MENU),
    ActionSpec(
        "sign_corner",
        "Sign window to the next corn&er of the video",
        ("Ctrl+Shift+S",),
        PANELS_MENU,
    ),
    ActionSpec("sign_bigger", "Sign window &bigger", ("Ctrl+Alt+=",), PANELS_MENU),
    ActionSpec("sign_smaller", "Sign window sma&ller", ("Ctrl+Alt+-",), PANELS_MENU),
    ActionSpec(
        "learner_layout",
        "&Learner layout: video and transcript",
        (),
        LAYOUT_MENU,
        checkable=True,
    ),
    ActionSpec(
        "facilitator_layout",
        "&Facilitator layout: with discussion and notes",
        (),
        LAYOUT_MENU,
        checkable=True,
    ),
    ActionSpec("reset_layout", "&Reset this layout", (), LAYOUT_MENU),
    ActionSpec("full_screen", "&Full screen", ("F", "F11"), "View", checkable=True),
    ActionSpec("leave_full_screen", "Leave full screen", ("Esc",), ""),
    ActionSpec("high_contrast", "&High contrast", (), "View", checkable=True),
    ActionSpec("single_keys", "Single-&key shortcuts", (), "View", checkable=True),
    ActionSpec("captions", "&Captions", ("C",), CAPTIONS_MENU, checkable=True),
    ActionSpec("next_language", "Next caption &language", ("Shift+C",), CAPTIONS_MENU),
    ActionSpec(
        "bigger_captions", "&Bigger captions", ("Ctrl+=", "Ctrl++"), CAPTIONS_MENU
    ),
    ActionSpec("smaller_captions", "&Smaller captions", ("Ctrl+-",), CAPTIONS_MENU),
    ActionSpec("reset_captions", "&Normal caption size", ("Ctrl+0",), CAPTIONS_MENU),
    ActionSpec("captions_earlier", "Captions 100 ms &earlier", ("Z",), CAPTIONS_MENU),
    ActionSpec("captions_later", "Captions 100 ms l&ater", ("Shift+Z",), CAPTIONS_MENU),
    ActionSpec(
        "reset_caption_delay", "Captions &in time with the video", (), CAPTIONS_MENU
    ),
    ActionSpec(
        "caption_band", "Captions belo&w the video", (), CAPTIONS_MENU, checkable=True
    ),
    ActionSpec(
        "cue_positions",
        "Caption &positions from the file",
        (),
        CAPTIONS_MENU,
        checkable=True,
    ),
    ActionSpec(
        "bigger_transcript", "&Larger transcript text", ("Ctrl+Shift+Up",), TEXT_MENU
    ),
    ActionSpec(
        "smaller_transcript",
        "&Smaller transcript text",
        ("Ctrl+Shift+Down",),
        TEXT_MENU,
    ),
    ActionSpec("more_line_spacing", "&More line spacing", (), TEXT_MENU),
    ActionSpec("less_line_spacing", "L&ess line spacing", (), TEXT_MENU),
    ActionSpec("normal_transcript", "&Normal text and spacing", (), TEXT_MENU),
    ActionSpec("present", "&Present", ("F5",), PRESENT_MENU, checkable=True),
    ActionSpec("end_presentation", "&End presentation", ("Esc",), PRESENT_MENU),
    ActionSpec("present_on_screen", "Present on &screen…", (), PRESENT_MENU),
    ActionSpec(
        "presentation_captions", "Caption size on the pro&jector…", (), PRESENT_MENU
    ),
    ActionSpec(
        "presentation_sign", "Si&gn language on the projector…", (), PRESENT_MENU
    ),
    ActionSpec(
        "announce_captions",
        "&Announce captions to the screen reader",
        (),
        READER_MENU,
        checkable=True,
    ),
    ActionSpec(
        "descriptions", "&Descriptions", ("Ctrl+4",), READER_MENU, checkable=True
    ),
    ActionSpec(
        "speak_descriptions", "S&peak descriptions", (), READER_MENU, checkable=True
    ),
    ActionSpec(
        "pause_for_descriptions",
        "Pa&use video for descriptions",
        (),
        READER_MENU,
        checkable=True,
    ),
    ActionSpec("find", "&Find in transcript…", ("Ctrl+F",), "Search"),
    ActionSpec("find_next", "Find &next", ("F3",), "Search"),
    ActionSpec("find_previous", "Find &previous", ("Shift+F3",), "Search"),
    ActionSpec("search_all", "Search &all modules…", ("Ctrl+Shift+F",), "Search"),
    ActionSpec("go_to_transcript", "Go to the &transcript", ("Ctrl+T",), "Search"),
    ActionSpec("help", "&Keyboard shortcuts", ("F1",), "Help"),
    ActionSpec("about", "&About", (), "Help"),
)
# Keys that widgets handle themselves, listed so the shortcuts list is complete.
OTHER_KEYS = (
    ("Enter (in the find field)", "Play from the match; again: the next match"),
    ("Esc (in the find field)", "Close find and return"),
    ("Enter (on a transcript line)", "Play from that line"),
    (
        "Up / Down (in the transcript)",
        "Read line by line, without moving the video (Enter plays from the line)",
    ),
    ("Enter (on a note)", "Play from that bookmark"),
    ("F2, Delete (on a note)", "Edit the note, delete the bookmark"),
    ("Tab, Shift+Tab", "Move between controls"),
)
MENUS = ("File", "Playback", "View", "Search", "Help")
# Submenus a feature fills with its own choices: (path, title, object name, tooltip).
# They are placed here, after the actions, so the menus' order lives in this table.
SECOND_LANGUAGE_MENU = "View/Second caption language"
FEATURE_MENUS = (
    (
        SECOND_LANGUAGE_MENU,
        "Second caption lan&guage",
        "secondLanguageMenu",
        "Captions in a second language, in italics above the first (no shortcut)",
    ),
)


def shortcut_text(spec: ActionSpec) -> str:
    return ", ".join(
        QKeySequence(k).toString(QKeySequence.SequenceFormat.NativeText)
        for k in spec.keys
    )


class PlayerActions:
    """Every action of the window, by name, placed in its menu with its keys.

    The arrows that act on the video only (`VIDEO_ONLY`) reach it once the video
    widget is given to `scope_to_video`.
    """

    def __init__(self, window: QMainWindow) -> None:
        self.actions: dict[str, QAction] = {}
        self.specs = {spec.name: spec for spec in SPECS}
        self._window = window
        menus = {name: window.menuBar().addMenu(f"&{name}") for name in MENUS}
        self.menus: dict[str, QMenu] = menus
        for spec in SPECS:
            self._make(spec)
        for path, title, name, tip in FEATURE_MENUS:
            menu = self._menu(menus, path.rpartition("/")[0]).addMenu(title)
            menu.setObjectName(name)
            menu.setAccessibleName(title.replace("&", ""))
            menu.setToolTipsVisible(True)
            menu.menuAction().setToolTip(tip)
            menus[path] = menu
        self.actions["single_keys"].setChecked(True)
        self.actions["leave_full_screen"].setEnabled(False)

    def _make(self, spec: ActionSpec) -> QAction:
        window = self._window
        action = QAction(spec.text, window)
        action.setObjectName(f"action_{spec.name}")
        action.setShortcuts([QKeySequence(k) for k in spec.keys])
        action.setCheckable(spec.checkable)
        keys = shortcut_text(spec)
        plain = spec.text.replace("&", "").rstrip("…")
        action.setToolTip(f"{plain} ({keys})" if keys else plain)
        if spec.scope == VIDEO_ONLY:
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        else:
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            window.addAction(action)
        if spec.menu:
            self._menu(self.menus, spec.menu).addAction(action)
        self.actions[spec.name] = action
        return action

    def add(self, spec: ActionSpec) -> QAction:
        """An action not in SPECS (a panel the shell did not know), listed in Help."""
        if spec.name in self.actions:
            return self.actions[spec.name]
        self.specs[spec.name] = spec
        return self._make(spec)

    def scope_to_video(self, video_widget: QWidget) -> None:
        """The video-only actions (the arrows) act while `video_widget` has focus."""
        for spec in SPECS:
            if spec.scope == VIDEO_ONLY:
                video_widget.addAction(self.actions[spec.name])

    def connect_all(self, commands: Mapping[str, Callable[[], object]]) -> None:
        """Connect each named action to its command (the tables of the features)."""
        for name, slot in commands.items():
            self.connect(name, slot)

    @staticmethod
    def _menu(menus: dict[str, QMenu], name: str) -> QMenu:
        """The menu called `name`; a "View/…" submenu is made on first use."""
        if name not in menus:
            parent, _, _ = name.rpartition("/")
            menus[name] = PlayerActions._menu(menus, parent).addMenu(
                SUBMENU_TITLES[name]
            )
        return menus[name]

    def __getitem__(self, name: str) -> QAction:
        return self.actions[name]

    def connect(self, name: str, slot: Callable[[], object]) -> None:
        self.actions[name].triggered.connect(lambda _checked=False: slot())

    def tooltip(self, name: str) -> str:
        return self.actions[name].toolTip()

    def rows(self) -> list[tuple[str, str]]:
        """(keys, what they do) for the shortcuts list, in menu order."""
        rows = []
        for spec in self.specs.values():
            if spec.keys:
                text = spec.text.replace("&", "").rstrip("…")
                rows.append(
                    (shortcut_text(spec), f"{text} on/off" if spec.checkable else text)
                )
        return rows + list(OTHER_KEYS)


TEXT_INPUTS = (QLineEdit, QTextEdit, QPlainTextEdit, QAbstractSpinBox)
ACTIVATE_KEYS = (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter)


class SingleKeyGuard(QObject):
    """Keeps single-key shortcuts from firing while typing, or when they are turned off.

    Accepting the ShortcutOverride event hands the key to the focused widget instead of
    the shortcut map; Space and Enter on a focused button press the button.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.enabled = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.ShortcutOverride or not isinstance(
            event, QKeyEvent
        ):
            return False
        mods = event.modifiers() & ~(
            Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier
        )
        key = event.key()
        if mods or Qt.Key.Key_F1.value <= key <= Qt.Key.Key_F35.value:
            return False
        if self._blocks(QApplication.focusWidget(), Qt.Key(key)):
            event.accept()
            return True
        return False

    def _blocks(self, focus: QWidget | None, key: Qt.Key) -> bool:
        if not self.enabled and key.value < Qt.Key.Key_Escape.value:
            return True
        if focus is None:
            return False
        if isinstance(focus, TEXT_INPUTS):
            return True
        if isinstance(focus, QComboBox) and focus.isEditable():
            return True
        return isinstance(focus, QAbstractButton) and key in ACTIVATE_KEYS
