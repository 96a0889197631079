"""Checklist templates: every shipped one loads; mistakes name the file and the line."""

from __future__ import annotations

import pytest

from hospitality_app.checklists.templates import SHIPPED, load_templates, offset_text, parse_offset, parse_template
from hospitality_app.errors import ValidationError


def test_every_shipped_template_loads_and_validates():
    templates = load_templates()
    assert sorted(templates) == sorted(SHIPPED)
    for template in templates.values():
        assert template.items and template.title_en and template.title_zh
        assert all(i.title_en and i.title_zh and (i.owner_role or i.owner_person) for i in template.items)
    phases = {i.phase for i in templates["standard"].items}
    assert phases == {"before", "day_of", "departure", "after"}


@pytest.mark.parametrize(
    ("text", "minutes"), [("-7d", -10080), ("+3d", 4320), ("-90m", -90), ("-1d2h", -1560), ("2h", 120)]
)
def test_offsets(text, minutes):
    assert parse_offset(text) == minutes
    assert parse_offset(offset_text(minutes)) == minutes


GOOD = """name = { en = "Mine", zh = "我的" }

[[item]]
key = "a"
phase = "before"
title = { en = "A", zh = "甲" }
due = { anchor = "visit_start", offset = "-1d" }
owner = "sales_lead"
"""


def test_user_template_overrides_and_adds(tmp_path):
    (tmp_path / "standard.toml").write_text(GOOD, encoding="utf-8")
    (tmp_path / "mine.toml").write_text(GOOD, encoding="utf-8")
    templates = load_templates(tmp_path)
    assert [i.key for i in templates["standard"].items] == ["a"]
    assert "mine" in templates and "key_account" in templates


@pytest.mark.parametrize(
    ("broken", "where", "message"),
    [
        (GOOD.replace('phase = "before"', 'phase = "someday"'), "mine.toml, line 5", "unknown phase 'someday'"),
        (GOOD.replace('owner = "sales_lead"', 'owner = "chef"'), "mine.toml, line 8", "unknown host role 'chef'"),
        (GOOD.replace('offset = "-1d"', 'offset = "yesterday"'), "mine.toml, line 7", "not an offset: 'yesterday'"),
        (GOOD.replace('anchor = "visit_start"', 'anchor = "lunch"'), "mine.toml, line 7", "unknown anchor 'lunch'"),
        (GOOD + 'when = "raining"\n', "mine.toml, line 9", "unknown condition 'raining'"),
        (
            GOOD.replace('title = { en = "A", zh = "甲" }', 'title = { en = "A" }'),
            "mine.toml, line 6",
            "title needs both en and zh",
        ),
        (GOOD + '\n[[item]]\nkey = "a"\n', "mine.toml, line 11", "the key 'a' is used twice"),
    ],
)
def test_mistakes_name_file_and_line(broken, where, message):
    with pytest.raises(ValidationError) as caught:
        parse_template(broken, "mine.toml")
    assert caught.value.path == where
    assert message in caught.value.message


def test_toml_syntax_error_names_the_line():
    with pytest.raises(ValidationError) as caught:
        parse_template(GOOD.replace('key = "a"', 'key = "a'), "mine.toml")
    assert caught.value.path == "mine.toml" and "line 4" in caught.value.message
