"""The documents: text extracted from each PDF (every script), fonts embedded, a second page
with the letterhead, user text never interpreted as markup."""

from __future__ import annotations

import html
import re
import shutil
import subprocess
import unicodedata
from dataclasses import replace
from datetime import UTC, date, datetime
from itertools import pairwise
from pathlib import Path

import pytest

from hospitality_app.exports.pdf.base import Letterhead
from hospitality_app.exports.pdf.brief import BriefRenderer
from hospitality_app.exports.pdf.itinerary import ItineraryRenderer
from hospitality_app.exports.pdf.letter import LetterRenderer, draft
from hospitality_app.exports.pdf.sign import SignRenderer
from hospitality_app.services import regions

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils is not installed")

HEAD = Letterhead(
    "厦门星光智能科技有限公司 Xiamen Starlight RFID Co., Ltd.",
    "No. 88 Xinglin Bay Road, Xiamen",
    "+86 592 000 0000",
    "sales@example.com",
)
TODAY = date(2026, 12, 8)
BOX = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>')


def text_of(data: bytes, tmp_path: Path, name: str = "doc", *, raw: bool = False) -> str:
    """The text of a PDF as pdftotext reads it; `raw` in the order it was written, for Thai,
    whose stacked marks (shaped by HarfBuzz) pdftotext's layout analysis tears off their words."""
    path = tmp_path / f"{name}.pdf"
    path.write_bytes(data)
    # Keep a PNG of every page beside it, for people to look at.
    subprocess.run(["pdftoppm", "-png", "-r", "50", str(path), str(tmp_path / name)], check=True)
    mode = ["-raw"] if raw else []
    out = subprocess.run(["pdftotext", *mode, str(path), "-"], capture_output=True, text=True, check=True).stdout
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", out))


def fonts(data: bytes, tmp_path: Path) -> list[tuple[str, str]]:
    path = tmp_path / "fonts.pdf"
    path.write_bytes(data)
    lines = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout.splitlines()[2:]
    return [(line.split()[0], line.split()[-5]) for line in lines]


def pages(data: bytes, tmp_path: Path) -> int:
    path = tmp_path / "pages.pdf"
    path.write_bytes(data)
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"Pages:\s+(\d+)", info).group(1))


@pytest.mark.parametrize(
    ("locale", "expected"),
    [
        (
            "en_US",
            [
                "Thank you for your visit",
                "Dear Budi Santoso, Siti Rahmawati, and Hendra Wijaya,",
                "December 8, 2026",
                "December 3, 2026",
                "Kind regards,",
            ],
        ),
        ("zh_CN", ["感谢您的来访", "尊敬的Budi Santoso、Siti Rahmawati和Hendra Wijaya：", "非常感谢各位", "此致 敬礼"]),
        (
            "id_ID",
            [
                "Terima kasih atas kunjungan Anda",
                "Yth. Budi Santoso, Siti Rahmawati, dan Hendra Wijaya,",
                "8 Desember 2026",
                "Hormat kami,",
            ],
        ),
        (
            "ru_RU",
            [
                "Благодарим вас за визит",
                "Уважаемые Budi Santoso, Siti Rahmawati и Hendra Wijaya!",
                "8 декабря 2026",
                "Большое спасибо за ваш визит 3 декабря 2026 г. в Xiamen Starlight RFID Co., Ltd.!",
                "С уважением,",
            ],
        ),
        (
            "es_ES",
            [
                "Gracias por su visita",
                "Estimados Budi Santoso, Siti Rahmawati y Hendra Wijaya:",
                "8 de diciembre de 2026",
                "Atentamente,",
            ],
        ),
        (
            "tr_TR",
            [
                "Ziyaretiniz için teşekkür ederiz",
                "Sayın Budi Santoso, Sayın Siti Rahmawati ve Sayın Hendra Wijaya,",
                "8 Aralık 2026",
                "Saygılarımızla,",
            ],
        ),
        ("ar_SA", ["شكرا لزيارتكم", "نشكركم جزيل الشكر على زيارتكم لشركة", "مع أطيب التحيات"]),
        ("de_DE", ["Vielen Dank für Ihren Besuch", "Guten Tag Budi Santoso, Siti Rahmawati und Hendra Wijaya,"]),
        ("fr_FR", ["Merci de votre visite", "Bonjour Budi Santoso, Siti Rahmawati et Hendra Wijaya,"]),
        ("pt_BR", ["Prezados Budi Santoso, Siti Rahmawati e Hendra Wijaya,", "8 de dezembro de 2026"]),
        ("it_IT", ["Gentili Budi Santoso, Siti Rahmawati e Hendra Wijaya,", "8 dicembre 2026"]),
        ("ja_JP", ["ご来訪の御礼", "Budi Santoso様、Siti Rahmawati様、Hendra Wijaya様", "2026年12月8日"]),
        ("ko_KR", ["방문에 감사드립니다", "존경하는 Budi Santoso 님, Siti Rahmawati 님 및 Hendra Wijaya 님께"]),
        ("vi_VN", ["Thư cảm ơn về chuyến thăm", "Kính gửi Budi Santoso, Siti Rahmawati và Hendra Wijaya,"]),
        ("th_TH", ["ขอขอบคุณที่ให้เกียรติมาเยี่ยมชม", "เรียน คุณ Budi Santoso คุณ Siti Rahmawati และคุณ Hendra Wijaya"]),
    ],
)
def test_letter_in_every_language(reference_plan, tmp_path, locale, expected):
    data = LetterRenderer(HEAD, draft(reference_plan, HEAD.name, TODAY, locale)).render()
    text = text_of(data, tmp_path, f"letter-{locale}", raw=locale.startswith("th"))
    for phrase in expected:
        assert unicodedata.normalize("NFKC", phrase) in text, phrase
    for point in reference_plan.follow_up.consensus:
        assert point in text
    assert "Li Wei" in text and "Zhang Min" in text
    assert all(embedded == "yes" for _, embedded in fonts(data, tmp_path))
    embedded = {name.split("+")[-1] for name, _ in fonts(data, tmp_path)}
    # The letterhead's Chinese name (bold) in every letter; the opening names us in the reader's script.
    assert "DejaVuSans" in embedded and "WenQuanYiMicroHei-Bold-0" in embedded


