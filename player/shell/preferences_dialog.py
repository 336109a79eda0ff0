"""The preferences dialog (Ctrl+,): one tab per feature, with OK, Cancel and Apply.

Features contribute pages (`Page(title, make)`, built when the dialog first opens);
`Preferences` holds them and the one dialog. A page may define
`reload()` (show the settings in force; called each time the dialog opens and on
Cancel), `apply()` (put its choices in force and save them; called on Apply and OK)
and `restore_defaults()` (show the defaults; applied only by Apply or OK).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QDialog,
    QDialogButtonBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from player.core.contribution import Page


class PreferencesDialog(QDialog):
    """Tabs of settings; nothing changes until Apply or OK."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preferencesDialog")
        self.setWindowTitle("Preferences")
        self.setAccessibleName("Preferences")
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("preferencesTabs")
        self.tabs.setAccessibleName("Preference pages")
        self.tabs.setToolTip("Preference pages (Ctrl+Tab: next page)")
        self.tabs.tabBar().setAccessibleName("Preference pages")
        self.tabs.tabBar().setToolTip("Preference pages (Ctrl+Tab: next page)")
        self.buttons = QDialogButtonBox(self)
        buttons = QDialogButtonBox.StandardButton
        for which, text, tip in (
            (buttons.Ok, "OK", "Apply the changes and close (Enter)"),
            (buttons.Cancel, "&Cancel", "Close without applying (Esc, Alt+C)"),
            (buttons.Apply, "&Apply", "Apply the changes now (Alt+A)"),
            (
                buttons.RestoreDefaults,
                "Restore &defaults",
                "Show this page's default settings; Apply or OK puts them in force"
                " (Alt+D)",
            ),
        ):
            button = self.buttons.addButton(which)
            button.setText(text)
            button.setToolTip(tip)
            button.setAccessibleName(text.replace("&", ""))
        self.buttons.clicked.connect(self._clicked)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.buttons)

    def add_page(self, title: str, widget: QWidget) -> int:
        """Add a tab (title may hold a mnemonic, e.g. "&Captions"); its index."""
        if not widget.accessibleName():
            widget.setAccessibleName(title.replace("&", ""))
        index = self.tabs.addTab(widget, title)
        self._put_buttons_last()
        return index

    def _put_buttons_last(self) -> None:
        """Tab reaches a page's controls before the buttons below it (pages are
        added after the buttons exist, so Qt would put them after the buttons).
        """
        chain: list[QWidget] = []
        start: QWidget = self.tabs.tabBar()
        widget = start.nextInFocusChain()
        while widget is not None and widget is not start and len(chain) < 2000:
            tabbable = widget.focusPolicy() & Qt.FocusPolicy.TabFocus
            if tabbable and widget.focusProxy() is None:
                chain.append(widget)
            widget = widget.nextInFocusChain()
        buttons = [w for w in chain if self.buttons.isAncestorOf(w)]
        pages = [w for w in chain if self.tabs.isAncestorOf(w)]
        previous = pages[-1] if pages else start
        for button in buttons:
            QWidget.setTabOrder(previous, button)
            previous = button

    def pages(self) -> list[QWidget]:
        pages = (self.tabs.widget(i) for i in range(self.tabs.count()))
        return [page for page in pages if page is not None]

    def page(self, title: str) -> QWidget | None:
        """The page whose tab reads `title` (mnemonics ignored), if any."""
        wanted = title.replace("&", "")
        for index in range(self.tabs.count()):
            if self.tabs.tabText(index).replace("&", "") == wanted:
                return self.tabs.widget(index)
        return None

    def apply(self) -> None:
        for page in self.pages():
            _call(page, "apply")

    def reload(self) -> None:
        for page in self.pages():
            _call(page, "reload")

    def accept(self) -> None:
        self.apply()
        super().accept()

    def reject(self) -> None:
        self.reload()
        super().reject()

    def showEvent(self, event: QShowEvent) -> None:
        self.reload()
        super().showEvent(event)

    def _clicked(self, button: QAbstractButton) -> None:
        role = self.buttons.standardButton(button)
        if role == QDialogButtonBox.StandardButton.Apply:
            self.apply()
        elif role == QDialogButtonBox.StandardButton.RestoreDefaults:
            _call(self.tabs.currentWidget(), "restore_defaults")


def _call(page: QWidget | None, method: str) -> None:
    action = getattr(page, method, None)
    if callable(action):
        action()


class Preferences:
    """Ctrl+,: the features' pages, in one dialog built on first use."""

    def __init__(self, parent: QWidget, pages: Sequence[Page] = ()) -> None:
        self.parent = parent
        self.pages: list[Page] = list(pages)
        self.dialog: PreferencesDialog | None = None

    def add_page(self, page: Page) -> None:
        """Another page: built now if the dialog exists, else when it opens."""
        self.pages.append(page)
        if self.dialog is not None:
            self.dialog.add_page(page.title, page.make())

    def built(self) -> PreferencesDialog:
        """The dialog, built with every page on first use."""
        if self.dialog is None:
            self.dialog = PreferencesDialog(self.parent)
            for page in self.pages:
                self.dialog.add_page(page.title, page.make())
        return self.dialog

    def open(self, page: str | None = None) -> PreferencesDialog:
        """Show the dialog (on the page titled `page`, if given) and give it focus."""
        dialog = self.built()
        if page is not None and (widget := dialog.page(page)) is not None:
            dialog.tabs.setCurrentWidget(widget)
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        return dialog
