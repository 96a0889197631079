"""The documents dialog: edit the letter, preview it with QtPdf, save, print, mark as sent."""

from __future__ import annotations

import shutil
import subprocess
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt

from hospitality_app.services import demo, plans


@pytest.fixture
def dialog(qtbot, db):
    from hospitality_app.ui.main_window import MainWindow

    with db.unit_of_work() as session:
        demo.create_demo_visits(session, now=datetime.now(UTC))
    win = MainWindow(db)
    qtbot.add_widget(win)
    win.show()
    row = next(i for i in range(win.model.rowCount()) if "Sinar" in win.model.row_at(i).title)
    win.table.selectRow(row)
    dlg = win.open_documents()
    qtbot.wait_exposed(dlg)
    qtbot.wait_until(dlg.idle)  # the first preview renders off the GUI thread
    yield dlg
    qtbot.wait_until(dlg.idle)
    del win  # the window owns the dialog: keep it alive for the test


def change(qtbot, dialog, act):
    """Do what the user does, then wait for the preview (rendered off the GUI thread)."""
    act()
    assert not dialog.idle()
    qtbot.wait_until(dialog.idle)


def test_letter_is_drafted_in_the_client_language_and_previewed(dialog):
    assert dialog.language.currentData() == "id"
    assert dialog.subject.text() == "Terima kasih atas kunjungan Anda"
    assert dialog.document.pageCount() == 1
    assert dialog.pdf_bytes.startswith(b"%PDF")


def test_edited_text_reaches_the_pdf_and_saving_marks_the_letter_sent(dialog, tmp_path, db, qtbot):
    dialog.consensus.setPlainText("Pesanan percobaan 10.000 gelang\nHarga USD 0,45 <final>")
    change(qtbot, dialog, lambda: qtbot.mouseClick(dialog.refresh_button, Qt.LeftButton))
    dialog.mark_sent.setChecked(True)
    target = tmp_path / "surat.pdf"
    change(qtbot, dialog, lambda: dialog.save(target))
    assert dialog.status.text() == f"Saved {target}" and dialog.saved_path == target
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(target), "-"], capture_output=True, text=True).stdout
        assert "Pesanan percobaan 10.000 gelang" in text and "Harga USD 0,45 <final>" in text
    with db.unit_of_work() as session:
        plan = plans.load_plan(session, dialog._visit_id)
    assert plan.follow_up.letter_sent == datetime.now(UTC).date()
    dialog.grab().save(str(tmp_path / "documents-dialog.png"))


def test_switching_language_redrafts_the_letter(dialog, qtbot):
    change(qtbot, dialog, lambda: dialog.language.setCurrentIndex(dialog.language.findData("ar")))
    assert dialog.subject.text() == "شكرا لزيارتكم"
    assert dialog.document.pageCount() == 1


def test_sign_brief_and_itinerary_preview(dialog, qtbot):
    for kind, pages in (("sign", 1), ("itinerary", 1), ("brief", 2)):
        change(qtbot, dialog, lambda kind=kind: dialog.kind.setCurrentIndex(dialog.kind.findData(kind)))
        assert dialog.document.pageCount() >= pages, kind
        assert not dialog.letter_form.isVisible()
    change(qtbot, dialog, lambda: dialog.kind.setCurrentIndex(dialog.kind.findData("sign")))
    change(qtbot, dialog, lambda: dialog.size.setCurrentText("A3"))
    size = dialog.document.pagePointSize(0)
    assert (round(size.width()), round(size.height())) == (1191, 842)


def test_print_to_a_pdf_printer(dialog, tmp_path):
    from PySide6.QtPrintSupport import QPrinter

    printer = QPrinter(QPrinter.HighResolution)
    printer.setOutputFormat(QPrinter.PdfFormat)
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    printer.setResolution(100)
    dialog.print_to(printer)
    assert out.read_bytes().startswith(b"%PDF") and out.stat().st_size > 10_000


def test_save_error_is_shown(dialog, tmp_path, qtbot):
    change(qtbot, dialog, lambda: dialog.save(tmp_path / "missing" / "x.pdf"))
    assert "does not exist" in dialog.status.text() and dialog.saved_path is None


def test_requests_while_rendering_end_with_the_newest_document(dialog, qtbot, tmp_path):
    target = tmp_path / "sign.pdf"

    def many():
        dialog.kind.setCurrentIndex(dialog.kind.findData("brief"))  # starts rendering
        dialog.kind.setCurrentIndex(dialog.kind.findData("sign"))  # remembered: runs next
        dialog.size.setCurrentText("A3")
        dialog.save(target)  # after the newest preview

    change(qtbot, dialog, many)
    size = dialog.document.pagePointSize(0)
    assert (round(size.width()), round(size.height())) == (1191, 842)
    assert target.read_bytes() == dialog.pdf_bytes and dialog.status.text() == f"Saved {target}"


def test_preferences_set_the_letterhead_and_refuse_a_missing_logo(qtbot, db, tmp_path):
    from PySide6.QtCore import QSettings

    from hospitality_app.services import documents
    from hospitality_app.ui.dialogs.preferences import PreferencesDialog

    dialog = PreferencesDialog(db)
    qtbot.add_widget(dialog)
    dialog.fields["company.name"].setText("厦门星光智能科技有限公司")
    dialog.fields["company.logo"].setText(str(tmp_path / "nope.png"))
    dialog.save()
    assert "no image at" in dialog.error.text()
    with db.unit_of_work() as session:
        assert documents.settings(session)["company.name"] == ""  # nothing half-saved
    dialog.fields["company.logo"].setText("")
    dialog.language.setCurrentIndex(dialog.language.findData("zh_CN"))
    dialog.save()
    with db.unit_of_work() as session:
        assert documents.letterhead(session).name == "厦门星光智能科技有限公司"
    assert QSettings().value("language") == "zh_CN"