def test_long_consensus_flows_onto_a_second_page_with_the_letterhead(reference_plan, tmp_path):
    content = draft(reference_plan, HEAD.name, TODAY, "en")
    points = tuple(f"Point {i}: delivery of lot {i} within {20 + i} days of artwork approval." for i in range(60))
    data = LetterRenderer(HEAD, replace(content, consensus=points)).render()
    assert pages(data, tmp_path) >= 2
    path = tmp_path / "long.pdf"
    path.write_bytes(data)
    second = subprocess.run(
        ["pdftotext", "-f", "2", "-l", "2", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Xiamen Starlight RFID Co., Ltd." in second and "Page 2 of" in second
    assert "Point 59: delivery of lot 59" in text_of(data, tmp_path)


def test_user_text_is_never_markup(reference_plan, tmp_path):
    visitors = (replace(reference_plan.visitors[0], name="O'Brien <b>& Sons</b>"), *reference_plan.visitors[1:])
    plan = replace(
        reference_plan,
        visitors=visitors,
        follow_up=replace(reference_plan.follow_up, consensus=("AT&T <img src='/etc/passwd'/> & <para> 5 < 6",)),
    )
    data = LetterRenderer(HEAD, draft(plan, HEAD.name, TODAY, "en")).render()
    text = text_of(data, tmp_path)
    assert "O'Brien <b>& Sons</b>" in text
    assert "AT&T <img src='/etc/passwd'/> & <para> 5 < 6" in text


@pytest.mark.parametrize(("size", "points"), [("A4", "841.89 x 595.276"), ("A3", "1190.55 x 841.89")])
def test_welcome_sign_is_landscape_and_large(reference_plan, tmp_path, size, points):
    data = SignRenderer(HEAD, reference_plan, size=size).render()
    path = tmp_path / "sign.pdf"
    path.write_bytes(data)
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    assert points in info
    text = text_of(data, tmp_path, f"sign-{size}")
    assert "Selamat datang" in text and "Welcome" in text and "PT Sinar Jaya Abadi" in text
    assert all(v.name in text for v in reference_plan.visitors)


def test_itinerary_in_the_client_language_without_internal_notes(reference_plan, tmp_path):
    data = ItineraryRenderer(HEAD, reference_plan).render()
    text = text_of(data, tmp_path, "itinerary")
    assert "Jadwal kunjungan Anda" in text and "Hari 2 — Kamis, 3 Desember 2026" in text  # no "03"
    assert "Makan siang" in text and "Kunjungan pabrik" in text and "Penjemputan di Xiamen Gaoqi XMN" in text
    assert "0.42" not in text and "Quick and clean" not in text and "Sweet and sour pork" not in text


def test_staff_brief_and_the_manager_brief(reference_plan, tmp_path):
    country = regions.country(None, "ID")
    now = datetime(2026, 11, 22, tzinfo=UTC)
    data = BriefRenderer(HEAD, reference_plan, country=country, language="zh_CN", now=now).render()
    staff = text_of(data, tmp_path, "brief-zh")
    assert "员工简报 — PT Sinar Jaya Abadi" in staff
    # Chinese punctuation in Chinese, as written (text_of's NFKC would make "；" a ";").
    written = subprocess.run(["pdftotext", "-", "-"], input=data, capture_output=True, check=True).stdout.decode()
    assert "清真；对贝类海鲜过敏" in written and "语言：" in written
    assert "Chen Jie (+86 138 0000 0003)" in staff and "多数客户是穆斯林" in staff
    assert "0.42" not in staff
    manager = text_of(
        BriefRenderer(HEAD, reference_plan, country=country, language="en", manager=True, now=now).render(),
        tmp_path,
        "brief-en",
    )
    assert "Confidential: negotiation bottom lines" in manager and "Unit price not below USD 0.42" in manager
    assert "Halal; allergic to shellfish" in manager


def test_cli_documents_and_letter_sent(capsys, tmp_path):
    from hospitality_app.app import main
    from tests.conftest import REFERENCE

    db = str(tmp_path / "docs.sqlite3")
    assert main(["--db", db, "import", str(REFERENCE)]) == 0
    assert main(["--db", db, "settings", "company.name", "Xiamen Starlight RFID Co., Ltd."]) == 0
    for command in (
        ["letter", "1", "--sent"],
        ["sign", "1", "--size", "A3"],
        ["brief", "1", "--manager"],
        ["itinerary", "1", "--locale", "ru_RU"],
    ):
        target = tmp_path / f"{command[0]}.pdf"
        assert main(["--db", db, *command, "-o", str(target)]) == 0
        assert target.read_bytes().startswith(b"%PDF")
        # A document command pauses the cycle collector for its own run only.
        assert __import__("gc").isenabled()
    assert "Программа вашего визита" in text_of((tmp_path / "itinerary.pdf").read_bytes(), tmp_path)
    assert "Xiamen Starlight RFID Co., Ltd." in text_of((tmp_path / "letter.pdf").read_bytes(), tmp_path)
    capsys.readouterr()
    main(["--db", db, "export", "1", "-o", str(tmp_path / "out.json")])
    import json

    sent = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))["follow_up"]["letter_sent"]
    assert sent == datetime.now(UTC).date().isoformat()
    assert main(["--db", db, "settings", "company.logo", str(tmp_path / "missing.png")]) == 2
    assert "no image at" in capsys.readouterr().err


def test_atomic_write_never_leaves_half_a_file(tmp_path, monkeypatch):
    import os

    from hospitality_app.fileio import atomic_write

    target = tmp_path / "letter.pdf"
    target.write_bytes(b"old letter")

    def broken(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken)
    with pytest.raises(OSError, match="disk full"):
        atomic_write(target, b"%PDF new")
    assert target.read_bytes() == b"old letter"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["letter.pdf"]


