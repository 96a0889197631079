"""Chinese paragraphs break by the Unicode rules (UAX #14): no closing punctuation starts a
line, no opening punctuation ends one, a Latin name is not cut, nothing is lost."""

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
