"""Reading what a user sees, for the walk through the Chinese interface (test_chinese_walk.py):
every text of every visible widget of a window, where it was found, and what in it is a
vocabulary code or English.

`Seen` collects texts from windows; `modal` opens a dialog that runs its own event loop (exec())
and closes it once read; `Checker` finds codes and English in what was collected."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import available_timezones

from PySide6.QtCharts import QAbstractBarSeries, QBarCategoryAxis, QChartView
from PySide6.QtCore import QModelIndex, QObject, Qt, QTimer
from PySide6.QtGui import Qt as GuiQt  # mightBeRichText() is QtGui's, not QtCore's Qt
from PySide6.QtGui import QTextDocumentFragment
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QFileDialog,
    QFileSystemModel,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QSpinBox,
    QTableView,
    QTabWidget,
    QTextBrowser,
    QTextEdit,
    QToolBar,
    QTreeView,
    QWidget,
)

from hospitality_app import vocab

# --------------------------------------------------------------------------- collecting

# What Qt's print dialog says of this computer's printers (their names, places, drivers): the
# machine's, not the app's words, and different on every machine.
MACHINE_DATA = {("QPrintDialog", "printers"), ("QPrintDialog", "location"), ("QPrintDialog", "type")}


@dataclass
class Seen:
    """Texts seen so far: text → {where it was found: the step of the walk that first saw it}."""

    texts: dict[str, dict[str, str]] = field(default_factory=lambda: defaultdict(dict))
    reads: int = 0  # texts read, seen before or not

    def add(self, text, where: str, step: str) -> None:
        if not isinstance(text, str):
            return
        text = _plain(text)
        if text.strip():
            self.reads += 1
            self.texts[text].setdefault(where, step)

    def window(self, window: QWidget, step: str) -> int:
        """Read every visible widget of `window` (a main window, planner or dialog), its menus and
        actions; returns how many texts were read (a step that reads nothing is a broken step)."""
        before = self.reads
        names = _attribute_names(window)
        label = window.metaObject().className()  # Qt's own classes too (QCalendarPopup, not QWidget)
        self.add(window.windowTitle(), f"{label} [window title]", step)
        if isinstance(window, QMainWindow):
            self.add(window.statusBar().currentMessage(), f"{label} [status bar]", step)
        for widget in [window, *window.findChildren(QWidget)]:
            if isinstance(widget, QMenu):
                if _owner_window(widget) is window:
                    name = names.get(widget) or widget.objectName() or f"menu “{_mnemonic_free(widget.title())}”"
                    self._menu(widget, f"{label} › {name}", step)
                continue
            if widget.window() is not window or not widget.isVisible():
                continue  # another window's (a planner is the main window's child), or not on screen
            if (label, widget.objectName()) in MACHINE_DATA:
                continue
            where = f"{label} › {_describe(widget, window, names)}"
            self._widget(widget, where, step)
        return self.reads - before

    def dialog(self, step: str, trigger: Callable[[], object], *, answer=None) -> QWidget:
        """Read the modal dialog (exec()) that `trigger` opens, then close it (see `modal`)."""

        def read(dialog: QWidget) -> None:
            assert self.window(dialog, step), f"{step}: the dialog shows no text"

        return modal(trigger, read, answer=answer)

    def _menu(self, menu: QMenu, where: str, step: str) -> None:
        self.add(menu.title(), f"{where} [menu title]", step)
        for action in menu.actions():
            self.add(action.text(), f"{where} [menu item]", step)
            if action.menu() is not None and action.menu() is not menu:
                self._menu(action.menu(), f"{where} › menu “{_mnemonic_free(action.text())}”", step)

    def _widget(self, w: QWidget, where: str, step: str) -> None:
        add = self.add
        add(w.toolTip(), f"{where} [tooltip]", step)
        add(w.accessibleName(), f"{where} [accessible name]", step)
        for action in w.actions():
            add(action.text(), f"{where} [action]", step)
        if isinstance(w, QLabel | QAbstractButton):
            add(w.text(), where, step)
        elif isinstance(w, QGroupBox):
            add(w.title(), f"{where} [group title]", step)
        elif isinstance(w, QTabWidget):
            for i in range(w.count()):
                add(w.tabText(i), f"{where} [tab]", step)
                add(w.tabToolTip(i), f"{where} [tab tooltip]", step)
        elif isinstance(w, QLineEdit):
            add(w.placeholderText(), f"{where} [placeholder]", step)
        elif isinstance(w, QTextBrowser):
            add(w.toPlainText(), where, step)
        elif isinstance(w, QPlainTextEdit | QTextEdit):
            add(w.placeholderText(), f"{where} [placeholder]", step)
        elif isinstance(w, QComboBox):
            for i in range(w.count()):
                add(w.itemText(i), f"{where} [item]", step)
        elif isinstance(w, QAbstractSpinBox):
            add(w.text(), f"{where} [shown value]", step)
            add(w.specialValueText(), f"{where} [special value]", step)
            if isinstance(w, QSpinBox):
                add(w.prefix(), f"{where} [prefix]", step)
                add(w.suffix(), f"{where} [suffix]", step)
        elif isinstance(w, QProgressBar):
            add(w.text(), f"{where} [progress text]", step)
        elif isinstance(w, QToolBar):
            add(w.windowTitle(), f"{where} [toolbar name]", step)
            for action in w.actions():
                add(action.iconText(), f"{where} [toolbar label]", step)
        elif isinstance(w, QChartView):
            self._chart(w, where, step)
        if isinstance(w, QAbstractItemView) and not isinstance(w, QHeaderView):
            self._view(w, where, step)

    def _view(self, view: QAbstractItemView, where: str, step: str) -> None:
        model = view.model()
        if model is None or isinstance(model, QFileSystemModel) or isinstance(view.window(), QFileDialog):
            return  # a file dialog's lists (sidebar, folder): the user's own files and folders
        if type(view).__name__ == "QComboBoxListView":
            return  # a combo box's popup: its items are read from the combo box
        header = None  # a list has one column and no header (its model may not say how many)
        if isinstance(view, QTableView):
            header = view.horizontalHeader()
        elif isinstance(view, QTreeView):
            header = view.header()
        count = header.count() if header is not None else 1
        columns = [c for c in range(count) if not _column_hidden(view, c)]
        titles = {c: model.headerData(c, Qt.Horizontal, Qt.DisplayRole) for c in columns}
        if header is not None and header.isVisible():
            for c in columns:
                self.add(titles[c], f"{where} [column header]", step)
                self.add(model.headerData(c, Qt.Horizontal, Qt.ToolTipRole), f"{where} [column header tooltip]", step)
        painted = _painted_entries(view)

        def rows(parent: QModelIndex) -> None:
            for r in range(model.rowCount(parent)):
                for c in columns:
                    index = model.index(r, c, parent)
                    cell = f"{where} [cell, column “{titles[c]}”]" if titles.get(c) else f"{where} [cell]"
                    self.add(index.data(Qt.DisplayRole), cell, step)
                    tip, code = index.data(Qt.ToolTipRole), index.data(Qt.UserRole + 1)
                    if not (isinstance(tip, str) and isinstance(code, str) and tip.startswith(code)):
                        # (a readiness finding's tooltip is its stable code and target, for support)
                        self.add(tip, f"{cell} [tooltip]", step)
                    for text in painted(index):
                        self.add(text, f"{where} [painted entry]", step)
                first = model.index(r, 0, parent)
                if isinstance(view, QTreeView) and model.rowCount(first):
                    rows(first)

        rows(QModelIndex())

    def _chart(self, view: QChartView, where: str, step: str) -> None:
        chart = view.chart()
        self.add(chart.title(), f"{where} [chart title]", step)
        for axis in chart.axes():
            self.add(axis.titleText(), f"{where} [axis title]", step)
            if isinstance(axis, QBarCategoryAxis):
                for category in axis.categories():
                    self.add(category, f"{where} [axis category]", step)
        for series in chart.series():
            self.add(series.name(), f"{where} [series]", step)
            if isinstance(series, QAbstractBarSeries):
                for bar in series.barSets():
                    self.add(bar.label(), f"{where} [bar set]", step)
        for marker in chart.legend().markers():
            self.add(marker.label(), f"{where} [legend]", step)


def _plain(text: str) -> str:
    """What the user reads: rich text without its markup, mnemonics without their &."""
    if GuiQt.mightBeRichText(text):
        text = QTextDocumentFragment.fromHtml(text).toPlainText()
    return _mnemonic_free(text)


def _mnemonic_free(text: str) -> str:
    return re.sub(r"&(.)", r"\1", text)


def _column_hidden(view: QAbstractItemView, column: int) -> bool:
    return isinstance(view, QTableView | QTreeView) and view.isColumnHidden(column)


def _painted_entries(view: QAbstractItemView) -> Callable[[QModelIndex], list[str]]:
    """Texts a delegate paints beside a cell's own (the calendar's day cells list their items)."""
    from hospitality_app.ui.calendar_page import DayDelegate

    if not isinstance(view.itemDelegate(), DayDelegate):
        return lambda _index: []
    return lambda index: [entry[0] for entry in index.data(Qt.UserRole) or []]


def _owner_window(menu: QMenu) -> QWidget | None:
    owner = menu.parentWidget()
    while isinstance(owner, QMenu):
        owner = owner.parentWidget()
    return owner.window() if owner is not None else None


def _attribute_names(window: QWidget) -> dict[QObject, str]:
    """Widget → the attribute the app keeps it in ("MealsEditor.dishes", "ItemForm.widgets['name']"),
    so that a failure says which widget it means."""
    names: dict[QObject, str] = {}
    for obj in [window, *window.findChildren(QObject)]:
        try:
            attributes = vars(obj)
        except TypeError:
            continue
        owner = type(obj).__name__
        for key, value in attributes.items():
            if isinstance(value, QWidget):
                names.setdefault(value, f"{owner}.{key}")
            elif isinstance(value, dict):
                for inner, item in value.items():
                    if isinstance(item, QWidget):
                        names.setdefault(item, f"{owner}.{key}[{inner!r}]")
    return names


def _describe(widget: QWidget, window: QWidget, names: dict[QObject, str]) -> str:
    """The widget's place: up to two named widgets it sits in, then the widget itself."""
    own = names.get(widget) or widget.objectName() or widget.metaObject().className()
    if widget not in names and widget.accessibleName():
        own += f" “{widget.accessibleName()}”"
    chain, parent = [], widget.parentWidget()
    while parent is not None and parent is not window and len(chain) < 2:
        if parent in names:
            chain.append(names[parent])
        parent = parent.parentWidget()
    return " › ".join([*reversed(chain), own])


