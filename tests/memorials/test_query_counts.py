"""The archive's pages cost a fixed number of queries, however many records, graves or photos
they show: a visitor's request with 3 of them and with 20 asks the database the same number of
times.

The budgets are what the pages need today (counted on a warm request: the site, settings and
navigation already cached, as in production); raise one only with a reason."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.images import get_image_model

from tests.media import files

pytestmark = pytest.mark.django_db

#: Queries of a warm request: Wagtail finds the site and the archive page and checks its view
#: restrictions (6), then the route asks for what it shows.
ARCHIVE_BUDGET = 7  # + the list (its count is a cached estimate)
RECORD_BUDGET = (
    10  # + the record with its facility and portrait, the gallery, their renditions, the notes of tests/recordnotes
)
FACILITY_BUDGET = 8  # + the facility, the graves
HOME_PAGE_BUDGET = 15  # the sections of every plugin the test suite has
SEARCH_BUDGET = 20  # the search service: counts per kind, the matches, the region and period facets
#: The budgets above count honors, memorials and the suite's plugins. Each further plugin may
#: add a fixed cost — its home section and navigation, its part of a record or facility page
#: (extension points), its kinds in the search counts — never one that grows with the items.
PER_FURTHER_PLUGIN = {"page": 1, "home": 2, "search": 2}
COUNTED = {"honors", "memorials", "sampleplugin", "recordnotes", "requestdesk"}


def allowance(kind):
    from tests.conftest import installed_plugin_labels

    return PER_FURTHER_PLUGIN[kind] * len(installed_plugin_labels() - COUNTED)


def queries(client, url):
    """The number of queries of a visitor's request for ``url`` once the site is warm."""
    assert client.get(url).status_code == 200  # caches the site and settings, makes the renditions
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def costs_the_same_with_3_or_20(client, url, add, budget, assert_max_queries):
    add(3)
    few = queries(client, url)
    add(17)
    assert queries(client, url) == few
    kind = "home" if url == "/" else "search" if url.startswith("/search/") else "page"
    with assert_max_queries(budget + allowance(kind)):
        assert client.get(url).status_code == 200


def image(number):
    made = get_image_model()(title=f"照片{number}", alt_text=f"照片{number}")
    made.file = SimpleUploadedFile(f"photo{number}.jpg", files.jpeg(width=90, height=120))
    made.save()
    return made


@pytest.fixture
def add_records(make_record, cemetery):
    """``add_records(n)``: n more published records buried in the cemetery, found by 上甘岭."""
    made = []

    def add(count):
        for _ in range(count):
            number = len(made)
            made.append(
                make_record(
                    name=f"王{number}",
                    battle="上甘岭战役",
                    native_place="四川省中江县",
                    death_date=datetime.date(1952, 10, 20),
                    death_precision="day",
                    facility=cemetery,
                    grave_section="A",
                    grave_row="1",
                    grave_number=str(number),
                )
            )
        return made

    return add


def test_the_archive_list_costs_the_same_with_3_or_20_records(
    client, archive, add_records, django_assert_max_num_queries
):
    costs_the_same_with_3_or_20(client, archive.url, add_records, ARCHIVE_BUDGET, django_assert_max_num_queries)


def test_a_memorial_facility_costs_the_same_with_3_or_20_graves(
    client, archive, cemetery, add_records, django_assert_max_num_queries
):
    url = archive.url + archive.reverse_subpage("facility", args=[cemetery.pk])
    costs_the_same_with_3_or_20(client, url, add_records, FACILITY_BUDGET, django_assert_max_num_queries)


def test_a_record_costs_the_same_with_3_or_20_photos(client, archive, make_record, django_assert_max_num_queries):
    from memorials.models import MartyrRecordPhoto

    record = make_record(name="黄继光", photo=image("portrait"))
    url = record.get_url()

    def add_photos(count):
        start = record.photos.count()
        for number in range(start, start + count):
            MartyrRecordPhoto.objects.create(
                record=record, image=image(number), caption=f"照片{number}", sort_order=number
            )

    costs_the_same_with_3_or_20(client, url, add_photos, RECORD_BUDGET, django_assert_max_num_queries)
    assert client.get(url).content.decode().count("<picture>") == 21


def test_the_home_page_costs_the_same_with_3_or_20_records(client, archive, add_records, django_assert_max_num_queries):
    costs_the_same_with_3_or_20(client, "/", add_records, HOME_PAGE_BUDGET, django_assert_max_num_queries)


def test_the_search_page_costs_the_same_with_3_or_20_matches(
    client, archive, add_records, django_assert_max_num_queries
):
    costs_the_same_with_3_or_20(client, "/search/?q=上甘岭", add_records, SEARCH_BUDGET, django_assert_max_num_queries)
