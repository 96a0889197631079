"""Paragraphs break by the Unicode rules (UAX #14, from ICU): no closing punctuation starts a
line, no opening punctuation ends one, a Latin name is not cut, Thai breaks between its words,
nothing is lost."""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import replace
from datetime import date

import pytest

from hospitality_app.exports.pdf.base import Letterhead
from hospitality_app.exports.pdf.letter import LetterRenderer, draft

CLOSING = "，。、；：？！）」』】》〉”’"
OPENING = "（「『【《〈“‘"
POINT = (
    "第{n}点：{pad}双方同意在第一季度内完成样品测试，并根据测试结果（包括耐久性、噪音与能耗）"
    "调整最终报价，价格以人民币计算。"
)


def lines_of(text: str, width: float) -> list[str]:
    from reportlab.lib.styles import ParagraphStyle

    from hospitality_app.exports.pdf.linebreak import UnicodeParagraph
    from hospitality_app.exports.pdf.text import markup, register_fonts

    register_fonts()
    paragraph = UnicodeParagraph(markup(text), ParagraphStyle("t", fontName="HospSans", fontSize=10, wordWrap="CJK"))
    paragraph.wrap(width, 10_000)
    return ["".join(getattr(f, "text", "") for f in line.words) for line in paragraph.blPara.lines]


@pytest.mark.parametrize("width", [60, 97, 100, 103, 150, 173, 200, 260])
def test_lines_break_only_where_the_unicode_rules_allow(width):
    text = POINT.format(n=3, pad="样" * 3) + "Budi Santoso先生（PT Sinar Jaya）同意。\n第二段"
    lines = lines_of(text, width)
    assert "".join(lines).replace(" ", "") == text.replace("\n", "").replace(" ", "")  # nothing lost
    assert not any(line[:1] in CLOSING for line in lines)
    assert not any(line.rstrip()[-1:] in OPENING for line in lines)
    assert not any(line.endswith(("Bud", "Sant", "Sinar J")) for line in lines)  # words whole
    assert lines[-1] == "第二段"  # the forced break is kept


def test_a_line_never_starts_with_a_comma_where_plain_wrapping_put_one():
    # At this width, breaking between any two characters puts "，" first on the second line.
    text = "样样样样样样样样样样，样样"
    assert lines_of(text, 10 * 10 + 0.5) == ["样样样样样样样样样", "样，样样"]


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils is not installed")
def test_a_40_point_chinese_letter_has_no_line_starting_with_closing_punctuation(reference_plan, tmp_path):
    head = Letterhead("厦门星光智能科技有限公司", "福建省厦门市集美区杏林湾路88号")
    points = tuple(POINT.format(n=n, pad="样" * n) for n in range(1, 41))
    plan = replace(reference_plan, follow_up=replace(reference_plan.follow_up, consensus=points))
    path = tmp_path / "letter.pdf"
    path.write_bytes(LetterRenderer(head, draft(plan, head.name, date(2026, 12, 8), "zh_CN")).render())
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    assert not [line for line in lines if line[0] in CLOSING]
    assert not [line for line in lines if line[-1] in OPENING]
    flat = "".join(lines).replace(" ", "").replace("•", "")
    assert all(point in flat for point in points)  # every point, whole, in order of reading


def test_korean_breaks_only_at_spaces_even_after_a_latin_name():
    from hospitality_app.exports.pdf.linebreak import breaks

    text = "Xiamen Starlight RFID Co., Ltd.까지 방문해 주셔서 감사드립니다"
    allowed = breaks(text)
    assert text.index("까지") not in allowed  # the particle stays with the name
    assert text.index("방문해") in allowed and text.index("감사") in allowed  # after spaces
    assert text.index("드립니다") not in allowed  # not between syllables


THAI_WORDS = ("ทั้ง", "สอง", "ฝ่าย", "จะ", "ทดสอบ", "ตัวอย่าง", "ที่", "ได้", "รับ", "ภายใน", "ไตรมาส", "แรก")


def thai_lines(text: str, width: float) -> list[tuple[str, float]]:
    """The lines of a shaped Thai paragraph as written (the marks' positioned variants mapped
    back to them) and the room left at the end of each."""
    from reportlab.lib.styles import ParagraphStyle

    from hospitality_app.exports.pdf import shaping
    from hospitality_app.exports.pdf.linebreak import ThaiParagraph
    from hospitality_app.exports.pdf.text import THAI, has_thai, markup, register_fonts

    register_fonts()
    assert has_thai(text) and shaping.available()
    body = markup(text)  # registers the Thai font and its shaping
    variants = {code: chr(base) for code, base in shaping.variants_of(THAI).items()}
    paragraph = ThaiParagraph(body, ParagraphStyle("t", fontName=THAI, fontSize=10, leading=17, shaping=1))
    paragraph.wrap(width, 10_000)
    return [
        ("".join(getattr(f, "text", "") for f in line.words).translate(variants), line.extraSpace)
        for line in paragraph.blPara.lines
    ]


