"""How the archive reads what bureaus write: partial dates, 籍贯, 墓位, historical periods."""

import datetime

import pytest

from memorials.dates import PartialDateError, parse_partial_date
from memorials.graves import parse_grave
from memorials.periods import war_period_for
from memorials.places import parse_native_place


@pytest.mark.parametrize(
    "written, shown",
    [
        ("1950", "1950年"),
        ("1950年", "1950年"),
        ("1950.10", "1950年10月"),
        ("1950年10月", "1950年10月"),
        ("1950-10", "1950年10月"),
        ("1950/10/25", "1950年10月25日"),
        ("一九五〇年", "1950年"),
        ("一九五二年十月二十日", "1952年10月20日"),
        ("１９５０年１０月", "1950年10月"),
        (" 1950 年 10 月 ", "1950年10月"),
        (1950, "1950年"),
        (datetime.datetime(1948, 5, 25), "1948年5月25日"),
    ],
)
def test_partial_dates_are_shown_as_precisely_as_they_were_written(written, shown):
    assert str(parse_partial_date(written)) == shown


@pytest.mark.parametrize("written", ["1950年13月", "1950.2.30", "去年", "1650年"])
def test_impossible_dates_are_refused_with_a_chinese_reason(written):
    with pytest.raises(PartialDateError) as error:
        parse_partial_date(written)
    assert any("\u4e00" <= ch <= "\u9fff" for ch in str(error.value))


def test_empty_date_cells_are_unknown_not_errors():
    assert parse_partial_date("") is None and parse_partial_date(None) is None


@pytest.mark.parametrize(
    "written, parts",
    [
        ("山东省济南市历城区", ("山东省", "济南市", "历城区")),
        ("四川中江", ("四川省", "", "中江")),
        ("察哈尔省怀来县", ("察哈尔省", "", "怀来县")),
        ("北京市海淀区", ("北京市", "北京市", "海淀区")),
        ("广西壮族自治区百色地区田东县", ("广西壮族自治区", "百色地区", "田东县")),
    ],
)
def test_native_place_is_split_into_province_city_county(written, parts):
    parsed = parse_native_place(written)
    assert (parsed.province, parsed.city, parsed.county) == parts


@pytest.mark.parametrize(
    "written, parts",
    [
        ("A区3排12号", ("A", "3", "12")),
        ("A-3-12", ("A", "3", "12")),
        ("3-12", ("", "3", "12")),
        ("12号", ("", "", "12")),
    ],
)
def test_grave_positions_in_the_ways_they_are_written(written, parts):
    assert parse_grave(written) == parts


def test_deaths_in_korea_during_the_war_belong_to_the_korean_war_period():
    assert war_period_for(datetime.date(1952, 10, 20), "朝鲜上甘岭") == "korea"
    assert war_period_for(datetime.date(1951, 3, 1), "广西剿匪") == "construction"
    assert war_period_for(datetime.date(1948, 5, 25), "河北隆化") == "liberation"
    assert war_period_for(datetime.date(1937, 7, 7)) == "anti-japanese"
    assert war_period_for(None) == ""
