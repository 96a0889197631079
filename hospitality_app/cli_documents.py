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
    return _document(
        db, args.output, lambda d, s: d.sign_pdf(s, args.visit, size=args.size), f"the welcome sign ({args.size})"
    )


def cmd_brief(db: Database, args) -> int:
    def make(documents, session):
        return documents.brief_pdf(session, args.visit, language=args.lang, manager=args.manager, now=datetime.now(UTC))

    return _document(db, args.output, make, f"the {'manager' if args.manager else 'staff'} brief")


def cmd_itinerary(db: Database, args) -> int:
    return _document(db, args.output, lambda d, s: d.itinerary_pdf(s, args.visit, locale=args.locale), "the itinerary")


def _document(db: Database, output: str, make, what: str) -> int:
    """Make a document (`make(documents, session)`) from what the database holds, write it to
    `output`, and say so."""
    from hospitality_app.services import documents

    with db.unit_of_work() as session:
        data = make(documents, session)
    _write_pdf(output, data)
    print(f"Wrote {what} to {output}")
    return 0
