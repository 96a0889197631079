"""Subcommands: each opens a unit of work, calls services and prints; bad input exits 2."""

from __future__ import annotations

import gc
import json
from datetime import UTC, datetime
from pathlib import Path
from typing import cast
from zoneinfo import ZoneInfo

from hospitality_app.cli_dashboard import cmd_dashboard, parse_clock
from hospitality_app.cli_documents import cmd_brief, cmd_itinerary, cmd_letter, cmd_sign
from hospitality_app.config import database_url
from hospitality_app.db.session import Database, open_database
from hospitality_app.errors import DatabaseError, HospitalityError, ValidationError
from hospitality_app.fileio import atomic_write
from hospitality_app.i18n import translator

DOCUMENTS = frozenset({"letter", "sign", "brief", "itinerary"})


def run(args) -> int:
    command = COMMANDS[args.command]
    if args.command == "import":
        # Read and validate before the database is even opened: bad input writes nothing.
        plan = _read_plan(args.file)
        db = open_database(database_url(args.db))
        try:
            if args.into is not None:
                return cmd_import_into(db, plan, args)
            return cmd_import(db, plan)
        finally:
            db.dispose()
    if args.command == "schema":  # the format's own description: no database involved
        return cmd_schema(args)
    if command is None:  # cannot happen: "import" and "schema" have no database, handled above
        raise TypeError(f"no function for command {args.command!r}")
    collecting = gc.isenabled()
    if args.command in DOCUMENTS:
        # One document, then the process ends: the cycle collector would only walk the fonts'
        # tables again and again (about a tenth of a cold `letter`). Bounded work, nothing to leak.
        gc.disable()
    db = open_database(database_url(args.db))
    try:
        if getattr(args, "output", None):
            _refuse_database(db, args.output)
        return command(db, args)
    finally:
        db.dispose()
        if collecting:  # as it was (the tests run commands inside one long process)
            gc.enable()


