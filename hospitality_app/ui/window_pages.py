"""The main window's pages after the visit list: each built, module and all, when first shown, so
that start-up waits only for the list (Qt Charts, the rules, the record forms wait)."""

from __future__ import annotations

import importlib
from functools import partial

from PySide6.QtWidgets import QTabWidget, QWidget

from hospitality_app.i18n import _
from hospitality_app.ui.lazy_page import LazyPage
from hospitality_app.ui.ops import Ops

# key: (module in hospitality_app.ui, the class or function that makes the page)
PAGES = {
    "dashboard": ("dashboard_page", "DashboardPage"),
    "calendar": ("calendar_page", "CalendarPage"),
    "outcomes": ("outcomes_page", "OutcomesPage"),
    "clients": ("directory_page", "clients_page"),
    "staff": ("directory_page", "staff_page"),
    "places": ("directory_page", "places_page"),
    "regions": ("regions_page", "RegionsPage"),
}
# The record pages follow changes themselves (they keep an edit under way); these read again.
REREAD_ON_CHANGE = ("dashboard", "calendar", "outcomes", "regions")


# A module function, not a method: a method would tie the window's Python wrapper into a
# reference cycle, and the cycle collector would then delete the window at a random moment, in
# the middle of Qt's event handling.
def _make(module: str, name: str, ops: Ops, parent: QWidget) -> QWidget:
    return getattr(importlib.import_module(f"hospitality_app.ui.{module}"), name)(ops, parent=parent)


class WindowPages:
    """Mixed into MainWindow, which gives `ops`, `pages`, `open_visit` and `open_item`."""

    def _add_pages(self, pages: QTabWidget) -> None:
        titles = {
            "dashboard": _("Dashboard"),
            "calendar": _("Calendar"),
            "outcomes": _("Outcomes"),
            "clients": _("Clients"),
            "staff": _("Staff"),
            "places": _("Places"),
            "regions": _("Regional notes"),
        }
        self.lazy = {key: LazyPage(partial(_make, *PAGES[key], self.ops), parent=self) for key in PAGES}
        for key, page in self.lazy.items():
            pages.addTab(page, titles[key])
        # Bound methods, not lambdas: a lambda would hold the window in a reference cycle.
        self.lazy["dashboard"].built.connect(self._dashboard_built)
        self.lazy["calendar"].built.connect(self._calendar_built)
        pages.currentChanged.connect(self._page_shown)

    # The pages by name (the tests and the menus reach them so).
    @property
    def outcomes(self):
        return self.lazy["outcomes"].content

    @property
    def dashboard(self):
        return self.lazy["dashboard"].ensure()

    @property
    def calendar_page(self):
        return self.lazy["calendar"].ensure()

    @property
    def regions_page(self):
        return self.lazy["regions"].ensure()

    def show_page(self, key: str) -> QWidget:
        """Bring the page `key` (of `lazy`) to the front; returns its content."""
        self.pages.setCurrentWidget(self.lazy[key])
        return self.lazy[key].ensure()

    def _dashboard_built(self, page: QWidget) -> None:
        page.visit_chosen.connect(self.open_visit)

    def _calendar_built(self, page: QWidget) -> None:
        page.item_chosen.connect(self.open_item)

    def _page_shown(self, index: int) -> None:
        page = self.pages.widget(index)
        if isinstance(page, LazyPage):
            page = page.ensure()
        if page is not self.pages.widget(0):
            page.reload()

    def _reread_page_on_show(self) -> None:
        """After a change in the database: the page on show reads again, if it is built."""
        page = self.pages.currentWidget()
        if page in (self.lazy[key] for key in REREAD_ON_CHANGE) and page.content is not None:
            page.content.reload()

    def leave_records(self) -> bool:
        """Ask about each record form of the Clients, Staff and Places pages with unsaved edits;
        False if the user chose to stay."""
        for key in ("clients", "staff", "places"):
            page = self.lazy[key].content
            for editor in page.dirty_editors() if page is not None else ():
                self.pages.setCurrentWidget(self.lazy[key])
                page.setCurrentWidget(editor)
                if not editor.leave():
                    return False
        return True
