"""The day timeline on paper: a landscape page a day with every item listed and who is in it;
a driver's copy with only the driver's days and items; in the interface's language."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from hospitality_app.exports.pdf.timeline import TimelineRenderer
from tests.unit.exports.test_pdf import HEAD, pages, text_of

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils is not installed")


def test_a_landscape_page_a_day_with_every_item_and_its_people(reference_plan, tmp_path):
    data = TimelineRenderer(HEAD, reference_plan, language="en").render()
    path = tmp_path / "timeline.pdf"
    path.write_bytes(data)
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    assert "841.89 x 595.276 pts (A4)" in info or "842 x 595 pts (A4)" in info  # landscape
    assert pages(data, tmp_path) == 2  # the arrival evening, the first day
    text = text_of(data, tmp_path, "timeline")
    assert "Timeline — PT Sinar Jaya Abadi · Wed 2 Dec" in text and "Thu 3 Dec" in text
    assert "21:45–22:20 GA 898 Visitors, Chen Jie, Car: Buick GL8" in text
    assert "14:00–16:00 Order details and quotation Visitors, Zhang Min" in text
    assert "19:00–21:00 Bismillah Lanzhou Kitchen Visitors, Li Wei, Zhang Min" in text
    assert "Unit price not below" not in text  # the bottom lines are never on it


def test_the_driver_s_copy_has_only_the_driver_s_items(reference_plan, tmp_path):
    data = TimelineRenderer(HEAD, reference_plan, language="en", person="Chen Jie").render()
    text = text_of(data, tmp_path, "driver")
    assert "Timeline — Chen Jie — PT Sinar Jaya Abadi" in text
    assert "GA 898" in text and "Xiamen Marriott Hotel → Office" in text
    assert "Order details" not in text and "Haiyun" not in text and "Li Wei" not in text


def test_in_chinese(reference_plan, tmp_path):
    text = text_of(TimelineRenderer(HEAD, reference_plan, language="zh_CN").render(), tmp_path, "zh")
    assert "时间线 — PT Sinar Jaya Abadi · 12月3日周四" in text
    assert "访客、Chen Jie、车辆:Buick GL8" in text  # the list separator of the language (NFKC reads ：as :)


def test_a_plan_without_times_says_so(reference_plan, tmp_path):
    from dataclasses import replace

    empty = replace(reference_plan, pickups=(), meals=(), agenda=(), tour=None)
    text = text_of(TimelineRenderer(HEAD, empty, language="en").render(), tmp_path, "empty")
    assert "Nothing is planned at a time yet." in text
