"""The documents dialog: edit the letter, preview it with QtPdf, save, print, mark as sent."""

from __future__ import annotations

import shutil
import subprocess
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt

from hospitality_app.services import demo, plans
from tests.ui.helpers import answer, settle


@pytest.fixture
def dialog(qtbot, db):
    from hospitality_app.ui.main_window import MainWindow

    with db.unit_of_work() as session:
        demo.create_demo_visits(session, now=datetime.now(UTC))
    win = MainWindow(db)
    qtbot.add_widget(win)
    win.show()
    settle(win)
    row = next(i for i in range(win.model.rowCount()) if "Sinar" in win.model.row_at(i).title)
    win.table.selectRow(row)
    win.open_documents()  # the visit is read off the GUI thread, then the dialog opens
    settle(win)
    dlg = win.documents_dialog
    qtbot.wait_exposed(dlg)
    qtbot.wait_until(dlg.idle)  # the first preview renders off the GUI thread
    yield dlg
    qtbot.wait_until(dlg.idle)
    settle(win)
    dlg.text_dirty = False  # closing the window must not ask about a test's letter
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
    settle(dialog._ops)  # the letter's text and "sent" are stored after the file is written
    assert dialog.status.text() == f"Saved {target}" and dialog.saved_path == target
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(target), "-"], capture_output=True, text=True).stdout
        assert "Pesanan percobaan 10.000 gelang" in text and "Harga USD 0,45 <final>" in text
    with db.unit_of_work() as session:
        plan = plans.load_plan(session, dialog._visit_id)
    assert plan.follow_up.letter_sent == datetime.now(UTC).astimezone(plan.zone).date()
    assert plan.follow_up.consensus == ("Pesanan percobaan 10.000 gelang", "Harga USD 0,45 <final>")
    dialog.grab().save(str(tmp_path / "documents-dialog.png"))


def test_switching_language_redrafts_the_letter(dialog, qtbot):
    change(qtbot, dialog, lambda: dialog.language.setCurrentIndex(dialog.language.findData("ar")))
    assert dialog.subject.text() == "شكرا لزيارتكم"
    assert dialog.document.pageCount() == 1


def test_a_thai_letter_s_drafted_date_keeps_its_no_break_spaces_through_the_text_box(dialog, qtbot):
    """Qt's toPlainText() makes no-break spaces plain: the date drafted to stay on one line
    ("27 มีนาคม พ.ศ. 2570") broke across lines once it had passed through the opening's box."""
    change(qtbot, dialog, lambda: dialog.language.setCurrentIndex(dialog.language.findData("th")))
    drafted = dialog._draft.opening
    assert "\u00a0พ.ศ.\u00a0" in drafted
    assert dialog.letter_content().opening == drafted
    dialog.minutes.setPlainText("ครั้งที่ 1\u00a0จาก 2\nบรรทัดที่สอง")
    assert dialog.letter_content().minutes == "ครั้งที่ 1\u00a0จาก 2\nบรรทัดที่สอง"  # lines kept as lines


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


def test_the_letters_text_survives_closing_and_is_asked_about(dialog, qtbot, db):
    from PySide6.QtWidgets import QMessageBox

    window = dialog.parent()
    dialog.next_steps.setPlainText("Send the quotation by Friday\nSamples in two weeks")
    answer(dialog, "close_box", QMessageBox.Cancel)
    dialog.reject()  # Esc
    assert dialog.isVisible() and dialog.text_dirty  # stayed: nothing typed is thrown away
    answer(dialog, "close_box", QMessageBox.Save)
    dialog.reject()
    settle(window)
    assert not dialog.isVisible()
    with db.unit_of_work() as session:
        plan = plans.load_plan(session, dialog._visit_id)
    assert plan.follow_up.next_steps == ("Send the quotation by Friday", "Samples in two weeks")
    window.open_documents()
    settle(window)
    again = window.documents_dialog
    assert again.next_steps.toPlainText() == "Send the quotation by Friday\nSamples in two weeks"
    qtbot.wait_until(again.idle)
    again.close()


def test_preferences_set_the_letterhead_and_refuse_a_missing_logo(qtbot, db, tmp_path):
    from PySide6.QtCore import QSettings

    from hospitality_app.services import documents, settings
    from hospitality_app.ui.dialogs.preferences import PreferencesDialog
    from hospitality_app.ui.ops import Ops

    ops = Ops(db)
    dialog = PreferencesDialog(ops, {key: "" for key in settings.KEYS})
    qtbot.add_widget(dialog)
    dialog.fields["company.name"].setText("厦门星光智能科技有限公司")
    dialog.fields["company.logo"].setText(str(tmp_path / "nope.png"))
    assert not dialog.save().wait()
    assert "no image at" in dialog.error.text()
    with db.unit_of_work() as session:
        assert settings.settings(session)["company.name"] == ""  # nothing half-saved
    dialog.fields["company.logo"].setText("")
    dialog.language.setCurrentIndex(dialog.language.findData("zh_CN"))
    assert dialog.save().wait()
    with db.unit_of_work() as session:
        assert documents.letterhead(session).name == "厦门星光智能科技有限公司"
    assert QSettings().value("language") == "zh_CN"
    ops.shutdown()


