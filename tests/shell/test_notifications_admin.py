"""The admin's read-only list of notifications: masked recipients, filters, no add/edit/delete,
only for staff with ``notifications.view_notification``; tracking codes are listed nowhere."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from siteshell.notifications.models import Notification, Status

pytestmark = pytest.mark.django_db

LIST = "/admin/snippets/notifications/notification/"


@pytest.fixture
def notifications(db):
    sent = Notification.objects.create(
        channel="sms", recipient_masked="138****5678", template="t/x", purpose="requestdesk.received", status="sent"
    )
    failed = Notification.objects.create(
        channel="email",
        recipient_masked="z***@example.com",
        template="t/x",
        purpose="requestdesk.status_changed",
        status=Status.FAILED,
        attempts=4,
        last_error="smtp_error",
    )
    return sent, failed


def test_the_list_shows_masked_recipients_and_filters(admin_client, notifications):
    page = admin_client.get(LIST).content.decode()
    assert "138****5678" in page and "z***@example.com" in page and "smtp_error" in page
    filtered = admin_client.get(LIST, {"status": "failed"}).content.decode()
    assert "z***@example.com" in filtered and "138****5678" not in filtered
    filtered = admin_client.get(LIST, {"channel": "sms"}).content.decode()
    assert "138****5678" in filtered and "z***@example.com" not in filtered


def test_a_notification_is_inspected_not_edited(admin_client, notifications):
    sent, _failed = notifications
    assert admin_client.get(f"{LIST}inspect/{sent.pk}/").status_code == 200
    assert admin_client.get(f"{LIST}edit/{sent.pk}/").status_code == 302  # refused: back to the dashboard
    assert admin_client.get(f"{LIST}add/").status_code == 302
    assert admin_client.post(f"{LIST}delete/{sent.pk}/").status_code == 302
    assert Notification.objects.filter(pk=sent.pk).exists()
    page = admin_client.get(LIST).content.decode()
    assert f"{LIST}add/" not in page and f"{LIST}edit/" not in page and f"{LIST}delete/" not in page
    assert f"{LIST}inspect/{sent.pk}/" in page


def test_only_staff_allowed_to_view_notifications_see_them(client, django_user_model, notifications):
    staff = django_user_model.objects.create_user("clerk", password="x")
    group = Group.objects.create(name="窗口人员")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    staff.groups.add(group)
    client.force_login(staff)
    assert client.get(LIST).status_code == 302
    group.permissions.add(Permission.objects.get(content_type__app_label="notifications", codename="view_notification"))
    staff = django_user_model.objects.get(pk=staff.pk)
    client.force_login(staff)
    assert "138****5678" in client.get(LIST).content.decode()


def test_tracking_codes_are_listed_nowhere(admin_client, home_page):
    from django.urls import NoReverseMatch

    with pytest.raises(NoReverseMatch):
        reverse("wagtailsnippets_notifications_trackingcode:list")
    assert admin_client.get("/admin/snippets/notifications/trackingcode/").status_code == 404
    assert "trackingcode" not in admin_client.get("/admin/snippets/").content.decode()
