"""A submitter's personal data on the review page: masked, in full only with the permission,
and every full view logged."""

import pytest
from django.urls import reverse

from siteshell.moderation.personal import mask_value
from tests.sampleplugin.moderation_fixtures import *  # noqa: F403  (fixtures)

pytestmark = [pytest.mark.plugin("sampleplugin"), pytest.mark.django_db]


def review_url(letter):
    return reverse("moderation_admin:review", args=["sampleplugin.letter", letter.pk])


@pytest.mark.parametrize(
    "value, shown",
    [
        ("13812345678", "138****5678"),
        ("电话 138-1234-5678", "138****5678"),
        ("zhangwei@example.com", "z***@example.com"),
        ("北京市东城区某某胡同5号", "北********"),
        ("", ""),
    ],
)
def test_values_are_masked(value, shown):
    assert mask_value(value) == shown


def test_a_moderator_sees_the_phone_masked_and_cannot_reveal_it(client, moderator, make_letter):
    letter = make_letter(sender_phone="13812345678")
    client.force_login(moderator)
    html = client.get(review_url(letter)).content.decode()
    assert "138****5678" in html and "13812345678" not in html
    assert 'name="reveal"' not in html
    # Wagtail answers a refused permission with a redirect to the dashboard and a message.
    refused = client.post(review_url(letter), {"reveal": "1"})
    assert refused.status_code == 302 and refused["Location"] == "/admin/"
    assert "13812345678" not in client.get(review_url(letter)).content.decode()


def test_a_full_view_is_shown_only_on_request_and_logged(client, site_manager, make_letter):
    from wagtail.models import ModelLogEntry

    letter = make_letter(sender_phone="13812345678")
    client.force_login(site_manager)
    assert "13812345678" not in client.get(review_url(letter)).content.decode()
    assert not ModelLogEntry.objects.filter(action="siteshell.view_personal_data").exists()

    response = client.post(review_url(letter), {"reveal": "1"})
    html = response.content.decode()
    assert response.status_code == 200 and "13812345678" in html and "已记入处理记录" in html
    entry = ModelLogEntry.objects.get(action="siteshell.view_personal_data")
    assert entry.user == site_manager and entry.object_id == str(letter.pk)
    assert entry.data == {"fields": ["联系电话"]}
    # The view is in the item's own history.
    assert "查看了完整个人信息" in client.get(review_url(letter)).content.decode()


def test_a_full_view_needs_a_session_that_passed_the_second_factor(rf, site_manager):
    """Defence in depth behind the admin's 2FA redirect: a request whose session did not pass the
    second factor never gets personal data in full, whatever the user's permissions."""
    from django_otp.middleware import OTPMiddleware

    from siteshell.privacy.access import can_view_full

    request = rf.get("/admin/")
    request.user = site_manager
    request.session = {}
    OTPMiddleware(lambda request: None)(request)
    assert not can_view_full(request)
    assert can_view_full(site_manager)  # a bare user: commands and checks without a request
