"""No text printed over other text, whatever the length of names, titles, company names and
addresses: every document is built from deliberately long values, its words' boxes read with
`pdftotext -bbox`, and no two words on a page may overlap."""

from __future__ import annotations

import html
import re
import shutil
import subprocess
from dataclasses import replace
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

import pytest

from hospitality_app.exports.pdf.base import Letterhead
from hospitality_app.exports.pdf.brief import BriefRenderer
from hospitality_app.exports.pdf.itinerary import ItineraryRenderer
from hospitality_app.exports.pdf.letter import LetterRenderer, draft
from hospitality_app.exports.pdf.report import MonthlyReport, MonthlyReportRenderer, ReportVisit
from hospitality_app.exports.pdf.sign import SignRenderer
from hospitality_app.services import regions

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils is not installed")

LONG_HEAD = Letterhead(
    "厦门星光智能科技有限公司 Xiamen Starlight Intelligent Technology and RFID Manufacturing Company Limited, "
    "Jimei Branch",
    "No. 88 Xinglin Bay Road, Jimei District, Xiamen, Fujian Province 361022, People's Republic of China, "
    "Building 7, Floor 12, Suites 1201-1208",
    "+86 592 000 0000 ext. 12345",
    "international.sales.department@xiamen-starlight-example.com",
)
LONG_COMPANY = "PT Sinar Jaya Abadi Internasional Teknologi Manufaktur dan Perdagangan Umum Tbk Cabang Surabaya Timur"
NOW = datetime(2026, 11, 22, tzinfo=UTC)
WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>')


def long_plan(plan):
    visitors = tuple(
        replace(v, name=f"{v.name} Wijayakusumaningrat Adiwinatakusumah bin Abdurrahman", title=v.title * 3)
        for v in plan.visitors
    )
    follow_up = replace(
        plan.follow_up,
        letter_subject="Thank you for your visit and for the productive discussions on the 2027 framework "
        "agreement for RFID wristbands across Southeast Asia and Oceania",
        consensus=(*plan.follow_up.consensus, "A" * 90, "https://example.com/" + "very-long-path/" * 8),
    )
    return replace(
        plan,
        company=replace(plan.company, name=LONG_COMPANY),
        visitors=visitors,
        title="Annual strategic review of RFID supply for water parks across Southeast Asia and Oceania " * 2,
        follow_up=follow_up,
    )


def documents(plan):
    report = MonthlyReport(
        date(2026, 12, 1),
        tuple(
            ReportVisit(
                plan.start, LONG_COMPANY, "ID", "completed", "ordered", Decimal("1234567.89"), "USD", "Asia/Shanghai"
            )
            for _ in range(4)
        ),
        {"Southeast Asia": 4},
        {"ordered": 4},
        {"USD": Decimal("4938271.56")},
    )
    country = regions.country(None, "ID")
    yield "letter-en", LetterRenderer(LONG_HEAD, draft(plan, LONG_HEAD.name, date(2026, 12, 8), "en"))
    for locale in ("zh_CN", "ar", "th", "ja", "ru"):
        yield f"letter-{locale}", LetterRenderer(LONG_HEAD, draft(plan, LONG_HEAD.name, date(2026, 12, 8), locale))
    yield "sign", SignRenderer(LONG_HEAD, plan)
    yield "brief", BriefRenderer(LONG_HEAD, plan, country=country, now=NOW)
    yield "brief-zh", BriefRenderer(LONG_HEAD, plan, country=country, language="zh_CN", now=NOW)
    yield "manager-brief", BriefRenderer(LONG_HEAD, plan, country=country, manager=True, now=NOW)
    yield "itinerary", ItineraryRenderer(LONG_HEAD, plan)
    yield "report", MonthlyReportRenderer(LONG_HEAD, report)
    yield "report-zh", MonthlyReportRenderer(LONG_HEAD, report, language="zh_CN")


def overlapping_words(path: Path, tolerance: float = 0.5) -> list[tuple[int, str, str]]:
    text = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True, check=True).stdout
    found = []
    for number, page in enumerate(text.split("<page ")[1:], 1):
        words = [(*map(float, m.groups()[:4]), html.unescape(m.group(5))) for m in WORD.finditer(page)]
        for i, (ax0, ay0, ax1, ay1, a) in enumerate(words):
            for bx0, by0, bx1, by1, b in words[i + 1 :]:
                if min(ax1, bx1) - max(ax0, bx0) > tolerance and min(ay1, by1) - max(ay0, by0) > tolerance:
                    found.append((number, a, b))
    return found


def test_no_two_words_overlap_in_any_document(reference_plan, tmp_path):
    plan = long_plan(reference_plan)
    checked = []
    for name, renderer in documents(plan):
        path = tmp_path / f"{name}.pdf"
        path.write_bytes(renderer.render())
        assert overlapping_words(path) == [], name
        checked.append(name)
    assert len(checked) == 13
