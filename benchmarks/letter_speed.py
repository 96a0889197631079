"""Time to produce a thank-you letter with Chinese text: in a running process (fonts already
registered, as in the GUI) and as a cold command, each against a baseline measured in the same
run (an empty ReportLab document, and `python -c pass`).

python benchmarks/letter_speed.py
"""

from __future__ import annotations

import io
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def median(fn, repeat=7) -> float:
    samples = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - t0)
    return statistics.median(samples)


def main() -> int:
    sys.path.insert(0, str(ROOT))
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    from hospitality_app.exports.pdf.base import Letterhead
    from hospitality_app.exports.pdf.letter import LetterRenderer, draft
    from hospitality_app.services import interchange

    plan = interchange.loads((ROOT / "tests" / "data" / "visit-indonesia.json").read_text("utf-8"))
    head = Letterhead("厦门星光智能科技有限公司", "福建省厦门市集美区杏林湾路88号")

    def empty():
        SimpleDocTemplate(io.BytesIO()).build([Paragraph("x", getSampleStyleSheet()["Normal"])])

    def letter():
        LetterRenderer(head, draft(plan, head.name, date(2026, 12, 8), "zh_CN")).render()

    letter()  # first letter: fonts parsed once per process
    base, warm = median(empty), median(letter)
    print(f"empty ReportLab document: {base * 1000:.1f} ms (baseline)")
    print(f"Chinese letter, running process: {warm * 1000:.1f} ms = {warm / base:.1f}x baseline (target < 300 ms)")

    with tempfile.TemporaryDirectory() as tmp:
        db = f"{tmp}/b.sqlite3"
        app = [sys.executable, "-m", "hospitality_app", "--db", db]
        subprocess.run(
            [*app, "import", str(ROOT / "tests" / "data" / "visit-indonesia.json")], check=True, capture_output=True
        )
        floor = median(lambda: subprocess.run([sys.executable, "-c", "pass"], check=True), repeat=5)
        cold = median(
            lambda: subprocess.run(
                [*app, "letter", "1", "--locale", "zh_CN", "-o", f"{tmp}/l.pdf"], check=True, capture_output=True
            ),
            repeat=5,
        )
    print(f"python -c pass: {floor * 1000:.0f} ms (baseline)")
    print(f"cold `hospitality-app letter`: {cold * 1000:.0f} ms = {cold / floor:.1f}x baseline")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