# --------------------------------------------------------------------------- modal dialogs


def modal(
    trigger: Callable[[], object],
    read: Callable[[QWidget], object],
    *,
    answer: Callable[[QWidget], object] | None = None,
    timeout_ms: int = 15_000,
) -> QWidget:
    """Call `trigger`, which opens a dialog with exec() (its own event loop, which would block the
    test); once it shows, `read` it and close it — with `answer(dialog)` (say, a click on Cancel),
    else reject(). Returns the dialog; fails if none opened."""
    state: dict[str, object] = {"dialog": None, "finished": False}
    before = QApplication.activeModalWidget()
    elapsed = [0]

    def poll() -> None:
        if state["finished"]:
            return
        dialog = QApplication.activeModalWidget()
        if dialog is None or dialog is before or not dialog.isVisible():
            elapsed[0] += 20
            if elapsed[0] < timeout_ms:
                QTimer.singleShot(20, poll)
            return
        state["dialog"] = dialog
        state["finished"] = True
        try:
            read(dialog)
        finally:
            try:
                if answer is not None:
                    answer(dialog)
            finally:
                if dialog.isVisible():  # not answered (or the answer failed): it must not stay open
                    dialog.reject() if isinstance(dialog, QDialog) else dialog.close()

    QTimer.singleShot(0, poll)
    try:
        trigger()
    finally:
        state["finished"] = True  # no poll may outlive the call and close a later dialog
    assert state["dialog"] is not None, f"{getattr(trigger, '__qualname__', trigger)} opened no modal dialog"
    return state["dialog"]