def test_a_sign_with_a_logo_is_made_and_the_names_are_its_largest_words_after_the_greeting(reference_plan, tmp_path):
    from PIL import Image as Picture

    logo = tmp_path / "logo.png"
    Picture.new("RGB", (400, 100), (200, 30, 30)).save(logo)
    data = SignRenderer(replace(HEAD, logo=logo), reference_plan).render()  # it raised a TypeError
    path = tmp_path / "sign-logo.pdf"
    path.write_bytes(data)
    boxes = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True, check=True).stdout
    heights = {
        word: float(y2) - float(y1)
        for y1, y2, word in re.findall(r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]+)</word>', boxes)
    }
    assert heights["Budi"] > heights["Sinar"] and heights["Hendra"] > heights["Abadi"]
    assert heights["Selamat"] > heights["Budi"]
    images = subprocess.run(["pdfimages", "-list", str(path)], capture_output=True, text=True, check=True).stdout
    assert len(images.strip().splitlines()) == 3  # the header, the rule, the logo


@pytest.mark.parametrize(
    ("locale", "greeting", "dated"),
    [
        ("de_DE", "Guten Tag Budi Santoso, Siti Rahmawati und Hendra Wijaya,", "am 3. Dezember 2026"),
        ("fr_FR", "Bonjour Budi Santoso, Siti Rahmawati et Hendra Wijaya,", "le 3 décembre 2026"),
        ("pt_BR", "Prezados Budi Santoso, Siti Rahmawati e Hendra Wijaya,", "em 3 de dezembro de 2026"),
        ("it_IT", "Gentili Budi Santoso, Siti Rahmawati e Hendra Wijaya,", "il 3 dicembre 2026"),
        ("ja_JP", "Budi Santoso様、Siti Rahmawati様、Hendra Wijaya様", "2026年12月3日に"),
        ("he_IL", "Dear Budi Santoso, Siti Rahmawati and Hendra Wijaya,", "on 3 December 2026"),  # no texts yet
        ("en_US", "Dear Budi Santoso, Siti Rahmawati, and Hendra Wijaya,", "on December 3, 2026"),
    ],
)
def test_a_letter_s_words_and_dates_are_of_one_language(reference_plan, tmp_path, locale, greeting, dated):
    """German clients got English words with German dates ("on 1. Dezember 2026")."""
    data = LetterRenderer(HEAD, draft(reference_plan, HEAD.name, TODAY, locale)).render()
    text = " ".join(text_of(data, tmp_path, f"letter-{locale}").split())
    assert greeting in text and dated in text


@pytest.mark.parametrize("locale", ["en", "zh_CN", "es_ES", "it_IT", "pt_BR", "ja_JP", "th_TH", "ar_SA", "de_DE"])
def test_a_letter_without_agreements_or_next_steps_promises_no_follow_up_of_points(reference_plan, locale):
    """With nothing listed, "We will follow up on each of these points" pointed at nothing."""
    from hospitality_app.exports.pdf.language import texts

    t = texts(locale)
    bare = replace(reference_plan, follow_up=replace(reference_plan.follow_up, consensus=(), next_steps=()))
    alone = replace(bare, visitors=bare.visitors[:1])
    assert draft(bare, HEAD.name, TODAY, locale).closing == t["closing_plain"]
    assert draft(alone, HEAD.name, TODAY, locale).closing == t.values.get("closing_plain_one", t["closing_plain"])
    assert draft(reference_plan, HEAD.name, TODAY, locale).closing == t["closing"]  # points listed: followed up
    steps_only = replace(bare, follow_up=replace(bare.follow_up, next_steps=("Send the samples.",)))
    assert draft(steps_only, HEAD.name, TODAY, locale).closing == t["closing"]
    assert t["closing_plain"] != t["closing"]


def test_a_letter_greets_by_salutation_and_family_name_unless_a_greeting_is_stored(reference_plan, tmp_path):
    man = replace(reference_plan.visitors[0], salutation="mr", family_name="Сидоров")
    plan = replace(reference_plan, visitors=(man,))
    text = " ".join(text_of(LetterRenderer(HEAD, draft(plan, HEAD.name, TODAY, "ru_RU")).render(), tmp_path).split())
    assert "Уважаемый господин Сидоров!" in text
    stored = replace(plan, follow_up=replace(plan.follow_up, greeting="Дорогой Иван Петрович!"))
    text = " ".join(text_of(LetterRenderer(HEAD, draft(stored, HEAD.name, TODAY, "ru_RU")).render(), tmp_path).split())
    assert "Дорогой Иван Петрович!" in text and "Уважаемый" not in text


def test_documents_say_their_title_language_and_when_they_were_made(reference_plan, tmp_path, monkeypatch):
    data = LetterRenderer(HEAD, draft(reference_plan, HEAD.name, TODAY, "de_DE")).render()
    path = tmp_path / "meta.pdf"
    path.write_bytes(data)
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    assert "Title:           Vielen Dank für Ihren Besuch" in info and f"Author:          {HEAD.name}" in info
    assert "2000" not in info.split("CreationDate:")[1].splitlines()[0]  # ReportLab's invariant date
    assert b"/Lang (de-DE)" in data
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1796256000")  # reproducible builds: 2026-12-03 00:00 UTC
    again = LetterRenderer(HEAD, draft(reference_plan, HEAD.name, TODAY, "de_DE")).render()
    path.write_bytes(again)
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    assert "CreationDate:    Thu Dec  3 00:00:00 2026 UTC" in info
    chinese = SignRenderer(HEAD, replace(reference_plan, client_locale="zh_CN")).render()
    assert b"/Lang (zh-CN)" in chinese


def test_the_manager_s_brief_is_marked_confidential_on_every_page_and_titled_apart(reference_plan, tmp_path):
    country = regions.country(None, "ID")
    now = datetime(2026, 11, 22, tzinfo=UTC)
    data = BriefRenderer(HEAD, reference_plan, country=country, manager=True, now=now).render()
    path = tmp_path / "manager.pdf"
    path.write_bytes(data)
    pages = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout.split("\f")
    pages = [p for p in pages if p.strip()]
    assert all("Confidential — for managers only — page" in p for p in pages)
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    assert "Title:           Manager's brief (confidential) — PT Sinar Jaya Abadi" in info
    path.write_bytes(BriefRenderer(HEAD, reference_plan, country=country, now=now).render())
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    assert "Title:           Staff brief — PT Sinar Jaya Abadi" in info


