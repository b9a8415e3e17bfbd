"""The archive's part of what visitors found (issue #18): the correction form's choice, the home
page's promise of the archive and its tribute halls, and a full row of records on the home page."""

import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.django_db


def test_the_correction_forms_select_asks_to_choose_instead_of_dashes(client, archive, make_record):
    record = make_record(name="黄继光")
    page = BeautifulSoup(client.get(f"{archive.url}{record.pk}/correction/").content.decode(), "html.parser")
    select = page.find("select", attrs={"name": "field"})
    first = select.find("option")
    assert first["value"] == "" and first.get_text() == "请选择"
    assert "---------" not in select.get_text()
    assert [option["value"] for option in select.find_all("option")][1] == "name"


def test_the_correction_form_still_requires_a_choice(client, archive, make_record):
    from memorials.forms import CorrectionForm

    form = CorrectionForm(data={"field": "", "proposed_value": "黄继光"})
    assert not form.is_valid()
    assert form.errors["field"] == ["请选择需要更正的项目"]


def offers(client):
    page = BeautifulSoup(client.get("/").content.decode(), "html.parser")
    sentence = page.find("p", class_="hero__offers")
    return {a.get_text(): a["href"] for a in sentence.find_all("a")} if sentence else {}


def test_the_home_page_promises_the_archive_and_its_halls_only_once_a_record_is_published(client, archive, make_record):
    make_record(name="黄继光", live=False)
    assert "查阅英烈名录" not in offers(client) and "网上祭奠英烈" not in offers(client)
    make_record(name="邱少云")
    from django.core.cache import cache

    cache.clear()  # offers are cached like the navigation, for a few minutes
    promised = offers(client)
    assert promised["查阅英烈名录"] == archive.url
    from tests.conftest import installed_plugin_labels

    if "tributes" in installed_plugin_labels():
        assert promised["网上祭奠英烈"] == "/tributes/"


def test_the_home_pages_records_fill_their_rows(client, archive, make_record):
    for number in range(6):
        make_record(name=f"烈士{number}")
    page = BeautifulSoup(client.get("/").content.decode(), "html.parser")
    section = page.find("section", attrs={"aria-labelledby": "home-section-memorials-archive"})
    cards = section.find("ul")
    assert "card-list--thirds" in cards["class"] and len(cards.find_all("li")) == 6
    from django.contrib.staticfiles import finders

    css = open(finders.find("siteshell/css/site.css"), encoding="utf-8").read()
    # One, two or three columns: six cards always fill their rows.
    assert (
        "@media (min-width: 30rem) { .card-list--thirds { grid-template-columns: repeat(2, minmax(0, 1fr)); } }" in css
    )
    assert (
        "@media (min-width: 56rem) { .card-list--thirds { grid-template-columns: repeat(3, minmax(0, 1fr)); } }" in css
    )


def test_the_archive_and_a_record_have_one_absolute_canonical_address_each(client, archive, make_record):
    record = make_record(name="黄继光")
    for url in (archive.url, f"{archive.url}?initial=H", f"{archive.url}{record.pk}/"):
        page = BeautifulSoup(client.get(url).content.decode(), "html.parser")
        links = page.find_all("link", rel="canonical")
        assert len(links) == 1, url
        assert links[0]["href"].startswith("http://localhost/")
        assert page.find("meta", property="og:url")["content"] == links[0]["href"]
