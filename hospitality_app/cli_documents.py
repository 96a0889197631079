"""The document commands — `letter`, `sign`, `brief`, `itinerary` — each writing one PDF."""

from __future__ import annotations

from datetime import UTC, datetime

from hospitality_app.db.session import Database
from hospitality_app.errors import HospitalityError
from hospitality_app.fileio import atomic_write


def _write_pdf(path: str, data: bytes) -> None:
    try:
        atomic_write(path, data)
    except OSError as exc:
        raise HospitalityError(f"{path}: cannot write: {exc.strerror or exc}") from None


def cmd_letter(db: Database, args) -> int:
    from hospitality_app.services import documents

    today = datetime.now(UTC).date()
    with db.unit_of_work() as session:
        data = documents.letter_pdf(session, args.visit, today=today, locale=args.locale)
        _write_pdf(args.output, data)  # inside the unit of work: no "sent" without the file
        if args.sent:
            documents.record_letter_sent(session, args.visit, today)
    print(f"Wrote the thank-you letter to {args.output}" + (" and recorded it as sent." if args.sent else ""))
    return 0


def cmd_sign(db: Database, args) -> int:
    from hospitality_app.services import documents

    with db.unit_of_work() as session:
        data = documents.sign_pdf(session, args.visit, size=args.size)
    _write_pdf(args.output, data)
    print(f"Wrote the welcome sign ({args.size}) to {args.output}")
    return 0


def cmd_brief(db: Database, args) -> int:
    from hospitality_app.services import documents

    with db.unit_of_work() as session:
        data = documents.brief_pdf(session, args.visit, language=args.lang, manager=args.manager, now=datetime.now(UTC))
    _write_pdf(args.output, data)
    print(f"Wrote the {'manager' if args.manager else 'staff'} brief to {args.output}")
    return 0


def cmd_itinerary(db: Database, args) -> int:
    from hospitality_app.services import documents

    with db.unit_of_work() as session:
        data = documents.itinerary_pdf(session, args.visit, locale=args.locale)
    _write_pdf(args.output, data)
    print(f"Wrote the itinerary to {args.output}")
    return 0