def test_the_itinerary_checks_in_after_a_late_flight_and_counts_days_on_the_calendar(reference_plan, tmp_path):
    text = " ".join(text_of(ItineraryRenderer(HEAD, reference_plan, locale="en").render(), tmp_path, "it").split())
    # GA 898 lands at 21:35; out of the airport (30 min) and 35 minutes' drive: 22:40, not 14:00.
    assert "21:35 Pickup at Xiamen Gaoqi XMN (flight GA 898)" in text
    assert "22:40 Hotel check-in: Xiamen Marriott Hotel" in text and "14:00 Hotel check-in" not in text
    # Friday has nothing planned: it is there, as free time, and Saturday's check-out is day 4.
    assert "Day 1 — Wednesday, 2 December 2026" in text and "Day 4 — Saturday, 5 December 2026" in text
    assert "Day 3 — Friday, 4 December 2026 Free time Day 4" in text
    # An item typed in the wrong year is one day more, not a year of free days.
    first = reference_plan.agenda[0]
    far = replace(
        reference_plan, agenda=(replace(first, start=first.start.replace(year=2027)), *reference_plan.agenda[1:])
    )
    data = ItineraryRenderer(HEAD, far, locale="en").render()
    assert pages(data, tmp_path) == 1 and "Day 367 — Friday, 3 December 2027" in text_of(data, tmp_path, "far")


def test_a_one_page_letter_has_no_page_number_and_a_longer_one_numbers_every_page(reference_plan, tmp_path):
    one = text_of(LetterRenderer(HEAD, draft(reference_plan, HEAD.name, TODAY, "en")).render(), tmp_path, "one")
    assert "Page 1" not in one
    many = replace(reference_plan.follow_up, consensus=tuple(f"Point {n} agreed in detail." for n in range(80)))
    long_plan = replace(reference_plan, follow_up=many)
    path = tmp_path / "many.pdf"
    path.write_bytes(LetterRenderer(HEAD, draft(long_plan, HEAD.name, TODAY, "en")).render())
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    pages = [p for p in text.split("\f") if p.strip()]
    assert len(pages) >= 2 and all(f"Page {n} of {len(pages)}" in page for n, page in enumerate(pages, 1))


def test_arabic_names_marks_and_signs_survive_the_letter_the_sign_and_the_brief(reference_plan, tmp_path):
    """The reshaper made "الله" one ligature (U+FDF2) the bundled font lacks: عبد الله printed as
    عبد. Vowel marks were stripped, and "﷼" (a character no bundled font has) left a blank."""
    abdullah = replace(reference_plan.visitors[0], name="عبد الله محمد", salutation="mr", family_name="عبد الله")
    follow_up = replace(reference_plan.follow_up, consensus=("سعر الوحدة ١٢٠ ﷼", "مُحَمَّد سيزور المصنع"))
    plan = replace(reference_plan, visitors=(abdullah, *reference_plan.visitors[1:]), follow_up=follow_up)
    letter = text_of(LetterRenderer(HEAD, draft(plan, HEAD.name, TODAY, "ar_SA")).render(), tmp_path, "ar-letter")
    assert "السيد عبد الله المحترم" in letter
    assert "ریال" in letter and "مُحَمَّد" in letter  # the sign spelled out; the marks kept
    sign = text_of(SignRenderer(HEAD, plan).render(), tmp_path, "ar-sign")
    assert "عبد الله محمد" in sign
    country = regions.country(None, "SA")
    now = datetime(2026, 11, 22, tzinfo=UTC)
    brief = text_of(BriefRenderer(HEAD, plan, country=country, now=now).render(), tmp_path, "ar-brief")
    assert "عبد الله محمد" in brief


def test_arabic_copies_as_its_own_letters_in_reading_order(reference_plan, tmp_path):
    """Drawn in presentation forms, Arabic copied as them: "ﺷﻜﺮﺍ", characters that search and
    spell-checking do not take for "شكرا". The fonts' tables give the letters back, ligatures
    included (lam with alef, in "الأحمد", came out as "األحمد" before its letters were given
    in the order they are drawn)."""
    ahmad = replace(reference_plan.visitors[0], name="عبد الله الأحمد", salutation="mr", family_name="الأحمد")
    plan = replace(reference_plan, visitors=(ahmad, *reference_plan.visitors[1:]))
    path = tmp_path / "ar.pdf"
    path.write_bytes(LetterRenderer(HEAD, draft(plan, HEAD.name, TODAY, "ar_SA")).render())
    copied = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    assert not re.search("[\ufb50-\ufdff\ufe70-\ufeff]", copied)  # no presentation form left
    assert "السيد الأحمد المحترم" in copied  # as written, not only after NFKC
    assert "عبد الله الأحمد" in copied


def test_arabic_mixed_with_latin_digits_and_brackets_copies_in_reading_order(reference_plan, tmp_path, pdfjs):
    """Right-to-left lines are drawn in display order, brackets mirrored ("(" drawn as ")").
    Firefox's viewer (pdf.js) gives a copied line back in reading order, numbers, Latin names
    and brackets included: ")بالريال(" until a mirrored bracket copied as the one written.
    Evince and Okular (poppler) return the words in order and the brackets as written, but put
    a space or a full stop touching a Latin or digit run on its other side: "شركة .Sinar Jaya"."""
    points = (
        "اتفق الطرفان على اختبار العينات في الربع الأول من عام 2027، وإرسال التقرير إلى شركة Sinar Jaya.",
        "يُراجَع السعر (بالريال) كل 6 أشهر بالدولار (USD).",
        "السعر [ثابت] «نهائي».",
    )
    follow_up = replace(
        reference_plan.follow_up,
        consensus=points,
        minutes="ناقش الطرفان نطاق العينات وعملية الترميز.",  # a page mostly in Arabic, as poppler reads it
        next_steps=("إرسال تقرير اختبار السقوط",),
    )
    plan = replace(reference_plan, follow_up=follow_up)
    path = tmp_path / "ar.pdf"
    path.write_bytes(LetterRenderer(HEAD, draft(plan, HEAD.name, TODAY, "ar_SA")).render())
    lines = [unicodedata.normalize("NFKC", line) for line in pdfjs(path)]
    for point in points:
        assert f"• {unicodedata.normalize('NFKC', point)}" in lines
    assert "نشكركم جزيل الشكر على زيارتكم لشركة Xiamen Starlight RFID Co., Ltd. بتاريخ 3 ديسمبر 2026." in lines
    poppler = unicodedata.normalize("NFKC", text_of(path.read_bytes(), tmp_path, "ar-poppler"))
    assert "يراجع السعر (بالريال) كل" in poppler.replace("\u064f", "").replace("\u064e", "")
    assert "السعر [ثابت] «نهائي»" in poppler


