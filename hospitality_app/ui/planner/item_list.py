"""A list of a plan's items beside the form that edits the selected one: the items are the plan's
own typed data (never text in cells), added, copied, removed and moved with buttons, the
keyboard (Insert, Delete, Ctrl+Up/Down) or the context menu."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import tzinfo
from zoneinfo import ZoneInfo

from PySide6.QtCore import QAbstractTableModel, QItemSelectionModel, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QBrush, QColor, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from hospitality_app.i18n import _
from hospitality_app.ui.planner.item_form import ItemForm


class ItemsModel(QAbstractTableModel):
    """The items, one per row; columns are (header, item → text shown)."""

    def __init__(self, columns: Sequence[tuple[str, Callable]], *, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self.items: list = []
        self.marked: Callable[[int], str] | None = None  # row → a finding's message, "" for none

    def set_items(self, items: Sequence) -> None:
        self.beginResetModel()
        self.items = list(items)
        self.endResetModel()

    def replace(self, row: int, item) -> None:
        self.items[row] = item
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.columns) - 1))

    def flags(self, index: QModelIndex):
        base = super().flags(index) | Qt.ItemIsDropEnabled
        return base | Qt.ItemIsDragEnabled if index.isValid() else base

    def supportedDropActions(self):
        return Qt.MoveAction

    def moveRows(self, source: QModelIndex, row: int, count: int, target: QModelIndex, to: int) -> bool:
        """Move `count` items from `row` to before `to` (what a drop in the list asks for)."""
        if source.isValid() or target.isValid() or count != 1 or not 0 <= row < len(self.items):
            return False
        to = max(0, min(to, len(self.items)))
        if to in (row, row + 1):
            return False
        if not self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), to):
            return False
        item = self.items.pop(row)
        self.items.insert(to - 1 if to > row else to, item)
        self.endMoveRows()
        return True

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.DisplayRole):
        if role != Qt.DisplayRole:
            return None
        if orientation == Qt.Horizontal and 0 <= section < len(self.columns):
            return self.columns[section][0]
        return section + 1 if orientation == Qt.Vertical else None

    def data(self, index: QModelIndex, role: int = Qt.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.items):
            return None
        if role in (Qt.DisplayRole, Qt.ToolTipRole):
            text = str(self.columns[index.column()][1](self.items[index.row()]))
            if role == Qt.ToolTipRole:
                mark = self.marked(index.row()) if self.marked else ""
                return f"{text}\n{mark}" if mark else text
            return text
        if role == Qt.ForegroundRole and self.marked and self.marked(index.row()):
            return QBrush(QColor("#b00020"))
        return None


class ItemsView(QTableView):
    """The list; a row dragged and dropped is moved in the model, never copied or removed."""

    def dropEvent(self, event) -> None:
        if event.source() is not self:
            event.ignore()
            return
        source = self.currentIndex().row()
        target = self.indexAt(event.position().toPoint())
        to = target.row() if target.isValid() else self.model().rowCount()
        if target.isValid() and self.dropIndicatorPosition() == QAbstractItemView.BelowItem:
            to += 1
        if source >= 0:
            self.model().moveRow(QModelIndex(), source, QModelIndex(), to)
        # Not a MoveAction: the view would then remove the dragged row from the model itself.
        event.setDropAction(Qt.IgnoreAction)
        event.accept()


class ItemList(QWidget):
    """Signals:
    changed: an item was edited, added, removed or moved.
    current_changed: another item (or none) is selected, or the items were shown anew.
    removed(object): the user removed this item (before `changed`).
    """

    changed = Signal()
    current_changed = Signal()
    removed = Signal(object)

    def __init__(
        self,
        columns: Sequence[tuple[str, Callable]],
        form: ItemForm,
        new_item: Callable[[], object],
        *,
        empty: str,
        nouns: tuple[str, str] = ("", ""),
        adjust: Callable[[object, object], object] | None = None,
        vertical: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        """`adjust(before, after)`: the item as an edit should leave it (a saved hotel's details
        filled in when its name is picked); `vertical`: the form under the list, not beside it."""
        super().__init__(parent)
        self.form, self.new_item, self.adjust = form, new_item, adjust
        self.first_key = ""  # the field the cursor goes to in a new item; "": the first
        self.vertical = vertical
        self.zone: tzinfo = ZoneInfo("UTC")
        self.model = ItemsModel(columns, parent=self)
        self.view = ItemsView(self)
        self.view.setModel(self.model)
        self.view.setDragDropMode(QAbstractItemView.InternalMove)
        self.view.setDragDropOverwriteMode(False)
        self.view.setDropIndicatorShown(True)
        self.model.rowsMoved.connect(self._rows_moved)
        self.view.setSelectionBehavior(QAbstractItemView.SelectRows)
        # Ctrl- and Shift-click select several items to remove together; the form shows the current.
        self.view.setSelectionMode(QAbstractItemView.ExtendedSelection)
        self.view.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.view.setTabKeyNavigation(False)  # Tab leaves the list for the form
        self.view.setWordWrap(False)
        self.view.setTextElideMode(Qt.ElideRight)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.Interactive)
        header.setStretchLastSection(True)
        header.setMinimumSectionSize(60)
        header.setMaximumSectionSize(260)  # a long title is elided, not pushing the others out of sight
        self.view.verticalHeader().setDefaultSectionSize(self.view.fontMetrics().height() + 10)
        self.view.selectionModel().currentRowChanged.connect(self._row_changed)
        self.view.setContextMenuPolicy(Qt.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._menu)
        add_text, _plural = nouns
        self.add_action = self._action(add_text or _("Add"), QKeySequence(Qt.Key_Insert), self.add)
        self.copy_action = self._action(_("Duplicate"), QKeySequence("Ctrl+D"), self.duplicate)
        self.remove_action = self._action(_("Remove"), QKeySequence(QKeySequence.Delete), self.remove)
        self.up_action = self._action(_("Move up"), QKeySequence("Ctrl+Up"), lambda: self.move(-1))
        self.down_action = self._action(_("Move down"), QKeySequence("Ctrl+Down"), lambda: self.move(1))
        self.buttons = QHBoxLayout()
        # Duplicate is in the context menu and on Ctrl+D: without its button the list stays narrow
        # enough for the form beside it on a 1024-pixel screen.
        for action in (self.add_action, self.remove_action, self.up_action, self.down_action):
            if action in (self.up_action, self.down_action):  # arrows: the row of buttons fits a narrow list
                button = QToolButton(self)
                button.setArrowType(Qt.UpArrow if action is self.up_action else Qt.DownArrow)
                button.setAccessibleName(action.text())
            else:
                button = QPushButton(action.text(), self)
            button.setToolTip(f"{action.text()} ({action.shortcut().toString(QKeySequence.NativeText)})")
            button.clicked.connect(action.trigger)
            action.changed.connect(lambda b=button, a=action: b.setEnabled(a.isEnabled()))
            self.buttons.addWidget(button)
        self.add_button = self.buttons.itemAt(0).widget()
        self.remove_button = self.buttons.itemAt(1).widget()
        self.buttons.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(form)
        self.scroll = scroll
        self.placeholder = QLabel(empty, self)
        self.placeholder.setWordWrap(True)
        self.placeholder.setAlignment(Qt.AlignCenter)
        self.placeholder.setStyleSheet("color: palette(mid); padding: 24px;")
        self.detail = QStackedWidget(self)
        self.detail.addWidget(self.placeholder)
        self.detail.addWidget(scroll)
        left = QWidget(self)
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.view)
        column.addLayout(self.buttons)
        self.split = QSplitter(Qt.Vertical if vertical else Qt.Horizontal, self)
        self.split.addWidget(left)
        self.split.addWidget(self.detail)
        self.split.setStretchFactor(0, 2)
        self.split.setStretchFactor(1, 3)
        self.split.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.split)
        form.changed.connect(self._form_edited)
        self._update_actions()

    def showEvent(self, event) -> None:
        # Once, when first shown: a third for the list, the rest for the form, whatever the
        # table's own size hint asks (on a small screen it would squeeze the form).
        if not getattr(self, "_split_set", False) and not self.vertical:
            self._split_set = True
            QTimer.singleShot(0, self._share_width)  # once laid out, when the width is known
        super().showEvent(event)

    def _share_width(self) -> None:
        width = self.split.width()
        self.split.setSizes([width // 3, width - width // 3])

    def _action(self, text: str, keys: QKeySequence, slot) -> QAction:
        action = QAction(text, self)
        action.setShortcut(keys)
        action.setShortcutContext(Qt.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        self.view.addAction(action)
        return action

    def _menu(self, point) -> None:
        menu = QMenu(self)
        for action in (self.add_action, self.copy_action, self.remove_action, None, self.up_action, self.down_action):
            if action is None:
                menu.addSeparator()
            else:
                menu.addAction(action)
        self.context_menu = menu
        menu.popup(self.view.viewport().mapToGlobal(point))

    # the items -------------------------------------------------------------------
    def items(self) -> list:
        return list(self.model.items)

    def set_items(self, items: Sequence, zone: tzinfo) -> None:
        """Show `items`; the row selected stays selected (after a save or an undo)."""
        row = self.current_row()
        self.zone = zone
        self.model.set_items(items)
        self.view.resizeColumnsToContents()  # dates and times shown whole; the last column stretches
        self.select(min(row, len(items) - 1) if row >= 0 else (0 if items else -1))

    def current_row(self) -> int:
        index = self.view.selectionModel().currentIndex()
        return index.row() if index.isValid() else -1

    def current(self):
        row = self.current_row()
        return self.model.items[row] if row >= 0 else None

    def select(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            self.view.selectionModel().setCurrentIndex(
                self.model.index(row, 0), QItemSelectionModel.ClearAndSelect | QItemSelectionModel.Rows
            )
        else:
            self.view.selectionModel().clearCurrentIndex()
            self.view.clearSelection()
        self._row_changed()

    def _row_changed(self, *_args) -> None:
        item = self.current()
        if item is None:
            self.detail.setCurrentIndex(0)
        else:
            self.form.show_item(item, self.zone)
            self.detail.setCurrentIndex(1)
        self._update_actions()
        self.current_changed.emit()

    def _update_actions(self) -> None:
        row, count = self.current_row(), self.model.rowCount()
        for action in (self.copy_action, self.remove_action):
            action.setEnabled(row >= 0)
        self.up_action.setEnabled(row > 0)
        self.down_action.setEnabled(0 <= row < count - 1)

    def _form_edited(self) -> None:
        row = self.current_row()
        if row < 0:
            return
        self.form.show_error(None, "")  # the field is being corrected: the old complaint goes
        read = self.form.read(self.model.items[row])
        if self.adjust is not None:
            adjusted = self.adjust(self.model.items[row], read)
            if adjusted != read:
                self.form.show_fields(adjusted, read)
                read = adjusted
        self.model.replace(row, read)
        self.changed.emit()

    def mark(self, marks: dict[int, str]) -> None:
        """Show the rows that findings concern in red, with the finding in the tooltip."""
        self.model.marked = marks.get if marks else None
        if self.model.rowCount():
            self.model.dataChanged.emit(
                self.model.index(0, 0), self.model.index(self.model.rowCount() - 1, len(self.model.columns) - 1)
            )

    def add(self) -> None:
        self._insert(self.model.rowCount(), self.new_item())
        first = self.form.widgets.get(self.first_key) or next(iter(self.form.widgets.values()), None)
        if first is not None:
            first.setFocus()
            self.scroll.ensureWidgetVisible(first)  # the cursor where the user can see it

    def duplicate(self) -> None:
        item = self.current()
        if item is not None:
            fields = {"id": None} if hasattr(item, "id") else {}
            self._insert(self.current_row() + 1, replace(item, **fields))

    def extend(self, new: Sequence) -> None:
        """Add `new` at the end, the first of them selected (one edit, one undo step)."""
        if not new:
            return
        first = self.model.rowCount()
        self.model.set_items([*self.items(), *new])
        self.view.resizeColumnsToContents()
        self.select(first)
        self.changed.emit()

    def _insert(self, row: int, item) -> None:
        items = self.items()
        items.insert(row, item)
        self.model.set_items(items)
        self.view.resizeColumnsToContents()
        self.select(row)
        self.changed.emit()

    def remove(self) -> None:
        """Remove the selected items (the current one when the selection is empty)."""
        rows = sorted({i.row() for i in self.view.selectionModel().selectedRows()}) or [self.current_row()]
        rows = [row for row in rows if row >= 0]
        if not rows:
            return
        items = self.items()
        gone = [items[row] for row in rows]
        items = [item for row, item in enumerate(items) if row not in rows]
        self.model.set_items(items)
        for item in gone:
            self.removed.emit(item)
        self.select(min(rows[0], len(items) - 1))
        self.view.setFocus()
        self.changed.emit()

    def move(self, step: int) -> None:
        row = self.current_row()
        to = row + step
        if row < 0 or not 0 <= to < self.model.rowCount():
            return
        items = self.items()
        items[row], items[to] = items[to], items[row]
        self.model.set_items(items)
        self.select(to)
        self.changed.emit()

    def _rows_moved(self, _parent, row: int, _end: int, _target, to: int) -> None:
        self.select(to - 1 if to > row else to)
        self.changed.emit()

    def focus(self, row: int, key: str | None = None, message: str = "") -> None:
        """Select the item and put the cursor in its field (`key`), with a message under it."""
        if not 0 <= row < self.model.rowCount():
            return
        self.select(row)
        if key in self.form.widgets:
            self.form.show_error(key, message)
            self.form.widgets[key].setFocus()
            self.scroll.ensureWidgetVisible(self.form.widgets[key])
        else:
            self.view.setFocus()
