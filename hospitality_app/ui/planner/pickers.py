"""Searchable pickers for the codes a plan stores — country, time zone, client language, currency —
shown by their names in the interface language (CLDR data through Babel), never typed as codes."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from functools import cache
from zoneinfo import ZoneInfo, available_timezones

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QCompleter, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from hospitality_app.i18n import _, current_language
from hospitality_app.ui.record_form import countries


class SearchBox(QComboBox):
    """A drop-down of (code, text) that also takes typing: any part of a name or the code finds
    it. `code()` is the code of the item chosen or typed, or None when the text names none."""

    def __init__(self, items: Sequence[tuple[str, str]] = (), *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.NoInsert)
        self.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(18)
        self.set_items(items)
        self.lineEdit().editingFinished.connect(self._resolve)

    def _resolve(self) -> None:
        """Typed text that names one item becomes that item (shown by its full name, and
        `currentIndexChanged` tells who follows it); text that names none stays for the error."""
        text = self.currentText().strip()
        code = self.find_code(text) if text else None
        if code is not None:
            index = self.findData(code)
            if index >= 0 and (index != self.currentIndex() or self.itemText(index) != text):
                self.setCurrentIndex(index)

    def set_items(self, items: Sequence[tuple[str, str]]) -> None:
        chosen = self.code()
        self.blockSignals(True)
        self.clear()
        for code, text in items:
            self.addItem(text, code)
        finder = QCompleter(self.model(), self)
        finder.setCaseSensitivity(Qt.CaseInsensitive)
        finder.setFilterMode(Qt.MatchContains)
        finder.setCompletionMode(QCompleter.PopupCompletion)
        self.setCompleter(finder)
        self.blockSignals(False)
        if chosen:
            self.set_code(chosen)

    def set_code(self, code: str) -> None:
        index = self.findData(code)
        if index < 0 and code:
            self.addItem(code, code)  # a code the list lacks stays readable rather than vanishing
            index = self.count() - 1
        self.setCurrentIndex(index)
        if index < 0:
            self.setEditText("")

    def code(self) -> str | None:
        text = self.currentText().strip()
        if not text:
            return ""
        if 0 <= self.currentIndex() < self.count() and self.itemText(self.currentIndex()) == text:
            return self.currentData()
        return self.find_code(text)

    def find_code(self, text: str) -> str | None:
        """The code `text` names: a code, a whole name, or the one name that contains it; accents
        need not be typed ("Turkiye" finds Türkiye)."""
        folded = _folded(text)
        texts = [(self.itemData(i), _folded(self.itemText(i))) for i in range(self.count())]
        for code, shown in texts:
            if folded in (str(code).casefold(), shown.casefold()):
                return code
        for code, shown in texts:
            if shown.casefold().split(" (")[0] == folded:
                return code
        for code, _shown in texts:  # "Shanghai": Asia/Shanghai, not the old zones that link to it
            if str(code).casefold().rsplit("/", 1)[-1].replace("_", " ") == folded:
                return code
        found = [code for code, shown in texts if folded in shown.casefold()]
        return found[0] if len(found) == 1 else None


def _folded(text: str) -> str:
    """Lower case without accents, so that what people type finds what Babel spells."""
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).replace("’", "'")


# Countries whose CLDR name changed: the name people still type, shown beside the new one.
RENAMED = {
    "TR": "Turkey",
    "CZ": "Czech Republic",
    "MK": "Macedonia",
    "CI": "Ivory Coast",
    "SZ": "Swaziland",
    "TL": "East Timor",
    "CV": "Cape Verde",
}
# What else people type for a country: short forms that name no country in CLDR.
FORMER_NAMES = {
    **{name.casefold(): code for code, name in RENAMED.items()},
    "burma": "MM",
    "holland": "NL",
    "korea": "KR",
    "great britain": "GB",
    "england": "GB",
    "uk": "GB",
    "usa": "US",
    "america": "US",
    "uae": "AE",
    "emirates": "AE",
    "vatican": "VA",
}


class CountryBox(SearchBox):
    def __init__(self, *, parent: QWidget | None = None) -> None:
        super().__init__(country_items(current_language()), parent=parent)

    def find_code(self, text: str) -> str | None:
        return FORMER_NAMES.get(_folded(text).strip()) or super().find_code(text)


@cache
def country_items(language: str) -> tuple[tuple[str, str], ...]:
    """(code, "Türkiye (TR)"); in English with the name people still use ("Türkiye — Turkey
    (TR)"), so that the list offers it while they type."""
    renamed = RENAMED if language.startswith("en") else {}
    return tuple(
        (code, f"{name} — {renamed[code]} ({code})" if code in renamed else f"{name} ({code})")
        for code, name in countries(language)
    )


class ZoneBox(SearchBox):
    def __init__(self, *, parent: QWidget | None = None) -> None:
        super().__init__(zone_items(current_language()), parent=parent)


def _offsets(zone: str, year: int) -> str:
    """The zone's offsets from UTC in `year`: "UTC+08:00"; "UTC+01:00/+02:00" where the clocks
    change (today's alone said +01:00 for a Berlin visit in July)."""
    minutes = sorted(
        {
            int(delta.total_seconds() // 60)
            for month in (1, 7)
            if (delta := datetime(year, month, 1, tzinfo=UTC).astimezone(ZoneInfo(zone)).utcoffset()) is not None
        }
    ) or [0]
    texts = [f"{'+' if m >= 0 else '−'}{abs(m) // 60:02d}:{abs(m) % 60:02d}" for m in minutes]
    return "UTC" + "/".join(texts)


@cache
def zone_items(language: str) -> tuple[tuple[str, str], ...]:
    """Every place's IANA zone with its city in `language` and its offsets from UTC this year."""
    from babel.dates import get_timezone_location

    year = datetime.now(UTC).year
    zones = sorted(
        z for z in available_timezones() if "/" in z and not z.startswith(("Etc/", "SystemV/", "US/", "posix/"))
    )
    items = []
    for zone in zones:
        try:
            city = get_timezone_location(zone, locale=language, return_city=True)
        except (LookupError, ValueError):
            city = zone.rsplit("/", 1)[-1].replace("_", " ")
        items.append((zone, f"{zone} — {city} ({_offsets(zone, year)})"))
    return tuple(items)


class LanguageBox(SearchBox):
    """The language the client's letters are written in (a Babel locale such as id_ID)."""

    def __init__(self, *, parent: QWidget | None = None) -> None:
        super().__init__(language_items(current_language(), ""), parent=parent)

    def offer_country(self, country: str) -> None:
        self.set_items(language_items(current_language(), country))


@cache
def language_items(language: str, country: str) -> tuple[tuple[str, str], ...]:
    """The country's own languages first (as locales of that country), then every language."""
    from babel import Locale
    from babel.localedata import locale_identifiers

    known = set(locale_identifiers())
    shown = Locale.parse(language)
    items: list[tuple[str, str]] = []
    for code in country_languages(country):
        locale = f"{code}_{country}"
        if locale in known:
            items.append((locale, Locale.parse(locale).get_display_name(shown)))
    names = shown.languages
    # Names only: a code in brackets means nothing to the reader (typing a code still finds it).
    items.extend((code, names[code]) for code in sorted(known, key=lambda c: names.get(c, c)) if code in names)
    return tuple(items)


def country_languages(country: str) -> list[str]:
    """The official languages of a country, most spoken first (CLDR)."""
    from babel.core import get_global

    spoken = get_global("territory_languages").get(country, {})
    official = [(code, info) for code, info in spoken.items() if info.get("official_status")]
    official.sort(key=lambda pair: -(pair[1].get("population_percent") or 0))
    return [code for code, _info in official]


def default_locale(country: str) -> str | None:
    """The locale a client from `country` most likely reads (ID → id_ID, SA → ar_SA)."""
    items = language_items("en", country)
    return items[0][0] if items and "_" in items[0][0] else None


class CurrencyBox(SearchBox):
    def __init__(self, *, parent: QWidget | None = None) -> None:
        super().__init__(currency_items(current_language()), parent=parent)
        self.setMinimumContentsLength(12)

    def set_code(self, code: str) -> None:
        super().set_code(code or "CNY")


@cache
def currency_items(language: str) -> tuple[tuple[str, str], ...]:
    from babel.numbers import get_currency_name, list_currencies

    current = sorted(code for code in list_currencies() if not _historic(code))
    common = [c for c in ("CNY", "USD", "EUR", "IDR", "SAR", "AED", "RUB", "TRY", "JPY", "KRW") if c in current]
    rest = [c for c in current if c not in common]
    return tuple((code, f"{code} — {get_currency_name(code, locale=language)}") for code in [*common, *rest])


def _historic(code: str) -> bool:
    from babel.numbers import get_currency_name

    return "(" in get_currency_name(code, locale="en")  # "Afghan Afghani (1927–2002)"


# The languages offered without searching: the ones business visits are held in most.
COMMON_LANGUAGES = ("en", "zh", "id", "ar", "ru", "es", "tr", "de", "fr", "pt", "ja", "ko", "vi", "th", "ms", "hi")


class LanguagesBox(QWidget):
    """The languages a person speaks: the common ones ticked from a list, any other found by name.

    Signals:
        changed: a language was ticked, unticked or added.
    """

    changed = Signal()

    def __init__(self, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.list = QListWidget(self)
        self.list.setFlow(QListWidget.LeftToRight)
        self.list.setWrapping(True)
        self.list.setResizeMode(QListWidget.Adjust)
        self.list.setMaximumHeight(96)
        self.list.itemChanged.connect(self._ticked)
        self.order: list[str] = []  # as ticked: the first is the one the person prefers
        self.other = SearchBox(language_names(current_language()), parent=self)
        self.other.lineEdit().setPlaceholderText(_("Another language…"))
        self.other.setCurrentIndex(-1)
        self.other.activated.connect(self._add_other)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.list)
        column.addWidget(self.other)

    def _ticked(self, item: QListWidgetItem) -> None:
        code = item.data(Qt.UserRole)
        if code in self.order:
            self.order.remove(code)
        if item.checkState() == Qt.Checked:
            self.order.append(code)
        self.changed.emit()

    def _add_other(self, index: int) -> None:
        code = self.other.itemData(index)
        if code:
            self.set_value((*self.value(), code))
            self.other.setCurrentIndex(-1)
            self.changed.emit()

    def set_value(self, codes) -> None:
        names = dict(language_names(current_language()))
        self.order = list(dict.fromkeys(codes))
        self.list.blockSignals(True)
        self.list.clear()
        # The common languages always in the same place (boxes must not move under the mouse),
        # then the person's others; the order they were ticked in is kept in `order`.
        for code in dict.fromkeys([*COMMON_LANGUAGES, *codes]):
            item = QListWidgetItem(names.get(code, code), self.list)
            item.setData(Qt.UserRole, code)
            item.setFlags(item.flags() | Qt.ItemIsUserCheckable)
            item.setCheckState(Qt.Checked if code in codes else Qt.Unchecked)
        self.list.blockSignals(False)

    def value(self) -> tuple[str, ...]:
        ticked = [
            self.list.item(i).data(Qt.UserRole)
            for i in range(self.list.count())
            if self.list.item(i).checkState() == Qt.Checked
        ]
        return tuple(dict.fromkeys([*(c for c in self.order if c in ticked), *ticked]))


@cache
def language_names(language: str) -> tuple[tuple[str, str], ...]:
    """(code, name in `language`) of every language Babel has data for."""
    from babel import Locale
    from babel.localedata import locale_identifiers

    names = Locale.parse(language).languages
    codes = {code for code in locale_identifiers() if "_" not in code and code in names}
    return tuple(sorted(((code, names[code]) for code in codes), key=lambda pair: pair[1]))