@pytest.mark.parametrize(
    ("line", "direction", "mirrored"),
    [
        ("السعر (بالريال) [ثابت] «نهائي» {مؤكد} <س>", "R", 10),  # every bracket on the right-to-left run
        ("بالدولار (USD).", "R", 2),  # between Arabic and Latin: the paragraph's direction
        ("Price (USD) في (الرياض)", "L", 1),  # only "(" between Arabic words; ")" ends a left-to-right line
        ("Price (USD)", "R", 1),  # "(" inside the Latin run; ")" ends a right-to-left one
        ("قال 「مرحبا」 (نعم)", "R", 2),  # 「」, which only the Chinese font has, drawn mirrored as they are
    ],
)
def test_display_order_is_the_bidi_algorithm_s_with_mirrored_brackets_drawn_through_stand_ins(
    line, direction, mirrored
):
    from bidi.algorithm import get_display

    from hospitality_app.exports.pdf.copied_text import MIRROR, mirror_images
    from hospitality_app.exports.pdf.text import LATIN, display, register_fonts

    register_fonts()
    shown = display(line, direction)
    drawn = "".join(chr(ord(ch) - MIRROR) if ord(ch) >= MIRROR else ch for ch in shown)
    assert drawn == get_display(line, base_dir=direction)  # the glyphs drawn are the same
    assert sum(ord(ch) >= MIRROR for ch in shown) == mirrored
    copies_as = mirror_images(LATIN)
    assert all(
        copies_as[ord(ch)] == chr(ord(ch) - MIRROR).translate(str.maketrans("()[]{}<>«»", ")(][}{><»«"))
        for ch in shown
        if ord(ch) >= MIRROR
    )


def test_an_arabic_bullet_item_s_further_lines_hang_under_its_text(reference_plan, tmp_path):
    """The further lines of an Arabic bullet item started under the bullet, at the right edge."""
    point = (
        "طلبية تجريبية من 20,000 سوار NFC مقاوم للماء بأربعة ألوان، والتسليم خلال 25 يوما من اعتماد "
        "التصميم النهائي من قبل العميل في مصنعنا بمدينة شيامن."
    )
    plan = replace(reference_plan, follow_up=replace(reference_plan.follow_up, consensus=(point,)))
    path = tmp_path / "ar.pdf"
    path.write_bytes(LetterRenderer(HEAD, draft(plan, HEAD.name, TODAY, "ar_SA")).render())
    boxes = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True, check=True).stdout
    words = [(float(m[1]), float(m[2]), float(m[3]), html.unescape(m[5])) for m in BOX.finditer(boxes)]
    bullet = next(w for w in words if w[3] == "•")
    lines: dict[float, list] = {}
    for x0, y0, x1, text in words:
        if y0 >= bullet[1] - 1 and text != "•":
            lines.setdefault(round(y0), []).append((x0, x1))
    first, second = (max(x1 for _x0, x1 in lines[y]) for y in sorted(lines)[:2])
    assert bullet[0] > first  # the bullet at the right of the first line
    assert abs(first - second) < 1.0  # the second line's right edge under the first line's text


def test_a_thai_line_in_the_recipient_block_is_spaced_as_the_others(reference_plan, tmp_path):
    """Thai lines are taller (stacked marks); one among Latin lines was set further apart."""
    path = tmp_path / "th.pdf"
    path.write_bytes(LetterRenderer(HEAD, draft(reference_plan, HEAD.name, TODAY, "th_TH")).render())
    boxes = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True, check=True).stdout
    top: dict[str, float] = {}
    for m in BOX.finditer(boxes):
        top.setdefault(html.unescape(m[5]), float(m[2]))  # each word where it first stands
    # PT Sinar Jaya Abadi / Budi Santoso / Siti Rahmawati / Hendra Wijaya / Jakarta / อินโดนีเซีย
    steps = [top["Siti"] - top["Budi"], top["Hendra"] - top["Siti"], top["Jakarta"] - top["Hendra"]]
    assert max(steps) - min(steps) < 0.5
    country = next(y for word, y in top.items() if word.startswith("อินโด"))  # อินโดนีเซีย
    assert abs(country - top["Jakarta"] - steps[0]) < 0.5


def test_thai_is_shaped_and_its_marks_copy_as_written(reference_plan, tmp_path):
    """HarfBuzz stacks the marks with the font's positioned variants, whose own code points are
    private-use: without mapping them back, "ท่าน" copied as "ทาน"."""
    from hospitality_app.exports.pdf import shaping

    point = "ทั้งสองฝ่ายจะทดสอบตัวอย่างที่ได้รับภายในไตรมาสแรก"
    plan = replace(reference_plan, follow_up=replace(reference_plan.follow_up, consensus=(point,)))
    path = tmp_path / "th.pdf"
    path.write_bytes(LetterRenderer(HEAD, draft(plan, HEAD.name, TODAY, "th_TH")).render())
    raw = subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True, check=True).stdout
    raw = unicodedata.normalize("NFKC", raw)
    assert point in raw and "ท่านได้ให้เกียรติ" in raw
    assert shaping.available() and not re.search("[\ue000-\uf8ff]", raw)  # no private-use left
    assert "Waree" in {name.split("+")[-1] for name, _ in fonts(path.read_bytes(), tmp_path)}


