"""Demo visits that meet the hosting calendars: Ramadan, a Friday's midday prayer, Shabbat, a
public holiday at the site and in the client's country, and the factory's summer shutdown. Their
dates follow today's, so the demo shows each of them in the coming months."""

from __future__ import annotations

from datetime import date, timedelta

from hospitality_app.hosting_calendars import islamic
from hospitality_app.services.demo import (
    CANTEEN,
    CHEN_JIE,
    HALAL,
    JIMEI_HOTEL,
    LI_WEI,
    LIU_YANG,
    OFFICE,
    STOPS,
    SUN_LI,
    TZ,
    WANG_FANG,
    ZHANG_MIN,
    _agenda,
    _at,
)
from hospitality_app.services.dto import (
    AgendaItemData,
    CompanyData,
    DishData,
    HotelStayData,
    MealData,
    PickupData,
    RestaurantData,
    RoomData,
    TourData,
    VisitorData,
    VisitPlan,
)

FRIDAY = 4
FACTORY_LOCATION = "24.5795,118.0976"  # Jimei District, Xiamen, where the demo's office is
KOSHER_KITCHEN = RestaurantData("Shalom Kosher Kitchen", "18 Hubin South Road, Xiamen", True, False, True, 20)


def summer_shutdown(today: date) -> tuple[date, date]:
    """The factory's maintenance week: the first full week of the next August."""
    year = today.year if today < date(today.year, 8, 1) else today.year + 1
    monday = date(year, 8, 1) + timedelta(days=(7 - date(year, 8, 1).weekday()) % 7)
    return monday, monday + timedelta(days=4)


def calendar_plans(today: date) -> list[VisitPlan]:
    return [_ramadan(today), _national_day(today), _shutdown(today), _shabbat(today)]


def _weekday_on_or_after(day: date, weekday: int) -> date:
    return day + timedelta(days=(weekday - day.weekday()) % 7)


def _ramadan(today: date) -> VisitPlan:
    """A Thursday and Friday in the next Ramadan: a working lunch in the fast (religion.fasting_meal)
    and talks across the Friday midday prayer (religion.prayer_overlap)."""
    first, last = islamic.ramadan(today)
    if last < today + timedelta(days=7):
        first, last = islamic.ramadan(last + timedelta(days=60))
    friday = _weekday_on_or_after(first + timedelta(days=7), FRIDAY)
    thursday = friday - timedelta(days=1)
    guests = ("Ahmad Fauzi", "Nur Aisyah")
    return VisitPlan(
        title="PT Cahaya Nusantara — trial order in Ramadan",
        timezone=TZ,
        start=_at(thursday, 9),
        end=_at(friday, 16),
        status="confirmed",
        client_locale="id_ID",
        office_address=OFFICE,
        purpose="Trial order of RFID key fobs",
        company=CompanyData("PT Cahaya Nusantara", "ID", "Surabaya"),
        visitors=(
            VisitorData("Ahmad Fauzi", "Owner", ("id", "en"), ("halal",), salutation="mr", family_name="Fauzi"),
            VisitorData("Nur Aisyah", "Buyer", ("id", "en"), ("halal",), observes_fasting=False),
        ),
        hosts=(LIU_YANG, ZHANG_MIN, WANG_FANG, SUN_LI),
        meals=(
            MealData(
                _at(thursday, 12),
                _at(thursday, 13),
                "lunch",
                HALAL,
                False,
                (*guests, "Liu Yang"),
                (DishData("Beef noodle soup", ("beef", "gluten")),),
            ),
        ),
        tour=TourData(_at(thursday, 10, 30), "Liu Yang", "Wang Fang", "Sun Li", STOPS),
        agenda=(
            AgendaItemData(_at(thursday, 9), 30, "Welcome and introductions", "welcome", "Liu Yang"),
            AgendaItemData(_at(thursday, 10, 30), 65, "Factory tour", "factory_tour"),
            AgendaItemData(_at(friday, 11), 150, "Samples and price", "negotiation", "Zhang Min"),
        ),
    )