def test_a_subject_and_closing_written_by_hand_are_kept(dialog, qtbot, db):
    from tests.ui.helpers import type_text

    window = dialog.parent()
    dialog.subject.selectAll()
    type_text(qtbot, dialog.subject, "Terima kasih, Pak Budi")
    dialog.closing.setPlainText("Sampai jumpa di Jakarta.")
    assert dialog.text_dirty
    assert dialog.store_text().wait()
    with db.unit_of_work() as session:
        follow = plans.load_plan(session, dialog._visit_id).follow_up
    assert (follow.letter_subject, follow.letter_closing, follow.letter_opening) == (
        "Terima kasih, Pak Budi",
        "Sampai jumpa di Jakarta.",
        "",  # untouched: still drafted in whatever language the letter is written in
    )
    qtbot.wait_until(dialog.idle)
    dialog.close()
    settle(window)
    window.open_documents()
    settle(window)
    again = window.documents_dialog
    assert again.subject.text() == "Terima kasih, Pak Budi"
    assert again.closing.toPlainText() == "Sampai jumpa di Jakarta."
    qtbot.wait_until(again.idle)
    again.close()


def test_closing_with_sent_ticked_asks_and_records_it(dialog, qtbot, db):
    from PySide6.QtWidgets import QMessageBox

    window = dialog.parent()
    dialog.mark_sent.setChecked(True)
    answer(dialog, "close_box", QMessageBox.Save)
    dialog.reject()
    settle(window)
    with db.unit_of_work() as session:
        assert plans.load_plan(session, dialog._visit_id).follow_up.letter_sent is not None


def test_the_day_timeline_for_the_staff_and_for_each_driver(dialog, qtbot):
    kinds = [dialog.kind.itemData(i) for i in range(dialog.kind.count())]
    assert kinds[-2:] == ["timeline", "timeline:Chen Jie"]  # Chen Jie drives
    assert dialog.kind.itemText(kinds.index("timeline:Chen Jie")) == "Day timeline for Chen Jie"
    for kind in ("timeline", "timeline:Chen Jie"):
        change(qtbot, dialog, lambda kind=kind: dialog.kind.setCurrentIndex(dialog.kind.findData(kind)))
        assert dialog.document.pageCount() == 2, kind  # the arrival evening and the day
        size = dialog.document.pagePointSize(0)
        assert (round(size.width()), round(size.height())) == (842, 595)  # landscape
        assert not dialog.language.isEnabled()  # in the interface's language, as the brief


def test_preferences_refuse_a_bad_site_setting_beside_its_field_and_store_good_ones_one_way(qtbot, db):
    from hospitality_app.services import settings
    from hospitality_app.ui.dialogs.preferences import PreferencesDialog
    from hospitality_app.ui.ops import Ops

    ops = Ops(db)
    dialog = PreferencesDialog(ops, {key: "" for key in settings.KEYS})
    qtbot.add_widget(dialog)
    dialog.show()
    dialog.fields["site.country"].setText("China")
    dialog.fields["site.location"].setText("Xiamen")
    assert not dialog.save().wait()
    assert dialog.error.text() == "Location: 'Xiamen' is not a latitude and longitude such as 24.48,118.09"
    qtbot.wait_until(lambda: dialog.fields["site.location"].hasFocus())
    with db.unit_of_work() as session:
        assert settings.settings(session)["site.country"] == ""  # nothing half-saved
    dialog.fields["site.location"].setText("24.5795，118.0976")  # typed with a Chinese comma
    assert dialog.save().wait()
    with db.unit_of_work() as session:
        stored = settings.settings(session)
    assert (stored["site.country"], stored["site.location"]) == ("CN", "24.5795,118.0976")
    ops.shutdown()


def test_a_drafted_closing_follows_whether_the_letter_lists_agreements(dialog):
    from hospitality_app.exports.pdf.letter import closings

    listing, plain = closings(dialog.language.currentData(), readers=len(dialog._inputs.plan.visitors))
    dialog.consensus.setPlainText("")
    dialog.next_steps.setPlainText("")
    assert dialog.closing.toPlainText() == plain  # nothing listed: no "these points"
    dialog.consensus.setPlainText("Pesanan percobaan 10.000 gelang")
    assert dialog.closing.toPlainText() == listing
    dialog.consensus.setPlainText("")
    assert dialog.closing.toPlainText() == plain
    dialog.next_steps.setPlainText("Kirim sampel")
    assert dialog.closing.toPlainText() == listing
    assert dialog.follow_up().letter_closing == ""  # either draft is the draft, not written text
    dialog.closing.setPlainText("Sampai jumpa di Jakarta.")  # written by hand: it stays
    dialog.next_steps.setPlainText("")
    assert dialog.closing.toPlainText() == "Sampai jumpa di Jakarta."
    assert dialog.follow_up().letter_closing == "Sampai jumpa di Jakarta."
