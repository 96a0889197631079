"""The planner's tabs. Each editor shows one part of a VisitPlan, gives it back changed
(`apply`), and can put the cursor on a JSON path that a finding or an error names (`focus`)."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hospitality_app import vocab
from hospitality_app.errors import ValidationError
from hospitality_app.i18n import _, label
from hospitality_app.services.dto import (
    AgendaItemData,
    HostData,
    VisitorData,
    VisitPlan,
)
from hospitality_app.services.saved import SavedNames
from hospitality_app.ui.planner.widgets import (
    ChoicesDialog,
    ItemTable,
    LocalDateTime,
    codes_text,
    completer,
    parse_codes,
)

PATH = re.compile(r"^(\w+)(?:\[(\d+)\])?(?:\.(\w+))?(?:\[(\d+)\])?")


def parse_path(path: str) -> tuple[str, int | None, str | None, int | None]:
    m = PATH.match(path or "")
    if not m:
        return ("", None, None, None)
    part, i, field, j = m.groups()
    return part, int(i) if i else None, field, int(j) if j else None


def local_text(moment: datetime | None, plan: VisitPlan) -> str:
    return plan.local(moment).strftime("%Y-%m-%d %H:%M") if moment else ""


def parse_local(text: str, plan: VisitPlan, path: str) -> datetime:
    try:
        return datetime.strptime(text.strip(), "%Y-%m-%d %H:%M").replace(tzinfo=plan.zone)
    except ValueError:
        raise ValidationError(path, f"not a date and time: {text!r} (like 2026-12-03 12:00)") from None


class Editor(QWidget):
    """Signals:
    changed: the user edited something.
    """

    changed = Signal()
    plan_source = None  # set by the window: the plan as all tabs now show it (for new rows' defaults)

    def current_plan(self, fallback: VisitPlan) -> VisitPlan:
        if self.plan_source is not None:
            try:
                return self.plan_source()
            except ValidationError:
                pass
        return fallback

    def load(self, plan: VisitPlan) -> None:
        raise NotImplementedError

    def apply(self, plan: VisitPlan) -> VisitPlan:
        raise NotImplementedError

    def focus(self, path: str) -> bool:
        return False

    def offer(self, saved: SavedNames) -> None:
        """Offer what earlier visits saved (companies, places, dishes) while the user types."""


class OverviewEditor(Editor):
    def __init__(self, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLineEdit(self)
        self.company = QLineEdit(self)
        self.country = QLineEdit(self)
        self.country.setMaxLength(2)
        self.country.setPlaceholderText("ID, DE, SA…")
        self.city = QLineEdit(self)
        self.purpose = QLineEdit(self)
        self.status = QComboBox(self)
        for code in vocab.VISIT_STATUSES:
            self.status.addItem(label(code), code)
        self.timezone = QLineEdit(self)
        self.start = LocalDateTime("Asia/Shanghai", parent=self)
        self.end = LocalDateTime("Asia/Shanghai", parent=self)
        self.key_account = QCheckBox(_("Key account"), self)
        self.first_visit = QCheckBox(_("First visit"), self)
        self.locale = QLineEdit(self)
        self.gifts_forbidden = QCheckBox(_("The client's company forbids gifts"), self)
        form = QFormLayout(self)
        for text, widget in (
            (_("Visit:"), self.title),
            (_("Company:"), self.company),
            (_("Country:"), self.country),
            (_("City:"), self.city),
            (_("Purpose:"), self.purpose),
            (_("Status:"), self.status),
            (_("Time zone:"), self.timezone),
            (_("Start:"), self.start),
            (_("End:"), self.end),
            (_("Client's language:"), self.locale),
        ):
            form.addRow(text, widget)
        form.addRow(self.key_account)
        form.addRow(self.first_visit)
        form.addRow(self.gifts_forbidden)
        for w in (self.title, self.company, self.country, self.city, self.purpose, self.timezone, self.locale):
            w.textEdited.connect(self.changed)
        for w in (self.start, self.end):
            w.dateTimeChanged.connect(self.changed)
        for w in (self.key_account, self.first_visit, self.gifts_forbidden):
            w.toggled.connect(self.changed)
        self.status.currentIndexChanged.connect(self.changed)
        self.fields = {
            "visit.title": self.title,
            "company.name": self.company,
            "company.country": self.country,
            "visit.timezone": self.timezone,
            "visit.start": self.start,
            "visit.end": self.end,
            "visit.client_locale": self.locale,
            "visit.status": self.status,
        }

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
        self.country.setText(known.country)
        self.city.setText(known.city)
        self.gifts_forbidden.setChecked(known.gift_policy == "forbids")
        self.changed.emit()

    def load(self, plan: VisitPlan) -> None:
        self.blockSignals(True)
        self._company = plan.company
        self.title.setText(plan.title)
        self.company.setText(plan.company.name)
        self.country.setText(plan.company.country)
        self.city.setText(plan.company.city)
        self.purpose.setText(plan.purpose)
        self.status.setCurrentIndex(vocab.VISIT_STATUSES.index(plan.status))
        self.timezone.setText(plan.timezone)
        for w, moment in ((self.start, plan.start), (self.end, plan.end)):
            w.set_zone(plan.timezone)
            w.set_moment(moment)
        self.key_account.setChecked(plan.key_account)
        self.first_visit.setChecked(plan.first_visit)
        self.gifts_forbidden.setChecked(plan.company.gift_policy == "forbids")
        self.locale.setText(plan.client_locale)
        self.blockSignals(False)

    def apply(self, plan: VisitPlan) -> VisitPlan:
        from hospitality_app.services.validation import check_timezone

        tz = self.timezone.text().strip()
        check_timezone("visit.timezone", tz)
        zoned = replace(plan, timezone=tz)
        company = replace(
            getattr(self, "_company", plan.company),
            name=self.company.text().strip(),
            country=self.country.text().strip().upper(),
            city=self.city.text().strip(),
            gift_policy="forbids" if self.gifts_forbidden.isChecked() else "accepts",
        )
        return replace(
            zoned,
            title=self.title.text().strip(),
            company=company,
            purpose=self.purpose.text().strip(),
            status=self.status.currentData(),
            start=self.start.moment(zoned.zone),
            end=self.end.moment(zoned.zone),
            key_account=self.key_account.isChecked(),
            first_visit=self.first_visit.isChecked(),
            client_locale=self.locale.text().strip() or "en",
        )

    def focus(self, path: str) -> bool:
        widget = self.fields.get(path)
        if widget is not None:
            widget.setFocus()
            return True
        return False


class VisitorsEditor(Editor):
    HEADERS = ("name", "title", "dietary", "allergies")

    def __init__(self, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.items = ItemTable([_("Name"), _("Title"), _("Diet"), _("Allergies")], parent=self)
        self.items.add_button.clicked.connect(lambda: self.items.append(["", "", "", ""]))
        self.items.changed.connect(self.changed)
        self.diet_button = QPushButton(_("Diet…"), self)
        self.diet_button.clicked.connect(lambda: self.pick(2, vocab.DIETARY, _("Diet")))
        self.allergy_button = QPushButton(_("Allergies…"), self)
        self.allergy_button.clicked.connect(lambda: self.pick(3, vocab.ALLERGENS, _("Allergies")))
        self.items.layout().itemAt(1).layout().insertWidget(2, self.diet_button)
        self.items.layout().itemAt(1).layout().insertWidget(3, self.allergy_button)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(_("Diet and allergies are picked from the lists, never typed."), self))
        layout.addWidget(self.items)

    def pick(self, column: int, codes, title: str) -> None:
        row = self.items.table.currentRow()
        if row < 0:
            return
        dialog = ChoicesDialog(title, codes, parse_codes(self.items.text(row, column)), parent=self)
        dialog.accepted.connect(lambda: self.set_codes(row, column, dialog.chosen()))
        self.choices = dialog
        dialog.open()

    def set_codes(self, row: int, column: int, codes) -> None:
        self.items.set_text(row, column, codes_text(codes))

    def load(self, plan: VisitPlan) -> None:
        self.items.set_rows(
            [[v.name, v.title, codes_text(v.dietary), codes_text(v.allergies)] for v in plan.visitors], plan.visitors
        )
        for row in range(self.items.rows()):
            for column in (2, 3):
                item = self.items.table.item(row, column)
                item.setFlags(item.flags() & ~Qt.ItemIsEditable)

    def apply(self, plan: VisitPlan) -> VisitPlan:
        visitors = []
        for row in range(self.items.rows()):
            base = self.items.payload(row) or VisitorData("")
            visitors.append(
                replace(
                    base,
                    name=self.items.text(row, 0),
                    title=self.items.text(row, 1),
                    dietary=parse_codes(self.items.text(row, 2)),
                    allergies=parse_codes(self.items.text(row, 3)),
                )
            )
        return replace(plan, visitors=tuple(visitors))

    def focus(self, path: str) -> bool:
        part, i, field, _j = parse_path(path)
        if part == "visitors" and i is not None:
            self.items.focus(i, {"dietary": 2, "allergies": 3, "title": 1}.get(field or "", 0))
            return True
        return False


class HostsEditor(Editor):
    def __init__(self, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.items = ItemTable([_("Name"), _("Roles"), _("Phone"), _("Email")], parent=self)
        self.items.add_button.clicked.connect(lambda: self.items.append(["", "", "", ""]))
        self.items.changed.connect(self.changed)
        self.roles_button = QPushButton(_("Roles…"), self)
        self.roles_button.clicked.connect(self.pick_roles)
        self.items.layout().itemAt(1).layout().insertWidget(2, self.roles_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.items)

    def pick_roles(self) -> None:
        row = self.items.table.currentRow()
        if row < 0:
            return
        dialog = ChoicesDialog(_("Roles"), vocab.HOST_ROLES, parse_codes(self.items.text(row, 1)), parent=self)
        dialog.accepted.connect(lambda: self.items.set_text(row, 1, codes_text(dialog.chosen())))
        self.choices = dialog
        dialog.open()

    def load(self, plan: VisitPlan) -> None:
        self.items.set_rows([[h.name, codes_text(h.roles), h.phone, h.email] for h in plan.hosts], plan.hosts)

    def apply(self, plan: VisitPlan) -> VisitPlan:
        hosts = []
        for row in range(self.items.rows()):
            base = self.items.payload(row) or HostData("")
            hosts.append(
                replace(
                    base,
                    name=self.items.text(row, 0),
                    roles=parse_codes(self.items.text(row, 1)),
                    phone=self.items.text(row, 2),
                    email=self.items.text(row, 3),
                )
            )
        return replace(plan, hosts=tuple(hosts))

    def focus(self, path: str) -> bool:
        part, i, _field, _j = parse_path(path)
        if part == "hosts":
            self.items.focus(i or 0)
            return True
        return False


class AgendaEditor(Editor):
    def __init__(self, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.items = ItemTable([_("Start"), _("Minutes"), _("Title"), _("Kind"), _("Presenter")], parent=self)
        self.items.set_choices(3, vocab.AGENDA_KINDS)
        self.items.add_button.clicked.connect(self.add)
        self.items.changed.connect(self.changed)
        layout = QVBoxLayout(self)
        layout.addWidget(self.items)
        self._plan: VisitPlan | None = None

    def add(self) -> None:
        plan = self.current_plan(self._plan)
        self.items.append([local_text(plan.start, plan), "30", "", "other", ""])

    def load(self, plan: VisitPlan) -> None:
        self._plan = plan
        self.items.set_rows(
            [[local_text(a.start, plan), str(a.minutes), a.title, a.kind, a.presenter or ""] for a in plan.agenda],
            plan.agenda,
        )

    def apply(self, plan: VisitPlan) -> VisitPlan:
        self._plan = plan
        items = []
        for row in range(self.items.rows()):
            base = self.items.payload(row) or AgendaItemData(plan.start, 30, "")
            minutes_text = self.items.text(row, 1)
            if not minutes_text.isdigit():
                raise ValidationError(f"agenda[{row}].minutes", f"not a number of minutes: {minutes_text!r}")
            items.append(
                replace(
                    base,
                    start=parse_local(self.items.text(row, 0), plan, f"agenda[{row}].start"),
                    minutes=int(minutes_text),
                    title=self.items.text(row, 2),
                    kind=self.items.text(row, 3) or "other",
                    presenter=self.items.text(row, 4) or None,
                )
            )
        return replace(plan, agenda=tuple(items))

    def focus(self, path: str) -> bool:
        part, i, field, _j = parse_path(path)
        if part == "agenda" and i is not None:
            self.items.focus(i, {"minutes": 1, "title": 2, "kind": 3, "presenter": 4}.get(field or "", 0))
            return True
        return False