def test_a_thai_letter_copies_whole_lines_in_firefox_s_viewer_bold_headings_too(reference_plan, tmp_path, pdfjs):
    """poppler's layout tears a stacked mark of a bold heading off its word ("เป\n็ น"); pdf.js
    reads the line whole. ("ำ" comes back as "ํา": HarfBuzz draws it as two glyphs; the same
    after NFKC, which search uses.)"""
    path = tmp_path / "th.pdf"
    path.write_bytes(LetterRenderer(HEAD, draft(reference_plan, HEAD.name, TODAY, "th_TH")).render())
    lines = [unicodedata.normalize("NFKC", line) for line in pdfjs(path)]
    assert "บริษัทฯ ยินดีเป็นอย่างยิ่งที่ทั้งสองฝ่ายได้บรรลุข้อตกลงร่วมกันดังต่อไปนี้" in lines
    assert "เรียน คุณ Budi Santoso คุณ Siti Rahmawati และคุณ Hendra Wijaya" in lines


def test_a_thai_dates_no_break_spaces_are_as_wide_as_other_spaces(reference_plan, tmp_path):
    """Waree's own no-break space is twice as wide as its space: "8  ธันวาคม  พ.ศ.  2569"."""
    path = tmp_path / "th-date.pdf"
    path.write_bytes(LetterRenderer(HEAD, draft(reference_plan, HEAD.name, TODAY, "th_TH")).render())
    boxes = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True, check=True).stdout
    words = [
        (m.group(3), float(m.group(1)), float(m.group(2)))
        for m in re.finditer(r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>', boxes)
    ]
    gaps = {(a[0], b[0]): b[1] - a[2] for a, b in pairwise(words)}
    space = gaps[("PT", "Sinar")]  # the recipient block, in the same size
    assert abs(gaps[("8", "ธันวาคม")] - space) < 0.01 and abs(gaps[("ธันวาคม", "พ.ศ.")] - space) < 0.01


def test_a_letter_names_its_recipient_and_keeps_its_closing_with_the_signatures(reference_plan, tmp_path):
    plan = replace(reference_plan, company=replace(reference_plan.company, city="Surabaya"))
    german = text_of(LetterRenderer(HEAD, draft(plan, HEAD.name, TODAY, "de_DE")).render(), tmp_path, "de")
    # The recipient block: the company, its visitors, the city and the country in German.
    assert "PT Sinar Jaya Abadi Budi Santoso Siti Rahmawati Hendra Wijaya Surabaya Indonesien" in german
    many = replace(plan.follow_up, consensus=tuple(f"Point {n}: agreed in full detail." for n in range(60)))
    path = tmp_path / "long.pdf"
    path.write_bytes(LetterRenderer(HEAD, draft(replace(plan, follow_up=many), HEAD.name, TODAY, "en")).render())
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    pages = [p for p in text.split("\f") if p.strip()]
    last = pages[-1]
    assert "Li Wei" in last and "Kind regards," in last and "We will follow up on each of these points" in last
    # After the first page, a one-line header: whose letter and its date, not the whole letterhead.
    assert all("Xiamen Starlight RFID Co., Ltd. · 8 December 2026" in p for p in pages[1:])
    assert all(HEAD.address not in p for p in pages[1:]) and HEAD.address in pages[0]


@pytest.mark.parametrize(("visitors", "pages_expected"), [(5, 1), (8, 2), (30, 5)])
def test_a_sign_with_many_visitors_shares_them_over_pages_each_with_its_heading(
    reference_plan, tmp_path, visitors, pages_expected
):
    many = tuple(replace(reference_plan.visitors[0], name=f"Visitor {n:02d} Santoso") for n in range(visitors))
    path = tmp_path / "sign.pdf"
    path.write_bytes(SignRenderer(HEAD, replace(reference_plan, visitors=many)).render())
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    sheets = [p for p in text.split("\f") if p.strip()]
    assert len(sheets) == pages_expected
    assert all("Selamat datang" in s and "PT Sinar Jaya Abadi" in s for s in sheets)
    counts = [s.count("Santoso") for s in sheets]
    assert sum(counts) == visitors and max(counts) - min(counts) <= 1  # shared evenly


@pytest.mark.parametrize(("visitors", "pages_expected"), [(3, 1), (6, 2)])
def test_a_thai_sign_plans_for_its_taller_lines(reference_plan, tmp_path, visitors, pages_expected):
    """Thai lines are 1.7 times their size and a little space above (stacked marks): three Thai
    names spilled the third alone onto a second page, without the heading."""
    names = ("สมชาย ใจดี", "สุดา ทองมา", "ประเสริฐ ศรีสุข", "วิชัย ทองดี", "มาลี สุขใจ", "ปรีชา ทองมา")
    many = tuple(replace(reference_plan.visitors[0], name=names[n]) for n in range(visitors))
    plan = replace(reference_plan, visitors=many, client_locale="th_TH")
    path = tmp_path / "sign.pdf"
    path.write_bytes(SignRenderer(HEAD, plan).render())
    text = subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True, check=True).stdout
    sheets = [unicodedata.normalize("NFKC", p) for p in text.split("\f") if p.strip()]
    assert len(sheets) == pages_expected
    assert all("Welcome" in sheet and "PT Sinar Jaya Abadi" in sheet for sheet in sheets)  # each with its heading
    assert sorted(name for sheet in sheets for name in names if name in sheet) == sorted(names[:visitors])


def test_a_long_company_name_on_the_sign_wraps_rather_than_shrinking_to_12_points(reference_plan, tmp_path):
    company = (
        "Общество с ограниченной ответственностью «Аквапарк-Развлекательный Комплекс "
        "Северо-Западного федерального округа»"
    )
    plan = replace(reference_plan, client_locale="ru_RU", company=replace(reference_plan.company, name=company))
    path = tmp_path / "sign.pdf"
    path.write_bytes(SignRenderer(HEAD, plan).render())
    assert pages(path.read_bytes(), tmp_path) == 1
    boxes = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True, check=True).stdout
    word = next(m for m in BOX.finditer(boxes) if m[5] == "ответственностью")
    assert float(word[4]) - float(word[2]) > 16  # about 17 pt (12 pt made it 12 high)


