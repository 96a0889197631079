"""Make the README's screenshots from the demo data: python scripts/screenshots.py [OUT_DIR]."""

from __future__ import annotations

import os
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> int:
    from PySide6.QtWidgets import QApplication

    from hospitality_app.config import sqlite_url
    from hospitality_app.db.session import open_database
    from hospitality_app.i18n import set_language
    from hospitality_app.services import checklists, demo
    from hospitality_app.ui.main import install_qt_translator
    from hospitality_app.ui.main_window import MainWindow

    out = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        db = open_database(sqlite_url(Path(tmp) / "demo.sqlite3"))
        with db.unit_of_work() as session:
            ids = demo.create_demo_visits(session, now=datetime.now(UTC))
            checklists.apply_templates(session, ids[0], ["standard", "key_account"], now=datetime.now(UTC))
        for language in ("en", "zh_CN"):
            set_language(language)
            install_qt_translator(app, language)
            window = MainWindow(db)
            window.resize(1360, 800)
            window.show()

            def settle(window=window) -> None:
                """The window reads and writes off the GUI thread: wait until it has, then paint."""
                window.ops.wait_idle(60_000)
                app.processEvents()
                window.ops.wait_idle(60_000)
                app.processEvents()

            settle()
            model = window.model
            row = next(i for i in range(model.rowCount()) if "Sinar" in model.row_at(i).title)
            window.table.selectRow(row)
            settle()
            path = out / f"main-window-{language}.png"
            window.grab().save(str(path))
            print(path)
            window.tabs.setCurrentWidget(window.checklist)
            app.processEvents()
            path = out / f"checklist-{language}.png"
            window.grab().save(str(path))
            print(path)
            window.tabs.setCurrentIndex(0)
            for index, name in ((1, "dashboard"), (2, "calendar"), (3, "outcomes")):
                window.pages.setCurrentIndex(index)
                settle()
                path = out / f"{name}-{language}.png"
                window.grab().save(str(path))
                print(path)
            for key, kind, name in (
                ("clients", "visitors", "Budi Santoso"),
                ("places", "dishes", "Sweet and sour pork"),
            ):
                window.pages.setCurrentWidget(window.lazy[key])
                settle()
                page = window.lazy[key].content
                editor = page.editors[kind]
                page.setCurrentWidget(editor)
                settle()
                model = editor.model
                row = next(i for i in range(model.rowCount()) if model.record_at(i).values["name"] == name)
                editor.open_record(model.record_at(row).id)
                settle()
                path = out / f"{key}-{language}.png"
                window.grab().save(str(path))
                print(path)
            window.pages.setCurrentIndex(0)
            planner = window.open_selected()
            planner.resize(1280, 800)
            settle()
            for name in ("overview", "visitors", "pickups", "meals", "tour", "agenda"):
                planner.tabs.setCurrentWidget(planner.editors[name])
                if name == "meals":  # the pork dish, marked, and what it contains
                    planner.editors[name].dishes.list.select(2)
                settle()
                path = out / f"planner-{name}-{language}.png"
                planner.grab().save(str(path))
                print(path)
            planner.dirty = False
            planner.close()
            docs = window.open_documents()
            settle()
            docs = window.documents_dialog
            deadline = time.monotonic() + 2  # QPdfView renders pages in a worker thread
            while time.monotonic() < deadline:
                app.processEvents()
                time.sleep(0.05)
            path = out / f"documents-{language}.png"
            docs.grab().save(str(path))
            print(path)
            docs.close()
            dialog = window.export_calendar()
            settle()
            dialog = window.calendar_dialog
            dialog.person.setCurrentIndex(dialog.person.findData("Chen Jie"))
            app.processEvents()
            path = out / f"calendar-export-{language}.png"
            dialog.grab().save(str(path))
            print(path)
            dialog.close()
            window.close()
        db.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
