"""How long the timeline and the calendar take to lay out and paint: the planner's day of a
200-item visit against the reference visit's day, and the calendar's month of 300 visits against
a month of the reference visit alone, measured in the same run (the median of five paints after
the first; the target is under 50 ms each). Reading the plans is not counted: it happens off the
GUI thread, before.

python benchmarks/timeline_paint.py
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def median_ms(action, runs: int = 5) -> float:
    action()  # the first paint: fonts and caches
    samples = []
    for _ in range(runs):
        t0 = time.perf_counter()
        action()
        samples.append(time.perf_counter() - t0)
    return statistics.median(samples) * 1000


def main() -> int:
    from PySide6.QtGui import QImage
    from PySide6.QtWidgets import QApplication

    from benchmarks.common import peak_mib
    from hospitality_app.exports.timeline import blocks, days
    from hospitality_app.services import interchange
    from hospitality_app.services.calendar_week import WeekItem
    from hospitality_app.services.dto import AgendaItemData, MealData
    from hospitality_app.ui.planner.timeline import DayView

    app = QApplication.instance() or QApplication([])
    reference = interchange.loads((ROOT / "tests" / "data" / "visit-indonesia.json").read_text("utf-8"))
    start = reference.start
    names = (*(v.name for v in reference.visitors), "Li Wei")
    meals = tuple(
        MealData(start + timedelta(minutes=13 * i), start + timedelta(minutes=13 * i + 60), "lunch", attendees=names)
        for i in range(60)
    )
    agenda = tuple(
        AgendaItemData(start + timedelta(minutes=5 * i), 30, f"Session {i}", "other", "Li Wei") for i in range(140)
    )
    big = replace(reference, meals=meals, agenda=agenda)  # 200 items on one long day

    def day_paint(plan) -> float:
        view = DayView()
        view.resize(1200, 700)
        day = max(days(plan), key=lambda d: len(d.blocks))
        image = QImage(1200, 700, QImage.Format_ARGB32)

        def paint():
            view.show_day(plan, day, ())
            view.render(image)

        return median_ms(paint), len(day.blocks), peak_mib(paint)

    small_ms, small_n, small_mib = day_paint(reference)
    big_ms, big_n, big_mib = day_paint(big)
    print(f"timeline, reference day: {small_n} items in {small_ms:.1f} ms, peak {small_mib:.2f} MiB (baseline)")
    print(
        f"timeline, large day: {big_n} items in {big_ms:.1f} ms = {big_ms / small_ms:.1f}x baseline, "
        f"peak {big_mib:.2f} MiB"
    )

    def week_items_of(plans_: list) -> list:
        out = []
        for n, plan in enumerate(plans_):
            for block in blocks(plan):
                out.append(
                    WeekItem(
                        n + 1,
                        plan.company.name,
                        plan.timezone,
                        block,
                        (),
                        plan.local(block.start),
                        plan.local(block.end),
                    )
                )
        return out

    from hospitality_app.ui.calendar_page import CalendarPage

    def month_paint(items) -> float:
        page = CalendarPage(None)  # the month's grid as the page fills it from the items read
        page.anchor = reference.local(reference.start).date()
        page.resize(1200, 700)
        image = QImage(1200, 700, QImage.Format_ARGB32)

        def paint():
            page._got_items(page.days(), items)
            page.render(image)

        return median_ms(paint), peak_mib(paint)

    one = week_items_of([reference])
    spread = [  # 300 visits across the month, ten a day
        replace(
            reference, start=reference.start + timedelta(hours=2.4 * k), end=reference.end + timedelta(hours=2.4 * k)
        )
        for k in range(300)
    ]
    many = week_items_of(spread)
    (one_ms, one_mib), (many_ms, many_mib) = month_paint(one), month_paint(many)
    print(f"calendar month, one visit: {len(one)} items in {one_ms:.1f} ms, peak {one_mib:.2f} MiB (baseline)")
    print(
        f"calendar month, 300 visits: {len(many)} items in {many_ms:.1f} ms = {many_ms / one_ms:.1f}x baseline, "
        f"peak {many_mib:.2f} MiB"
    )
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