def test_a_long_letterhead_name_is_set_smaller_and_the_address_beside_it_is_not(reference_plan, tmp_path):
    long_name = (
        "厦门星光智能科技有限公司暨集美区射频识别腕带及智能卡研发生产基地 Xiamen Starlight Intelligent RFID "
        "Technology and Smart Wristband Manufacturing Co., Ltd."
    )
    head = Letterhead(long_name, "No. 88 Xinglin Bay Road, Xiamen", "+86 592 000 0000", "sales@example.com")
    path = tmp_path / "letter.pdf"
    path.write_bytes(LetterRenderer(head, draft(reference_plan, long_name, TODAY, "de_DE")).render())
    boxes = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True, check=True).stdout
    height = {m[5]: float(m[4]) - float(m[2]) for m in BOX.finditer(boxes)}
    assert height["Xinglin"] == pytest.approx(8.5, abs=0.1)  # the address at its size (it was 6.8)
    assert height["Starlight"] < 12.5  # the name smaller than its 12.5 pt


def test_the_monthly_report_fits_its_tables_in_the_page(tmp_path):
    from decimal import Decimal

    from hospitality_app.exports.pdf.report import MonthlyReport, MonthlyReportRenderer, ReportVisit

    visit = ReportVisit(
        datetime(2026, 12, 3, tzinfo=UTC),
        "PT Sinar Jaya Abadi",
        "ID",
        "completed",
        "won",
        Decimal("123456.78"),
        "USD",
        "Asia/Shanghai",
    )
    report = MonthlyReport(
        date(2026, 12, 1), (visit,), {"Southeast Asia": 1}, {"won": 1}, {"USD": Decimal("123456.78")}
    )
    path = tmp_path / "report.pdf"
    path.write_bytes(MonthlyReportRenderer(HEAD, report).render())
    words = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True, check=True).stdout
    right = max(float(x) for x in re.findall(r'xMax="([\d.]+)"', words))
    assert right <= 595.28 - 20 * 72 / 25.4 + 0.5  # within the right margin of an A4 page
    assert ">Country<" in words  # whole, not "Countr" and "y"


def test_chinese_in_a_bold_heading_is_bold_too_and_the_text_after_it_is_not(reference_plan, tmp_path):
    """The CJK font has no bold face: headings mixed Latin bold with Chinese regular. Bold Chinese
    is drawn filled and stroked (render mode 2), and the next text is filled only again."""
    import base64
    import zlib

    path = tmp_path / "zh.pdf"
    path.write_bytes(LetterRenderer(HEAD, draft(reference_plan, HEAD.name, TODAY, "zh_CN")).render())
    assert "WenQuanYiMicroHei-Bold-0" in " ".join(name for name, _ in fonts(path.read_bytes(), tmp_path))
    data = path.read_bytes()
    start = data.index(b"stream", data.index(b"/Filter [ /ASCII85Decode /FlateDecode ]")) + 7
    page = zlib.decompress(base64.a85decode(data[start : data.index(b"endstream", start)].strip(), adobe=True))
    page = page.decode("latin-1")
    assert page.count(" 2 Tr ") >= 3  # the letterhead's name, the subject, the headings
    # The mode outlives a text object: the next one, in a regular face, fills only again.
    from io import BytesIO

    from reportlab.pdfgen.canvas import Canvas

    from hospitality_app.exports.pdf.synthetic_bold import TextObject
    from hospitality_app.exports.pdf.text import CJK, CJK_BOLD, JAPANESE_BOLD, LATIN, markup, written_in

    with written_in("ja"):
        markup("日本", bold=True)  # registers the Japanese font and its bold

    canvas = Canvas(BytesIO())
    bold, after = TextObject(canvas), TextObject(canvas)
    bold.setFont(CJK_BOLD, 10)
    after.setFont(LATIN, 10)
    regular = TextObject(canvas)
    regular.setFont(CJK, 10)
    assert "2 Tr 0.300 w" in bold.getCode() and "0 Tr" in after.getCode() and "Tr" not in regular.getCode()
    japanese = TextObject(canvas)  # IPAex Gothic's thinner strokes get a heavier line, to match the Latin bold
    japanese.setFont(JAPANESE_BOLD, 10)
    assert "2 Tr 0.500 w" in japanese.getCode()
    assert "感谢您的来访" in text_of(data, tmp_path)  # copies as the same text


def test_a_japanese_letter_is_set_in_a_japanese_face_and_chinese_names_stay_whole(reference_plan, tmp_path):
    """A Chinese font draws many kanji in their Chinese forms (直, 骨, 写), foreign to a Japanese
    reader. A Japanese document sets its CJK text in IPAex Gothic, bold headings too; a word of
    Chinese characters the Japanese font lacks (厦门: 门 is simplified Chinese) stays in the
    Chinese font, whole."""
    from hospitality_app.exports.pdf.text import CJK, JAPANESE, LATIN, runs, written_in

    point = "両社は直ちにサンプルを試験し、写真を厦门の工場へ送ります。"
    plan = replace(reference_plan, follow_up=replace(reference_plan.follow_up, consensus=(point,)))
    ja = LetterRenderer(HEAD, draft(plan, HEAD.name, TODAY, "ja_JP")).render()
    zh = LetterRenderer(HEAD, draft(plan, HEAD.name, TODAY, "zh_CN")).render()
    assert {"IPAexGothic", "IPAexGothic-Bold"} <= {name.split("+")[-1] for name, _ in fonts(ja, tmp_path)}
    assert not [name for name, _ in fonts(zh, tmp_path) if "IPAex" in name]  # Chinese keeps its own forms
    assert point in text_of(ja, tmp_path, "ja")
    with written_in("ja_JP"):
        assert runs(point) == [
            ("両社は直ちにサンプルを試験し、写真を", JAPANESE),
            ("厦门", CJK),
            ("の工場へ送ります。", JAPANESE),
        ]
        assert runs("3日に한국（") == [("3", LATIN), ("日に", JAPANESE), ("한국", CJK), ("（", JAPANESE)]
    assert runs(point) == [(point, CJK)]  # in any other document


