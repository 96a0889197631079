"""How visits turn into orders (Qt Charts): visits per month by region, conversion by region
and by kind of visit, the average time from visit to order, and the orders' value."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

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
from PySide6.QtWidgets import QComboBox, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from hospitality_app.formats import format_locale
from hospitality_app.i18n import _, label
from hospitality_app.services import dashboard
from hospitality_app.ui.ops import Ops


def _chart(title: str) -> QChartView:
    chart = QChart()
    chart.setTitle(title)
    chart.setAnimationOptions(QChart.NoAnimation)
    chart.legend().setAlignment(Qt.AlignBottom)
    view = QChartView(chart)
    view.setRenderHint(QPainter.Antialiasing)
    view.setMinimumHeight(260)
    return view


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
        self.by_month = _chart(_("Visits per month by region"))
        self.by_region = _chart(_("Conversion by region (orders won of decided visits)"))
        self.by_type = _chart(_("Conversion by kind of visit"))
        top = QHBoxLayout()
        top.addWidget(QLabel("<h2>" + _("Outcomes") + "</h2>", self))
        top.addStretch(1)
        top.addWidget(self.period)
        grid = QGridLayout()
        grid.addWidget(self.by_month, 0, 0, 1, 2)
        grid.addWidget(self.by_region, 1, 0)
        grid.addWidget(self.by_type, 1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addLayout(grid, 1)

    def reload(self, now: datetime | None = None):
        """Read the statistics off the GUI thread; returns the operation."""
        now = now or datetime.now(UTC)
        since = now - timedelta(days=self.period.currentData())
        return self._ops.query(self, lambda session: dashboard.outcomes(session, since, now), self._show)

    def _show(self, stats) -> None:
        self.stats = stats
        locale = format_locale()
        days = stats.average_days_to_order
        amounts = ", ".join(format_currency(v, c, locale=locale) for c, v in sorted(stats.amounts.items()) if c)
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
        self._fill(self.by_month, series, stats.months, peak)

        def rates(pairs: dict[str, tuple[int, int]], name: str) -> tuple[QBarSeries, list[str]]:
            names = [k for k, (_won, decided) in sorted(pairs.items()) if decided]
            bar = QBarSet(name)
            bar.append([100 * pairs[k][0] / pairs[k][1] for k in names])
            s = QBarSeries()
            s.append(bar)
            s.setLabelsVisible(True)
            s.setLabelsFormat("@value%")
            s.setLabelsPrecision(3)
            return s, [label(k) for k in names]

        s, names = rates(stats.conversion_by_region, _("Conversion %"))
        self._fill(self.by_region, s, names, 100)
        s, names = rates(stats.conversion_by_type, _("Conversion %"))
        self._fill(self.by_type, s, names, 100)

    def _fill(self, view: QChartView, series, categories: list[str], peak: float) -> None:
        chart = view.chart()
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        chart.addSeries(series)
        x = QBarCategoryAxis()
        x.append(categories)
        y = QValueAxis()
        top = max(round(peak), 1)
        y.setRange(0, top)
        y.setTickCount(min(top, 10) + 1)  # whole numbers only: 0, 1, 2… (or tenths of 100)
        y.setLabelFormat("%d")
        chart.addAxis(x, Qt.AlignBottom)
        chart.addAxis(y, Qt.AlignLeft)
        series.attachAxis(x)
        series.attachAxis(y)
