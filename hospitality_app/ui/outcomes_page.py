"""How visits turn into orders (Qt Charts): visits per month by region, conversion by region
and by kind of visit, the average time from visit to order, and the orders' value."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from math import ceil

from babel.dates import format_skeleton
from babel.numbers import format_currency
from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from hospitality_app.formats import format_locale
from hospitality_app.i18n import _, label, list_text
from hospitality_app.services import dashboard
from hospitality_app.ui.ops import Ops


class ChartBox(QStackedWidget):
    """A chart, or in its place what to do when there is nothing to draw yet."""

    def __init__(self, title: str, empty: str, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        chart = QChart()
        chart.setTitle(title)
        chart.setAnimationOptions(QChart.NoAnimation)
        chart.legend().setAlignment(Qt.AlignBottom)
        self.view = QChartView(chart, self)
        self.view.setRenderHint(QPainter.Antialiasing)
        self.empty = QLabel(f"<b>{title}</b><br><br>{empty}", self)
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignCenter)
        self.empty.setStyleSheet("color: palette(mid); padding: 24px;")
        self.addWidget(self.view)
        self.addWidget(self.empty)
        self.setMinimumHeight(240)

    def chart(self) -> QChart:
        return self.view.chart()


class OutcomesPage(QWidget):
    def __init__(self, ops: Ops, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ops = ops
        self.period = QComboBox(self)
        self.period.addItem(_("Last 12 months"), 365)
        self.period.addItem(_("Last 24 months"), 730)
        self.period.currentIndexChanged.connect(self.reload)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        decided = _(
            "No visit in this period has an outcome yet. After a visit, record whether it led to an "
            "order: Visit ▸ Record outcome…"
        )
        self.by_month = ChartBox(_("Visits per month by region"), _("No visits in this period."), parent=self)
        self.by_region = ChartBox(_("Conversion by region (orders won of decided visits)"), decided, parent=self)
        self.by_type = ChartBox(_("Conversion by kind of visit"), decided, parent=self)
        top = QHBoxLayout()
        top.addWidget(QLabel("<h2>" + _("Outcomes") + "</h2>", self))
        top.addStretch(1)
        top.addWidget(self.period)
        # The charts scroll on a small screen rather than making the window taller than it.
        charts = QWidget(self)
        grid = QGridLayout(charts)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.by_month, 0, 0, 1, 2)
        grid.addWidget(self.by_region, 1, 0)
        grid.addWidget(self.by_type, 1, 1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.NoFrame)
        scroll.setWidget(charts)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(scroll, 1)

    def reload(self, now: datetime | None = None):
        """Read the statistics off the GUI thread; returns the operation."""
        now = now or datetime.now(UTC)
        since = now - timedelta(days=self.period.currentData())
        return self._ops.query(self, lambda session: dashboard.outcomes(session, since, now), self._show)

    def _show(self, stats) -> None:
        self.stats = stats
        locale = format_locale()
        days = stats.average_days_to_order
        amounts = list_text(format_currency(v, c, locale=locale) for c, v in sorted(stats.amounts.items()) if c)
        self.summary.setText(
            _("Average time from visit to order: {days}").format(
                days=_("{n} days").format(n=round(days)) if days is not None else "—"
            )
            + "   ·   "
            + _("Orders won: {amounts}").format(amounts=amounts or "—")
        )

        series = QStackedBarSeries()
        for region in sorted(stats.visits_by_month_region):
            bar = QBarSet(label(region))
            bar.append([stats.visits_by_month_region[region].get(m, 0) for m in stats.months])
            series.append(bar)
        peak = max(
            (
                sum(stats.visits_by_month_region[r].get(m, 0) for r in stats.visits_by_month_region)
                for m in stats.months
            ),
            default=1,
        )
        months = [format_skeleton("yMMM", date.fromisoformat(f"{m}-01"), locale=locale) for m in stats.months]
        self._fill(self.by_month, series, months, peak)

        def rates(pairs: dict[str, tuple[int, int]], name: str) -> tuple[QBarSeries, list[str]]:
            names = [k for k, (_won, decided) in sorted(pairs.items()) if decided]
            bar = QBarSet(name)
            bar.append([100 * pairs[k][0] / pairs[k][1] for k in names])
            s = QBarSeries()
            s.append(bar)
            s.setLabelsVisible(True)
            s.setLabelsFormat("@value%")
            s.setLabelsPrecision(2)
            return s, [label(k) for k in names]

        s, names = rates(stats.conversion_by_region, _("Conversion %"))
        self._fill(self.by_region, s, names, 100, percent=True)
        s, names = rates(stats.conversion_by_type, _("Conversion %"))
        self._fill(self.by_type, s, names, 100, percent=True)

    def _fill(self, box: ChartBox, series, categories: list[str], peak: float, *, percent: bool = False) -> None:
        box.setCurrentWidget(box.view if categories else box.empty)
        chart = box.chart()
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        chart.addSeries(series)
        x = QBarCategoryAxis()
        x.append(categories)
        y = QValueAxis()
        top = max(ceil(peak), 1)
        # Five steps at most, in whole numbers: with a tick at every visit the labels crowd the
        # axis and Qt shows each as "…".
        step = 25 if percent else max(1, ceil(top / 5))
        y.setRange(0, ceil(top / step) * step)
        y.setTickType(QValueAxis.TicksDynamic)
        y.setTickAnchor(0)
        y.setTickInterval(step)
        y.setLabelFormat("%d%%" if percent else "%d")
        chart.addAxis(x, Qt.AlignBottom)
        chart.addAxis(y, Qt.AlignLeft)
        series.attachAxis(x)
        series.attachAxis(y)
