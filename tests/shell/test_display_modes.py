"""Mourning mode (grayscale on memorial days) and the elder-friendly mode."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import Site

from siteshell.models import DisplaySettings
from siteshell.modes import ELDER_MODE_COOKIE, is_mourning_day, parse_extra_dates, qingming


@pytest.mark.parametrize(
    "year, expected",
    [(2023, (4, 5)), (2024, (4, 4)), (2025, (4, 4)), (2026, (4, 5)), (2027, (4, 5)), (2028, (4, 4))],
)
def test_qingming_is_computed_for_each_year(year, expected):
    assert qingming(year) == datetime.date(year, *expected)


def settings_with(**values):
    defaults = {
        "mourning_mode": "auto",
        "mourning_on_qingming": True,
        "mourning_on_martyrs_day": True,
        "mourning_on_memorial_day": True,
        "extra_mourning_dates": "",
    }
    return DisplaySettings(**{**defaults, **values})


@pytest.mark.parametrize(
    "day",
    [datetime.date(2026, 4, 5), datetime.date(2026, 9, 30), datetime.date(2026, 12, 13)],
)
def test_memorial_days_turn_mourning_on_automatically(day):
    assert is_mourning_day(settings_with(), day)


def test_ordinary_days_are_not_mourning_days():
    assert not is_mourning_day(settings_with(), datetime.date(2026, 4, 4))
    assert not is_mourning_day(settings_with(), datetime.date(2026, 10, 1))


def test_each_memorial_day_can_be_switched_off():
    assert not is_mourning_day(settings_with(mourning_on_martyrs_day=False), datetime.date(2026, 9, 30))
    assert not is_mourning_day(settings_with(mourning_on_qingming=False), datetime.date(2026, 4, 5))


def test_switch_on_and_off_override_the_calendar():
    assert is_mourning_day(settings_with(mourning_mode="on"), datetime.date(2026, 6, 1))
    assert not is_mourning_day(settings_with(mourning_mode="off"), datetime.date(2026, 9, 30))


def test_extra_dates_yearly_and_once():
    settings = settings_with(extra_mourning_dates="05-12\n２０２６－０８－０１\n")
    assert is_mourning_day(settings, datetime.date(2030, 5, 12))
    assert is_mourning_day(settings, datetime.date(2026, 8, 1))
    assert not is_mourning_day(settings, datetime.date(2027, 8, 1))


def test_bad_extra_dates_are_reported_by_line_in_chinese():
    with pytest.raises(ValidationError) as error:
        parse_extra_dates("09-30\n13-01\nqingming")
    messages = error.value.messages
    assert len(messages) == 2
    assert "第 2 行" in messages[0] and "第 3 行" in messages[1]


def test_february_29_is_a_valid_yearly_date():
    assert parse_extra_dates("02-29") == [(None, 2, 29)]


@pytest.mark.django_db
def test_settings_form_rejects_bad_dates(home_page):
    settings = DisplaySettings(site=Site.objects.get(is_default_site=True), extra_mourning_dates="2025-02-30")
    with pytest.raises(ValidationError) as error:
        settings.full_clean()
    assert "extra_mourning_dates" in error.value.message_dict


@pytest.mark.django_db
def test_mourning_mode_marks_the_page_grayscale(client, home_page):
    settings = DisplaySettings.for_site(Site.objects.get(is_default_site=True))
    settings.mourning_mode = "on"
    settings.save()
    assert 'class="mode-mourning' in client.get("/").content.decode()


@pytest.mark.django_db
def test_mourning_mode_off_leaves_the_page_in_colour(client, home_page):
    settings = DisplaySettings.for_site(Site.objects.get(is_default_site=True))
    settings.mourning_mode = "off"
    settings.save()
    assert "mode-mourning" not in client.get("/").content.decode()


@pytest.mark.django_db
def test_elder_mode_link_works_without_javascript_and_is_remembered(client, home_page):
    response = client.get("/display/elder-mode/?enable=1&next=/")
    assert response.status_code == 302 and response.headers["Location"] == "/"
    assert response.cookies[ELDER_MODE_COOKIE].value == "1"
    assert response.cookies[ELDER_MODE_COOKIE]["max-age"] == 365 * 24 * 3600
    html = client.get("/").content.decode()
    assert "mode-elder" in html and 'aria-pressed="true"' in html
    client.get("/display/elder-mode/?enable=0&next=/")
    assert "mode-elder" not in client.get("/").content.decode()


@pytest.mark.django_db
def test_elder_mode_never_redirects_off_site(client, home_page):
    response = client.get("/display/elder-mode/?enable=1&next=https://evil.example.com/")
    assert response.headers["Location"] == "/"
