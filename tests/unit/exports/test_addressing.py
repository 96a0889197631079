"""A letter greets its readers by their salutation and the name a letter uses, in the grammar
of its language: singular or plural, gendered where the language is, one greeting per person
where that is the custom; the company's team when no visitor is known."""

from __future__ import annotations

from datetime import date

import pytest

from hospitality_app.exports.pdf.addressing import greeting
from hospitality_app.exports.pdf.language import texts
from hospitality_app.services.dto import VisitorData

MAN = VisitorData("Ivan Petrovich Sidorov", salutation="mr", family_name="Sidorov")
WOMAN = VisitorData("María José Rojas", salutation="ms", family_name="Rojas")
WOMAN_2 = VisitorData("Sabine Weiß", salutation="ms", family_name="Weiß")
SOMEONE = VisitorData("Budi Santoso")
DOCTOR = VisitorData("Li Na", salutation="dr", family_name="Li")
TITLE_ONLY = VisitorData("Hendra Wijaya", salutation="mr")  # no family name: the full name
THAI_MAN = VisitorData("สมชาย ใจดี", salutation="mr", family_name="ใจดี")
THAI_WOMAN = VisitorData("สุดา ทองมา", salutation="ms", family_name="ทองมา")


@pytest.mark.parametrize(
    ("locale", "visitors", "expected"),
    [
        ("en_GB", [MAN], "Dear Mr Sidorov,"),
        ("en_GB", [TITLE_ONLY], "Dear Mr Hendra Wijaya,"),
        ("en_GB", [MAN, SOMEONE, DOCTOR], "Dear Mr Sidorov, Budi Santoso and Dr Li,"),
        ("zh_CN", [MAN, WOMAN], "尊敬的Sidorov先生和Rojas女士："),
        ("id_ID", [MAN, WOMAN], "Yth. Bapak Sidorov dan Ibu Rojas,"),
        # Russian: the adjective agrees with one man, one woman, several people.
        ("ru_RU", [MAN], "Уважаемый господин Sidorov!"),
        ("ru_RU", [WOMAN], "Уважаемая госпожа Rojas!"),
        ("ru_RU", [MAN, WOMAN], "Уважаемые господин Sidorov и госпожа Rojas!"),
        ("ru_RU", [SOMEONE], "Здравствуйте, Budi Santoso!"),
        # Spanish: singular and plural, feminine plural only when all are women.
        ("es_ES", [WOMAN], "Estimada Sra. Rojas:"),
        ("es_ES", [WOMAN, WOMAN_2], "Estimadas Sra. Rojas y Sra. Weiß:"),
        ("es_ES", [MAN, WOMAN], "Estimados Sr. Sidorov y Sra. Rojas:"),
        ("pt_BR", [WOMAN], "Prezada Sra. Rojas,"),
        ("pt_BR", [SOMEONE], "Olá, Budi Santoso,"),
        ("it_IT", [MAN, WOMAN], "Gentili Sig. Sidorov e Sig.ra Rojas,"),
        # German and French: each man and woman greeted in their own words, one sentence.
        ("de_DE", [MAN], "Sehr geehrter Herr Sidorov,"),
        ("de_DE", [MAN, WOMAN_2], "Sehr geehrter Herr Sidorov, sehr geehrte Frau Weiß,"),
        ("de_DE", [MAN, SOMEONE], "Guten Tag Herr Sidorov und Budi Santoso,"),
        ("fr_FR", [WOMAN, MAN], "Chère Madame Rojas, cher Monsieur Sidorov,"),
        # Turkish: "Sayın" before every name.
        ("tr_TR", [MAN, SOMEONE, WOMAN], "Sayın Sidorov, Sayın Budi Santoso ve Sayın Rojas,"),
        ("ar_SA", [MAN, WOMAN], "السيد Sidorov المحترم والسيدة Rojas المحترمة،"),
        ("ar_SA", [DOCTOR], "حضرة الدكتور Li،"),
        # Thai lists with no space ("AและB"): a Latin name gets one before "และ", a Thai one not.
        ("th_TH", [MAN, WOMAN_2], "เรียน คุณ Sidorov และคุณ Weiß"),
        ("th_TH", [THAI_MAN, THAI_WOMAN], "เรียน คุณใจดีและคุณทองมา"),
    ],
)
def test_greetings(locale, visitors, expected):
    assert greeting(visitors, "PT Sinar Jaya Abadi", texts(locale)) == expected


@pytest.mark.parametrize(
    ("locale", "one", "several"),
    [
        ("it_IT", "Non esiti a contattarci", "Non esitate a contattarci"),
        ("es_ES", "recibirle y mostrarle", "recibirles y mostrarles"),
        ("pt_BR", "Não hesite", "Não hesitem"),
        ("zh_CN", "期待与您长期", "期待与各位长期"),
        ("ru_RU", "принять Вас", "принять вас"),
    ],
)
def test_a_letter_to_one_reader_speaks_to_one(reference_plan, locale, one, several):
    from dataclasses import replace

    from hospitality_app.exports.pdf.letter import draft

    alone = replace(reference_plan, visitors=reference_plan.visitors[:1])
    to_one, to_all = draft(alone, "X", date(2026, 12, 8), locale), draft(reference_plan, "X", date(2026, 12, 8), locale)
    assert one in to_one.opening + to_one.closing and several not in to_one.opening + to_one.closing
    assert several in to_all.opening + to_all.closing


@pytest.mark.parametrize(
    ("locale", "expected"),
    [
        ("en", "Dear colleagues at PT Sinar Jaya Abadi,"),
        ("zh_CN", "尊敬的PT Sinar Jaya Abadi各位同仁："),
        ("de_DE", "Sehr geehrte Damen und Herren von PT Sinar Jaya Abadi,"),
    ],
)
def test_without_visitors_the_team_is_greeted(locale, expected):
    assert greeting([], "PT Sinar Jaya Abadi", texts(locale)) == expected


def test_every_language_greets_every_salutation():
    from hospitality_app import vocab
    from hospitality_app.exports.pdf.language import LANGUAGES

    for language in LANGUAGES:
        for salutation in ("", *vocab.SALUTATIONS):
            visitor = VisitorData("Ana Lee", salutation=salutation, family_name="Lee")
            said = greeting([visitor, visitor], "X", texts(language))
            assert "{" not in said and said.count("Lee") == 2, (language, salutation, said)
