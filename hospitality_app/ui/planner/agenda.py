"""The planner's Agenda and Gifts tabs: the meeting's items (who presents, what to bring, what is
negotiated and how far we may go) and the gifts (for whom, what they are worth)."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QHBoxLayout, QPushButton

from hospitality_app import vocab
from hospitality_app.formats import format_locale
from hospitality_app.i18n import _, label
from hospitality_app.services.dto import AgendaItemData, GiftData, VisitPlan
from hospitality_app.services.programme import usual_programme
from hospitality_app.ui.planner.item_form import Spec
from hospitality_app.ui.planner.list_editor import ListEditor


def _money(gift: GiftData) -> str:
    if gift.value is None:
        return ""
    from babel.numbers import format_currency

    return format_currency(gift.value, gift.currency or "CNY", locale=format_locale())


class AgendaEditor(ListEditor):
    part = "agenda"

    def __init__(self, *, parent=None) -> None:
        super().__init__(
            [
                # The title first: on a small screen the narrow list still says what each item is.
                (_("Agenda item"), lambda a: a.title),
                (_("Start"), lambda a: self.when(a.start)),
                (_("Minutes"), lambda a: a.minutes),
                (_("Kind"), lambda a: label(a.kind)),
                (_("Presenter"), lambda a: a.presenter or ""),
            ],
            [
                Spec("title", _("Agenda item")),
                Spec("kind", _("Kind"), "choice", vocab.AGENDA_KINDS, labels=label),
                Spec("start", _("Start"), "moment"),
                Spec("minutes", _("Length"), "minutes", minimum=1, maximum=24 * 60),
                Spec("presenter", _("Presenter"), "name", source=self.host_names),
                Spec("materials", _("Materials"), "lines", hint=_("What to prepare: slides, samples, the video…")),
                Spec("topics", _("Negotiation topics"), "codes", vocab.NEGOTIATION_TOPICS, labels=label),
                Spec(
                    "bottom_lines",
                    _("Bottom lines"),
                    "secret",
                    hint=_("Confidential: never in calendars or documents for the client."),
                ),
            ],
            empty=_("No agenda yet. Add the items of the meeting: welcome, introductions, the tour, the negotiation."),
            add=_("Add item"),
            parent=parent,
        )
        self.items.current_changed.connect(self._fields_of_kind)
        # The practice's usual day in one click: a planner changes what differs.
        self.usual = QPushButton(_("Add the usual programme"), self)
        self.usual.setToolTip(
            _("Welcome, both companies' introductions, samples, the tour, the talks and a photo, one after the other")
        )
        self.usual.clicked.connect(self.add_usual)
        row = QHBoxLayout()
        row.addWidget(self.usual)
        row.addStretch(1)
        self.layout().insertLayout(0, row)  # above the list: its own row keeps the list narrow

    def add_usual(self) -> None:
        self.items.extend(usual_programme(replace(self.plan_now(), agenda=tuple(self.items.items()))))

    def _fields_of_kind(self) -> None:
        """Topics and bottom lines belong to a negotiation: other items do not show them (an item
        turned into something else keeps what it had, hidden, until it is a negotiation again)."""
        item = self.items.current()
        talks = item is not None and (item.kind == "negotiation" or bool(item.topics) or bool(item.bottom_lines))
        for key in ("topics", "bottom_lines"):
            self.form.set_hidden(key, not talks)

    def adjust(self, before, after):
        if after.kind != before.kind:
            QTimer.singleShot(0, self._fields_of_kind)  # once the edit is in the list
        return after

    def when(self, moment) -> str:
        from hospitality_app.ui.planner.editors import local_text

        return local_text(moment, self._plan) if self._plan else ""

    def host_names(self) -> list[str]:
        return [h.name for h in self.plan_now().hosts if h.name]

    def new_item(self, plan: VisitPlan) -> AgendaItemData:
        """The next item starts when the last one ends, or after the tour when that is when the
        tour walks (the tour's own agenda slot aside)."""
        start = max((a.end for a in self.items.items()), default=plan.start)
        tour = plan.tour
        if tour is not None and tour.start <= start < tour.end:
            start = tour.end
        return AgendaItemData(start, 30, "", presenter=None)


class GiftsEditor(ListEditor):
    part = "gifts"
    fields = {"for": "recipient", "currency": "value"}  # noqa: RUF012

    def __init__(self, *, parent=None) -> None:
        super().__init__(
            [
                (_("Gift"), lambda g: g.item),
                (_("For"), lambda g: g.recipient or _("the whole delegation")),
                (_("Value"), _money),
            ],
            [
                Spec("item", _("Gift")),
                Spec(
                    "recipient", _("For"), "name", source=self.visitor_names, hint=_("Blank: for the whole delegation")
                ),
                Spec("value", _("Value"), "money"),
                Spec("notes", _("Notes"), "note"),
            ],
            empty=_("No gifts planned. A small gift from the region (tea, a local craft) is usual on a first visit."),
            add=_("Add gift"),
            parent=parent,
        )

    def visitor_names(self) -> list[str]:
        return [v.name for v in self.plan_now().visitors if v.name]

    def new_item(self, plan: VisitPlan) -> GiftData:
        return GiftData("")
