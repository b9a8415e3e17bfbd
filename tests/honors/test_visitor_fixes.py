"""The honour roll as visitors found it (issue #18): a count that does not call organisations
people, a sort order that is not cut off, and a list an elderly reader can scroll."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.staticfiles import finders

pytestmark = pytest.mark.django_db


def count_heading(client, url, **params):
    page = BeautifulSoup(client.get(url, params).content.decode(), "html.parser")
    return page.find(id="honors-results-title").get_text(" ", strip=True)


def test_people_and_organisations_are_counted_apart(client, honour_roll):
    # Four people and one volunteer organisation are public (tests/honors/conftest.py).
    assert count_heading(client, honour_roll.index.url) == "共 4 位人物、1 个组织"


def test_a_list_of_people_only_counts_people(client, honour_roll):
    assert count_heading(client, honour_roll.index.url, category="military_spouse") == "共 2 位"


def test_a_list_of_organisations_only_counts_organisations(client, honour_roll):
    assert count_heading(client, honour_roll.index.url, category="volunteer_organisation") == "共 1 个组织"


def test_the_count_still_pages_the_list(client, honour_roll):
    response = client.get(honour_roll.index.url)
    assert response.context["paginator"].count == 5
    assert response.context["people_count"] == 4 and response.context["organisation_count"] == 1


def test_the_sort_order_has_a_row_of_its_own_on_a_phone(client, honour_roll):
    page = BeautifulSoup(client.get(honour_roll.index.url).content.decode(), "html.parser")
    sort = page.find("select", attrs={"name": "sort"})
    assert "honors-filter__sort" in sort.find_parent(class_="form-row")["class"]
    css = open(finders.find("honors/css/honors.css"), encoding="utf-8").read()
    phone = css.split("@media (max-width: 47.99rem) {", 1)[1].split("\n}", 1)[0]
    assert ".honors-filter__sort { grid-column: 1 / -1; }" in phone
    assert "html.mode-elder .honors-filter__fields { grid-template-columns: 1fr; }" in phone


def test_the_elder_friendly_roll_is_a_list_with_small_portraits():
    css = open(finders.find("honors/css/honors.css"), encoding="utf-8").read()
    roll = "html.mode-elder .honors-list:not(.honors-list--strip)"
    assert f"{roll} {{ grid-template-columns: 1fr; gap: 0.75rem; }}" in css
    assert f"{roll} .honors-card a {{ display: grid; grid-template-columns: 6rem minmax(0, 1fr);" in css