def click_role(*roles: QMessageBox.ButtonRole) -> Callable[[QWidget], None]:
    """An answer for a message box: click its first button with one of these roles."""

    def click(box: QWidget) -> None:
        assert isinstance(box, QMessageBox), box
        button = next(b for b in box.buttons() if box.buttonRole(b) in roles)
        button.click()

    return click


def click_standard(standard: QMessageBox.StandardButton) -> Callable[[QWidget], None]:
    def click(box: QWidget) -> None:
        assert isinstance(box, QMessageBox), box
        box.button(standard).click()

    return click


# --------------------------------------------------------------------------- checking


def vocabulary_codes() -> set[str]:
    """Every code the data stores: each tuple of codes in hospitality_app.vocab, and the few
    vocabularies kept beside the code that uses them (room types, note topics, template names)."""
    from hospitality_app.checklists.templates import SHIPPED
    from hospitality_app.services.regions import TOPICS
    from hospitality_app.ui.planner.form_fields import ROOM_TYPES

    codes = {
        code
        for value in vars(vocab).values()
        if isinstance(value, tuple) and value and all(isinstance(c, str) for c in value)
        for code in value
    }
    return codes | set(ROOM_TYPES) | set(TOPICS) | set(SHIPPED)


# Fields of the visit file that hold codes shown by their names (a language, a country, a zone),
# never as typed: not the user's words.
CODE_FIELDS = {"format", "languages", "client_locale", "country", "currency", "timezone"}
# Fields that hold the names of people, of the client's company and of its city: each word of
# them is a name wherever it shows (a placeholder's example names "PT Sinar Jaya").
NAME_FIELDS = {"name", "city", "for", "presenter", "driver", "guide", "door_front", "passengers", "guests"}


