"""The composition root: parse arguments, open (and migrate) the database, then run a command
or the main window."""

from __future__ import annotations

import argparse
import os
import sys
from typing import NoReturn

from hospitality_app import __version__

MAX_ID = 2**63 - 1  # the databases' integer keys are 64-bit
MAX_REMINDER_MINUTES = 7 * 24 * 60  # an alarm a week ahead is the most a calendar user would set
MAX_DEMO_VISITS = 1_000_000


class OneLineParser(argparse.ArgumentParser):
    """Errors on one line, `hospitality-app: error: WHERE: WHAT` (argparse prints the usage
    first, over several lines); the usage stays one `--help` away."""

    def error(self, message: str) -> NoReturn:
        where = self.prog.removeprefix("hospitality-app").strip()
        message = " ".join(message.split())  # a value with a line break stays on one line
        if message.startswith("argument "):
            message = message.removeprefix("argument ")
        usage = f"hospitality-app {where + ' ' if where else ''}--help"
        self.exit(2, f"hospitality-app: error: {where + ': ' if where else ''}{message}; usage: {usage}\n")


class _Version(argparse.Action):
    """The program's version and the releases of the data its calendar checks read: holiday
    dates change each year (China's are published each winter), so a report names both."""

    def __init__(self, option_strings, dest, **kw) -> None:
        super().__init__(option_strings, dest, nargs=0, **kw)

    def __call__(self, parser: argparse.ArgumentParser, namespace, values, option_string=None) -> NoReturn:
        from importlib.metadata import version

        sys.stdout.write(
            f"hospitality-app {__version__}\n"
            f"public holidays: holidays {version('holidays')} (China's holidays of a year not yet published by "
            "the State Council are estimates)\n"
            f"Islamic calendar: hijridate {version('hijridate')} (Umm al-Qura)\n"
            f"sunrise, sunset and prayer times: astral {version('astral')}\n"
            f"time zones: tzdata {version('tzdata')}\n",
        )
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    parser = OneLineParser(
        prog="hospitality-app",
        description="Plan and check the visits of foreign clients. Without a command, opens the window.",
    )
    parser.add_argument("--version", action=_Version, help="show the version and the calendar data in use, and exit")
    parser.add_argument(
        "--db",
        metavar="PATH_OR_URL",
        help="SQLite file or SQLAlchemy URL (default: $HOSPITALITY_DB or a file in your data folder)",
    )
    parser.add_argument(
        "--lang",
        type=_language,
        default=os.environ.get("HOSPITALITY_LANG", "en"),
        help="language of messages: en or zh_CN",
    )
    parser.add_argument(
        "--quit-after-startup",
        action="store_true",
        help="open the window, wait until the visit list has painted, print when it did, exit 0",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    p = commands.add_parser("import", help="import one visit from a hospitality-visit/1 JSON file")
    p.add_argument("file", metavar="FILE.json")
    p.add_argument(
        "--into",
        metavar="VISIT",
        type=_visit_id,
        help="replace this visit's plan with the file's (it keeps its id and its calendars' events)",
    )
    p = commands.add_parser("export", help="export one visit as hospitality-visit/1 JSON")
    p.add_argument("visit", metavar="VISIT", type=_visit_id)
    p.add_argument("-o", "--output", required=True, metavar="FILE.json")
    p = commands.add_parser("schema", help="print the JSON Schema of the hospitality-visit/1 format")
    p.add_argument("-o", "--output", metavar="FILE.json", help="write it to a file instead")
    p = commands.add_parser("list", help="list visits")
    p.add_argument("--upcoming", action="store_true", help="only visits that have not ended")
    p.add_argument("--json", action="store_true", help="print JSON")
    p = commands.add_parser("dashboard", help="the managers' dashboard: upcoming visits, pickups, what is overdue")
    p.add_argument("--json", action="store_true", help="print JSON (an object whose keys include 'upcoming')")
    p.add_argument("--now", metavar="ISO", help="the clock (without an offset: this computer's local time)")
    p.add_argument(
        "--days", type=lambda text: _count(text, 366), default=14, help="how far ahead to list visits (default 14)"
    )
    p = commands.add_parser("check", help="readiness check of one visit")
    p.add_argument("visit", metavar="VISIT", type=_visit_id)
    p.add_argument("--json", action="store_true", help="print the findings as JSON")
    p.add_argument("--now", metavar="ISO", help="the clock (local times are in the visit's zone)")
    p = commands.add_parser("ics", help="export a visit's itinerary as an iCalendar file")
    p.add_argument("visit", metavar="VISIT", type=_visit_id)
    p.add_argument("-o", "--output", required=True, metavar="FILE.ics")
    p.add_argument("--staff", metavar="NAME", help="only this person's items (and open checklist items)")
    p.add_argument(
        "--reminder",
        type=lambda text: _count(text, MAX_REMINDER_MINUTES),
        default=30,
        metavar="MINUTES",
        help="reminder before meals, the tour and meetings (0: none; default 30)",
    )
    p = commands.add_parser("delete", help="delete a visit (first, with --cancellations, withdraw its calendar events)")
    p.add_argument("visit", metavar="VISIT", type=_visit_id)
    p.add_argument(
        "--cancellations",
        metavar="FILE.ics",
        help="first write a calendar that cancels every event ever exported for the visit",
    )
    p = commands.add_parser("checklist", help="a visit's checklist with progress; --apply adds template items")
    p.add_argument("visit", metavar="VISIT", type=_visit_id)
    p.add_argument(
        "--apply",
        nargs="+",
        metavar="TEMPLATE",
        default=[],
        help="templates to apply first: standard, key_account, first_visit, trade_fair",
    )
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument("--now", metavar="ISO", help="the clock (local times are in the visit's zone)")
    p = commands.add_parser("letter", help="the thank-you letter as PDF, in the client's language")
    p.add_argument("visit", metavar="VISIT", type=_visit_id)
    p.add_argument("-o", "--output", required=True, metavar="FILE.pdf")
    p.add_argument("--locale", type=_locale, help="the letter's language (default: the visit's client locale)")
    p.add_argument("--sent", action="store_true", help="record the letter as sent today")
    p = commands.add_parser("sign", help="the welcome sign as PDF (landscape)")
    p.add_argument("visit", metavar="VISIT", type=_visit_id)
    p.add_argument("-o", "--output", required=True, metavar="FILE.pdf")
    p.add_argument("--size", choices=("A4", "A3"), default="A4")
    p = commands.add_parser("brief", help="the staff brief as PDF (in --lang)")
    p.add_argument("visit", metavar="VISIT", type=_visit_id)
    p.add_argument("-o", "--output", required=True, metavar="FILE.pdf")
    p.add_argument("--manager", action="store_true", help="include the negotiation bottom lines")
    p = commands.add_parser("itinerary", help="the client's itinerary as PDF, in the client's language")
    p.add_argument("visit", metavar="VISIT", type=_visit_id)
    p.add_argument("-o", "--output", required=True, metavar="FILE.pdf")
    p.add_argument("--locale", type=_locale, help="the itinerary's language (default: the visit's client locale)")
    p = commands.add_parser(
        "settings",
        help="show or set the letterhead and the site",
        description="Show every setting, show one (KEY) or set one (KEY VALUE).",
        epilog=(
            "keys: company.name, company.address, company.phone, company.email, company.logo (an image file); "
            "site.country (CN, or a name), site.location (LAT,LON), factory.closures "
            "(2027-01-28/2027-02-12,…), calendar.ramadan_starts (2027-02-09,…)"
        ),
    )
    p.add_argument("key", nargs="?")
    p.add_argument("value", nargs="?")
    p = commands.add_parser("team", help="team mode on PostgreSQL")
    team = p.add_subparsers(dest="team_command", metavar="ACTION", required=True)
    team.add_parser("init", help="create the staff and manager roles and their grants (run as the owner)")
    team.add_parser("sql", help="print the statements 'team init' runs, for an administrator")
    p = commands.add_parser("copy", help="copy every visit, person and place into another database")
    p.add_argument("--to", required=True, metavar="URL", help="the team database (postgresql://…)")
    p = commands.add_parser("notes", help="show a country's regional notes, or set one topic (--topic, --en, --zh)")
    p.add_argument("country", metavar="COUNTRY", type=_country, help="ISO 3166 code, such as ID or DE")
    p.add_argument("--topic", help="language, punctuality, dining, gifts, payment, negotiation, communication")
    p.add_argument("--en", help="the note in English")
    p.add_argument("--zh", help="the note in Chinese")
    p = commands.add_parser("demo", help="fill the database with realistic demo visits")
    p.add_argument(
        "--visits",
        type=lambda text: _count(text, MAX_DEMO_VISITS),
        default=0,
        metavar="N",
        help="also insert N generated visits in bulk (for benchmarks)",
    )
    return parser


def _visit_id(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a visit id: {text!r} (ids are numbers, see 'list')") from None
    if not 1 <= value <= MAX_ID:
        raise argparse.ArgumentTypeError(f"not a visit id: {text!r} (ids are numbers, see 'list')")
    return value


def _count(text: str, most: int) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"must not be negative: {text!r}")
    if value > most:
        raise argparse.ArgumentTypeError(f"at most {most}: {text!r}")
    return value


def _language(text: str) -> str:
    code = text.replace("-", "_")
    if code.split("_")[0].lower() not in ("en", "zh"):
        raise argparse.ArgumentTypeError(f"not a language of the interface: {text!r} (en or zh_CN)")
    return text


def _locale(text: str) -> str:
    from babel import Locale, UnknownLocaleError

    try:
        Locale.parse(text.replace("-", "_"))
    except (UnknownLocaleError, ValueError, TypeError):
        raise argparse.ArgumentTypeError(f"unknown locale: {text!r} (like de_DE, ar_SA or zh_CN)") from None
    return text


def _country(text: str) -> str:
    from babel import Locale

    code = text.strip().upper()
    if len(code) != 2 or not code.isalpha() or code not in Locale("en").territories:
        raise argparse.ArgumentTypeError(f"not a country code: {text!r} (ISO 3166, such as ID or DE)")
    return code


def _check_display() -> None:
    """Qt aborts the process when there is no screen to open on; say so in one line instead."""
    from hospitality_app.errors import HospitalityError

    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        raise HospitalityError("no display to open the window on (DISPLAY is not set); the commands work without one")


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    # --lang or HOSPITALITY_LANG wins over the language chosen in the window's preferences.
    args.lang_given = "HOSPITALITY_LANG" in os.environ or any(
        a == "--lang" or a.startswith("--lang=") for a in (argv or sys.argv[1:])
    )
    from hospitality_app.errors import HospitalityError

    try:
        if args.command is None:
            _check_display()
            from hospitality_app.ui.main import run_gui

            return run_gui(args)
        from hospitality_app import cli

        return cli.run(args)
    except HospitalityError as exc:
        print(f"hospitality-app: error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # `hospitality-app list | head`: the reader left, nothing is wrong
        sys.stderr.close()
        return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
