"""Calendar export as a use case: build the items, compare with the last export, render.

SEQUENCE rises exactly when what a calendar shows of an item changes; an item that was
exported before and is no longer in the plan is sent once more, as CANCELLED, so calendars
drop it. A person's export cancels only items that were theirs.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from hospitality_app.errors import ValidationError
from hospitality_app.exports import ics, itinerary
from hospitality_app.i18n import translator
from hospitality_app.models import AppSetting, CalendarItemState
from hospitality_app.services import plans, visit_files


def database_uuid(session: Session) -> str:
    row = session.get(AppSetting, "database_uuid")
    if row is None:  # only a database built without migrations lacks it
        import uuid

        row = AppSetting(key="database_uuid", value=str(uuid.uuid4()))
        session.add(row)
        session.flush()
    return row.value


def _uids(session: Session, states) -> Callable[[str], str]:
    """An item's UID: the one its calendars know (kept when the visit was copied from another
    database), or one derived from this database's identity and the item."""
    base = database_uuid(session)
    known = {s.item_key: s.uid for s in states if s.item_key}
    return lambda key: known.get(key) or ics.uid_for(base, key)


def carry_calendars(source: Session, source_visit: int, target: Session, target_visit: int, *, now: datetime) -> int:
    """Copy what the calendars of `source_visit` were sent to its copy `target_visit`, so that the
    next export from the target updates and cancels the same events rather than adding a second
    set. Items pair up in itinerary order: the copy is the same plan with other ids. Returns the
    number of calendar items carried."""
    rows = list(source.scalars(select(CalendarItemState).where(CalendarItemState.visit_id == source_visit)))
    if not rows:
        return 0
    old = itinerary.items(plans.load_plan(source, source_visit), lambda s: s)
    new = itinerary.items(plans.load_plan(target, target_visit), lambda s: s)
    uid_of = _uids(source, rows)
    keys = {uid_of(a.key): b.key for a, b in zip(old, new, strict=True)}
    carried = 0
    for row in rows:
        if target.get(CalendarItemState, row.uid) is not None:
            continue  # copied before
        target.add(
            CalendarItemState(
                uid=row.uid,
                visit_id=target_visit,
                item_key=keys.get(row.uid),  # None: an item withdrawn already, cancelled with the visit
                component=row.component,
                sequence=row.sequence,
                content_hash=row.content_hash,
                people=list(row.people or ()),
                summary=row.summary,
                start=row.start,
                end=row.end,
                all_day=row.all_day,
                cancelled=row.cancelled,
                exported_at=row.exported_at or now,
            )
        )
        carried += 1
    target.flush()
    return carried


def export_visit(
    session: Session,
    visit_id: int,
    *,
    now: datetime,
    staff: str | None = None,
    lang: str = "en",
    reminder_minutes: int | None = 30,
) -> bytes:
    plan = plans.load_plan(session, visit_id, bottom_lines=False)  # never in a calendar: not even read
    if plan.status == "cancelled":  # the visit is off: every event it ever sent is withdrawn
        return cancellations(session, visit_id, now=now, staff=staff) or _empty(plan, now, staff)
    if staff is not None and plan.host(staff) is None and not any(c.assignee == staff for c in plan.checklist):
        names = ", ".join(h.name for h in plan.hosts) or "none"
        raise ValidationError("--staff", f"{staff!r} is not a host of visit {visit_id} (hosts: {names})")
    tr = translator(lang).gettext
    everything = itinerary.items(plan, tr, reminder_minutes=reminder_minutes)
    items = itinerary.for_person(everything, staff) if staff is not None else everything
    states = {
        s.uid: s for s in session.scalars(select(CalendarItemState).where(CalendarItemState.visit_id == visit_id))
    }
    uid_of = _uids(session, states.values())
    entries: list[ics.Entry] = []
    current = set()
    for item in items:
        uid = uid_of(item.key)
        current.add(uid)
        digest = item.content_hash()
        state = states.get(uid)
        if state is None and item.completed is not None:
            continue  # done before any calendar had it: nothing to tell; done since: COMPLETED
        if state is None:
            state = CalendarItemState(
                uid=uid, visit_id=visit_id, component=item.component, sequence=0, content_hash=digest
            )
            session.add(state)
        elif state.content_hash != digest or state.cancelled:
            state.sequence += 1
            state.exported_at = now
        _update(
            state,
            content_hash=digest,
            cancelled=False,
            component=item.component,
            item_key=item.key,
            # Everyone who ever had it: a driver replaced must still be able to withdraw it.
            people=sorted(set(state.people or ()) | set(item.people)),
            summary=item.summary,
            all_day=item.all_day,
            start=_moment(item.start, plan.zone),
            end=_moment(item.end, plan.zone) if item.end is not None else None,
            exported_at=state.exported_at or now,
        )
        entries.append(ics.Entry(uid, state.sequence, item, modified=state.exported_at))
    planned = {uid_of(i.key) for i in everything}
    if staff is None:
        current |= planned  # items a person's export never saw stay in the whole-visit reckoning
    for uid, state in states.items():
        if uid in current or (staff is not None and staff not in (state.people or [])):
            continue
        if staff is not None and uid in planned:
            # Still planned, now someone else's (the pickup went to another driver): withdrawn
            # from this person's calendar only; the item itself stays as it is.
            entries.append(ics.Entry(uid, state.sequence + 1, _gone(state, plan.zone), cancelled=True, modified=now))
            continue
        entries.append(_withdrawn(state, plan.zone, now))
    name = f"{plan.title}" + (f" — {staff}" if staff else "")
    return ics.render(
        entries, timezone=plan.timezone, now=now, name=name, organizer=itinerary.organizer(plan), site=_located(session)
    )


