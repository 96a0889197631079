"""The reference visit planned from an empty database entirely through the planner's widgets, as a
user would — every field of the file clicked, ticked, picked or typed — then exported: the file is
the one importing the reference gives, apart from ids. The actions it took are counted and printed
(one click, one key chord or one typed string each)."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QDateTime, QItemSelectionModel, Qt

from hospitality_app.services import interchange, plans
from tests.conftest import REFERENCE
from tests.ui.helpers import save, settle, type_text


class User:
    """Drives widgets the way a person does, counting what it costs."""

    def __init__(self, qtbot) -> None:
        self.qtbot = qtbot
        self.actions = 0

    def click(self, widget) -> None:
        self.qtbot.mouseClick(widget, Qt.LeftButton)
        self.actions += 1

    def key(self, widget, key, modifier=Qt.NoModifier) -> None:
        self.qtbot.keyClick(widget, key, modifier)
        self.actions += 1

    def type(self, widget, text: str, *, focused: bool = False) -> None:
        """Click into the field (unless the cursor is there already) and type."""
        if not focused:
            self.actions += 1
        if hasattr(widget, "selectAll"):
            widget.selectAll()
        type_text(self.qtbot, widget, text)
        self.actions += 1

    def lines(self, widget, lines) -> None:
        """A line, Enter, the next line…"""
        self.actions += 1
        widget.setFocus()
        for i, line in enumerate(lines):
            if i:
                self.qtbot.keyClick(widget, Qt.Key_Return)
                self.actions += 1
            type_text(self.qtbot, widget, line)
            self.actions += 1

    def tick(self, box) -> None:
        box.click()
        self.actions += 1

    def choose(self, combo, data=None, *, text: str | None = None) -> None:
        """Open the list, click the entry."""
        index = combo.findText(text) if text is not None else combo.findData(data)
        assert index >= 0, (data, text)
        combo.setCurrentIndex(index)
        combo.activated.emit(index)
        self.actions += 2

    def search(self, box, text: str) -> None:
        """Type a name into a searchable picker and press Enter."""
        box.setFocus()
        box.lineEdit().selectAll()
        self.qtbot.keyClicks(box, text)
        self.qtbot.keyClick(box, Qt.Key_Return)
        self.actions += 3

    def when(self, edit, iso: str) -> None:
        """Click the date-time field's first part and type the digits of the date and time as the
        field shows them (each part moves on to the next when full)."""
        fmt = "yyyy-MM-dd HH:mm" if " " in iso else "yyyy-MM-dd"
        parsed = QDateTime.fromString(iso, fmt)
        text = parsed.toString(edit.displayFormat())
        edit.setFocus()
        edit.setSelectedSection(edit.sectionAt(0))
        self.qtbot.keyClicks(edit, "".join(ch for ch in text if ch.isdigit()))
        self.actions += 2
        assert edit.text() == text

    def number(self, spin, value: int) -> None:
        spin.setFocus()
        spin.selectAll()
        self.qtbot.keyClicks(spin, str(value))
        self.actions += 2
        assert spin.value() == value


def shows(edit, iso: str) -> bool:
    """Whether a date or date-time field holds this value of the file (2026-12-03T09:00)."""
    if "T" in iso:
        return edit.dateTime().toString("yyyy-MM-dd'T'HH:mm") == iso
    return edit.date().toString("yyyy-MM-dd") == iso


def ticked(user, box, codes) -> None:
    for code in codes:
        user.tick(box.boxes[code])


def spoken(user, box, codes) -> None:
    """Tick the languages not ticked yet, in the order the person prefers them."""
    for code in codes:
        item = next(box.list.item(i) for i in range(box.list.count()) if box.list.item(i).data(Qt.UserRole) == code)
        if item.checkState() != Qt.Checked:
            item.setCheckState(Qt.Checked)
            user.actions += 1


def named(user, names_box, names) -> None:
    """Tick exactly these people (untick the others offered)."""
    for i in range(names_box.count()):
        item = names_box.item(i)
        want = Qt.Checked if item.text() in names else Qt.Unchecked
        if item.checkState() != want:
            item.setCheckState(want)
            user.actions += 1


def add(user, editor) -> dict:
    user.click(editor.items.add_button)
    return editor.form.widgets


def fill_overview(user, planner, ref) -> None:
    o = planner.editors["overview"]
    v, c = ref["visit"], ref["company"]
    user.type(o.title, v["title"], focused=True)
    user.type(o.purpose, v["purpose"])
    if o.status.currentData() != v["status"]:
        user.choose(o.status, v["status"])
    if o.timezone.code() != v["timezone"]:  # a new visit starts in the zone of the team's last one
        user.search(o.timezone, v["timezone"].split("/")[-1])
    assert o.timezone.code() == v["timezone"], o.timezone.currentText()
    user.when(o.start, v["start"].replace("T", " "))
    user.when(o.end, v["end"].replace("T", " "))
    if v["key_account"]:
        user.tick(o.key_account)
    if v.get("office_address"):
        user.type(o.office, v["office_address"])
    user.type(o.company, c["name"])
    user.search(o.country, "Indonesia")
    assert o.locale.code() == v["client_locale"]  # follows the country: nothing to do
    for field in ("city", "website", "research"):
        if c.get(field):
            user.type(getattr(o, field), c[field])


def fill_people(user, planner, ref) -> None:
    visitors = planner.editors["visitors"]
    planner.tabs.setCurrentWidget(visitors)
    user.actions += 1
    for v in ref["visitors"]:
        w = add(user, visitors)
        user.type(w["name"], v["name"], focused=True)
        user.type(w["title"], v["title"])
        spoken(user, w["languages"], v["languages"])
        ticked(user, w["dietary"], v.get("dietary", ()))
        ticked(user, w["allergies"], v.get("allergies", ()))
        for field in ("preferences", "interests"):
            if v.get(field):
                user.lines(w[field], v[field])
    hosts = planner.editors["hosts"]
    planner.tabs.setCurrentWidget(hosts)
    user.actions += 1
    for h in ref["hosts"]:
        w = add(user, hosts)
        user.type(w["name"], h["name"], focused=True)
        ticked(user, w["roles"], h["roles"])
        spoken(user, w["languages"], h["languages"])
        if h.get("phone"):
            user.type(w["phone"], h["phone"])


def fill_pickups(user, planner, ref) -> None:
    pickups = planner.editors["pickups"]
    planner.tabs.setCurrentWidget(pickups)
    user.actions += 1
    for p in ref["pickups"]:
        w = add(user, pickups)
        if w["kind"].currentData() != p["kind"]:
            user.choose(w["kind"], p["kind"])
        if p.get("carrier_number"):
            user.type(w["carrier_number"], p["carrier_number"])
        if w["origin"].text() != p["from"]:
            user.type(w["origin"], p["from"])
        if w["destination"].text() != p["to"]:
            user.type(w["destination"], p["to"])
        arrival = w["arrival"]
        if p.get("arrival"):
            if not arrival.check.isChecked():
                user.tick(arrival.check)
            user.when(arrival.when, p["arrival"].replace("T", " "))
        elif arrival.check.isChecked():
            user.tick(arrival.check)
        if not shows(w["driver_due"], p["driver_due"]):
            user.when(w["driver_due"], p["driver_due"].replace("T", " "))
        if w["driver"].value() != p["driver"]:
            user.choose(w["driver"], text=p["driver"])
        if w["vehicle.name"].value() != p["vehicle"]["name"]:
            user.type(w["vehicle.name"].lineEdit(), p["vehicle"]["name"])
            user.number(w["vehicle.seats"], p["vehicle"]["seats"])
        named(user, w["passengers"], p["passengers"])
        if p.get("luggage_pieces"):
            user.number(w["luggage_pieces"], p["luggage_pieces"])
        if p.get("notes"):
            user.type(w["notes"], p["notes"])


def fill_hotel(user, planner, ref) -> None:
    stays = planner.editors["stays"]
    planner.tabs.setCurrentWidget(stays)
    user.actions += 1
    for s in ref["hotel_stays"]:
        w = add(user, stays)
        user.type(w["hotel.name"], s["hotel"]["name"], focused=True)
        if s["hotel"].get("address"):
            user.type(w["hotel.address"], s["hotel"]["address"])
        user.number(w["hotel.drive_minutes"], s["hotel"]["drive_minutes"])
        assert shows(w["check_in"], s["check_in"])  # the night the flight lands, before the visit
        user.when(w["check_out"], s["check_out"])
        rooms = w["rooms"]  # a single room each, to begin with
        for i, room in enumerate(s["rooms"]):
            if i >= len(rooms.lines):
                user.click(rooms.add_button)
            kind, count, _line = rooms.lines[i]
            if rooms.value()[i].type != room["type"]:
                user.type(kind.lineEdit(), room["type"])
            if count.value() != room["count"]:
                user.number(count, room["count"])
        if w["booked_by"].currentData() != s["booked_by"]:
            user.choose(w["booked_by"], s["booked_by"])
        named(user, w["guests"], s["guests"])


def fill_meals(user, planner, ref) -> None:
    meals = planner.editors["meals"]
    planner.tabs.setCurrentWidget(meals)
    user.actions += 1
    for m in ref["meals"]:
        w = add(user, meals)
        assert w["kind"].currentData() == m["kind"]  # lunch, then dinner: as offered
        if not shows(w["start"], m["start"]):
            user.when(w["start"], m["start"].replace("T", " "))
        if not shows(w["end"], m["end"]):
            user.when(w["end"], m["end"].replace("T", " "))
        r = m["restaurant"]
        user.type(w["restaurant.name"], r["name"])
        if r.get("private_room"):
            user.tick(w["restaurant.private_room"])
        if r.get("halal_certified"):
            user.tick(w["restaurant.halal_certified"])
        if r.get("drive_minutes") is not None:
            user.number(w["restaurant.drive_minutes"], r["drive_minutes"])
        named(user, w["attendees"], m["attendees"])
        if m.get("notes"):
            user.type(w["notes"], m["notes"])
        dishes = meals.dishes
        for d in m["dishes"]:
            user.click(dishes.list.add_button)
            user.type(dishes.form.widgets["name"], d["name"], focused=True)
            contains = dishes.form.widgets["contains"]  # ticked from the name; the rest by hand
            for code, box in contains.boxes.items():
                if box.isChecked() != (code in d["contains"]):
                    user.tick(box)


def fill_tour(user, planner, ref) -> None:
    tour, t = planner.editors["tour"], ref["tour"]
    planner.tabs.setCurrentWidget(tour)
    user.actions += 1
    user.tick(tour.enabled)
    assert tour.guide.value() == t["guide"] and tour.door_front.value() == t["door_front"]  # from the roles
    assert tour.door_back.value() == t.get("door_back")
    for stop in t["stops"]:
        user.click(tour.stops.add_button)
        user.type(tour.form.widgets["name"], stop["name"], focused=True)
        if stop["minutes"] != 15:
            user.number(tour.form.widgets["minutes"], stop["minutes"])
        if tour.form.widgets["view"].value() != stop["view"]:
            user.tick(tour.form.widgets["view"])
        if stop.get("hygiene"):
            user.type(tour.form.widgets["hygiene"], stop["hygiene"])
    if not shows(tour.start, t["start"]):
        user.when(tour.start, t["start"].replace("T", " "))


def fill_agenda(user, planner, ref) -> None:
    """The usual programme in one click, then what differs, item by item."""
    agenda = planner.editors["agenda"]
    planner.tabs.setCurrentWidget(agenda)
    user.actions += 1
    user.click(agenda.usual)
    wanted = [a["kind"] for a in ref["agenda"]]
    unwanted = [row for row, a in enumerate(agenda.items.items()) if a.kind not in wanted]
    if unwanted:  # the usual items this visit does without: click, Ctrl+click…, Remove
        selection = agenda.items.view.selectionModel()
        agenda.items.select(unwanted[0])
        for row in unwanted[1:]:
            selection.select(agenda.items.model.index(row, 0), QItemSelectionModel.Select | QItemSelectionModel.Rows)
        user.actions += len(unwanted)
        user.click(agenda.items.remove_button)
    assert [a.kind for a in agenda.items.items()] == wanted
    for row, a in enumerate(ref["agenda"]):
        agenda.items.select(row)
        user.actions += 1
        w = agenda.form.widgets
        if w["title"].text() != a["title"]:
            user.type(w["title"], a["title"])
        if not shows(w["start"], a["start"]):
            user.when(w["start"], a["start"].replace("T", " "))
        if w["minutes"].value() != a["minutes"]:
            user.number(w["minutes"], a["minutes"])
        if w["presenter"].value() != a.get("presenter"):
            user.choose(w["presenter"], text=a.get("presenter") or "")
        if a.get("materials"):
            user.lines(w["materials"], a["materials"])
        ticked(user, w["topics"], a.get("topics", ()))
        if a.get("bottom_lines"):
            user.type(w["bottom_lines"], a["bottom_lines"])


def fill_follow_up(user, planner, ref) -> None:
    if not ref.get("gifts") and not ref.get("follow_up"):
        return
    gifts = planner.editors["gifts"]
    planner.tabs.setCurrentWidget(gifts)
    user.actions += 1
    for g in ref.get("gifts", ()):
        w = add(user, gifts)
        user.type(w["item"], g["item"], focused=True)
        user.choose(w["recipient"], text=g["for"])
        user.number(w["value"].amount, g["value"])
        assert w["value"].currency.code() == g["currency"]
    follow, f = planner.editors["follow_up"], ref["follow_up"]
    planner.tabs.setCurrentWidget(follow)
    user.actions += 1
    user.lines(follow.consensus, f["consensus"])
    user.type(follow.minutes, f["minutes"])
    user.lines(follow.next_steps, f["next_steps"])


def exported(db, visit_id) -> dict:
    with db.unit_of_work() as session:
        data = json.loads(interchange.dumps(plans.load_plan(session, visit_id)))

    def without_ids(value):
        if isinstance(value, dict):
            return {k: without_ids(v) for k, v in value.items() if k != "id"}
        if isinstance(value, list):
            return [without_ids(v) for v in value]
        return value

    return without_ids(data)


# The reference visit, and one the size of the visit a newcomer planned in December in about 230
# actions with the planner's first grids (2 visitors, 6 hosts, a pickup, a hotel, a lunch with 3
# dishes, 4 tour stops, 4 agenda items): the measure of what the planner costs today.
VISITS = {"reference": REFERENCE, "newcomer-sized": REFERENCE.parent / "newcomer-visit.json"}


@pytest.mark.parametrize("visit", list(VISITS))
def test_plan_a_visit_through_the_widgets(window, qtbot, db, db_url, visit, tmp_path, capsys):
    from hospitality_app.db.session import open_database

    reference_text = VISITS[visit].read_text(encoding="utf-8")
    ref = json.loads(reference_text)
    user = User(qtbot)
    user.key(window, Qt.Key_N, Qt.ControlModifier)
    planner = window.planners[-1]
    settle(window)
    qtbot.wait_exposed(planner)
    spent = {}
    for part in (
        fill_overview,
        fill_people,
        fill_pickups,
        fill_hotel,
        fill_meals,
        fill_tour,
        fill_agenda,
        fill_follow_up,
    ):
        before = user.actions
        part(user, planner, ref)
        spent[part.__name__.removeprefix("fill_")] = user.actions - before
    user.actions += 1  # Ctrl+S
    assert save(planner), planner.error.text()

    other = open_database(f"sqlite:///{tmp_path / 'imported.db'}")  # the same file, imported
    try:
        with other.unit_of_work() as session:
            imported_id = plans.save(session, interchange.loads(reference_text)).visit_id
        expected = exported(other, imported_id)
    finally:
        other.dispose()
    got = exported(db, planner.visit_id)
    for key in expected:  # part by part, so that a failure names the part
        assert got.get(key) == expected[key], key
    assert got == expected
    with capsys.disabled():
        print(f"\nPlanning the {visit} visit through the planner took {user.actions} actions:")
        print(", ".join(f"{part} {n}" for part, n in spent.items()))