def test_quotation_marks_dashes_and_ellipses_beside_chinese_are_the_chinese_font_s():
    """The Latin font has “”, — and …, but narrow: "了解“定制印刷”的" looked set in two faces."""
    from hospitality_app.exports.pdf.text import CJK, LATIN, runs

    assert runs("了解“定制印刷”的——好……") == [("了解“定制印刷”的——好……", CJK)]
    assert runs("“报价” and “quote” — ok…") == [("“报价”", CJK), (" and “quote” — ok…", LATIN)]
    assert runs("PT “Sinar” 公司") == [("PT “Sinar” ", LATIN), ("公司", CJK)]  # beside Latin: Latin
    assert runs("“감사합니다”") == [("“", LATIN), ("감사합니다", CJK), ("”", LATIN)]  # Korean sets them proportional


def test_the_itinerary_says_its_time_zone_the_meeting_place_and_whom_to_call(reference_plan, tmp_path):
    text = " ".join(text_of(ItineraryRenderer(HEAD, reference_plan, locale="en").render(), tmp_path, "it").split())
    assert "All times are local: China Standard Time (GMT+08:00)." in text
    assert "Meetings and the factory tour: No. 88 Xinglin Bay Road, Jimei District, Xiamen" in text
    assert "Your contact during the visit: Li Wei, +86 138 0000 0001" in text
    zh = " ".join(text_of(ItineraryRenderer(HEAD, reference_plan, locale="zh_CN").render(), tmp_path, "itz").split())
    assert unicodedata.normalize("NFKC", "日程中的时间均为当地时间：中国标准时间（GMT+08:00）。") in zh
    # A visit over the night the clocks go back: both offsets.
    berlin = replace(
        reference_plan,
        timezone="Europe/Berlin",
        start=datetime(2026, 10, 23, 7, tzinfo=UTC),
        end=datetime(2026, 10, 27, 16, tzinfo=UTC),
    )
    text = " ".join(text_of(ItineraryRenderer(HEAD, berlin, locale="de").render(), tmp_path, "itb").split())
    assert "Alle Zeiten sind Ortszeiten: Mitteleuropäische Sommerzeit (GMT+02:00 / GMT+01:00)." in text


def test_dates_as_each_language_writes_them_in_letters(reference_plan, tmp_path):
    from hospitality_app.exports.pdf.language import texts

    nbsp = "\u00a0"  # a date never breaks across lines
    assert texts("th_TH").date(TODAY) == f"8{nbsp}ธันวาคม{nbsp}พ.ศ.{nbsp}2569"  # the Buddhist era: 2026 + 543
    assert texts("th_TH").date(TODAY, "full") == f"วันอังคารที่{nbsp}8{nbsp}ธันวาคม{nbsp}พ.ศ.{nbsp}2569"
    assert texts("vi_VN").date(TODAY) == f"ngày{nbsp}8{nbsp}tháng{nbsp}12{nbsp}năm{nbsp}2026"
    assert texts("en").date(TODAY) == f"8{nbsp}December{nbsp}2026"
    raw = subprocess.run(
        ["pdftotext", "-raw", "-", "-"],
        input=LetterRenderer(HEAD, draft(reference_plan, HEAD.name, TODAY, "th_TH")).render(),
        capture_output=True,
        check=True,
    ).stdout.decode("utf-8")
    assert "8 ธันวาคม พ.ศ. 2569" in unicodedata.normalize("NFKC", raw)


@pytest.mark.parametrize(
    ("locale", "named", "not_named"),
    [
        ("en", "visiting Xiamen Starlight RFID Co., Ltd. on", "厦门星光智能科技有限公司 on"),
        ("zh_CN", "莅临厦门星光智能科技有限公司参观", "Ltd.参观"),
    ],
)
def test_the_opening_names_us_in_the_reader_s_script(reference_plan, locale, named, not_named):
    opening = draft(reference_plan, HEAD.name, TODAY, locale).opening
    assert named in opening and not_named not in opening


def test_the_brief_marks_the_dishes_a_guest_must_not_eat(reference_plan, tmp_path):
    country = regions.country(None, "ID")
    now = datetime(2026, 11, 22, tzinfo=UTC)
    text = text_of(BriefRenderer(HEAD, reference_plan, country=country, now=now).render(), tmp_path, "brief-diet")
    assert "Sweet and sour pork ⚠" in text and "Garlic butter prawns ⚠" in text
    assert "Steamed grouper with ginger ⚠" not in text  # nothing wrong with it
    assert '⚠ "Sweet and sour pork" contains pork, which Budi Santoso does not eat (halal).' in text
    zh = text_of(
        BriefRenderer(HEAD, reference_plan, country=country, language="zh_CN", now=now).render(), tmp_path, "brief-zh"
    )
    assert unicodedata.normalize("NFKC", "⚠ “Sweet and sour pork”含有猪肉") in zh


def test_thai_beside_chinese_and_symbols_is_drawn_not_refused(reference_plan, tmp_path):
    """A Thai dish in a Chinese brief failed: ReportLab shaped "pork”含有" in one font, and a
    word ending in another font than it began had no HarfBuzz face ('hbAddPrivate')."""
    meal = reference_plan.meals[0]
    dishes = (*meal.dishes[:3], replace(meal.dishes[3], name="ข้าวผัด⚠"))
    plan = replace(reference_plan, meals=(replace(meal, dishes=dishes), *reference_plan.meals[1:]))
    country = regions.country(None, "ID")
    now = datetime(2026, 11, 22, tzinfo=UTC)
    for language in ("zh_CN", "en"):
        data = BriefRenderer(HEAD, plan, country=country, language=language, now=now).render()
        raw = subprocess.run(["pdftotext", "-raw", "-", "-"], input=data, capture_output=True, check=True).stdout
        assert "ข้าวผัด" in unicodedata.normalize("NFKC", raw.decode("utf-8"))