def _read_plan(path: str):
    from hospitality_app.services import interchange

    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise HospitalityError(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise HospitalityError(f"{path}: cannot read: {exc}") from None
    try:
        return interchange.loads(text)
    except ValidationError as exc:
        raise HospitalityError(f"{path}: {exc}") from None


def cmd_import(db: Database, plan) -> int:
    from hospitality_app.services import plans

    # Two imports at once may both create the same new person or company: the loser starts again
    # and finds the winner's rows (Database.write).
    saved = db.write(lambda session: plans.save(session, plan, now=datetime.now(UTC)))
    print(f"Imported visit {plan.title!r} ({plan.company.name}, {plan.company.country}).")
    for change in saved.changes:
        print(f"Updated {change.describe()}")
    for name, path in saved.new_staff:
        print(
            f"Added staff member {name!r} ({path}), who is not a host of this visit: check the name on the Staff page"
        )
    print(saved.visit_id)
    return 0


def cmd_import_into(db: Database, plan, args) -> int:
    from hospitality_app.services.visit_replace import import_into

    keys = json.loads(Path(args.file).read_text(encoding="utf-8")).keys()  # read and checked already
    saved = db.write(
        lambda session: import_into(
            session,
            args.into,
            plan,
            now=datetime.now(UTC),
            with_checklist="checklist" in keys,
            with_outcome="outcome" in keys,
        )
    )
    print(f"Replaced the plan of visit {saved.visit_id} with {args.file} ({', '.join(saved.written) or 'no change'}).")
    for change in saved.changes:
        print(f"Updated {change.describe()}")
    print(saved.visit_id)
    return 0


def _refuse_database(db: Database, output: str) -> None:
    """An output file must never be the database itself (or its journal): writing it would destroy it."""
    from hospitality_app.db.engine import is_database_file

    if is_database_file(db.url, output):
        raise HospitalityError(f"{output}: that is the database file itself; choose another file to write")


def cmd_schema(args) -> int:
    from hospitality_app.services.visit_format import json_schema

    text = json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n"
    if args.output:
        atomic_write(args.output, text.encode("utf-8"))
        print(f"Wrote {args.output}")
    else:
        print(text, end="")
    return 0


def cmd_export(db: Database, args) -> int:
    from hospitality_app.services import interchange, plans

    with db.reading() as session:
        plan = plans.load_plan(session, args.visit)
    try:
        atomic_write(args.output, interchange.dumps(plan).encode("utf-8"))
    except OSError as exc:
        raise HospitalityError(f"{args.output}: cannot write: {exc.strerror or exc}") from None
    print(f"Exported visit {args.visit} to {args.output}")
    return 0


def cmd_list(db: Database, args) -> int:
    from hospitality_app.services.readiness import readiness_of
    from hospitality_app.services.visits import VisitFilter, list_visits

    now = datetime.now(UTC)
    flt = VisitFilter(starts_after=now) if args.upcoming else VisitFilter()
    with db.reading() as session:
        rows = list_visits(session, flt, limit=None)
        ready = readiness_of(session, [r.id for r in rows], now=now) if args.json else {}
    if args.json:
        print(
            json.dumps(
                [
                    {
                        "id": r.id,
                        "title": r.title,
                        "company": r.company,
                        "country": r.country,
                        "status": r.status,
                        "start": r.start.astimezone(ZoneInfo(r.timezone)).isoformat(),
                        "end": r.end.astimezone(ZoneInfo(r.timezone)).isoformat(),
                        "timezone": r.timezone,
                        "sales_lead": r.sales_lead,
                        "errors": ready[r.id].errors,
                        "warnings": ready[r.id].warnings,
                        "key_account": r.key_account,
                    }
                    for r in rows
                ],
                ensure_ascii=False,
                indent=2,
            )
        )
        return 0
    if not rows:
        print("No visits." if not args.upcoming else "No upcoming visits.")
        return 0
    for r in rows:
        start = r.start.astimezone(ZoneInfo(r.timezone)).strftime("%Y-%m-%d %H:%M")
        print(f"{r.id:>6}  {start}  {r.country}  {r.status:<11}  {r.company} — {r.title}")
    return 0


def cmd_check(db: Database, args) -> int:
    from hospitality_app.services import plans, readiness

    with db.unit_of_work() as session:
        plan = plans.load_plan(session, args.visit)
        now = parse_clock(args.now, plan.timezone)
        findings = readiness.check_plan(session, plan, now=now, locale=args.lang)
    if args.json:
        print(json.dumps([f.as_dict() for f in findings], ensure_ascii=False, indent=2))
        return 0
    _ = translator(args.lang).gettext
    print(f"{plan.title} — {plan.company.name} ({plan.company.country})")
    if not findings:
        print(_("Ready: no findings."))
        return 0
    headings = {"error": _("Errors"), "warning": _("Warnings"), "info": _("For information")}
    for severity, heading in headings.items():
        group = [f for f in findings if f.severity == severity]
        if group:
            print(f"\n{heading} ({len(group)}):")
            for f in group:
                print(f"  [{f.code}] {f.message}")
                print(f"      {f.subject or f.target}")
    return 0


def cmd_ics(db: Database, args) -> int:
    from hospitality_app.services import calendar

    with db.unit_of_work() as session:
        data = calendar.export_visit(
            session,
            args.visit,
            now=datetime.now(UTC),
            staff=args.staff,
            lang=args.lang,
            reminder_minutes=args.reminder or None,
        )
        # Written inside the unit of work: if the file cannot be written, the export state
        # (sequences, cancellations) is rolled back with it.
        try:
            atomic_write(args.output, data)
        except OSError as exc:
            raise HospitalityError(f"{args.output}: cannot write: {exc.strerror or exc}") from None
    events, todos = data.count(b"BEGIN:VEVENT"), data.count(b"BEGIN:VTODO")
    print(f"Wrote {events} events and {todos} to-dos to {args.output}")
    return 0


def cmd_delete(db: Database, args) -> int:
    from hospitality_app.services import calendar, plans

    target = Path(args.cancellations) if args.cancellations else None
    with db.unit_of_work() as session:
        title = plans.load_plan(session, args.visit).title
        count = calendar.delete_visit(
            session, args.visit, now=datetime.now(UTC), cancellations_to=target, database_url=db.url
        )
    if target is not None and count:
        print(f"Wrote {count} cancellations to {target}: send it to everyone who had the calendar")
    elif target is not None:
        print("Nothing of this visit was ever exported to a calendar: no cancellations to write")
    print(f"Deleted visit {args.visit} ({title!r})")
    return 0


def cmd_checklist(db: Database, args) -> int:
    from hospitality_app.checklists import engine
    from hospitality_app.config import user_templates_folder
    from hospitality_app.i18n import label
    from hospitality_app.services import checklists, plans

    with db.unit_of_work() as session:
        plan = plans.load_plan(session, args.visit)
        now = parse_clock(args.now, plan.timezone)
        added = 0
        if args.apply:
            added = checklists.apply_templates(
                session, args.visit, args.apply, now=now, user_folder=user_templates_folder()
            )
            plan = plans.load_plan(session, args.visit)
    done = engine.progress(plan, now)
    zh = args.lang.startswith("zh")
    if args.json:
        print(
            json.dumps(
                {
                    "visit": args.visit,
                    "added": added,
                    "percent": done.percent,
                    "done": done.done,
                    "total": done.total,
                    "overdue": done.overdue,
                    "items": [
                        {
                            "id": c.id,
                            "phase": c.phase,
                            "title": c.title_zh if zh and c.title_zh else c.title,
                            "due": c.due.astimezone(plan.zone).isoformat() if c.due else None,
                            "assignee": c.assignee,
                            "assignee_role": c.assignee_role or None,
                            "done_at": c.done_at.astimezone(plan.zone).isoformat() if c.done_at else None,
                            "done_by": c.done_by,
                            "overdue": bool(not c.done and c.due and c.due < now),
                            "template": c.template or None,
                        }
                        for c in plan.checklist
                    ],
                },
                ensure_ascii=False,
                indent=2,
            )
        )
        return 0
    _ = translator(args.lang).gettext
    if added:
        print(_("Added {n} items from the templates.").format(n=added))
    print(
        f"{plan.title} — {done.percent}% ({done.done}/{done.total})"
        + (f", {_('{n} overdue').format(n=done.overdue)}" if done.overdue else "")
    )
    for phase in ("before", "day_of", "departure", "after"):
        items = [c for c in plan.checklist if c.phase == phase]
        if not items:
            continue
        print(f"\n{label(phase, _)} ({done.phase_percent(phase)}%)")
        for c in sorted(items, key=lambda c: (c.due is None, c.due or now)):
            mark = "x" if c.done else ("!" if c.due and c.due < now else " ")
            due = plan.local(c.due).strftime("%Y-%m-%d %H:%M") if c.due else "—"
            who = c.assignee or (label(c.assignee_role, _) if c.assignee_role else "")
            title = c.title_zh if zh and c.title_zh else c.title
            print(f"  [{mark}] {due}  {title}" + (f"  ({who})" if who else ""))
    return 0


def cmd_settings(db: Database, args) -> int:
    from hospitality_app.services import settings

    with db.unit_of_work() as session:
        if args.key is not None and args.value is not None:
            settings.set_setting(session, args.key, args.value)
        current = settings.settings(session)
    if args.key is not None and args.key not in current:
        raise HospitalityError(f"unknown setting {args.key!r} (one of: {', '.join(current)})")
    for key, value in current.items():
        if args.key is None or key == args.key:
            print(f"{key} = {value}")
    return 0


def cmd_team(db: Database, args) -> int:
    from hospitality_app.services import team

    if args.team_command == "sql":
        with db.engine.connect() as conn:
            schema = (
                cast(str, conn.exec_driver_sql("SELECT current_schema()").scalar())
                if db.engine.dialect.name == "postgresql"
                else "public"
            )
        print(";\n".join(team.init_statements(schema)) + ";")
        return 0
    statements = team.init_team(db.engine)
    print(
        f"Team roles ready ({len(statements)} statements): grant hospitality_staff or hospitality_managers "
        "to each person's login, e.g. GRANT hospitality_staff TO alice;"
    )
    return 0


def cmd_copy(db: Database, args) -> int:
    from hospitality_app.services import team

    try:
        target = open_database(database_url(args.to))
    except DatabaseError as exc:  # the engine speaks of --db, the option a user gives most
        text = str(exc)
        raise DatabaseError("--to: " + text.removeprefix("--db: ")) if text.startswith("--db: ") else exc from None
    try:
        with db.unit_of_work() as source, target.unit_of_work() as into:
            copied, skipped = team.copy_all(source, into, now=datetime.now(UTC))
    finally:
        target.dispose()
    print(f"Copied {copied} visits; {skipped} were already there.")
    return 0


def cmd_notes(db: Database, args) -> int:
    from hospitality_app.services import regions

    code = args.country.upper()
    with db.unit_of_work() as session:
        if args.topic or args.en or args.zh:
            if not args.topic:
                raise HospitalityError("--topic is needed to change a note")
            current = next((n for n in regions.country(session, code).notes if n.topic == args.topic), None)
            regions.save_note(
                session,
                code,
                args.topic,
                args.en if args.en is not None else (current.text_en if current else ""),
                args.zh if args.zh is not None else (current.text_zh if current else ""),
            )
        country = regions.country(session, code)
    print(f"{country.name(args.lang)} ({code})")
    for note in country.notes:
        mark = " *" if note.edited else ""
        print(f"  {note.topic}{mark}: {note.text(args.lang)}")
    if not country.notes:
        print("  (no notes yet)")
    return 0


def cmd_demo(db: Database, args) -> int:
    from hospitality_app.services import demo, demo_bulk

    with db.unit_of_work() as session:
        ids = demo.create_demo_visits(session, now=datetime.now(UTC))
    print(f"Added {len(ids)} demo visits: {', '.join(map(str, ids))}")
    if args.visits:
        inserted = demo_bulk.bulk_visits(db.engine, args.visits, now=datetime.now(UTC))
        print(f"Added {inserted} generated visits.")
    return 0


COMMANDS = {
    "import": None,
    "schema": None,
    "export": cmd_export,
    "list": cmd_list,
    "check": cmd_check,
    "ics": cmd_ics,
    "delete": cmd_delete,
    "checklist": cmd_checklist,
    "letter": cmd_letter,
    "sign": cmd_sign,
    "brief": cmd_brief,
    "itinerary": cmd_itinerary,
    "settings": cmd_settings,
    "team": cmd_team,
    "copy": cmd_copy,
    "notes": cmd_notes,
    "demo": cmd_demo,
    "dashboard": cmd_dashboard,
}
