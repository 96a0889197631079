"""The main window fits a 1024×700 screen on every page: a page whose content is taller scrolls,
rather than making the window taller than the screen (its buttons and status bar out of reach)."""

from __future__ import annotations

from tests.ui.helpers import settle

# 700 pixels less a title bar and a panel or taskbar.
SCREEN_HEIGHT = 640


def test_no_page_makes_the_window_taller_than_a_small_screen(window, qtbot):
    window.resize(1024, SCREEN_HEIGHT)
    for i in range(window.pages.count()):
        window.pages.setCurrentIndex(i)
        settle(window)
        name = window.pages.tabText(i)
        assert window.minimumSizeHint().height() <= SCREEN_HEIGHT, name
        assert window.height() <= SCREEN_HEIGHT, name
