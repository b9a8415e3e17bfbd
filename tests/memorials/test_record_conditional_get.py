"""A visitor (or a proxy) asking for a record page it already holds gets a 304 before anything
is rendered — and a fresh page as soon as anything the page shows for them has changed."""

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from siteshell.models import DisplaySettings
from siteshell.modes import ELDER_MODE_COOKIE

pytestmark = pytest.mark.django_db


@pytest.fixture
def record(archive, make_record):
    return make_record(name="黄继光", native_place="四川省中江县")


def etag_of(client, url, **headers):
    response = client.get(url, **headers)
    assert response.status_code == 200
    return response["ETag"]


def test_asking_again_for_an_unchanged_record_answers_304_without_rendering(client, record):
    url = record.get_url()
    etag = etag_of(client, url)
    with CaptureQueriesContext(connection) as rendered:
        client.get(url)

    with CaptureQueriesContext(connection) as answered:
        response = client.get(url, HTTP_IF_NONE_MATCH=etag)

    assert response.status_code == 304
    assert response["ETag"] == etag
    assert response.templates == []
    assert len(answered) < len(rendered)
    # The page the browser keeps carries its own nonce: a policy without it must not replace it.
    assert "Content-Security-Policy" not in response


def test_an_edited_record_is_sent_again(client, record):
    url = record.get_url()
    etag = etag_of(client, url)

    record.unit = "志愿军第15军45师135团"
    record.save()

    response = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200 and "志愿军第15军45师135团" in response.content.decode()


def test_a_republished_archive_page_is_sent_again(client, archive, record):
    url = record.get_url()
    etag = etag_of(client, url)

    archive.title = "示范市英名录"
    archive.save_revision().publish()

    assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 200


def test_each_language_and_display_mode_has_its_own_tag(client, record):
    url = record.get_url()
    chinese = etag_of(client, url)

    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    english = etag_of(client, url)
    assert client.get(url, HTTP_IF_NONE_MATCH=chinese).status_code == 200

    client.cookies[ELDER_MODE_COOKIE] = "1"
    elder = etag_of(client, url)

    display = DisplaySettings.for_site(Site.objects.get(is_default_site=True))
    display.mourning_mode = DisplaySettings.MourningMode.ON
    display.save()
    mourning = etag_of(client, url)

    assert len({chinese, english, elder, mourning}) == 4
    assert client.get(url, HTTP_IF_NONE_MATCH=elder).status_code == 200


def test_signed_in_staff_always_get_the_page(admin_client, record):
    url = record.get_url()
    anonymous_etag = etag_of(admin_client.__class__(), url)

    response = admin_client.get(url, HTTP_IF_NONE_MATCH=anonymous_etag)

    assert response.status_code == 200
    assert response.templates
