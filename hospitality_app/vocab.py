"""Controlled vocabularies of the domain: the codes used in data and in the hospitality-visit/1 JSON."""

from __future__ import annotations

DIETARY = ("halal", "kosher", "vegetarian", "vegan", "no_pork", "no_beef", "no_alcohol")
ALLERGENS = ("peanuts", "tree_nuts", "shellfish", "fish", "gluten", "dairy", "eggs", "soy", "sesame")
MEATS = ("pork", "beef", "lamb", "chicken")
DISH_CONTENTS = (*MEATS, "fish", "shellfish", "alcohol", *(a for a in ALLERGENS if a not in ("fish", "shellfish")))
HOST_ROLES = (
    "sales_lead",
    "manager",
    "driver",
    "guide",
    "door_front",
    "door_back",
    "photographer",
    "interpreter",
    "greeter",
)
SALUTATIONS = ("mr", "ms", "mx", "dr", "prof")  # how a letter addresses a visitor
PICKUP_KINDS = ("airport", "station", "hotel_to_office", "office_to_hotel", "drop_off")
TOUR_VIEWS = ("walk_in", "glass_window")
VISIT_STATUSES = ("draft", "confirmed", "in_progress", "completed", "cancelled")
GIFT_POLICIES = ("accepts", "forbids")
PARTIES = ("client", "us")
MEAL_KINDS = ("breakfast", "lunch", "dinner", "banquet", "tea", "other")
AGENDA_KINDS = (
    "welcome",
    "company_intro",
    "client_intro",
    "samples",
    "factory_tour",
    "negotiation",
    "photo",
    "gifts",
    "free_time",
    "other",
)
NEGOTIATION_TOPICS = ("product", "price", "agency_rights", "after_sales")
CHECKLIST_PHASES = ("before", "day_of", "departure", "after")
OUTCOMES = ("won", "pending", "lost")
# Client regions, as the regional notes group countries (resources/regions/notes.toml).
REGIONS = (
    "southeast_asia",
    "south_asia",
    "east_asia",
    "middle_east",
    "europe",
    "americas",
    "africa",
    "oceania",
    "other",
)
VISIT_TYPES = ("key_account", "first_visit", "regular")  # for outcome statistics
