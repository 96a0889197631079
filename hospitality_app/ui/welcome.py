"""What the visit list shows while the database holds no visit at all: what the app is for and
the first steps — plan the first visit, import one, set the letterhead, or look around in the
demo visits — instead of an empty table."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QStackedWidget, QVBoxLayout, QWidget

from hospitality_app.i18n import _, ngettext
from hospitality_app.services.visits import VisitFilter


class WelcomePanel(QFrame):
    """Signals:
    new_visit, import_file, letterhead, demo: the user chose that first step.
    """

    new_visit = Signal()
    import_file = Signal()
    letterhead = Signal()
    demo = Signal()

    def __init__(self, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcome")
        title = QLabel(_("Welcome to Hospitality"), self)
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        title.setFont(font)
        text = QLabel(
            _(
                "Plan each client's visit here — pickup, hotel, meals, factory tour and agenda — and the "
                "readiness check tells you what would go wrong before they arrive: a dish a visitor may "
                "not eat, a driver due after the flight lands, a tour with nobody at the back door."
            ),
            self,
        )
        text.setWordWrap(True)
        text.setTextFormat(Qt.PlainText)
        text.setMaximumWidth(760)  # lines a person can read in one sweep
        self.buttons: dict[str, QPushButton] = {}
        column = QVBoxLayout(self)
        column.setContentsMargins(32, 32, 32, 32)
        column.setSpacing(12)
        column.addWidget(title)
        column.addWidget(text)
        steps = (
            ("new_visit", _("Plan the first visit…"), _("Ctrl+N, any time"), self.new_visit),
            (
                "import_file",
                _("Import a visit file…"),
                _("A visit exported as JSON, by a colleague or another copy of the app"),
                self.import_file,
            ),
            (
                "letterhead",
                _("Set your company's letterhead…"),
                _("The name, address and logo on letters and welcome signs"),
                self.letterhead,
            ),
            (
                "demo",
                _("Load the demo visits"),
                _("A dozen realistic visits to look around in; delete them later"),
                self.demo,
            ),
        )
        for key, label, hint, signal in steps:
            button = QPushButton(label, self)
            button.setMinimumHeight(36)
            button.setMaximumWidth(480)  # a button, not a bar across the window
            button.clicked.connect(signal)
            note = QLabel(hint, self)
            note.setWordWrap(True)
            note.setStyleSheet("color: palette(mid); margin-left: 4px;")
            column.addWidget(button)
            column.addWidget(note)
            self.buttons[key] = button
        column.addStretch(1)
        self.buttons["new_visit"].setDefault(True)


class Welcoming:
    """The main window's part: the welcome panel in place of the visit list while the database
    holds no visit (a search that finds none still shows the empty list, not the welcome)."""

    def _list_or_welcome(self, table: QWidget) -> QWidget:
        self.welcome = WelcomePanel(parent=self)
        self.welcome.new_visit.connect(self.new_visit)
        self.welcome.import_file.connect(self._import_from_welcome)
        self.welcome.letterhead.connect(self.open_preferences)
        self.welcome.demo.connect(self.load_demo)
        self.welcome.installEventFilter(self)  # its first paint ends the start-up, as the list's would
        self.list_stack = QStackedWidget(self)
        self.list_stack.addWidget(table)
        self.list_stack.addWidget(self.welcome)
        return self.list_stack

    def _import_from_welcome(self) -> None:
        self.import_visit_file()

    def _show_welcome_if_empty(self) -> None:
        empty = (
            self.model.loaded
            and self.model.total() == 0
            and not self.search.text().strip()
            and self.filters.visit_filter() == VisitFilter()
        )
        self.list_stack.setCurrentWidget(self.welcome if empty else self.table)
        # The readiness and notes of the selected visit: nothing to select yet, so nothing to show.
        for widget in (self.search, self.filters, self.splitters["main/side"]):
            widget.setVisible(not empty)

    def load_demo(self):
        """Add the demo visits (off the GUI thread); the list shows them when they are saved."""
        from hospitality_app.services import demo

        def done(ids) -> None:
            self.statusBar().showMessage(
                ngettext("Added {n} demo visit.", "Added {n} demo visits.", len(ids)).format(n=len(ids)), 8000
            )

        return self.ops.write(
            self,
            lambda session: demo.create_demo_visits(session, now=datetime.now(UTC)),
            done,
            self._failed(_("The demo visits were not added")),
            busy=_("Adding the demo visits…"),
        )
