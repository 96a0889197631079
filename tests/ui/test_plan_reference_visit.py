"""The reference visit planned from an empty database entirely through the planner's widgets, as a
user would — every field of the file clicked, ticked, picked or typed — then exported: the file is
the one importing the reference gives, apart from ids. The actions it took are counted and printed
(one click, one key chord or one typed string each)."""

from __future__ import annotations

import json

from PySide6.QtCore import QDateTime, Qt

from hospitality_app.services import interchange, plans
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
    for code in codes:
        item = next(box.list.item(i) for i in range(box.list.count()) if box.list.item(i).data(Qt.UserRole) == code)
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
    user.choose(o.status, v["status"])
    user.search(o.timezone, "Shanghai")
    assert o.timezone.code() == v["timezone"], o.timezone.currentText()
    user.when(o.start, v["start"].replace("T", " "))
    user.when(o.end, v["end"].replace("T", " "))
    user.tick(o.key_account)
    user.type(o.office, v["office_address"])
    user.type(o.company, c["name"])
    user.search(o.country, "Indonesia")
    assert o.locale.code() == v["client_locale"]  # follows the country: nothing to do
    user.type(o.city, c["city"])
    user.type(o.website, c["website"])
    user.type(o.research, c["research"])


def fill_people(user, planner, ref) -> None:
    visitors = planner.editors["visitors"]
    planner.tabs.setCurrentWidget(visitors)
    user.actions += 1
    for v in ref["visitors"]:
        w = add(user, visitors)
        user.type(w["name"], v["name"], focused=True)
        user.type(w["title"], v["title"])
        spoken(user, w["languages"], v["languages"])
        ticked(user, w["dietary"], v["dietary"])
        ticked(user, w["allergies"], v["allergies"])
        if v["preferences"]:
            user.lines(w["preferences"], v["preferences"])
        if v["interests"]:
            user.lines(w["interests"], v["interests"])
    hosts = planner.editors["hosts"]
    planner.tabs.setCurrentWidget(hosts)
    user.actions += 1
    for h in ref["hosts"]:
        w = add(user, hosts)
        user.type(w["name"], h["name"], focused=True)
        ticked(user, w["roles"], h["roles"])
        spoken(user, w["languages"], h["languages"])
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
        user.type(w["origin"], p["from"])
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
        user.type(w["hotel.address"], s["hotel"]["address"])
        user.number(w["hotel.drive_minutes"], s["hotel"]["drive_minutes"])
        assert shows(w["check_in"], s["check_in"])  # the night the flight lands, before the visit
        user.when(w["check_out"], s["check_out"])
        rooms = w["rooms"]
        for room in s["rooms"]:
            user.click(rooms.add_button)
            kind, count, _line = rooms.lines[-1]
            user.type(kind.lineEdit(), room["type"], focused=True)
            user.number(count, room["count"])
        user.choose(w["booked_by"], s["booked_by"])
        named(user, w["guests"], s["guests"])


def fill_meals(user, planner, ref) -> None:
    meals = planner.editors["meals"]
    planner.tabs.setCurrentWidget(meals)
    user.actions += 1
    for m in ref["meals"]:
        w = add(user, meals)
        assert w["kind"].currentData() == m["kind"]  # lunch, then dinner: as offered
        user.when(w["start"], m["start"].replace("T", " "))
        user.when(w["end"], m["end"].replace("T", " "))
        r = m["restaurant"]
        user.type(w["restaurant.name"], r["name"])
        if r.get("private_room"):
            user.tick(w["restaurant.private_room"])
        if r.get("halal_certified"):
            user.tick(w["restaurant.halal_certified"])
        user.number(w["restaurant.drive_minutes"], r["drive_minutes"])
        named(user, w["attendees"], m["attendees"])
        if m.get("notes"):
            user.type(w["notes"], m["notes"])
        dishes = meals.dishes
        for d in m["dishes"]:
            user.click(dishes.list.add_button)
            user.type(dishes.form.widgets["name"], d["name"], focused=True)
            ticked(user, dishes.form.widgets["contains"], d["contains"])


def fill_tour(user, planner, ref) -> None:
    tour, t = planner.editors["tour"], ref["tour"]
    planner.tabs.setCurrentWidget(tour)
    user.actions += 1
    user.tick(tour.enabled)
    assert tour.guide.value() == t["guide"] and tour.door_front.value() == t["door_front"]  # from the roles
    assert tour.door_back.value() is None
    for stop in t["stops"]:
        user.click(tour.stops.add_button)
        user.type(tour.form.widgets["name"], stop["name"], focused=True)
        if stop["minutes"] != 15:
            user.number(tour.form.widgets["minutes"], stop["minutes"])
        if stop["view"] != "walk_in":
            user.choose(tour.form.widgets["view"], stop["view"])
        if stop.get("hygiene"):
            user.type(tour.form.widgets["hygiene"], stop["hygiene"])
    user.when(tour.start, t["start"].replace("T", " "))


def fill_agenda(user, planner, ref) -> None:
    agenda = planner.editors["agenda"]
    planner.tabs.setCurrentWidget(agenda)
    user.actions += 1
    for a in ref["agenda"]:
        w = add(user, agenda)
        user.type(w["title"], a["title"], focused=True)
        user.choose(w["kind"], a["kind"])
        if not shows(w["start"], a["start"]):
            user.when(w["start"], a["start"].replace("T", " "))
        if a["minutes"] != 30:
            user.number(w["minutes"], a["minutes"])
        if a.get("presenter"):
            user.choose(w["presenter"], text=a["presenter"])
        if a.get("materials"):
            user.lines(w["materials"], a["materials"])
        ticked(user, w["topics"], a.get("topics", ()))
        if a.get("bottom_lines"):
            user.type(w["bottom_lines"], a["bottom_lines"])


def fill_gifts_and_follow_up(user, planner, ref) -> None:
    gifts = planner.editors["gifts"]
    planner.tabs.setCurrentWidget(gifts)
    user.actions += 1
    for g in ref["gifts"]:
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


def test_plan_the_reference_visit_through_the_widgets(window, qtbot, db, db_url, reference_text, tmp_path, capsys):
    from hospitality_app.db.session import open_database

    ref = json.loads(reference_text)
    user = User(qtbot)
    user.key(window, Qt.Key_N, Qt.ControlModifier)
    planner = window.planners[-1]
    settle(window)
    qtbot.wait_exposed(planner)
    fill_overview(user, planner, ref)
    fill_people(user, planner, ref)
    fill_pickups(user, planner, ref)
    fill_hotel(user, planner, ref)
    fill_meals(user, planner, ref)
    fill_tour(user, planner, ref)
    fill_agenda(user, planner, ref)
    fill_gifts_and_follow_up(user, planner, ref)
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
        print(f"\nPlanning the reference visit through the planner took {user.actions} actions.")