def data_phrases(data, codes: set[str]) -> set[str]:
    """Every string value of the reference visit's file that is not a code: names, titles,
    addresses, flight numbers, dishes, research, notes. These are the user's data, shown as typed."""
    found: set[str] = set()

    def walk(value, key: str) -> None:
        if isinstance(value, dict):
            for inner, item in value.items():
                walk(item, inner)
        elif isinstance(value, list):
            for item in value:
                walk(item, key)
        elif isinstance(value, str) and value.strip() and value not in codes and key not in CODE_FIELDS:
            found.add(value.strip())

    walk(data, "")
    return found | cldr_latin_names()


def name_words(data) -> set[str]:
    """The words of the people's, the company's and the city's names in the reference visit."""
    people = {data["company"]["name"], data["company"]["city"]}
    people |= {p["name"] for part in ("visitors", "hosts") for p in data[part]}
    return {word for name in people for word in re.findall(r"[A-Za-z]+", name)}


def cldr_latin_names() -> set[str]:
    """The few Chinese names in CLDR (Babel's data, which the pickers show) that contain Latin
    letters, because the thing's own name does: "玻利维亚 Mvdol（资金）", "欧元 (WIR)"."""
    from babel import Locale

    zh = Locale.parse("zh_CN")
    names = [*zh.currencies.values(), *zh.territories.values(), *zh.languages.values()]
    return {name for name in names if re.search(r"[A-Za-z]{3,}", name)}


# Words allowed in the Chinese interface, each group for its reason. Nothing else in Latin
# letters may show, apart from the user's data (the reference visit's own strings).
ALLOWED_WORDS = {
    # File formats and standards, named as such in Chinese software too.
    "PDF", "CSV", "JSON", "ICS", "iCalendar", "TOML", "PNG", "JPEG", "JPG", "UTC", "IANA", "URL",
    # Products: the database engines, the toolkit, and the app's own name (a brand).
    "PostgreSQL", "SQLite", "Qt", "Hospitality",
    # Key caps, as printed on the keyboard (Qt writes shortcuts so).
    "Ctrl", "Shift", "Alt", "Del", "Ins", "Esc", "Tab", "PgUp", "PgDn",
}  # fmt: skip
KEYS = re.compile(
    r"(?:(?:Ctrl|Shift|Alt|Meta)\+)+(?:F\d{1,2}\b|PgUp|PgDown|PgDn|Up/Down|Up|Down|Left|Right|Home|End|Ins|Del"
    r"|Esc|Tab|Space|Return|Enter|Backspace|[A-Z0-9](?![A-Za-z])|[,.;/=+\-])"
)
# A language picker lists each language in its own name (its endonym): "English" is how an
# English reader finds English, in any interface language.
ENDONYM_PICKERS = re.compile(r"(PreferencesDialog|DocumentsDialog)\.language \[item\]$")
ENDONYMS = {
    "English",
    "简体中文",
    "中文",
    "Bahasa Indonesia",
    "Русский",
    "Español",
    "Türkçe",
    "العربية",
    "Deutsch",
    "Français",
    "Português (Brasil)",
    "Italiano",
}
# A code in brackets after the name it stands for, so that typing the code finds it: a country
# ("印度尼西亚 (ID)"), a language ("印度尼西亚语 (id)") or a locale ("印度尼西亚语（印度尼西亚） (id_ID)").
BRACKETED_CODE = re.compile(r"\(([A-Za-z]{2,3}(?:_[A-Za-z0-9]{2,4}){0,2})\)")
ZONE = re.compile(r"\b[A-Z][A-Za-z_\-]+(?:/[A-Za-z0-9_\-+]+)+")
FILE_PATTERN = re.compile(r"\*\.[A-Za-z0-9]+|\.(?:ics|json|pdf|csv|toml|sqlite3|db|png|jpe?g)\b")
ABSOLUTE_PATH = re.compile(r"(?<![A-Za-z0-9_.])/([A-Za-z0-9_.\-]+)(?:/[A-Za-z0-9_.\-]*)*")
LETTERS = re.compile(r"[A-Za-z]{3,}")
TOKEN = re.compile(r"[A-Za-z0-9_]+")


