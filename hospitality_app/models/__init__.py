"""SQLAlchemy models, one aggregate per module; importing this package registers them all."""

from hospitality_app.models.agenda import AgendaItem, BottomLine
from hospitality_app.models.base import Base
from hospitality_app.models.calendar import AppSetting, CalendarItemState
from hospitality_app.models.checklist import ChecklistItem
from hospitality_app.models.company import Company
from hospitality_app.models.dining import Dish, Meal, MealDish, Restaurant, meal_staff, meal_visitor
from hospitality_app.models.followup import FollowUp, Gift
from hospitality_app.models.frontdesk import FrontDeskEntry
from hospitality_app.models.logistics import (
    Hotel,
    HotelRoom,
    HotelStay,
    Pickup,
    Vehicle,
    hotel_stay_guest,
    pickup_passenger,
)
from hospitality_app.models.people import Staff, Visitor
from hospitality_app.models.region import RegionalNote
from hospitality_app.models.tour import Tour, TourRouteStop, TourStop
from hospitality_app.models.visit import Visit, VisitHost, VisitVisitor

__all__ = [
    "AgendaItem",
    "AppSetting",
    "Base",
    "BottomLine",
    "CalendarItemState",
    "ChecklistItem",
    "Company",
    "Dish",
    "FollowUp",
    "FrontDeskEntry",
    "Gift",
    "Hotel",
    "HotelRoom",
    "HotelStay",
    "Meal",
    "MealDish",
    "Pickup",
    "RegionalNote",
    "Restaurant",
    "Staff",
    "Tour",
    "TourRouteStop",
    "TourStop",
    "Vehicle",
    "Visit",
    "VisitHost",
    "VisitVisitor",
    "Visitor",
    "hotel_stay_guest",
    "meal_staff",
    "meal_visitor",
    "pickup_passenger",
]
