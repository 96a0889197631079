"""Closing the planner without losing an edit: a window that is saving closes once the save has
succeeded (and stays open if it fails); one with unsaved changes asks first."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from hospitality_app.i18n import _


class AsksBeforeClosing:
    """Mixed into PlannerWindow, which gives `save_op`, `_close_after_save`, `dirty`, `save` and
    `_check_timer`."""

    def closing_after_save(self) -> bool:
        """Whether the window is saving, and closes itself once the save has succeeded."""
        return self._close_after_save and self.save_op is not None and not self.save_op.is_finished

    def closeEvent(self, event) -> None:
        if self.save_op is not None and not self.save_op.is_finished:
            self._close_after_save = True  # closes itself once saved (or stays open if it fails)
            event.ignore()
            return
        if self.dirty:
            box = QMessageBox(
                QMessageBox.Question,
                _("Unsaved changes"),
                _("Save the changes to this visit before closing?"),
                QMessageBox.Save | QMessageBox.Discard | QMessageBox.Cancel,
                self,
            )
            self.close_box = box
            answer = box.exec()
            if answer == QMessageBox.Cancel:
                event.ignore()
                return
            if answer == QMessageBox.Save:
                event.ignore()
                if self.save() is not None:
                    self._close_after_save = True  # closed when the save succeeded
                return
        self._check_timer.stop()
        super().closeEvent(event)
        self.closed.emit(self)
