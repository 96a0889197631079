"""The Clients, Staff and Places pages: the records that plans reuse, each kind in a tab with a
searchable list and a form. Plans pick these records up through completion in the planner."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from hospitality_app.db.changes import Changes
from hospitality_app.errors import ConflictError, InUseError, ValidationError
from hospitality_app.i18n import _, label, list_text
from hospitality_app.services import directory
from hospitality_app.services.directory import KINDS, Kind, Record
from hospitality_app.ui.error_text import error_text
from hospitality_app.ui.ops import ChangeFeed, Ops
from hospitality_app.ui.record_form import RecordForm, field_labels


def table_names() -> dict[str, str]:
    """What the user calls the tables a record may still be used by."""
    return {
        "visit": _("visits"),
        "visit_visitor": _("visitors of visits"),
        "visit_host": _("hosts of visits"),
        "pickup": _("pickups"),
        "pickup_passenger": _("pickup passengers"),
        "hotel_stay": _("hotel stays"),
        "hotel_stay_guest": _("hotel guests"),
        "meal": _("meals"),
        "meal_visitor": _("meal guests"),
        "meal_staff": _("meal hosts"),
        "meal_dish": _("dishes served"),
        "tour": _("factory tours"),
        "tour_route_stop": _("tour routes"),
        "agenda_item": _("agenda items"),
        "checklist_item": _("checklist items"),
        "gift": _("gifts"),
        "bottom_line": _("bottom lines"),
        "front_desk_entry": _("front-desk log entries"),
        "follow_up": _("follow-ups"),
        "hotel_room": _("hotel rooms"),
        "calendar_item_state": _("exported calendars"),
    }


class RecordsModel(QAbstractTableModel):
    """The listed records of one kind; references shown by name, codes by their labels."""

    def __init__(self, kind: Kind, *, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self._records: list[Record] = []
        self._refs: dict[str, dict[int, str]] = {}
        self._headers = [field_labels(kind.key)[key] for key in kind.columns]

    def set_records(self, records: list[Record], refs: dict[str, dict[int, str]]) -> None:
        self.beginResetModel()
        self._records, self._refs = list(records), refs
        self.endResetModel()

    def record_at(self, row: int) -> Record | None:
        return self._records[row] if 0 <= row < len(self._records) else None

    def row_of(self, record_id: int) -> int:
        return next((i for i, r in enumerate(self._records) if r.id == record_id), -1)

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._records)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.kind.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.DisplayRole):
        if orientation == Qt.Horizontal and role == Qt.DisplayRole and 0 <= section < len(self._headers):
            return self._headers[section]
        return None

    def data(self, index: QModelIndex, role: int = Qt.DisplayRole):
        record = self.record_at(index.row())
        if record is None or role != Qt.DisplayRole:
            return None
        key = self.kind.columns[index.column()]
        f, value = self.kind.field(key), record.values.get(key)
        if f.kind == "ref":
            return self._refs.get(key, {}).get(value, "")
        if f.kind == "codes":
            return list_text(label(code) for code in value)
        if f.kind == "note":
            return (value or "").split("\n")[0]
        if f.kind == "bool":
            return "✓" if value else ""
        return "" if value is None else str(value)


class RecordEditor(QWidget):
    """One kind of record: search, list, form; New, Save, Revert and Delete. Every read and
    write is an operation (ui.ops); a change made elsewhere refreshes the list, and the form too
    unless it holds unsaved edits."""

    def __init__(self, ops: Ops, kind: Kind, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ops, self.kind = ops, kind
        self._tables = {kind.model.__tablename__} | {
            KINDS[f.ref].model.__tablename__ for f in kind.fields if f.kind == "ref"
        }
        self.record: Record = Record(None, None, {})
        self.dirty = False
        self.loaded = False
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(_("Search by name…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.reload)
        self.model = RecordsModel(kind, parent=self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectRows)
        self.table.setSelectionMode(QTableView.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.Stretch)
        self.table.clicked.connect(self._row_clicked)
        self.count = QLabel(self)
        self.new_button = QPushButton(_("New"), self)
        self.new_button.clicked.connect(self.new_record)
        left = QWidget(self)
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.new_button)
        column.addLayout(top)
        column.addWidget(self.table, 1)
        column.addWidget(self.count)

        self.heading = QLabel(self)
        self.heading.setTextFormat(Qt.PlainText)  # a record's name is shown as typed, never as markup
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.form = RecordForm(kind, parent=self)
        self.form.changed.connect(self._edited)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        scroll.setWidget(self.form)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.save_button = QPushButton(_("Save"), self)
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.save_button.setToolTip(QKeySequence(QKeySequence.Save).toString(QKeySequence.NativeText))
        save = QAction(self)
        save.setShortcut(QKeySequence.Save)
        save.setShortcutContext(Qt.WidgetWithChildrenShortcut)  # Ctrl+S while working in this tab
        save.triggered.connect(lambda: self.dirty and self.save())
        self.addAction(save)
        self.revert_button = QPushButton(_("Revert"), self)
        self.revert_button.clicked.connect(self.revert)
        self.delete_button = QPushButton(_("Delete…"), self)
        self.delete_button.clicked.connect(self.ask_delete)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.revert_button)
        buttons.addStretch(1)
        buttons.addWidget(self.delete_button)
        right = QWidget(self)
        side = QVBoxLayout(right)
        side.setContentsMargins(0, 0, 0, 0)
        side.addWidget(self.heading)
        side.addWidget(scroll, 1)
        side.addWidget(self.message)
        side.addLayout(buttons)
        split = QSplitter(Qt.Horizontal, self)
        split.addWidget(left)
        split.addWidget(right)
        split.setSizes([520, 480])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(split)
        self._show(self.record)
        self._feed = ChangeFeed(ops, self._database_changed, parent=self)

    # loading -------------------------------------------------------------------
    def reload(self):
        """List the records again (search applied), keeping the one being edited selected."""
        kind, text = self.kind, self.search.text()

        def work(session):
            records, total = directory.list_records(session, kind, text)
            refs = {f.key: directory.ref_choices(session, f.ref) for f in kind.fields if f.kind == "ref"}
            return records, total, refs

        return self._ops.query(self, work, lambda got: self._listed(text, *got))

    def _listed(self, text: str, records, total: int, refs) -> None:
        if text != self.search.text():
            return  # the user typed on: the newer search's answer is coming
        for f in self.kind.fields:
            if f.kind == "ref":
                self.form.set_ref_choices(f.key, refs[f.key], required=f.required)
        self.model.set_records(records, {key: dict(choices) for key, choices in refs.items()})
        self.loaded = True
        shown = len(records)
        if shown < total:
            self.count.setText(_("{shown} of {total}: search to narrow the list").format(shown=shown, total=total))
        else:
            self.count.setText(_("{n} in all").format(n=total))
        self._select(self.record.id)

    def _database_changed(self, changes: Changes) -> None:
        if not self.loaded or not (changes.tables & self._tables):
            return
        self.reload()
        if self.record.id is None or changes.source is self:
            return
        record_id = self.record.id

        def arrived(stored: Record) -> None:
            if stored.id != self.record.id or stored.version == self.record.version:
                return
            if self.dirty:
                self._say(_("Someone else changed this record meanwhile: saving will say so. Revert shows theirs."))
            else:
                self._show(stored)
                self._say(_("Updated with changes made elsewhere."))

        self._ops.query(self, lambda session: directory.get_record(session, self.kind, record_id), arrived, self._gone)

    def _gone(self, failure) -> None:
        self._say(failure.message, error=True)

    def _select(self, record_id: int | None) -> None:
        row = self.model.row_of(record_id) if record_id is not None else -1
        self.table.blockSignals(True)
        if row >= 0:
            self.table.selectRow(row)
        else:
            self.table.clearSelection()
        self.table.blockSignals(False)

    def _row_clicked(self, index: QModelIndex) -> None:
        record = self.model.record_at(index.row())
        if record is None or record.id == self.record.id:
            return
        if not self.leave():
            self._select(self.record.id)
            return
        self._show(record)

    def open_record(self, record_id: int):
        """Show the record with this id in the form (listing it first)."""
        if not self.loaded:
            self.reload()

        def arrived(record: Record) -> None:
            self._show(record)
            self._select(record_id)

        return self._ops.query(self, lambda session: directory.get_record(session, self.kind, record_id), arrived)

    def _show(self, record: Record) -> None:
        self.record = record
        self.form.set_values(record.values)
        self.dirty = False
        name = record.values.get("name")
        self.heading.setText(str(name) if name else _("New record"))  # plain text: a name is no markup
        self.delete_button.setEnabled(record.id is not None)
        self._say("")
        self._update_buttons()

    def new_record(self) -> None:
        if self.leave():
            self._show(Record(None, None, {}))
            self.table.clearSelection()
            self.form.widgets["name"].setFocus()

    # editing -------------------------------------------------------------------
    def _edited(self) -> None:
        self.dirty = True
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.save_button.setEnabled(self.dirty)
        self.revert_button.setEnabled(self.dirty)

    def revert(self) -> None:
        self._show(self.record)

    def leave(self) -> bool:
        """Before the form shows something else: True when nothing unsaved would be lost."""
        if not self.dirty:
            return True
        box = QMessageBox(
            QMessageBox.Question,
            _("Unsaved changes"),
            _("Save the changes to {name}?").format(name=self.record.values.get("name") or _("the new record")),
            QMessageBox.Save | QMessageBox.Discard | QMessageBox.Cancel,
            self,
        )
        self.leave_box = box
        answer = box.exec()
        if answer == QMessageBox.Save:
            return self.save().wait()  # the user waits for the save they asked for
        return answer == QMessageBox.Discard

    def save(self):
        """Save the form (off the GUI thread); returns the operation."""
        record, kind = Record(self.record.id, self.record.version, self.form.values()), self.kind

        def work(session) -> Record:
            record_id = directory.save_record(session, kind, record)
            session.flush()
            return directory.get_record(session, kind, record_id)

        def saved(stored: Record) -> None:
            self._show(stored)
            self._say(_("Saved."))

        self.save_button.setEnabled(False)
        return self._ops.write(self, work, saved, self._save_failed)

    def _save_failed(self, failure) -> None:
        self._update_buttons()
        error = failure.error
        if isinstance(error, ValidationError):
            self.form.show_error(error.path, error_text(error))  # in the interface language
            self._say(_("Not saved: see the field marked in red."), error=True)
        elif isinstance(error, ConflictError):
            self._say(_("Someone else changed this record since you opened it. Revert to see theirs."), error=True)
            self._reload_version()
        else:
            self._say(failure.message, error=True)

    def _reload_version(self) -> None:
        """After a conflict, Revert shows the stored record (the user's edits stay until then)."""
        if self.record.id is None:
            return
        record_id = self.record.id

        def arrived(stored: Record) -> None:
            self.record = stored

        def gone(_failure) -> None:
            self.record = Record(None, None, {})

        self._ops.query(self, lambda session: directory.get_record(session, self.kind, record_id), arrived, gone)

    def ask_delete(self) -> None:
        if self.record.id is None:
            return
        box = QMessageBox(
            QMessageBox.Warning,
            _("Delete"),
            _("Delete {name}? This cannot be undone.").format(name=self.record.values.get("name")),
            QMessageBox.Yes | QMessageBox.No,
            self,
        )
        box.setDefaultButton(QMessageBox.No)
        self.delete_box = box
        if box.exec() == QMessageBox.Yes:
            self.delete()

    def delete(self):
        """Delete the record shown (refused while a visit uses it); returns the operation."""
        kind, record = self.kind, self.record
        name = record.values.get("name")

        def deleted(_result) -> None:
            self._show(Record(None, None, {}))
            self._say(_("Deleted {name}.").format(name=name))

        def refused(failure) -> None:
            error = failure.error
            if isinstance(error, InUseError):
                names = table_names()
                where = list_text(f"{names.get(t, t)}: {n}" for t, n in sorted(error.uses.items()))
                self._say(
                    _("{name} is still used ({where}), so it was not deleted.").format(name=error.name, where=where),
                    error=True,
                )
            else:
                self._say(failure.message, error=True)

        return self._ops.write(
            self, lambda session: directory.delete_record(session, kind, record.id, record.version), deleted, refused
        )

    def _say(self, text: str, *, error: bool = False) -> None:
        self.message.setStyleSheet("color: #b00020;" if error else "color: #1b5e20;")
        self.message.setText(text)


class DirectoryPage(QTabWidget):
    """A page of record kinds, one tab each; a kind's list loads when its tab is first shown."""

    def __init__(self, ops: Ops, kinds: list[tuple[str, str]], *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editors: dict[str, RecordEditor] = {}
        for key, title in kinds:
            editor = RecordEditor(ops, KINDS[key], parent=self)
            self.editors[key] = editor
            self.addTab(editor, title)
        # A tab lists its records again each time it is shown: another tab may have changed the
        # records it picks from (the companies of visitors, the restaurants of dishes).
        self.currentChanged.connect(lambda _i: self.reload())

    def reload(self) -> None:
        editor = self.currentWidget()
        if editor is not None:
            editor.reload()

    def dirty_editors(self) -> list[RecordEditor]:
        return [e for e in self.editors.values() if e.dirty]


def clients_page(ops: Ops, parent: QWidget) -> DirectoryPage:
    return DirectoryPage(ops, [("companies", _("Companies")), ("visitors", _("Visitors"))], parent=parent)


def staff_page(ops: Ops, parent: QWidget) -> DirectoryPage:
    return DirectoryPage(ops, [("staff", _("Staff")), ("vehicles", _("Vehicles"))], parent=parent)


def places_page(ops: Ops, parent: QWidget) -> DirectoryPage:
    return DirectoryPage(
        ops,
        [
            ("hotels", _("Hotels")),
            ("restaurants", _("Restaurants")),
            ("dishes", _("Dishes")),
            ("tour_stops", _("Tour stops")),
        ],
        parent=parent,
    )