@dataclass
class Checker:
    codes: set[str]
    phrases: set[str]
    names: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        from babel import Locale
        from babel.localedata import locale_identifiers
        from babel.numbers import list_currencies

        self._currencies = set(list_currencies())
        self._zones = available_timezones()
        self._bracketed = set(locale_identifiers()) | set(Locale.parse("en").territories)
        ordered = sorted(self.phrases, key=len, reverse=True)  # "PT Sinar Jaya Abadi" before "Jakarta"
        self._data = [re.compile(rf"(?<![A-Za-z0-9_]){re.escape(p)}(?![A-Za-z0-9_])") for p in ordered]
        # What i18n.label() shows for a code it has no translation for: "sales_lead" → "Sales lead".
        fallbacks = sorted({c.replace("_", " ").capitalize() for c in self.codes}, key=len, reverse=True)
        self._fallback = re.compile(rf"(?<![A-Za-z0-9_])(?:{'|'.join(map(re.escape, fallbacks))})(?![A-Za-z0-9_])")

    def without_allowed(self, text: str) -> str:
        """The text with what may stay in Latin letters blanked out: paths on this computer, IANA
        zone names, file name patterns, codes in brackets after their names, key combinations,
        and the user's data."""
        text = ABSOLUTE_PATH.sub(lambda m: " " if Path("/" + m.group(1)).exists() else m.group(0), text)
        text = ZONE.sub(lambda m: " " if m.group(0) in self._zones else m.group(0), text)
        text = FILE_PATTERN.sub(" ", text)
        text = BRACKETED_CODE.sub(lambda m: " " if m.group(1) in self._bracketed else m.group(0), text)
        text = KEYS.sub(" ", text)
        for pattern in self._data:
            text = pattern.sub(" ", text)
        return text

    def problems(self, seen: Seen) -> dict[str, dict[str, dict[str, str]]]:
        """{"vocabulary code" | "English": {text: {where: step}}}. A code in a text that is
        otherwise Chinese is a vocabulary code shown raw (or as label()'s English fallback);
        in an English sentence it is one more English word (`sales_lead` is always a code)."""
        found: dict[str, dict[str, dict[str, str]]] = {"vocabulary code": {}, "English": {}}
        for text, places in seen.texts.items():
            places = {w: s for w, s in places.items() if not (text in ENDONYMS and ENDONYM_PICKERS.search(w))}
            if not places:
                continue
            rest = self.without_allowed(text)
            raw = [t for t in TOKEN.findall(rest) if t in self.codes]
            labels = self._fallback.findall(rest)
            for word in [*raw, *labels]:
                rest = re.sub(rf"(?<![A-Za-z0-9_]){re.escape(word)}(?![A-Za-z0-9_])", " ", rest)
            english = [w for w in LETTERS.findall(rest) if not self._allowed(w)]
            if english:
                found["English"][_label(text, [*labels, *(c for c in raw if "_" not in c), *english])] = places
                raw = [c for c in raw if "_" in c]
                labels = []
            if raw or labels:
                found["vocabulary code"][_label(text, [*raw, *labels])] = places
        return {kind: texts for kind, texts in found.items() if texts}

    def _allowed(self, word: str) -> bool:
        return word in ALLOWED_WORDS or word in self.names or (len(word) == 3 and word in self._currencies)


def _label(text: str, offending: Iterable[str]) -> str:
    shown = text if len(text) <= 300 else text[:300] + "…"
    return f"{shown!r}  ← {', '.join(dict.fromkeys(offending))}"


def report(problems: dict[str, dict[str, dict[str, str]]], *, most: int = 6) -> str:
    """The failure message: per kind, each offending text once, with where it was seen."""
    lines = []
    for kind, texts in problems.items():
        lines.append(f"\n=== {kind}: {len(texts)} texts ===")
        for text in sorted(texts):
            places = texts[text]
            lines.append(f"- {text}")
            for where in sorted(places)[:most]:
                lines.append(f"      at {where}   (step: {places[where]})")
            if len(places) > most:
                lines.append(f"      … and {len(places) - most} more places")
    return "\n".join(lines)
