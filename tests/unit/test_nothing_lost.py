"""A stateful property test of the promise that nothing confirmed is lost: planners opened at
any time, edited and saved; the same people and places edited on their own pages (fresh and
stale); checklist ticks; the letter recorded as sent; imports naming the same people; and a
second process writing the same SQLite file. After every step, every value a user was told
was saved is what the database holds, and every stale write was refused as a conflict."""

from __future__ import annotations

import json
import multiprocessing
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import Bundle, RuleBasedStateMachine, initialize, invariant, rule

from hospitality_app.db.session import open_database
from hospitality_app.errors import ConflictError
from hospitality_app.services import checklists, directory, documents, interchange, plans
from hospitality_app.services.directory import KINDS

NOW = datetime(2026, 11, 22, 1, tzinfo=UTC)
PEOPLE = ("Budi Santoso", "Siti Rahmawati", "Hendra Wijaya")
HOTEL = "Xiamen Marriott Hotel"
ALLERGIES = st.sampled_from([(), ("peanuts",), ("shellfish",), ("peanuts", "sesame")])
TEXTS = st.sampled_from(["A", "B", "Price talks", "Samples"])


def second_process(pipe) -> None:
    """Another program on the same file: it opens the database for each command, as a CLI run does."""
    while True:
        command = pipe.recv()
        if command is None:
            return
        kind, path, *args = command
        db = open_database(f"sqlite:///{path}")
        try:
            with db.unit_of_work() as session:
                if kind == "tick":
                    item_id, done = args
                    checklists.tick(session, item_id, done=done, by="Li Wei", now=NOW)
                elif kind == "allergies":
                    name, allergies = args
                    record = next(r for r in directory.list_records(session, KINDS["visitors"], name)[0])
                    values = {**record.values, "allergies": allergies}
                    directory.save_record(session, KINDS["visitors"], replace(record, values=values))
            pipe.send("done")
        except Exception as exc:  # reported to the test, which fails on it
            pipe.send(f"{type(exc).__name__}: {exc}")
        finally:
            db.dispose()


@pytest.fixture(scope="module")
def other_program():
    context = multiprocessing.get_context("spawn")
    ours, theirs = context.Pipe()
    process = context.Process(target=second_process, args=(theirs,), daemon=True)
    process.start()
    yield ours
    ours.send(None)
    process.join(10)