@pytest.mark.parametrize("width", [80, 100, 137, 173, 260])
def test_thai_lines_break_between_words_and_are_filled(width):
    """Thai has no spaces between words: ReportLab cut a phrase wider than the line between any
    two letters ("ตั|วอย่าง", "ภา|ยใน") and moved a narrower one whole to the next line."""
    from hospitality_app.exports.pdf.text import width as printed_width

    words = THAI_WORDS * 2
    lines = thai_lines("".join(words), width)
    assert "".join(text for text, _room in lines) == "".join(words)  # nothing lost, nothing added
    ends = {sum(map(len, words[:n])) for n in range(len(words) + 1)}
    at = 0
    for n, (text, room) in enumerate(lines):
        at += len(text)
        assert at in ends, f"line {n} ends inside a word: {text}"
        assert room >= 0
        if n + 1 < len(lines):  # the next line's first word would not have fitted on this one
            following = next(w for w in words if lines[n + 1][0].startswith(w))
            assert printed_width(following, 10) > room
    assert len(lines) > 1


def test_thai_still_breaks_at_its_spaces_and_a_latin_name_stays_whole():
    text = "ขอบคุณคุณBudi Santoso ที่ได้ให้เกียรติมาเยี่ยมชมโรงงาน"
    for width in (60, 90, 120):
        lines = [line for line, _room in thai_lines(text, width)]
        assert "".join(lines).replace(" ", "") == text.replace(" ", "")
        assert [line for line in lines if "Santoso" in line] and [line for line in lines if "คุณBudi" in line]
        assert all(line == line.strip() for line in lines)
    assert thai_lines(text, 1000)[0][0] == text  # on one line its spaces are kept, and nothing is added


def test_every_document_sets_its_thai_in_paragraphs_that_break_between_words(reference_plan):
    from hospitality_app.exports.pdf import shaping
    from hospitality_app.exports.pdf.linebreak import ThaiParagraph
    from hospitality_app.exports.pdf.text import THAI

    renderer = LetterRenderer(Letterhead("Xiamen"), draft(reference_plan, "Xiamen", date(2026, 12, 8), "th_TH"))
    # Thai alone is shaped; beside Chinese it is not (see Renderer.para), and breaks between words all the same.
    for text, width, first_lines in (
        ("".join(THAI_WORDS), 60, {"".join(THAI_WORDS[:n]) for n in range(1, len(THAI_WORDS))}),
        ("ข้าวผัดกุ้ง 含有 pork", 35, {"ข้าว", "ข้าวผัด"}),
    ):
        paragraph = renderer.para(text)
        assert type(paragraph) is ThaiParagraph
        paragraph.wrap(width, 10_000)
        variants = {code: chr(base) for code, base in shaping.variants_of(THAI).items()}
        first = "".join(getattr(f, "text", "") for f in paragraph.blPara.lines[0].words).translate(variants)
        assert first in first_lines


@pytest.mark.parametrize("width", [60, 70, 80, 100])
def test_characters_beyond_the_basic_plane_do_not_shift_the_breaks(width):
    """ICU counts in UTF-16 units: after "😀" or "𠮷" every break fell a place too far, cutting
    "Santoso" and starting a line with "，"."""
    text = "😀😀𠮷😀 收到了Budi Santoso先生的样品，谢谢。"
    lines = lines_of(text, width)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    assert not any(line[:1] in CLOSING for line in lines)
    assert not any(line.endswith(("Bud", "Sant", "Santos")) for line in lines)


def test_a_thai_paragraph_split_across_pages_gains_no_spaces():
    """Split across pages, the rest of a paragraph was rebuilt from its text with a space at
    the end of each line: "ทั้งสอง ฝ่ายจะ" in the middle of a line."""
    from reportlab.lib.styles import ParagraphStyle

    from hospitality_app.exports.pdf import shaping
    from hospitality_app.exports.pdf.linebreak import ThaiParagraph
    from hospitality_app.exports.pdf.text import THAI, markup, register_fonts

    register_fonts()
    text = "".join(THAI_WORDS * 3)
    body = markup(text)
    variants = {code: chr(base) for code, base in shaping.variants_of(THAI).items()}
    paragraph = ThaiParagraph(body, ParagraphStyle("t", fontName=THAI, fontSize=10, leading=17, shaping=1))
    paragraph.wrap(100, 10_000)
    parts = paragraph.split(100, 17 * 2 + 1)
    assert len(parts) == 2
    texts = []
    for part in parts:
        part.wrap(100, 10_000)
        texts += ["".join(getattr(f, "text", "") for f in line.words).translate(variants) for line in part.blPara.lines]
    assert "".join(texts) == text and not any(" " in line for line in texts)
