"""The planner's Visitors and Hosts tabs: who comes, what they eat and speak; who receives them,
in which roles. Diets, allergies and roles are ticked from the vocabularies, never typed."""

from __future__ import annotations

from dataclasses import replace

from hospitality_app import vocab
from hospitality_app.i18n import _, label, list_text
from hospitality_app.services.dto import HostData, VisitorData, VisitPlan
from hospitality_app.services.plan_defaults import site_languages, visitor_languages
from hospitality_app.services.saved import SavedNames
from hospitality_app.ui.planner.item_form import Spec
from hospitality_app.ui.planner.list_editor import ListEditor


def labels(codes) -> str:
    return list_text(label(code) for code in codes)


def diet_and_allergies(visitor: VisitorData) -> str:
    """Halal; allergic to peanuts · 清真；过敏：花生"""
    parts = [labels(visitor.dietary)] if visitor.dietary else []
    if visitor.allergies:
        parts.append(_("allergic to {what}").format(what=labels(visitor.allergies).lower()))
    return _("; ").join(parts)


class PeopleEditor(ListEditor):
    """A list of people whom the rest of the plan names. Renames and removals wait in `pending`
    until the window has the edit whole, then follow everywhere the plan names the person."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.pending: list[tuple[str, str | None]] = []  # (old, new); new None: removed
        self._cleared: dict[int, str] = {}  # row → the name it had before the user cleared it
        self.items.removed.connect(self._removed)

    def _removed(self, person) -> None:
        if person.name:
            self.pending.append((person.name, None))

    def load(self, plan: VisitPlan) -> None:
        self.pending.clear()
        self._cleared.clear()
        super().load(plan)

    def take_pending(self) -> list[tuple[str, str | None]]:
        pending, self.pending = self.pending, []
        return pending

    def adjust(self, before, after):
        row = self.items.current_row()
        if not after.name:
            # Cleared to be typed again: the name typed next is a rename of this one, not a
            # new person (the lists that named her must not drop her).
            if before.name:
                self._cleared.setdefault(row, before.name)
        else:
            old = before.name or self._cleared.pop(row, "")
            if old and old != after.name:
                self.pending.append((old, after.name))
        known = self.known().get(after.name)
        untouched = replace(after, name="") == replace(self.new_item(self.plan_now()), name="")
        if known is not None and after.name != before.name and untouched:
            return known  # a person saved before, typed into a new item: as they were saved
        return after

    def known(self) -> dict:
        """People saved before whom this tab offers, by name."""
        return {}

    def showEvent(self, event) -> None:
        self.form.set_completions("name", sorted(self.known()))  # the plan's company may have changed
        super().showEvent(event)


class VisitorsEditor(PeopleEditor):
    part = "visitors"

    def __init__(self, *, parent=None) -> None:
        super().__init__(
            [
                # What the meals depend on next to the name, the title last: in a narrow list the
                # allergies must not be the column scrolled out of sight.
                (_("Name"), lambda v: v.name),
                (_("Diet and allergies"), diet_and_allergies),
                (_("Title"), lambda v: v.title),
            ],
            [
                Spec("name", _("Name")),
                Spec("title", _("Title")),
                Spec(
                    "salutation",
                    _("Salutation"),
                    "choice",
                    ("", *vocab.SALUTATIONS),
                    labels=lambda code: label(code) if code else _("Not said"),
                ),
                Spec("family_name", _("Family name"), hint=_("How a letter addresses them: “Dear Mr Santoso”")),
                Spec("languages", _("Languages"), "languages"),
                Spec("dietary", _("Diet"), "codes", vocab.DIETARY, labels=label),
                Spec(
                    "observes_fasting",
                    _("Fasts in Ramadan"),
                    "maybe",
                    hint=_("For a visitor who keeps halal: “No” keeps lunch on the plan during Ramadan"),
                ),
                Spec("allergies", _("Allergies"), "codes", vocab.ALLERGENS, labels=label),
                Spec("preferences", _("Food preferences"), "lines", hint=_("Such as: fried fish, not too spicy")),
                Spec("interests", _("Interests"), "lines", hint=_("For small talk and the gift: badminton, tea…")),
                Spec("notes", _("Notes"), "note"),
            ],
            empty=_("No visitors yet. Add each person who comes, with their diet and allergies."),
            add=_("Add visitor"),
            parent=parent,
        )

    def new_item(self, plan: VisitPlan) -> VisitorData:
        return VisitorData("", languages=visitor_languages(plan))

    def offer(self, saved: SavedNames) -> None:
        self._saved = saved.visitors

    def known(self) -> dict:
        company = self.plan_now().company if self._plan is not None else None
        return getattr(self, "_saved", {}).get((company.name, company.country), {}) if company else {}


class HostsEditor(PeopleEditor):
    part = "hosts"

    def __init__(self, *, parent=None) -> None:
        super().__init__(
            [
                (_("Name"), lambda h: h.name),
                (_("Roles"), lambda h: labels(h.roles)),
                (_("Phone"), lambda h: h.phone),
            ],
            [
                Spec("name", _("Name")),
                Spec("roles", _("Roles"), "codes", vocab.HOST_ROLES, labels=label),
                Spec("languages", _("Languages"), "languages"),
                Spec("phone", _("Phone")),
                Spec("email", _("E-mail")),
                Spec("department", _("Department")),
            ],
            empty=_(
                "No hosts yet. Add the colleagues who receive the visitors: the sales lead, the driver, the guide…"
            ),
            add=_("Add host"),
            parent=parent,
        )

    def new_item(self, plan: VisitPlan) -> HostData:
        return HostData("", languages=site_languages(plan))

    def offer(self, saved: SavedNames) -> None:
        self._saved = saved.staff

    def known(self) -> dict:
        return getattr(self, "_saved", {})