def _located(session: Session) -> tuple[float, float] | None:
    """The site's coordinates when the team has set them: the zone's main city, the default
    for sunset times, can be hundreds of kilometres from the factory."""
    from hospitality_app.hosting_calendars.site import parse_location
    from hospitality_app.services.settings import site_settings

    typed = site_settings(session).get("site.location")
    return parse_location(typed) if typed else None


def cancellations(session: Session, visit_id: int, *, now: datetime, staff: str | None = None) -> bytes | None:
    """A calendar that cancels every event and to-do ever exported for the visit (or for `staff`
    among them), for a visit called off or about to be deleted; None when nothing was exported."""
    plan = plans.load_plan(session, visit_id)
    states = session.scalars(
        select(CalendarItemState).where(CalendarItemState.visit_id == visit_id).order_by(CalendarItemState.start)
    )
    entries = []
    for state in states:
        if staff is not None and staff not in (state.people or []):
            continue
        entries.append(_withdrawn(state, plan.zone, now))
    if not entries:
        return None
    name = f"{plan.title}" + (f" — {staff}" if staff else "")
    return ics.render(entries, timezone=plan.timezone, now=now, name=name, organizer=itinerary.organizer(plan))


def exported_count(session: Session, visit_id: int) -> int:
    """How many of the visit's events and to-dos are in someone's calendar (exported, not withdrawn)."""
    from sqlalchemy import func

    return (
        session.scalar(
            select(func.count()).where(CalendarItemState.visit_id == visit_id, CalendarItemState.cancelled.is_(False))
        )
        or 0
    )


def delete_visit(
    session: Session, visit_id: int, *, now: datetime, cancellations_to: Path | None = None, database_url: str = ""
) -> int:
    """Delete the visit; first, with `cancellations_to`, write the calendar that withdraws every
    event ever exported for it (if that file cannot be written, nothing is deleted). Returns how
    many cancellations were written."""
    count = 0
    if cancellations_to is not None:
        data = cancellations(session, visit_id, now=now)
        if data is not None:
            visit_files.write_output(cancellations_to, data, database_url=database_url)
            count = data.count(b"BEGIN:VEVENT") + data.count(b"BEGIN:VTODO")
    plans.delete_visit(session, visit_id)
    return count


def _empty(plan, now: datetime, staff: str | None) -> bytes:
    """A cancelled visit never exported: a calendar with nothing in it (nothing to withdraw)."""
    name = f"{plan.title}" + (f" — {staff}" if staff else "")
    return ics.render([], timezone=plan.timezone, now=now, name=name)


def _update(state: CalendarItemState, **values) -> None:
    """Set only what differs: an export that changes nothing writes nothing (a large visit's
    re-export otherwise rewrote every row, a fifth of its time)."""
    for name, value in values.items():
        if getattr(state, name) != value:
            setattr(state, name, value)


def _moment(value, zone):
    if isinstance(value, datetime):
        return value
    return datetime.combine(value, datetime.min.time(), tzinfo=zone)


def _withdrawn(state: CalendarItemState, zone, now: datetime) -> ics.Entry:
    """The item as CANCELLED; the first time, a new SEQUENCE and LAST-MODIFIED, recorded."""
    if not state.cancelled:
        state.cancelled = True
        state.sequence += 1
        state.exported_at = now
    return ics.Entry(state.uid, state.sequence, _gone(state, zone), cancelled=True, modified=state.exported_at)


def _gone(state: CalendarItemState, zone) -> itinerary.CalendarItem:
    start = state.start.astimezone(zone)
    end = state.end.astimezone(zone) if state.end else None
    first: datetime | date = start
    last: datetime | date | None = end
    if state.all_day:
        first, last = start.date(), end.date() if end else None
    return itinerary.CalendarItem(
        key=state.uid,
        component=state.component,
        summary=state.summary,
        start=first,
        end=last,
        people=frozenset(state.people or ()),
    )
