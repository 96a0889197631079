"""Demo data: eight realistic visits around today (with problems for the check to find), and
four more that meet the hosting calendars (demo_calendars). Generated visits in bulk, for
benchmarks, are in demo_bulk."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from hospitality_app.services import plans
from hospitality_app.services.dto import (
    AgendaItemData,
    ChecklistItemData,
    CompanyData,
    DishData,
    FollowUpData,
    GiftData,
    HostData,
    HotelData,
    HotelStayData,
    MealData,
    OutcomeData,
    PickupData,
    RestaurantData,
    RoomData,
    TourData,
    TourStopData,
    VehicleData,
    VisitorData,
    VisitPlan,
)

TZ = "Asia/Shanghai"
ZONE = ZoneInfo(TZ)
OFFICE = "No. 88 Xinglin Bay Road, Jimei District, Xiamen"

LI_WEI = HostData("Li Wei", ("sales_lead", "guide"), ("zh", "en"), "+86 138 0000 0001", "li.wei@example.com", "Sales")
ZHANG_MIN = HostData(
    "Zhang Min", ("manager",), ("zh", "en"), "+86 138 0000 0002", "zhang.min@example.com", "Management"
)
CHEN_JIE = HostData("Chen Jie", ("driver",), ("zh",), "+86 138 0000 0003", "", "Logistics")
WANG_FANG = HostData("Wang Fang", ("door_front", "photographer"), ("zh", "en"), "+86 138 0000 0004", "", "Marketing")
LIU_YANG = HostData(
    "Liu Yang", ("sales_lead", "guide"), ("zh", "en", "es"), "+86 138 0000 0005", "liu.yang@example.com", "Sales"
)
SUN_LI = HostData("Sun Li", ("door_back",), ("zh",), "+86 138 0000 0006", "", "Production")
ZHAO_LEI = HostData("Zhao Lei", ("driver",), ("zh",), "+86 138 0000 0007", "", "Logistics")
HUANG_TAO = HostData("Huang Tao", ("interpreter", "greeter"), ("zh", "ru", "en"), "+86 138 0000 0008", "", "Sales")

GL8 = VehicleData("Buick GL8", 7)
SEDAN = VehicleData("Toyota Camry", 5)
MARRIOTT = HotelData("Xiamen Marriott Hotel", "8 Jiahe Road, Siming District, Xiamen", 35)
JIMEI_HOTEL = HotelData("Jimei Garden Hotel", "21 Yinjiang Road, Jimei District, Xiamen", 12)
CANTEEN = RestaurantData("Factory guest dining room", OFFICE, True, False, False, 0)
SEAFOOD = RestaurantData("Haiyun Seafood House", "6 Huandao Road, Xiamen", True, False, False, 10)
HALAL = RestaurantData("Bismillah Lanzhou Kitchen", "120 Jiahe Road, Xiamen", True, True, False, 15)
VEG = RestaurantData("Nanputuo Vegetarian Restaurant", "515 Siming South Road, Xiamen", True, False, False, 25)

STOPS = (
    TourStopData("Showroom — wristband samples", 20, "walk_in"),
    TourStopData("Silicone moulding line", 15, "walk_in", "Shoe covers at the entrance"),
    TourStopData("RFID inlay encoding room", 15, "glass_window"),
    TourStopData("QC laboratory", 15, "walk_in"),
)


def _at(day: date, hh: int, mm: int = 0) -> datetime:
    return datetime.combine(day, time(hh, mm), tzinfo=ZONE)


def _agenda(day: date, company: str, presenter: str, manager: str, bottom: str = "") -> tuple:
    def item(h, m, minutes, title, kind, who=None, **kw):
        return AgendaItemData(_at(day, h, m), minutes, title, kind, who, **kw)

    return (
        item(9, 0, 15, "Welcome at the lift, exchange of business cards", "welcome", presenter),
        item(
            9,
            15,
            30,
            "Company introduction video and slides",
            "company_intro",
            manager,
            materials=("Company video (English subtitles)", "Slides: capacity, certifications"),
        ),
        item(9, 45, 30, f"{company} introduces its business", "client_intro"),
        item(10, 15, 15, "Sample cabinet", "samples", presenter),
        item(10, 30, 65, "Factory tour", "factory_tour"),
        item(
            14,
            0,
            120,
            "Order details and quotation",
            "negotiation",
            manager,
            topics=("product", "price", "after_sales"),
            bottom_lines=bottom,
        ),
        item(16, 15, 15, "Group photo in the showroom", "photo", "Wang Fang"),
    )


def demo_plans(today: date) -> list[VisitPlan]:
    d = lambda n: today + timedelta(days=n)  # noqa: E731 - reads best inline here
    plans = []

    # 1. Indonesia, in eleven days: the reference visit's problems (pork, prawns, late driver...).
    day = d(11)
    sinar = ("Budi Santoso", "Siti Rahmawati", "Hendra Wijaya")
    plans.append(
        VisitPlan(
            title="PT Sinar Jaya Abadi — first factory visit",
            timezone=TZ,
            start=_at(day, 9),
            end=_at(d(12), 17),
            status="confirmed",
            key_account=True,
            first_visit=True,
            client_locale="id_ID",
            office_address=OFFICE,
            purpose="Evaluate us as RFID wristband supplier; first order of 200,000 pieces",
            company=CompanyData(
                "PT Sinar Jaya Abadi",
                "ID",
                "Jakarta",
                "https://sinarjaya.example.co.id",
                research="Distributor for theme parks in Java and Bali, 120 staff.",
            ),
            visitors=(
                VisitorData(
                    "Budi Santoso",
                    "Purchasing Director",
                    ("id", "en"),
                    ("halal",),
                    (),
                    ("fried chicken",),
                    ("badminton",),
                ),
                VisitorData("Siti Rahmawati", "Quality Manager", ("id", "en"), ("halal",), ("shellfish",)),
                VisitorData("Hendra Wijaya", "Technical Lead", ("id", "en", "zh"), (), (), (), ("football",)),
            ),
            hosts=(LI_WEI, ZHANG_MIN, CHEN_JIE, WANG_FANG),
            pickups=(
                PickupData(
                    "airport",
                    _at(d(10), 21, 45),
                    "GA 898",
                    "Jakarta CGK",
                    "Xiamen XMN",
                    _at(d(10), 21, 35),
                    "Chen Jie",
                    GL8,
                    sinar,
                    4,
                    30,
                ),
                PickupData(
                    "hotel_to_office", _at(day, 8, 15), "", MARRIOTT.name, "Office", None, "Chen Jie", GL8, sinar
                ),
            ),
            hotel_stays=(HotelStayData(MARRIOTT, d(10), d(13), (RoomData("king", 3),), "us", "client", sinar),),
            meals=(
                MealData(
                    _at(day, 12),
                    _at(day, 13, 15),
                    "lunch",
                    SEAFOOD,
                    False,
                    (*sinar, "Li Wei", "Zhang Min"),
                    (
                        DishData("Steamed grouper with ginger", ("fish", "soy")),
                        DishData("Garlic butter prawns", ("shellfish", "dairy")),
                        DishData("Sweet and sour pork", ("pork", "gluten")),
                    ),
                ),
                MealData(
                    _at(day, 19),
                    _at(day, 21),
                    "dinner",
                    HALAL,
                    False,
                    (*sinar, "Li Wei"),
                    (DishData("Fried chicken with chili", ("chicken",)), DishData("Crispy fried fish", ("fish",))),
                ),
            ),
            tour=TourData(_at(day, 10, 30), "Li Wei", "Wang Fang", None, STOPS),
            agenda=_agenda(day, "PT Sinar Jaya", "Li Wei", "Zhang Min", "Unit price not below USD 0.42 at 200k pcs."),
            gifts=(GiftData("Anxi Tieguanyin tea gift box", "Budi Santoso", Decimal(300), "CNY"),),
        )
    )

    # 2. India, overlapping visit 1 with the same driver: a double booking; runs late.
    day = d(12)
    plans.append(
        VisitPlan(
            title="Shree Ganesh Packaging — price negotiation",
            timezone=TZ,
            start=_at(day, 9),
            end=_at(day, 17),
            status="confirmed",
            client_locale="en_IN",
            office_address=OFFICE,
            purpose="Annual price agreement for NFC labels",
            company=CompanyData("Shree Ganesh Packaging Pvt Ltd", "IN", "Mumbai"),
            visitors=(
                VisitorData("Rajesh Sharma", "Managing Director", ("hi", "en"), ("vegetarian",)),
                VisitorData("Priya Nair", "Procurement Head", ("ml", "en"), ("no_beef",), ("peanuts",)),
            ),
            hosts=(LIU_YANG, ZHANG_MIN, CHEN_JIE),
            pickups=(
                PickupData(
                    "hotel_to_office",
                    _at(day, 8, 30),
                    "",
                    JIMEI_HOTEL.name,
                    "Office",
                    None,
                    "Chen Jie",
                    SEDAN,
                    ("Rajesh Sharma", "Priya Nair"),
                ),
            ),
            hotel_stays=(
                HotelStayData(
                    JIMEI_HOTEL,
                    d(11),
                    d(13),
                    (RoomData("twin", 2),),
                    "client",
                    "client",
                    ("Rajesh Sharma", "Priya Nair"),
                ),
            ),
            meals=(
                MealData(
                    _at(day, 12),
                    _at(day, 13),
                    "lunch",
                    VEG,
                    False,
                    ("Rajesh Sharma", "Priya Nair", "Liu Yang"),
                    (DishData("Mapo tofu (vegetarian)", ("soy",)), DishData("Kung pao vegetables", ("peanuts",))),
                ),
            ),
            agenda=_agenda(day, "Shree Ganesh", "Liu Yang", "Zhang Min")[:4],
        )
    )

    # 3. Russia in three days: we pay the hotel (reads as a bribe), the sedan is too small.
    day = d(3)
    ru = ("Dmitry Ivanov", "Olga Petrova", "Sergei Volkov", "Anna Smirnova", "Ivan Kuznetsov")
    plans.append(
        VisitPlan(
            title="ООО «Северная звезда» — supplier audit",
            timezone=TZ,
            start=_at(day, 9),
            end=_at(d(4), 16),
            status="confirmed",
            client_locale="ru_RU",
            office_address=OFFICE,
            purpose="Supplier audit before a 1 million piece tender",
            company=CompanyData("ООО «Северная звезда»", "RU", "Москва"),
            visitors=tuple(
                VisitorData(n, t, ("ru",))
                for n, t in zip(
                    ru, ("Генеральный директор", "Главный инженер", "Аудитор", "Закупки", "Логистика"), strict=True
                )
            ),
            hosts=(LI_WEI, ZHANG_MIN, HUANG_TAO, WANG_FANG, SUN_LI, ZHAO_LEI),
            pickups=(
                PickupData(
                    "airport",
                    _at(d(2), 18, 0),
                    "SU 204",
                    "Moscow SVO",
                    "Xiamen XMN",
                    _at(d(2), 18, 30),
                    "Zhao Lei",
                    SEDAN,
                    ru,
                    6,
                    30,
                ),
            ),
            hotel_stays=(HotelStayData(JIMEI_HOTEL, d(2), d(5), (RoomData("king", 5),), "us", "us", ru),),
            tour=TourData(_at(day, 10, 30), "Li Wei", "Wang Fang", "Sun Li", STOPS),
            agenda=_agenda(day, "Severnaya Zvezda", "Huang Tao", "Zhang Min"),
            checklist=(
                ChecklistItemData(
                    "before",
                    "Send the audit documents in Russian",
                    "发送俄文版审核文件",
                    _at(d(-1), 18),
                    assignee="Huang Tao",
                ),
            ),
        )
    )

    # 4. Germany, in progress: beer at lunch before the afternoon negotiation.
    day = today
    de = ("Klaus Müller", "Sabine Weiß")
    plans.append(
        VisitPlan(
            title="Müller Etiketten GmbH — quality review",
            timezone=TZ,
            start=_at(d(-1), 9),
            end=_at(d(1), 17),
            status="in_progress",
            client_locale="de_DE",
            office_address=OFFICE,
            purpose="Review of the Q3 quality report and next year's volume",
            company=CompanyData("Müller Etiketten GmbH", "DE", "Stuttgart"),
            visitors=(
                VisitorData("Klaus Müller", "Geschäftsführer", ("de", "en")),
                VisitorData("Sabine Weiß", "Qualitätsleiterin", ("de", "en"), (), ("gluten",)),
            ),
            hosts=(LIU_YANG, ZHANG_MIN, WANG_FANG, SUN_LI),
            meals=(
                MealData(
                    _at(day, 12),
                    _at(day, 13),
                    "lunch",
                    CANTEEN,
                    True,
                    (*de, "Liu Yang", "Zhang Min"),
                    (DishData("Braised beef with potatoes", ("beef",)), DishData("Stir-fried greens", ())),
                ),
            ),
            tour=TourData(_at(day, 10, 30), "Liu Yang", "Wang Fang", "Sun Li", STOPS),
            agenda=_agenda(day, "Müller Etiketten", "Liu Yang", "Zhang Min"),
        )
    )

    # 5. USA, three weeks ago: a gift for a company that forbids them; no thank-you letter yet.
    day = d(-20)
    plans.append(
        VisitPlan(
            title="Brightline Events — festival wristbands",
            timezone=TZ,
            start=_at(day, 9),
            end=_at(d(-19), 17),
            status="completed",
            client_locale="en_US",
            office_address=OFFICE,
            purpose="Wristbands for a summer festival tour",
            company=CompanyData("Brightline Events Inc.", "US", "Austin", gift_policy="forbids"),
            visitors=(VisitorData("Megan Carter", "VP Operations", ("en",), (), ("tree_nuts",)),),
            hosts=(LI_WEI, ZHANG_MIN),
            gifts=(GiftData("Silk scarf", "Megan Carter", Decimal(450), "CNY"),),
            agenda=_agenda(day, "Brightline", "Li Wei", "Zhang Min")[:4],
            follow_up=FollowUpData(consensus=("Order of 80,000 woven wristbands for June.",)),
            outcome=OutcomeData("won", Decimal("45000"), "USD", "First order signed on the second day."),
        )
    )

    # 6. Saudi Arabia, in 25 days: chicken from a kitchen that is not halal-certified; too few hosts.
    day = d(25)
    sa = ("Abdullah Al-Harbi", "Fahad Al-Qahtani", "Omar Al-Shehri", "Khalid Al-Otaibi")
    plans.append(
        VisitPlan(
            title="Al-Noor Trading — distribution talks",
            timezone=TZ,
            start=_at(day, 10),
            end=_at(day, 18),
            status="draft",
            client_locale="ar_SA",
            office_address=OFFICE,
            purpose="Exclusive distribution for the Gulf region",
            company=CompanyData("شركة النور للتجارة", "SA", "Riyadh"),
            visitors=tuple(VisitorData(n, "", ("ar", "en"), ("halal", "no_alcohol")) for n in sa),
            hosts=(LIU_YANG, ZHANG_MIN, ZHAO_LEI),
            meals=(
                MealData(
                    _at(day, 12, 30),
                    _at(day, 13, 30),
                    "lunch",
                    SEAFOOD,
                    False,
                    (*sa, "Liu Yang", "Zhang Min"),
                    (DishData("Lemon chicken", ("chicken",)), DishData("Steamed fish", ("fish",))),
                ),
            ),
            agenda=(
                AgendaItemData(_at(day, 10), 30, "Welcome and introductions", "welcome", "Liu Yang"),
                AgendaItemData(
                    _at(day, 14),
                    120,
                    "Distribution terms",
                    "negotiation",
                    "Zhang Min",
                    topics=("agency_rights", "price"),
                ),
            ),
        )
    )

    # 7. Turkey, forty days ago: done right, letter sent, order won.
    day = d(-40)
    plans.append(
        VisitPlan(
            title="Yıldız Tekstil — silicone bands",
            timezone=TZ,
            start=_at(day, 9),
            end=_at(day, 17),
            status="completed",
            client_locale="tr_TR",
            office_address=OFFICE,
            purpose="Silicone bands for a hotel chain",
            company=CompanyData("Yıldız Tekstil A.Ş.", "TR", "İstanbul"),
            visitors=(VisitorData("Ayşe Yılmaz", "Satın Alma Müdürü", ("tr", "en"), ("no_pork",)),),
            hosts=(LIU_YANG, ZHANG_MIN),
            agenda=_agenda(day, "Yıldız Tekstil", "Liu Yang", "Zhang Min")[:4],
            follow_up=FollowUpData(consensus=("Trial order of 50,000 bands.",), letter_sent=d(-38), photos_sent=d(-37)),
            outcome=OutcomeData("won", Decimal("120000"), "EUR", "Signed two weeks after the visit.", _at(d(-26), 12)),
        )
    )

    # 8. Brazil, two months ago: letter sent, order lost.
    day = d(-60)
    plans.append(
        VisitPlan(
            title="Festa Brasil — carnival wristbands",
            timezone=TZ,
            start=_at(day, 9),
            end=_at(day, 16),
            status="completed",
            client_locale="pt_BR",
            office_address=OFFICE,
            purpose="Wristbands for carnival events",
            company=CompanyData("Festa Brasil Ltda", "BR", "São Paulo"),
            visitors=(VisitorData("João Silva", "Diretor Comercial", ("pt", "en")),),
            hosts=(LI_WEI, ZHANG_MIN),
            agenda=_agenda(day, "Festa Brasil", "Li Wei", "Zhang Min")[:4],
            follow_up=FollowUpData(letter_sent=d(-58), photos_sent=d(-58)),
            outcome=OutcomeData("lost", None, "", "Chose a cheaper supplier."),
        )
    )
    return plans


def create_demo_visits(session: Session, *, now: datetime) -> list[int]:
    """The demo visits, and those that meet the hosting calendars; the factory's summer
    shutdown and its place become settings unless the team has set its own."""
    from hospitality_app.services import demo_calendars, settings

    today = now.astimezone(ZONE).date()
    stored = settings.settings(session)
    if not stored["factory.closures"]:
        first, last = demo_calendars.summer_shutdown(today)
        settings.set_setting(session, "factory.closures", f"{first.isoformat()}/{last.isoformat()}")
    if not stored["site.location"]:  # the demo factory is in Xiamen, not in Shanghai, its zone's city
        settings.set_setting(session, "site.location", demo_calendars.FACTORY_LOCATION)
    every = [*demo_plans(today), *demo_calendars.calendar_plans(today)]
    return [plans.save(session, plan, now=now, create_only=True).visit_id for plan in every]