class NothingLost(RuleBasedStateMachine):
    planners = Bundle("planners")
    pages = Bundle("pages")

    def __init__(self) -> None:
        super().__init__()
        self.truth: dict[tuple, object] = {}
        self.record_writes: dict[tuple, int] = {}

    # set-up -------------------------------------------------------------------------------
    @initialize()
    def a_visit_with_a_checklist(self) -> None:
        import tempfile

        self.folder = Path(tempfile.mkdtemp(prefix="nothing-lost-"))
        self.path = self.folder / "h.db"
        self.db = open_database(f"sqlite:///{self.path}")
        with self.db.unit_of_work() as session:
            self.visit = plans.save(session, interchange.loads(REFERENCE.read_text("utf-8")), now=NOW).visit_id
            checklists.apply_templates(session, self.visit, ["standard"], now=NOW)
        plan = self.load()
        self.items = [c.id for c in plan.checklist[:3]]
        self.truth = {
            ("visit", "title"): plan.title,
            ("visit", "purpose"): plan.purpose,
            ("follow_up", "letter_sent"): plan.follow_up.letter_sent,
            ("hotel", "drive_minutes"): plan.hotel_stays[0].hotel.drive_minutes,
            **{("visitor", v.name, "allergies"): v.allergies for v in plan.visitors},
            **{("item", c.id): c.done for c in plan.checklist[:3]},
        }
        self.record_writes = {("visitor", name): 0 for name in PEOPLE}

    def teardown(self) -> None:
        if hasattr(self, "db"):
            self.db.dispose()

    def load(self):
        with self.db.unit_of_work() as session:
            return plans.load_plan(session, self.visit)

    def confirm(self, key: tuple, value) -> None:
        """A write the user was told succeeded: the value is the truth from now on."""
        if self.truth[key] != value and key[0] == "visitor":
            self.record_writes[("visitor", key[1])] += 1
        self.truth[key] = value

    # planners ------------------------------------------------------------------------------
    @rule(target=planners)
    def open_a_planner(self):
        plan = self.load()
        return {"plan": plan, "edits": {}}

    @rule(planner=planners, field=st.sampled_from(["title", "purpose"]), text=TEXTS)
    def edit_the_visit(self, planner, field, text) -> None:
        planner["plan"] = replace(planner["plan"], **{field: text})
        planner["edits"][("visit", field)] = text

    @rule(planner=planners, who=st.sampled_from(PEOPLE), allergies=ALLERGIES)
    def edit_an_allergy_in_the_planner(self, planner, who, allergies) -> None:
        plan = planner["plan"]
        visitors = tuple(replace(v, allergies=allergies) if v.name == who else v for v in plan.visitors)
        planner["plan"] = replace(plan, visitors=visitors)
        planner["edits"][("visitor", who, "allergies")] = allergies

    @rule(planner=planners, minutes=st.sampled_from([10, 25, 40]))
    def edit_the_hotels_minutes_in_the_planner(self, planner, minutes) -> None:
        plan = planner["plan"]
        stay = plan.hotel_stays[0]
        planner["plan"] = replace(plan, hotel_stays=(replace(stay, hotel=replace(stay.hotel, drive_minutes=minutes)),))
        planner["edits"][("hotel", "drive_minutes")] = minutes

    @rule(planner=planners)
    def save_the_planner(self, planner) -> None:
        base = planner["plan"].base
        loaded = {
            ("visit", "title"): base.title,
            ("visit", "purpose"): base.purpose,
            ("hotel", "drive_minutes"): base.hotel_stays[0].hotel.drive_minutes,
            **{("visitor", v.name, "allergies"): v.allergies for v in base.visitors},
        }
        changed = {k: v for k, v in planner["edits"].items() if v != loaded[k]}
        stale = [k for k, v in changed.items() if self.truth[k] not in (loaded[k], v)]
        try:
            with self.db.unit_of_work() as session:
                plans.save(session, planner["plan"], now=NOW)
        except ConflictError:
            assert stale, f"a conflict where nobody else changed {sorted(changed)}"
        else:
            assert not stale, f"a stale write of {stale} was not reported"
            for key, value in changed.items():
                self.confirm(key, value)
        planner["plan"], planner["edits"] = self.load(), {}  # the planner shows what is stored

    # record pages ------------------------------------------------------------------------------
    @rule(target=pages, who=st.sampled_from(PEOPLE))
    def open_a_visitor_on_the_clients_page(self, who):
        with self.db.unit_of_work() as session:
            record = next(r for r in directory.list_records(session, KINDS["visitors"], who)[0])
        return {"record": record, "who": who, "writes": self.record_writes[("visitor", who)]}

    @rule(page=pages, allergies=ALLERGIES)
    def save_an_allergy_on_the_clients_page(self, page, allergies) -> None:
        record, who = page["record"], page["who"]
        stale = self.record_writes[("visitor", who)] != page["writes"]
        try:
            with self.db.unit_of_work() as session:
                directory.save_record(
                    session, KINDS["visitors"], replace(record, values={**record.values, "allergies": allergies})
                )
        except ConflictError:
            assert stale, "a conflict on a record nobody else changed"
        else:
            assert not stale, f"a stale save of {who} was not reported"
            self.confirm(("visitor", who, "allergies"), allergies)
        with self.db.unit_of_work() as session:
            page["record"] = directory.get_record(session, KINDS["visitors"], record.id)
        page["writes"] = self.record_writes[("visitor", who)]

    # everything else ----------------------------------------------------------------------------
    @rule(index=st.integers(0, 2), done=st.booleans())
    def tick_a_checklist_item(self, index, done) -> None:
        with self.db.unit_of_work() as session:
            checklists.tick(session, self.items[index], done=done, by="Li Wei", now=NOW)
        self.confirm(("item", self.items[index]), done)

    @rule(days=st.integers(0, 3))
    def record_the_letter_sent(self, days) -> None:
        day = date(2026, 12, 9) + timedelta(days=days)
        with self.db.unit_of_work() as session:
            documents.record_letter_sent(session, self.visit, day)
        self.confirm(("follow_up", "letter_sent"), day)

    @rule(who=st.sampled_from(PEOPLE), allergies=st.none() | ALLERGIES)
    def import_another_visit_naming_the_same_people(self, who, allergies) -> None:
        data = json.loads(REFERENCE.read_text("utf-8"))
        data["visit"].update(title="Later", start="2027-03-01T09:00", end="2027-03-02T17:00")
        for key in ("pickups", "hotel_stays", "meals", "agenda"):
            data[key] = []
        data.pop("tour")
        for v in data["visitors"]:
            v.pop("allergies", None)  # absent: kept as stored
            v.pop("dietary", None)
            if v["name"] == who and allergies is not None:
                v["allergies"] = list(allergies)  # given: replaces what is stored
        with self.db.unit_of_work() as session:
            plans.save(session, interchange.loads(json.dumps(data)), now=NOW)
        if allergies is not None:
            self.confirm(("visitor", who, "allergies"), allergies)

    @rule(index=st.integers(0, 2), done=st.booleans())
    def another_program_ticks(self, index, done) -> None:
        PIPE[0].send(("tick", str(self.path), self.items[index], done))
        assert PIPE[0].recv() == "done"
        self.confirm(("item", self.items[index]), done)

    @rule(who=st.sampled_from(PEOPLE), allergies=ALLERGIES)
    def another_program_sets_an_allergy(self, who, allergies) -> None:
        PIPE[0].send(("allergies", str(self.path), who, allergies))
        assert PIPE[0].recv() == "done"
        self.confirm(("visitor", who, "allergies"), allergies)

    # the promise ---------------------------------------------------------------------------------
    @invariant()
    def nothing_confirmed_is_lost(self) -> None:
        if not self.truth:
            return
        plan = self.load()
        found = {
            ("visit", "title"): plan.title,
            ("visit", "purpose"): plan.purpose,
            ("follow_up", "letter_sent"): plan.follow_up.letter_sent,
            ("hotel", "drive_minutes"): plan.hotel_stays[0].hotel.drive_minutes,
            **{("visitor", v.name, "allergies"): v.allergies for v in plan.visitors},
            **{("item", c.id): c.done for c in plan.checklist if c.id in self.items},
        }
        assert found == self.truth


REFERENCE = Path(__file__).resolve().parents[1] / "data" / "visit-indonesia.json"
PIPE: list = []


@pytest.mark.slow
def test_nothing_confirmed_is_lost_and_every_stale_write_is_refused(other_program):
    PIPE[:] = [other_program]
    run = NothingLost.TestCase
    run.settings = settings(
        max_examples=20,
        stateful_step_count=20,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
    )
    run().runTest()
