"""The 时间线 (timeline) block with entries still being written: an entry without a year was a
500 on save and on autosave (sorting ``None`` with the years). A draft keeps it; publishing asks
for the year, in Chinese; the entries that have a year must be in order either way."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation


@pytest.fixture
def block():
    from honors.blocks import ServiceTimelineBlock

    return ServiceTimelineBlock()


def timeline(block, *events):
    return block.to_python({"heading": "成长足迹", "events": list(events)})


def messages(error):
    return str(error.as_json_data())


def test_a_draft_keeps_an_entry_without_a_year_and_shows_it_without_a_date(block):
    value = timeline(
        block, {"year": 1996, "month": 9, "event": "参军入伍"}, {"year": None, "month": 3, "event": "立功"}
    )
    cleaned = block.clean_deferred(value)
    with translation.override("zh-hans"):
        html = block.render(cleaned)
    assert "1996年9月" in html and "立功" in html
    assert "None" not in html


def test_publishing_asks_for_the_year_in_chinese(block):
    value = timeline(block, {"year": 1996, "event": "参军入伍"}, {"year": None, "event": "立功"})
    with translation.override("zh-hans"), pytest.raises(ValidationError) as refused:
        block.clean(value)
    assert "必需字段" in messages(refused.value)


def test_the_entries_with_a_year_must_be_in_order_even_in_a_draft(block):
    value = timeline(
        block,
        {"year": 2008, "event": "退出现役"},
        {"year": None, "event": "立功"},
        {"year": 1996, "event": "参军入伍"},
    )
    with translation.override("zh-hans"), pytest.raises(ValidationError) as refused:
        block.clean_deferred(value)
    assert "请按年份从早到晚排列经历" in messages(refused.value)
