"""Make a visit's documents: choose one, edit the letter's text, preview it (QtPdf), print or
save it. Documents are rendered by the domain from what was read of the visit; this dialog shows
the bytes, and stores the letter's text with the visit (its follow-up), so nothing typed is lost."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from hospitality_app.exports.pdf.language import LANGUAGES, language_of
from hospitality_app.fileio import atomic_write
from hospitality_app.i18n import _, current_language
from hospitality_app.services import documents, plans
from hospitality_app.services.documents import DocumentsInput
from hospitality_app.ui.background import run_in_background
from hospitality_app.ui.file_dialogs import save_file
from hospitality_app.ui.ops import ChangeFeed, Ops
from hospitality_app.ui.screen import fit_to_screen
from hospitality_app.ui.typed_text import typed_text


def read_documents_input(session, visit_id: int) -> DocumentsInput:
    return documents.documents_input(session, visit_id)


LANGUAGE_NAMES = {
    "en": "English",
    "zh_CN": "中文",
    "id": "Bahasa Indonesia",
    "ru": "Русский",
    "es": "Español",
    "tr": "Türkçe",
    "ar": "العربية",
    "de": "Deutsch",
    "fr": "Français",
    "pt": "Português (Brasil)",
    "it": "Italiano",
    "ja": "日本語",
    "ko": "한국어",
    "vi": "Tiếng Việt",
    "th": "ไทย",
}


class DocumentsDialog(QDialog):
    def __init__(self, ops: Ops, inputs: DocumentsInput, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ops, self._inputs = ops, inputs
        self._plan = inputs.plan
        self._visit_id = inputs.plan.id
        self.setWindowTitle(_("Documents — {visit}").format(visit=self._plan.title))
        fit_to_screen(self, 1180, 800)
        self.pdf_bytes = b""
        self.job = None  # the rendering or saving under way
        self._again = False
        self._pending_save: Path | None = None
        self.saved_path: Path | None = None

        self.kind = QComboBox(self)
        for key, text in (
            ("letter", _("Thank-you letter")),
            ("sign", _("Welcome sign")),
            ("brief", _("Staff brief")),
            ("manager_brief", _("Manager's brief (confidential)")),
            ("itinerary", _("Client itinerary")),
            ("timeline", _("Day timeline (staff)")),
            *(
                (f"timeline:{h.name}", _("Day timeline for {name}").format(name=h.name))
                for h in self._plan.hosts
                if "driver" in h.roles and h.name
            ),
        ):
            self.kind.addItem(text, key)
        self.language = QComboBox(self)
        for code in LANGUAGES:
            self.language.addItem(LANGUAGE_NAMES[code], code)
        self.language.setCurrentIndex(LANGUAGES.index(language_of(self._plan.client_locale)))
        self.size = QComboBox(self)
        self.size.addItems(["A4", "A3"])

        self.subject = QLineEdit(self)
        self.salutation = QLineEdit(self)
        self.opening = QPlainTextEdit(self)
        self.consensus = QPlainTextEdit(self)
        self.consensus.setPlaceholderText(_("One point per line"))
        self.minutes = QPlainTextEdit(self)
        self.next_steps = QPlainTextEdit(self)
        self.next_steps.setPlaceholderText(_("One step per line"))
        self.closing = QPlainTextEdit(self)
        for box in (self.opening, self.minutes, self.closing):
            box.setMaximumHeight(80)
        self.letter_form = QWidget(self)
        form = QFormLayout(self.letter_form)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(_("Subject:"), self.subject)
        form.addRow(_("Salutation:"), self.salutation)
        form.addRow(_("Opening:"), self.opening)
        form.addRow(_("Consensus:"), self.consensus)
        form.addRow(_("Minutes:"), self.minutes)
        form.addRow(_("Next steps:"), self.next_steps)
        form.addRow(_("Closing:"), self.closing)

        self.refresh_button = QPushButton(_("Update preview"), self)
        self.refresh_button.clicked.connect(self.refresh)
        self.store_button = QPushButton(_("Save the letter's text"), self)
        self.store_button.setToolTip(_("Kept with the visit (its follow-up): the planner shows it too."))
        self.store_button.clicked.connect(self.store_text)
        self.print_button = QPushButton(_("Print…"), self)
        self.print_button.clicked.connect(self.print_dialog)
        self.save_button = QPushButton(_("Save PDF…"), self)
        self.save_button.clicked.connect(self._choose_file)
        self.mark_sent = QCheckBox(_("Record the letter as sent today"), self)
        self.status = QLabel(self)
        self.status.setWordWrap(True)

        options = QFormLayout()
        options.addRow(_("Document:"), self.kind)
        options.addRow(_("Language:"), self.language)
        options.addRow(_("Paper:"), self.size)
        left = QWidget(self)
        column = QVBoxLayout(left)
        column.addLayout(options)
        column.addWidget(self.letter_form, 1)
        text_buttons = QHBoxLayout()
        text_buttons.addWidget(self.refresh_button)
        text_buttons.addWidget(self.store_button)
        column.addLayout(text_buttons)
        column.addWidget(self.mark_sent)
        buttons = QHBoxLayout()
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.save_button)
        column.addLayout(buttons)
        column.addWidget(self.status)
        column.addStretch(0)

        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self._buffer = QBuffer(self)
        split = QSplitter(Qt.Horizontal, self)
        split.addWidget(left)
        split.addWidget(self.view)
        split.setSizes([430, 750])
        layout = QVBoxLayout(self)
        layout.addWidget(split)

        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.language.currentIndexChanged.connect(self._language_changed)
        self.size.currentIndexChanged.connect(self.refresh)
        for box in (self.opening, self.consensus, self.minutes, self.next_steps, self.closing):
            box.textChanged.connect(self._text_edited)
        for box in (self.consensus, self.next_steps):
            box.textChanged.connect(self._listing_changed)
        for line in (self.subject, self.salutation):
            line.textEdited.connect(self._text_edited)
        self.text_dirty = False
        self._fill_letter()
        self._kind_changed()
        self._feed = ChangeFeed(ops, self._database_changed, parent=self)

    # letter text --------------------------------------------------------
    def _fill_letter(self) -> None:
        """The letter drafted in the chosen language, with the follow-up as stored (greeting,
        consensus, minutes, next steps)."""
        from hospitality_app.exports.pdf.letter import draft

        plan = self._inputs.plan
        self._draft = draft(
            plan, self._inputs.letterhead.name, datetime.now(UTC).date(), locale=self.language.currentData()
        )
        # What the letter reads with nothing stored: text that differs from it is what the user wrote.
        self._drafted = draft(
            replace(
                plan,
                follow_up=replace(plan.follow_up, greeting="", letter_subject="", letter_opening="", letter_closing=""),
            ),
            self._inputs.letterhead.name,
            datetime.now(UTC).date(),
            locale=self.language.currentData(),
        )
        d = self._draft
        self._filling = True
        self.subject.setText(d.subject)
        self.salutation.setText(d.salutation)
        self.opening.setPlainText(d.opening)
        self.consensus.setPlainText("\n".join(d.consensus))
        self.minutes.setPlainText(d.minutes)
        self.next_steps.setPlainText("\n".join(d.next_steps))
        self.closing.setPlainText(d.closing)
        self._filling = False
        self.text_dirty = False

    def _text_edited(self) -> None:
        if not getattr(self, "_filling", False):
            self.text_dirty = True

    def _closings(self) -> tuple[str, str]:
        from hospitality_app.exports.pdf.letter import closings

        return closings(self.language.currentData(), readers=len(self._inputs.plan.visitors))

    def _listing_changed(self) -> None:
        """A drafted closing follows what the letter lists: agreements or next steps typed in
        bring "We will follow up on each of these points", none leave the closing without it.
        A closing the user wrote stays as written."""
        if getattr(self, "_filling", False):
            return
        listing, plain = self._closings()
        closing = typed_text(self.closing).split()
        if closing not in (listing.split(), plain.split()):
            return
        wanted = listing if (typed_text(self.consensus).strip() or typed_text(self.next_steps).strip()) else plain
        if closing != wanted.split():
            self.closing.setPlainText(wanted)

    def follow_up(self):
        """The follow-up as the letter form now says it."""
        content, drafted = self.letter_content(), self._drafted

        def written(mine: str, default: str) -> str:
            # Compared word by word: an untouched text must stay untouched (drafted anew), also
            # where only its spacing differs.
            return "" if mine.split() == default.split() else mine.strip()

        return replace(
            self._inputs.plan.follow_up,
            greeting=written(content.salutation, drafted.salutation),
            letter_subject=written(content.subject, drafted.subject),
            letter_opening=written(content.opening, drafted.opening),
            # Either drafted closing is the draft's (the form switches between them): not written.
            letter_closing=""
            if content.closing.split() in [c.split() for c in self._closings()]
            else content.closing.strip(),
            consensus=content.consensus,
            minutes=content.minutes,
            next_steps=content.next_steps,
        )

    def store_text(self, *, sent: bool = False):
        """Store the letter's text (and, if asked, that it was sent today) with the visit: only what
        changed is written, so a colleague's edit of another part stays. Returns the operation."""
        follow_up = self.follow_up()
        if sent:
            follow_up = replace(follow_up, letter_sent=datetime.now(UTC).astimezone(self._plan.zone).date())
        plan = replace(self._inputs.plan, follow_up=follow_up)

        def work(session):
            plans.save(session, plan, now=datetime.now(UTC))
            return documents.documents_input(session, plan.id)

        def stored(inputs: DocumentsInput) -> None:
            self._inputs, self._plan = inputs, inputs.plan
            self.text_dirty = False
            self._say(_("The letter's text is saved with the visit.") if not sent else _("Recorded as sent today."))

        return self._ops.write(self, work, stored, lambda failure: self._say(failure.message, error=True))

    def _database_changed(self, changes) -> None:
        if changes.source is self or not changes.concerns_visit(self._visit_id):
            return

        def arrived(inputs: DocumentsInput) -> None:
            if inputs.plan == self._inputs.plan:
                return
            self._inputs, self._plan = inputs, inputs.plan
            if not self.text_dirty:
                self._fill_letter()
            self.refresh()

        visit_id = self._visit_id
        self._ops.query(self, lambda session: documents.documents_input(session, visit_id), arrived)

    def done(self, result: int) -> None:
        """Closing (Esc, the title bar's ✕) with letter text that is not saved, or with "sent
        today" ticked and not recorded, asks first."""
        unrecorded = self.mark_sent.isChecked() and self._plan.follow_up.letter_sent is None
        if self.text_dirty or unrecorded:
            box = QMessageBox(
                QMessageBox.Question,
                _("Unsaved letter"),
                _("Keep the letter's text with the visit before closing?"),
                QMessageBox.Save | QMessageBox.Discard | QMessageBox.Cancel,
                self,
            )
            self.close_box = box
            answer = box.exec()
            if answer == QMessageBox.Cancel:
                return
            if answer == QMessageBox.Save and not self.store_text(sent=self.mark_sent.isChecked()).wait():
                return  # not stored (the message says why): the dialog stays open
        super().done(result)

    def letter_content(self):
        def lines(box):
            return tuple(line.strip() for line in typed_text(box).splitlines() if line.strip())

        return replace(
            self._draft,
            subject=self.subject.text(),
            salutation=self.salutation.text(),
            opening=typed_text(self.opening),
            consensus=lines(self.consensus),
            minutes=typed_text(self.minutes),
            next_steps=lines(self.next_steps),
            closing=typed_text(self.closing),
        )

    def _language_changed(self) -> None:
        if self.kind.currentData() == "letter" and not self.text_dirty:
            self._fill_letter()  # typed text is never replaced by a draft in another language
        self.refresh()

    def _kind_changed(self) -> None:
        kind = self.kind.currentData()
        self.letter_form.setVisible(kind == "letter")
        self.mark_sent.setVisible(kind == "letter")
        self.language.setEnabled(kind in ("letter", "itinerary"))
        self.size.setEnabled(kind == "sign")
        self.refresh()

    # rendering ---------------------------------------------------------------
    def _renderer(self):
        """The rendering of the document as the dialog now shows it: the widgets are read here, on
        the GUI thread; the returned function runs on a worker thread."""
        kind, inputs = self.kind.currentData(), self._inputs
        language, size, content = self.language.currentData(), self.size.currentText(), self.letter_content()
        interface = current_language()

        def render() -> bytes:  # from what was read: no database here
            return documents.render_document(
                inputs,
                kind,
                language=language,
                interface=interface,
                size=size,
                content=content if kind == "letter" else None,
                now=datetime.now(UTC),
            )

        return render

    def refresh(self) -> None:
        """Render the chosen document off the GUI thread and preview it. A request that comes while
        one is rendering is remembered, and only the newest runs next."""
        if self.job is not None and not self.job.done:
            self._again = True
            return
        self._again = False
        render = self._renderer()
        self._say(_("Rendering…"))
        self.job = run_in_background(self, _("Rendering the document…"), render, self._rendered, self._failed)

    def _rendered(self, pdf: bytes) -> None:
        self.pdf_bytes = pdf
        self.document.close()
        self._buffer.close()
        self._buffer.setData(QByteArray(pdf))
        self._buffer.open(QIODevice.ReadOnly)
        self.document.load(self._buffer)
        self._say(_("Pages: {pages}").format(pages=self.document.pageCount()))
        self._next()

    def _failed(self, message: str) -> None:
        self._say(message, error=True)
        self._next()

    def _next(self) -> None:
        if self._again:
            self.refresh()
        elif self._pending_save is not None:
            path, self._pending_save = self._pending_save, None
            self._write(path)

    def idle(self) -> bool:
        """Nothing is rendering or being saved (tests wait for this)."""
        return (self.job is None or self.job.done) and not self._again and self._pending_save is None

    def _say(self, text: str, *, error: bool = False) -> None:
        self.status.setStyleSheet("color: #b00020;" if error else "")
        self.status.setText(text)

    # output ------------------------------------------------------------------
    def _choose_file(self) -> None:
        suggestion = Path.home() / f"{self.kind.currentData()}-{self._plan.company.name}.pdf"
        path = save_file(self, _("Save PDF"), suggestion, _("PDF files (*.pdf)"), suffix=".pdf")
        if path:
            self.save(path)

    def save(self, path: Path) -> None:
        """Save the current text as `path`: rendered first, then written (both off the GUI thread);
        the status line says how it went."""
        self._pending_save = path
        if self.job is not None and not self.job.done:
            return  # written when the rendering under way is done
        self._next()

    def _write(self, path: Path) -> None:
        render = self._renderer()
        letter = self.kind.currentData() == "letter"
        sent = letter and self.mark_sent.isChecked()

        def work() -> bytes:
            pdf = render()
            atomic_write(path, pdf)
            return pdf

        def written(pdf: bytes) -> None:
            self._rendered(pdf)
            self._say(_("Saved {path}").format(path=path))
            self.saved_path = path
            if letter and (sent or self.text_dirty):
                # The letter went out as written: its text (and that it was sent) stays with the visit.
                self.store_text(sent=sent).finished.connect(lambda: self._say(_("Saved {path}").format(path=path)))

        self.job = run_in_background(self, _("Saving the PDF…"), work, written, self._failed)

    def print_to(self, printer) -> None:
        """Print the current PDF page by page (rendered at the printer's resolution)."""
        painter = QPainter(printer)
        try:
            for page in range(self.document.pageCount()):
                if page:
                    printer.newPage()
                target = painter.viewport()
                points = self.document.pagePointSize(page)
                scale = min(target.width() / points.width(), target.height() / points.height())
                size = QSize(int(points.width() * scale), int(points.height() * scale))
                image = QImage(size, QImage.Format_ARGB32)
                # QPdfDocument renders onto transparency, which prints black: start from white.
                image.fill(QColor("white"))
                rendered = self.document.render(page, size)
                onto_white = QPainter(image)
                onto_white.drawImage(0, 0, rendered)
                onto_white.end()
                painter.drawImage(0, 0, image)
        finally:
            painter.end()

    def print_dialog(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QDialog.Accepted:
            self.print_to(printer)
            if self.kind.currentData() == "letter" and (self.mark_sent.isChecked() or self.text_dirty):
                self.store_text(sent=self.mark_sent.isChecked())  # printed as written: kept, and sent
