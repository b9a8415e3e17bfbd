"""The honour roll's pages cost a fixed number of queries, however many profiles they show:
a visitor's request with 3 profiles and with 20 asks the database the same number of times.

The budgets are what the pages need today (counted on a warm request: the site, settings and
navigation already cached, as in production); raise one only with a reason."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.images import get_image_model

from tests.media import files

pytestmark = pytest.mark.django_db

#: Queries of a warm request: Wagtail finds the site and the page and checks its view
#: restrictions, then the page asks for what it shows (each ``.public()`` list reads the view
#: restrictions once). The home page has the test suite's plugins' sections too.
HOME_PAGE_BUDGET = 15
#: Each further plugin's home section and navigation entry look up their page (and its view
#: restrictions) once: two queries each, whatever the number of items they show.
HOME_PAGE_PER_FURTHER_PLUGIN = 2
#: The plugins the budget above already counts (honors, memorials and the suite's own).
HOME_PAGE_COUNTED = {"honors", "memorials", "sampleplugin", "recordnotes", "requestdesk"}
INDEX_PAGE_BUDGET = 16
PROFILE_PAGE_BUDGET = 17


@pytest.fixture
def add_profiles(honour_roll):
    """``add_profiles(n)``: n more published profiles, each with a photo and two honours."""
    from tests.honors.factories import ProfilePageFactory

    rounds, titles = honour_roll.rounds, honour_roll.titles
    made = []

    def add(count):
        for _ in range(count):
            number = len(made)
            photo = get_image_model()(title=f"人物照片{number}", alt_text="人物照片")
            photo.file = SimpleUploadedFile(f"p{number}.jpg", files.jpeg(width=90, height=120))
            photo.save()
            made.append(
                ProfilePageFactory(
                    parent=honour_roll.index,
                    title=f"新人物{number}",
                    photo=photo,
                    honours=[(rounds.second, titles.veteran), (rounds.third, titles.volunteer)],
                )
            )
        return made

    return add


def queries(client, url):
    """The number of queries of a visitor's request for ``url`` once the site is warm."""
    assert client.get(url).status_code == 200  # caches the site and settings, makes the renditions
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_the_home_page_strip_costs_the_same_with_3_or_20_profiles(client, add_profiles, django_assert_max_num_queries):
    add_profiles(3)
    few = queries(client, "/")
    add_profiles(17)

    assert queries(client, "/") == few
    from tests.conftest import installed_plugin_labels

    further = len(installed_plugin_labels() - HOME_PAGE_COUNTED)
    with django_assert_max_num_queries(HOME_PAGE_BUDGET + HOME_PAGE_PER_FURTHER_PLUGIN * further):
        assert client.get("/").status_code == 200


def test_the_honour_roll_costs_the_same_with_3_or_20_profiles(
    client, honour_roll, add_profiles, django_assert_max_num_queries
):
    url = honour_roll.index.url
    add_profiles(3)
    few = queries(client, url)
    add_profiles(17)

    assert queries(client, url) == few
    with django_assert_max_num_queries(INDEX_PAGE_BUDGET):
        assert client.get(url).status_code == 200


def test_a_profile_costs_the_same_with_1_or_6_related_profiles(
    client, honour_roll, add_profiles, django_assert_max_num_queries
):
    """Each related card shows its photo and latest honour: neither is fetched card by card."""
    from honors.models import RelatedProfile

    profile = honour_roll.profiles.ma
    related = add_profiles(6)

    def relate(count):
        RelatedProfile.objects.filter(page=profile).delete()
        for position, other in enumerate(related[:count]):
            RelatedProfile.objects.create(page=profile, profile=other, sort_order=position)

    relate(1)
    one = queries(client, profile.url)
    relate(6)

    assert queries(client, profile.url) == one
    with django_assert_max_num_queries(PROFILE_PAGE_BUDGET):
        html = client.get(profile.url).content.decode()
    assert html.count("honors-card__photo") == 6
