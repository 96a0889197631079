"""Render the sample pages the README shows: the thank-you letter in Chinese and Arabic, the
client itinerary in Thai and the welcome sign, from the reference visit (tests/data), as PNG
images in docs/documents/. Needs poppler's pdftoppm.

python scripts/document_samples.py
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from dataclasses import replace
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    sys.path.insert(0, str(ROOT))
    from hospitality_app.exports.pdf.base import Letterhead
    from hospitality_app.exports.pdf.itinerary import ItineraryRenderer
    from hospitality_app.exports.pdf.letter import LetterRenderer, draft
    from hospitality_app.exports.pdf.sign import SignRenderer
    from hospitality_app.services import interchange

    plan = interchange.loads((ROOT / "tests" / "data" / "visit-indonesia.json").read_text("utf-8"))
    budi, siti, *others = plan.visitors
    plan = replace(
        plan,
        company=replace(plan.company, city="Surabaya"),
        visitors=(
            replace(budi, salutation="mr", family_name="Santoso"),
            replace(siti, salutation="ms", family_name="Rahmawati"),
            *others,
        ),
    )
    head = Letterhead(
        "厦门星光智能科技有限公司 Xiamen Starlight RFID Co., Ltd.",
        "No. 88 Xinglin Bay Road, Jimei District, Xiamen 361022",
        "+86 592 000 0000",
        "sales@example.com",
    )
    zh = replace(
        plan.follow_up,
        consensus=(
            "首批订购20,000条防水NFC腕带，四种颜色，设计稿确认后25天内交货。",
            "单价按每年200,000条计为0.45美元，每六个月复核一次价格。",
            "我们将于12月15日前寄出十个印有客户标志的样品。",
        ),
        minutes="双方审阅了样品系列和编码流程。客户要求提供水上乐园跌落测试报告。",
        next_steps=("以书面形式发送跌落测试报告和报价。", "发送合影照片。"),
    )
    ar = replace(
        plan.follow_up,
        consensus=("طلبية أولى من 20,000 سوار NFC مقاوم للماء بأربعة ألوان.", "يُراجَع السعر كل ستة أشهر."),
        minutes="راجع الطرفان مجموعة العينات وعملية الترميز، وطلب العميل تقرير اختبار السقوط.",
        next_steps=("إرسال تقرير اختبار السقوط وعرض السعر كتابيا.",),
    )
    today = date(2026, 12, 8)
    documents = {
        "letter-zh_CN": LetterRenderer(head, draft(replace(plan, follow_up=zh), head.name, today, "zh_CN")),
        "letter-ar": LetterRenderer(head, draft(replace(plan, follow_up=ar), head.name, today, "ar_SA")),
        "itinerary-th": ItineraryRenderer(head, plan, locale="th_TH"),
        "sign-A4": SignRenderer(head, plan),
    }
    out = ROOT / "docs" / "documents"
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        for name, renderer in documents.items():
            pdf = Path(tmp) / f"{name}.pdf"
            pdf.write_bytes(renderer.render())
            subprocess.run(
                ["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", str(pdf), str(out / name)],
                check=True,
            )
            print(out / f"{name}.png")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
