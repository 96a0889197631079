"""The day timeline on paper: one landscape page a day, hours across and a lane for the
visitors, each host and each car, every item a block in its kind's colour — for the staff brief,
or one person's (the driver's) days only."""

from __future__ import annotations

from datetime import datetime, timedelta

from reportlab.platypus import Flowable

from hospitality_app.exports import timeline
from hospitality_app.exports.pdf.base import INK, MUTED, Letterhead, Renderer, table
from hospitality_app.exports.pdf.text import LATIN_BOLD
from hospitality_app.exports.timeline import VISITORS, Day
from hospitality_app.formats import short_day_text, time_text
from hospitality_app.i18n import list_text, normalize, translator
from hospitality_app.services.dto import VisitPlan

MM = 72 / 25.4
NAMES, HEADER, ROW = 110.0, 18.0, 26.0  # points
LIST_LINE = 18.0  # a line of the list under the grid


class TimelineRenderer(Renderer):
    margins = (14, 14, 28, 14)

    def __init__(self, letterhead: Letterhead, plan: VisitPlan, *, language: str = "en", person: str | None = None):
        from reportlab.lib.pagesizes import A4, landscape

        self.pagesize = landscape(A4)
        self.tr = _ = translator(language).gettext
        super().__init__(letterhead, page_label=_("Page {n} of {total}"))
        self.plan, self.language, self.person = plan, normalize(language), person
        days = timeline.days(plan)
        self.days = [timeline.for_person(d, person) for d in days] if person else days
        self.days = [d for d in self.days if d.blocks]
        what = _("Timeline") + (f" — {person}" if person else "")
        self.title = f"{what} — {plan.company.name}"

    def lane_name(self, lane: str) -> str:
        _ = self.tr
        if lane == VISITORS:
            return _("Visitors")
        if lane.startswith("vehicle:"):
            return _("Car: {name}").format(name=lane.removeprefix("vehicle:"))
        return lane

    def story(self) -> list:
        from reportlab.platypus import PageBreak

        out: list = []
        if not self.days:
            out.append(self.para(self.title, self.style("h1")))
            out.append(self.para(self.tr("Nothing is planned at a time yet.")))
            return out
        for i, day in enumerate(self.days):
            if i:
                out.append(PageBreak())
            heading = f"{self.title} · {short_day_text(day.day, self.language)}"
            out.append(self.para(heading, self.style("h1")))
            out.append(DayDrawing(self, day))
            out.extend(self.listing(day))
        return out

    def listing(self, day: Day):
        """Every item of the day in words, with who is in it: a block too short for its title
        is read here."""
        from reportlab.platypus import Spacer

        _, plan = self.tr, self.plan
        cell, head = self.style("cell"), self.style("cell", fontName=LATIN_BOLD)
        rows = [[self.para(_("When"), head), self.para(_("What"), head), self.para(_("Who"), head)]]
        for block in day.blocks:
            when = (
                f"{time_text(plan.local(block.start), self.language)}–{time_text(plan.local(block.end), self.language)}"
            )
            who = list_text((self.lane_name(lane) for lane in block.lanes), self.language)
            rows.append([self.para(when, cell), self.para(block.title, cell), self.para(who, cell)])
        width = self.text_width
        return [Spacer(1, 8), table(self, rows, [0.14 * width, 0.46 * width, 0.40 * width])]


class DayDrawing(Flowable):
    """One day's grid and blocks (block titles as paragraphs, so that every script finds its
    font), as wide as the page."""

    def __init__(self, renderer: TimelineRenderer, day: Day) -> None:
        super().__init__()
        self.renderer, self.day = renderer, day

    def wrap(self, available_width, available_height):
        # Rows as tall as the page allows (up to two lines of a block's title), never less
        # than one line: a day of a few lanes fills the page, a day of many still fits it.
        lanes = max(len(self.day.lanes), 1)
        listed = LIST_LINE * (len(self.day.blocks) + 1) + 16  # the list of the day's items below
        self.row = max(ROW, min(2 * ROW, (available_height - HEADER - 4 - listed) / lanes))
        self.width = available_width
        self.height = HEADER + self.row * lanes + 4
        return self.width, self.height

    def draw(self) -> None:
        draw_day(self.canv, self.renderer, self.day, self.width, self.height, self.row)


def draw_day(canvas, renderer: TimelineRenderer, day: Day, width: float, height: float, row_height: float) -> None:
    from reportlab.lib import colors

    plan = renderer.plan
    minutes = (day.last_hour - day.first_hour) * 60
    per_minute = (width - NAMES) / minutes
    top = height  # ReportLab draws upwards: rows go down from the top

    def x(moment: datetime) -> float:
        local = plan.local(moment)
        start = datetime.combine(day.day, datetime.min.time(), local.tzinfo)
        return NAMES + ((local - start).total_seconds() / 60 - day.first_hour * 60) * per_minute

    small = renderer.style("small", fontSize=7.5, leading=9, textColor=MUTED)
    canvas.setStrokeColor(colors.toColor("#d0d5da"))
    canvas.setLineWidth(0.5)
    for hour in range(day.first_hour, day.last_hour + 1):
        hx = NAMES + (hour - day.first_hour) * 60 * per_minute
        canvas.line(hx, 0, hx, top - HEADER + 4)
        if hour < day.last_hour:
            label = time_text(datetime.combine(day.day, datetime.min.time()) + timedelta(hours=hour), renderer.language)
            _place(renderer.para(label, small), canvas, hx + 2, top - HEADER + 4, 60)
    names = renderer.style("cell", fontSize=9, leading=11, textColor=INK)
    for row, lane in enumerate(day.lanes):
        y = top - HEADER - row_height * (row + 1)
        if row % 2:
            canvas.setFillColor(colors.toColor("#f3f4f6"))
            canvas.rect(0, y, width, row_height, stroke=0, fill=1)
        _place(renderer.para(renderer.lane_name(lane), names), canvas, 2, y + row_height - 7, NAMES - 6)
    # A long word runs on under the block's edge, cut there, rather than breaking letter by letter.
    inside = renderer.style("cell", fontSize=7.5, leading=9, textColor=colors.white, splitLongWords=0)
    for block in day.blocks:
        left, right = x(block.start), x(block.end)
        for lane in block.lanes:
            if lane not in day.lanes:
                continue
            y = top - HEADER - row_height * (day.lanes.index(lane) + 1) + 3
            canvas.setFillColor(colors.toColor(block.color))
            canvas.setStrokeColor(colors.toColor(block.color))
            canvas.roundRect(left, y, max(right - left, 2), row_height - 6, 2, stroke=1, fill=1)
            span = f"{time_text(plan.local(block.start), renderer.language)} {block.title}"
            if right - left > 16:
                _place(
                    renderer.para(span, inside),
                    canvas,
                    left + 2,
                    y + row_height - 8,
                    right - left - 4,
                    clip=row_height - 8,
                )


def _place(paragraph, canvas, left: float, top: float, width: float, *, clip: float | None = None) -> None:
    """A paragraph drawn with its top at `top`, cut to `clip` points high when given."""
    _w, h = paragraph.wrap(width, 1000)
    if clip is not None and h > clip:
        canvas.saveState()
        path = canvas.beginPath()
        path.rect(left, top - clip, width, clip)
        canvas.clipPath(path, stroke=0, fill=0)
        paragraph.drawOn(canvas, left, top - h)
        canvas.restoreState()
        return
    paragraph.drawOn(canvas, left, top - h)
