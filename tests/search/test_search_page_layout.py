"""The search page as a phone and a screen reader meet it: two search boxes told apart, the
results before the facets (folded behind 筛选), and a page count that is text, not a button."""

import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.django_db


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content.decode(), "html.parser")


def accessible_name(page, element):
    if element.has_attr("aria-labelledby"):
        return page.find(id=element["aria-labelledby"]).get_text(strip=True)
    return element.get("aria-label")


def test_the_two_search_landmarks_and_their_suggestion_lists_have_names_of_their_own(client, stories):
    page = soup(client.get("/search/", {"q": "烈士"}))
    landmarks = page.find_all(attrs={"role": "search"})
    assert [accessible_name(page, form) for form in landmarks] == ["快速搜索", "站内搜索"]
    listboxes = page.find_all(attrs={"role": "listbox"})
    names = [listbox["aria-label"] for listbox in listboxes]
    assert names == ["搜索提示", "搜索关键词的提示"]


def test_on_other_pages_the_header_search_is_the_only_one_and_is_named(client, home_page):
    page = soup(client.get("/"))
    assert [form.get("aria-label") for form in page.find_all(attrs={"role": "search"})] == ["快速搜索"]


def test_the_facets_are_folded_behind_a_filter_button_that_needs_no_script(client, stories):
    page = soup(client.get("/search/", {"q": "烈士"}))
    layout = page.find(class_="search-layout")
    facets = layout.find("aside", class_="search-facets")
    fold = facets.find("details")
    assert fold is not None and not fold.has_attr("open")
    summary = fold.find("summary", recursive=False)
    assert summary.get_text(strip=True) == "筛选"
    assert fold.find(class_="search-facet")  # the facets are inside the fold
    # Only the button comes before the first result.
    assert layout.find(class_="search-results").find(class_="search-hit")


def test_the_filter_button_says_which_filters_are_chosen(client, stories):
    page = soup(client.get("/search/", {"q": "烈士", "type": "sampleplugin.samplestorypage"}))
    summary = page.find("summary", class_="search-facets__toggle")
    chosen = [span.get_text() for span in summary.find_all(class_="search-facets__chosen")]
    assert chosen == ["纪念活动报道"]
    assert summary.get_text(" ", strip=True).startswith("筛选 ")


def test_the_page_count_between_the_pager_links_is_marked_as_text(client, publish_story):
    for number in range(12):
        publish_story(f"烈士事迹{number}", "烈士生平")
    page = soup(client.get("/search/", {"q": "烈士"}))
    current = page.find("ul", class_="pagination").find(attrs={"aria-current": "page"})
    assert current.name == "span" and "pagination__status" in current["class"]
    assert current.get_text() == "第 1 / 2 页"


def test_the_stylesheets_show_the_page_count_plainly_and_fold_the_facets_on_phones_only():
    from django.contrib.staticfiles import finders

    site_css = open(finders.find("siteshell/css/site.css"), encoding="utf-8").read()
    rule = site_css.split(".pagination .pagination__status {", 1)[1].split("}", 1)[0]
    assert "background: none" in rule and "border-color: transparent" in rule
    search_css = open(finders.find("search/search.css"), encoding="utf-8").read()
    wide = search_css.split("@media (min-width: 48rem)", 1)[1]
    assert ".search-facets__toggle { display: none; }" in wide
    assert ".search-facets__fold::details-content { content-visibility: visible; }" in wide
