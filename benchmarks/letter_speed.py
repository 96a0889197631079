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
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    sys.path.insert(0, str(ROOT))
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    from benchmarks.common import median_seconds, peak_mib, user_env, whole_process
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
    base, warm = median_seconds(empty, 7), median_seconds(letter, 7)
    mib = peak_mib(letter)
    print(f"empty ReportLab document: {base * 1000:.1f} ms (baseline)")
    print(
        f"Chinese letter, running process: {warm * 1000:.1f} ms = {warm / base:.1f}x baseline (target < 300 ms), "
        f"peak {mib:.1f} MiB"
    )

    with tempfile.TemporaryDirectory() as tmp:
        db = f"{tmp}/b.sqlite3"
        app = [sys.executable, "-m", "hospitality_app", "--db", db]
        env = user_env()
        subprocess.run(
            [*app, "import", str(ROOT / "tests" / "data" / "visit-indonesia.json")],
            check=True,
            capture_output=True,
            env=env,
        )
        command = [*app, "letter", "1", "--locale", "zh_CN", "-o", f"{tmp}/l.pdf"]
        whole_process(command, env)  # writes the bytecode, as the first run on a user's machine does
        floor = [whole_process([sys.executable, "-c", "pass"], env) for _ in range(5)]
        cold = [whole_process(command, env) for _ in range(5)]
    floor_s, floor_mib = statistics.median(s for s, _ in floor), max(m for _, m in floor)
    cold_s, cold_mib = statistics.median(s for s, _ in cold), max(m for _, m in cold)
    print(f"python -c pass: {floor_s * 1000:.0f} ms, peak {floor_mib:.0f} MiB (baseline)")
    print(
        f"cold `hospitality-app letter`: {cold_s * 1000:.0f} ms = {cold_s / floor_s:.1f}x baseline (target < 1 s), "
        f"peak {cold_mib:.0f} MiB"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
