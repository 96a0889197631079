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


def test_the_planner_shows_every_tab_in_a_narrow_window(window, qtbot):
    """At 1024 px the planner's last tabs (Gifts, Follow-up) sat behind the tab bar's scroll
    arrows: the side panel now gives up room, down to its minimum, so that every tab shows."""
    from hospitality_app.ui.planner.window import SIDE_PANEL_MIN, shared_width

    planner = window.new_visit()
    settle(window)
    planner.resize(1000, SCREEN_HEIGHT)
    planner.share_width()
    settle(window)
    bar = planner.tabs.tabBar()
    last = bar.tabRect(bar.count() - 1)
    assert bar.tabText(bar.count() - 1) == "Follow-up"
    assert bar.tabRect(0).left() >= 0 and last.right() < bar.width()  # no tab scrolled out of sight
    assert planner.split.sizes()[1] >= SIDE_PANEL_MIN
    # 72% for the tabs when that is enough; more when they need it, down to the side panel's minimum.
    assert shared_width(1280, 800) == (921, 359)
    assert shared_width(1000, 720) == (720, 280)
    assert shared_width(1000, 721) == (721, 279)
    assert shared_width(1000, 900) == (800, 200)
    assert shared_width(600, 900) == (432, 168)  # below the minimum only where 72% leaves less
