"""The planner's Overview tab: the visit (title, purpose, status, dates in its zone, where we meet)
and the client company — the country, time zone and language picked by name, not typed as codes."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from hospitality_app import vocab
from hospitality_app.errors import ValidationError
from hospitality_app.i18n import _, label
from hospitality_app.services.dto import VisitPlan
from hospitality_app.services.saved import SavedNames
from hospitality_app.ui.planner.editors import Editor
from hospitality_app.ui.planner.pickers import CountryBox, LanguageBox, ZoneBox, default_locale
from hospitality_app.ui.planner.widgets import LocalDateTime, completer
from hospitality_app.ui.record_form import error_label
from hospitality_app.ui.typed_text import typed_text


class OverviewEditor(Editor):
    def __init__(self, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLineEdit(self)
        self.title.setPlaceholderText(_("Such as: PT Sinar Jaya — first factory visit"))
        self.purpose = QLineEdit(self)
        self.status = QComboBox(self)
        for code in vocab.VISIT_STATUSES:
            self.status.addItem(label(code), code)
        self.timezone = ZoneBox(parent=self)
        self.start = LocalDateTime("Asia/Shanghai", parent=self)
        self.end = LocalDateTime("Asia/Shanghai", parent=self)
        self.office = QLineEdit(self)
        self.office.setPlaceholderText(_("Where the meeting is held (for the calendar and the itinerary)"))
        self.key_account = QCheckBox(_("Key account"), self)
        self.first_visit = QCheckBox(_("First visit"), self)
        self.company = QLineEdit(self)
        self.country = CountryBox(parent=self)
        self.city = QLineEdit(self)
        self.website = QLineEdit(self)
        self.locale = LanguageBox(parent=self)
        self.gifts_forbidden = QCheckBox(_("The client's company forbids gifts"), self)
        self.research = QPlainTextEdit(self)
        self.research.setTabChangesFocus(True)
        self.research.setMaximumHeight(80)
        self.research.setPlaceholderText(_("What we know about the client: business, size, what they buy today"))
        self.errors: dict[str, QLabel] = {}
        self.captions: dict[str, str] = {}
        visit = QGroupBox(_("Visit"), self)
        visit_form = QFormLayout(visit)
        for path, text, widget in (
            ("visit.title", _("Visit:"), self.title),
            ("visit.purpose", _("Purpose:"), self.purpose),
            ("visit.status", _("Status:"), self.status),
            ("visit.timezone", _("Time zone:"), self.timezone),
            ("visit.start", _("Start:"), self.start),
            ("visit.end", _("End:"), self.end),
            ("visit.office_address", _("Meeting address:"), self.office),
        ):
            self._row(visit_form, path, text, widget)
        flags = QHBoxLayout()
        flags.addWidget(self.key_account)
        flags.addWidget(self.first_visit)
        flags.addStretch(1)
        visit_form.addRow(flags)
        client = QGroupBox(_("Client"), self)
        client_form = QFormLayout(client)
        for path, text, widget in (
            ("company.name", _("Company:"), self.company),
            ("company.country", _("Country:"), self.country),
            ("company.city", _("City:"), self.city),
            ("company.website", _("Website:"), self.website),
            ("visit.client_locale", _("Client's language:"), self.locale),
            ("company.research", _("What we know:"), self.research),
        ):
            self._row(client_form, path, text, widget)
        client_form.addRow(self.gifts_forbidden)
        layout = QHBoxLayout(self)
        layout.addWidget(visit, 1)
        column = QVBoxLayout()
        column.addWidget(client)
        column.addStretch(1)
        layout.addLayout(column, 1)
        for w in (self.title, self.company, self.city, self.purpose, self.office, self.website):
            w.textEdited.connect(self.changed)
        self.research.textChanged.connect(self._research_edited)
        for box in (self.timezone, self.locale, self.status):
            box.currentIndexChanged.connect(self.changed)
            if box.isEditable():
                box.editTextChanged.connect(self.changed)
        self.country.currentIndexChanged.connect(self._country_chosen)
        self.country.editTextChanged.connect(self.changed)
        self.timezone.currentIndexChanged.connect(self._zone_chosen)
        for w in (self.start, self.end):
            w.dateTimeChanged.connect(self.changed)
        for w in (self.key_account, self.first_visit, self.gifts_forbidden):
            w.toggled.connect(self.changed)
        self._loading = False

    def _row(self, form: QFormLayout, path: str, text: str, widget: QWidget) -> None:
        cell = QWidget(self)
        column = QVBoxLayout(cell)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        error = error_label(cell)
        column.addWidget(error)
        caption = QLabel(text, self)
        caption.setBuddy(widget)
        form.addRow(caption, cell)
        self.errors[path] = error
        self.captions[path] = text.rstrip(":：")

    @property
    def fields(self) -> dict[str, QWidget]:
        return {
            "visit.title": self.title,
            "visit.purpose": self.purpose,
            "visit.status": self.status,
            "visit.timezone": self.timezone,
            "visit.start": self.start,
            "visit.end": self.end,
            "visit.office_address": self.office,
            "visit.client_locale": self.locale,
            "company.name": self.company,
            "company.country": self.country,
            "company.city": self.city,
            "company.website": self.website,
            "company.research": self.research,
            "company.gift_policy": self.gifts_forbidden,
        }

    def _research_edited(self) -> None:
        if not self._loading:
            self.changed.emit()

    def _country_chosen(self) -> None:
        """The client's language follows the country unless the user chose another one."""
        if self._loading:
            return
        country = self.country.code() or ""
        before = self.locale.code()
        self.locale.offer_country(country)
        if before in ("", "en", None, self._default_locale):
            self._default_locale = default_locale(country) or before or "en"
            self.locale.set_code(self._default_locale)
        self.changed.emit()

    def _zone_chosen(self) -> None:
        zone = self.timezone.code()
        if zone and not self._loading:
            for w in (self.start, self.end):  # the same wall-clock time, in the zone chosen
                w.set_zone(zone)

    def offer(self, saved: SavedNames) -> None:
        self._saved = saved
        self.company.setCompleter(completer(saved.companies, self.company))
        self.company.completer().activated.connect(self._company_chosen)

    def _company_chosen(self, name: str) -> None:
        """A saved company picked from the list: the visit becomes that company's (with what we
        know about it), rather than this one renamed."""
        known = self._saved.companies.get(name)
        if known is None:
            return
        self._company = known
        self._loading = True
        self.country.set_code(known.country)
        self.city.setText(known.city)
        self.website.setText(known.website)
        self.research.setPlainText(known.research)
        self.gifts_forbidden.setChecked(known.gift_policy == "forbids")
        self._loading = False
        self._country_chosen()

    def load(self, plan: VisitPlan) -> None:
        self._loading = True
        self.blockSignals(True)
        self._company = plan.company
        self.title.setText(plan.title)
        self.company.setText(plan.company.name)
        self.country.set_code(plan.company.country)
        self.city.setText(plan.company.city)
        self.website.setText(plan.company.website)
        if typed_text(self.research) != plan.company.research:
            self.research.setPlainText(plan.company.research)
        self.purpose.setText(plan.purpose)
        self.office.setText(plan.office_address)
        self.status.setCurrentIndex(vocab.VISIT_STATUSES.index(plan.status))
        self.timezone.set_code(plan.timezone)
        for w, moment in ((self.start, plan.start), (self.end, plan.end)):
            w.set_zone(plan.timezone)
            w.set_moment(moment)
        self.key_account.setChecked(plan.key_account)
        self.first_visit.setChecked(plan.first_visit)
        self.gifts_forbidden.setChecked(plan.company.gift_policy == "forbids")
        self.locale.offer_country(plan.company.country)
        self.locale.set_code(plan.client_locale)
        self._default_locale = default_locale(plan.company.country) or ""
        self.blockSignals(False)
        self._loading = False
        self.show_error(None, "")
        for line in self.findChildren(QLineEdit):  # long texts show their beginning
            line.setCursorPosition(0)

    def apply(self, plan: VisitPlan) -> VisitPlan:
        tz = self.timezone.code()
        if not tz:
            raise ValidationError(
                "visit.timezone", _("no time zone is called “{text}”").format(text=self.timezone.currentText())
            )
        country = self.country.code()
        if country is None:
            raise ValidationError(
                "company.country", _("no country is called “{text}”").format(text=self.country.currentText())
            )
        locale = self.locale.code()
        if locale is None:
            raise ValidationError(
                "visit.client_locale", _("no language is called “{text}”").format(text=self.locale.currentText())
            )
        zoned = replace(plan, timezone=tz)
        company = replace(
            getattr(self, "_company", plan.company),
            name=self.company.text().strip(),
            country=country,
            city=self.city.text().strip(),
            website=self.website.text().strip(),
            research=typed_text(self.research).strip(),
            gift_policy="forbids" if self.gifts_forbidden.isChecked() else "accepts",
        )
        return replace(
            zoned,
            title=self.title.text().strip(),
            company=company,
            purpose=self.purpose.text().strip(),
            office_address=self.office.text().strip(),
            status=self.status.currentData(),
            start=self.start.moment(zoned.zone),
            end=self.end.moment(zoned.zone),
            key_account=self.key_account.isChecked(),
            first_visit=self.first_visit.isChecked(),
            client_locale=locale or "en",
        )

    def show_error(self, path: str | None, message: str) -> None:
        self.show_errors({path: message} if path else {})

    def show_errors(self, messages: dict[str, str]) -> None:
        """Each message under its field (the path it names); the other fields' cleared."""
        for key, error in self.errors.items():
            error.setText(messages.get(key, ""))
            error.setVisible(bool(messages.get(key)))

    def keep_errors(self, paths: set[str]) -> None:
        """The messages under fields that are still wrong stay; the corrected fields' go."""
        for key, error in self.errors.items():
            if key not in paths:
                error.setText("")
                error.setVisible(False)

    def place(self, path: str) -> list[str]:
        return [self.captions[path]] if path in self.captions else []

    def focus(self, path: str, message: str = "") -> bool:
        widget = self.fields.get(path)
        if widget is None:
            return False
        self.show_error(path, message)
        widget.setFocus()
        return True
