"""What new people and meals start with: the languages they most likely speak, who is at table."""

from __future__ import annotations

from dataclasses import replace

import pytest

from hospitality_app.services.dto import CompanyData, HostData
from hospitality_app.services.plan_defaults import meal_guests, site_languages, territory_language, visitor_languages


@pytest.mark.parametrize(
    ("territory", "language"),
    [("CN", "zh"), ("ID", "id"), ("US", "en"), ("DE", "de"), ("SA", "ar"), ("TR", "tr"), ("ZZ", None), (None, None)],
)
def test_a_country_s_main_official_language(territory, language):
    assert territory_language(territory) == language


def test_hosts_speak_the_language_of_the_site_s_zone(reference_plan):
    assert site_languages(reference_plan) == ("zh",)  # Asia/Shanghai
    assert site_languages(replace(reference_plan, timezone="Europe/Berlin")) == ("de",)
    assert site_languages(replace(reference_plan, timezone="UTC")) == ()  # no country: nothing guessed


def test_visitors_speak_the_client_s_language_once_the_company_has_a_country(reference_plan):
    assert visitor_languages(reference_plan) == ("id",)  # id_ID
    assert visitor_languages(replace(reference_plan, client_locale="pt_BR")) == ("pt",)
    no_country = replace(reference_plan, company=CompanyData("New client", ""), client_locale="en")
    assert visitor_languages(no_country) == ()  # "en" is only the form's default then


def test_the_sales_lead_and_the_manager_eat_with_the_visitors(reference_plan):
    assert meal_guests(reference_plan) == (
        "Budi Santoso",
        "Siti Rahmawati",
        "Hendra Wijaya",
        "Li Wei",  # sales lead
        "Zhang Min",  # manager; not the driver nor the door keeper
    )


def test_without_such_roles_every_host_is_at_table(reference_plan):
    hosts = (HostData("Ana", roles=("driver",)), HostData("Bo", roles=()), HostData(""))
    assert meal_guests(replace(reference_plan, visitors=(), hosts=hosts)) == ("Ana", "Bo")