def _national_day(today: date) -> VisitPlan:
    """From 30 September over China's National Day into Germany's Day of Unity on 3 October
    (calendar.host_holiday, calendar.client_holiday)."""
    year = today.year if today < date(today.year, 9, 1) else today.year + 1
    first, last = date(year, 9, 30), date(year, 10, 3)
    return VisitPlan(
        title="Kaufmann Logistik — visit over the Golden Week",
        timezone=TZ,
        start=_at(first, 9),
        end=_at(last, 12),
        status="draft",
        client_locale="de_DE",
        office_address=OFFICE,
        purpose="Tracking labels for pallets",
        company=CompanyData("Kaufmann Logistik GmbH", "DE", "Hamburg"),
        visitors=(VisitorData("Klaus Müller", "Head of Purchasing", ("de", "en"), salutation="mr"),),
        hosts=(LI_WEI, ZHANG_MIN),
        agenda=_agenda(first, "Kaufmann Logistik", "Li Wei", "Zhang Min")[:3],
    )


def _shutdown(today: date) -> VisitPlan:
    """A factory tour in the summer shutdown (calendar.factory_closed, with the demo's closures)."""
    monday, _friday = summer_shutdown(today)
    day = monday + timedelta(days=1)
    return VisitPlan(
        title="Andes Textiles — tour in the shutdown week",
        timezone=TZ,
        start=_at(day, 9),
        end=_at(day, 17),
        status="draft",
        client_locale="es_CL",
        office_address=OFFICE,
        company=CompanyData("Andes Textiles S.A.", "CL", "Santiago"),
        visitors=(VisitorData("María José Rojas", "Gerente de Compras", ("es", "en"), salutation="ms"),),
        hosts=(LIU_YANG, WANG_FANG, SUN_LI),
        meals=(MealData(_at(day, 12), _at(day, 13), "lunch", CANTEEN, False, ("María José Rojas", "Liu Yang")),),
        tour=TourData(_at(day, 10, 30), "Liu Yang", "Wang Fang", "Sun Li", STOPS),
        agenda=_agenda(day, "Andes Textiles", "Liu Yang", "Liu Yang")[:5],
    )


def _shabbat(today: date) -> VisitPlan:
    """Thursday to Saturday with a kosher visitor, and a Friday dinner after sunset (religion.shabbat)."""
    thursday = _weekday_on_or_after(today + timedelta(days=40), 3)
    friday, saturday = thursday + timedelta(days=1), thursday + timedelta(days=2)
    guests = ("David Cohen",)
    return VisitPlan(
        title="Negev Smart Tags — visit over the weekend",
        timezone=TZ,
        start=_at(thursday, 9),
        end=_at(saturday, 12),
        status="confirmed",
        client_locale="he_IL",
        office_address=OFFICE,
        company=CompanyData("Negev Smart Tags Ltd", "IL", "Tel Aviv"),
        visitors=(VisitorData("David Cohen", "CEO", ("he", "en"), ("kosher",), salutation="mr"),),
        hosts=(LI_WEI, ZHANG_MIN, CHEN_JIE),
        pickups=(
            PickupData(
                "hotel_to_office", _at(thursday, 8, 30), "", JIMEI_HOTEL.name, "Office", None, "Chen Jie", None, guests
            ),
        ),
        hotel_stays=(
            HotelStayData(
                JIMEI_HOTEL,
                thursday - timedelta(days=1),
                saturday,
                (RoomData("single", 1),),
                "client",
                "client",
                guests,
            ),
        ),
        meals=(
            MealData(
                _at(friday, 19, 30),
                _at(friday, 21),
                "dinner",
                KOSHER_KITCHEN,
                False,
                (*guests, "Li Wei", "Zhang Min"),
                (DishData("Grilled sea bass", ("fish",)),),
            ),
        ),
        agenda=_agenda(thursday, "Negev Smart Tags", "Li Wei", "Zhang Min")[:4],
    )
