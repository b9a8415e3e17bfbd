"""Staff of a facility see and handle that facility's requests and no others'; the requester's
phone and ID number are masked, shown in full only to those allowed, with a second factor, and
each full view is logged."""

import pytest
from django.test import Client

from .conftest import make_staff

pytestmark = pytest.mark.django_db


def refused(response):
    """Wagtail's admin answers a permission refusal with a redirect to the dashboard."""
    return response.status_code == 403 or (response.status_code == 302 and response["Location"] == "/admin/")


@pytest.fixture
def two_requests(submitted, other_cemetery, form_data, submit):
    """One request at 示范市烈士陵园 (the fixture ``submitted``), one at another cemetery."""
    from memorials.sweeping.models import SweepingRequest

    here, _code = submitted
    data = {**form_data, "martyr_name": "董存瑞", "facility": str(other_cemetery.pk), "phone": "13700137000"}
    Client().get("/sweeping/")
    submit(data)
    there = SweepingRequest.objects.exclude(pk=here.pk).get()
    return here, there


def test_a_facility_team_lists_only_its_own_requests(client, staff, two_requests):
    here, there = two_requests
    client.force_login(staff)
    page = client.get("/admin/sweeping/").content.decode()
    assert f'/admin/sweeping/{here.pk}/"' in page and "董存瑞" not in page


def test_another_facility_request_does_not_exist_for_them(client, staff, two_requests):
    _here, there = two_requests
    client.force_login(staff)
    for url in (
        f"/admin/sweeping/{there.pk}/",
        f"/admin/sweeping/{there.pk}/accept/",
        f"/admin/sweeping/{there.pk}/decline/",
        f"/admin/sweeping/{there.pk}/schedule/",
        f"/admin/sweeping/{there.pk}/inform/",
    ):
        response = client.post(url, {"reason": "x"}) if url.count("/") > 4 else client.get(url)
        assert response.status_code == 404, url
    there.refresh_from_db()
    assert there.status == "received"


def test_the_day_sheet_and_the_export_of_another_facility_are_refused(client, staff, two_requests, other_cemetery):
    here, there = two_requests
    client.force_login(staff)
    day = there.preferred_from.isoformat()
    assert client.get(f"/admin/sweeping/plan/{other_cemetery.pk}/{day}/").status_code == 404
    assert client.get(f"/admin/sweeping/plan/0/{day}/").status_code == 404  # facility unknown: managers only
    export = b"".join(client.get("/admin/sweeping/export/").streaming_content).decode()
    assert "黄继光" in export and "董存瑞" not in export


def test_a_site_manager_sees_every_facility(client, two_requests, django_user_model):
    from django.contrib.auth.models import Group

    manager = django_user_model.objects.create_user("zhangwei", "zw@example.gov.cn", "correct-horse-battery")
    manager.groups.add(Group.objects.get(name="站点管理员"))
    client.force_login(manager)
    page = client.get("/admin/sweeping/").content.decode()
    assert "黄继光" in page and "董存瑞" in page


def test_staff_outside_the_group_see_nothing(client, two_requests, django_user_model, cemetery):
    outsider = make_staff(django_user_model, "visitor1", cemetery, group=False)
    outsider.user_permissions.add(*_admin_access())
    client.force_login(outsider)
    assert refused(client.get("/admin/sweeping/"))
    here, _there = two_requests
    assert refused(client.get(f"/admin/sweeping/{here.pk}/"))


def _admin_access():
    from django.contrib.auth.models import Permission

    return Permission.objects.filter(codename="access_admin")


def test_personal_data_is_masked_and_shown_in_full_only_on_request_logged(client, staff, submitted):
    from wagtail.models import ModelLogEntry

    from .conftest import valid_id

    here, _code = submitted
    client.force_login(staff)
    page = client.get(f"/admin/sweeping/{here.pk}/").content.decode()
    assert "139****8000" in page and "13900138000" not in page and valid_id() not in page
    assert "1101**********" in page
    full = client.post(f"/admin/sweeping/{here.pk}/", {"action": "reveal"}).content.decode()
    assert "13900138000" in full and valid_id() in full and "hjg@example.com" in full
    (entry,) = ModelLogEntry.objects.filter(action="siteshell.view_personal_data")
    assert entry.user == staff and "13900138000" not in str(entry.data)


@pytest.mark.unverified_force_login
def test_without_the_second_factor_the_full_view_is_refused(client, staff, submitted):
    here, _code = submitted
    client.force_login(staff)
    page = client.get(f"/admin/sweeping/{here.pk}/")
    if page.status_code == 200:  # the admin may also ask for the second factor first
        assert "13900138000" not in page.content.decode()
    response = client.post(f"/admin/sweeping/{here.pk}/", {"action": "reveal"})
    assert response.status_code in (302, 403) and "13900138000" not in response.content.decode()


def test_a_team_member_without_the_data_permission_sees_it_masked_only(client, submitted, django_user_model, cemetery):
    from django.contrib.auth.models import Permission

    here, _code = submitted
    helper = make_staff(django_user_model, "helper", cemetery, group=False)
    helper.user_permissions.add(
        *_admin_access(), *Permission.objects.filter(codename__in=["view_sweepingrequest", "change_sweepingrequest"])
    )
    client.force_login(helper)
    page = client.get(f"/admin/sweeping/{here.pk}/").content.decode()
    assert "139****8000" in page and 'value="reveal"' not in page
    assert refused(client.post(f"/admin/sweeping/{here.pk}/", {"action": "reveal"}))


def test_the_schedule_offers_the_facility_team(client, staff, submitted, advance, django_user_model, other_cemetery):
    here, _code = submitted
    make_staff(django_user_model, "stranger", other_cemetery)
    advance(here, "accepted")
    client.force_login(staff)
    page = client.get(f"/admin/sweeping/{here.pk}/").content.decode()
    assert ">liming<" in page and "stranger" not in page


def test_moderators_review_a_request_in_the_inbox_with_the_family_data_masked(client, submitted, django_user_model):
    from django.contrib.auth.models import Group

    here, _code = submitted
    moderator = django_user_model.objects.create_user("shenhe", "sh@example.gov.cn", "correct-horse-battery")
    moderator.groups.add(Group.objects.get(name="留言审核员"))
    client.force_login(moderator)
    listing = client.get("/admin/moderation/sweeping.sweepingrequest/").content.decode()
    assert "代祭扫：黄继光（示范市烈士陵园）" in listing
    review = client.get(f"/admin/moderation/sweeping.sweepingrequest/{here.pk}/").content.decode()
    assert "爷爷，我们来看您了。" in review and "擦拭墓碑、敬献鲜花、宣读寄语、拍照反馈" in review
    assert "139****8000" in review and "13900138000" not in review
