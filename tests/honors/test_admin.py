"""The admin for selection rounds and honour titles (snippets), in Chinese."""

import json

import pytest

pytestmark = pytest.mark.django_db


def test_rounds_and_titles_are_grouped_under_one_admin_menu(admin_client, home_page):
    html = admin_client.get("/admin/").content.decode()
    # The sidebar menu is drawn from JSON, where Chinese is \u-escaped.
    for label in ("荣誉评选", "评选届次", "荣誉称号"):
        assert json.dumps(label)[1:-1] in html


def test_staff_lists_rounds_with_the_titles_they_award(admin_client, rounds):
    response = admin_client.get("/admin/snippets/honors/selectionround/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "2023年 · 市级 · 第三届" in html
    assert "最美退役军人、最美军嫂" in html


def test_staff_filters_rounds_by_year(admin_client, rounds):
    html = admin_client.get("/admin/snippets/honors/selectionround/", {"year": 2021}).content.decode()
    assert "第二届" in html and "第三届" not in html


def test_staff_adds_a_round_with_its_titles(admin_client, titles):
    from honors.models import SelectionRound

    response = admin_client.post(
        "/admin/snippets/honors/selectionround/add/",
        {
            "year": 2024,
            "edition": "第四届",
            "level": "county",
            "organiser": "南湖区退役军人事务局",
            "titles": [titles.veteran.pk, titles.spouse.pk],
            "announced_on": "",
            "description": "",
        },
    )
    assert response.status_code == 302
    selection = SelectionRound.objects.get(edition="第四届")
    assert set(selection.titles.all()) == {titles.veteran, titles.spouse}


def test_the_same_round_cannot_be_entered_twice(admin_client, rounds):
    from honors.models import SelectionRound

    response = admin_client.post(
        "/admin/snippets/honors/selectionround/add/",
        {"year": 2023, "edition": "第三届", "level": "municipal", "organiser": "", "description": ""},
    )
    assert response.status_code == 200
    assert SelectionRound.objects.filter(year=2023, edition="第三届").count() == 1


def test_staff_searches_titles(admin_client, titles):
    html = admin_client.get("/admin/snippets/honors/honourtitle/", {"q": "军嫂"}).content.decode()
    assert "最美军嫂" in html and "最佳退役军人志愿服务组织" not in html
