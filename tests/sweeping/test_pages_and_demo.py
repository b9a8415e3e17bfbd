"""The way in from the archive's pages (extension points), the admin menu, and the demo content."""

import pytest

pytestmark = pytest.mark.django_db


def test_a_record_page_offers_to_request_a_sweeping(client, record):
    page = client.get(f"/martyrs/{record.pk}/").content.decode()
    assert f"/sweeping/?record={record.pk}" in page and "申请代为祭扫" in page


def test_a_record_without_a_burial_place_offers_nothing(client, archive):
    from tests.memorials.factories import MartyrRecordFactory

    unknown = MartyrRecordFactory(name="无名烈士")
    assert "/sweeping/" not in client.get(f"/martyrs/{unknown.pk}/").content.decode()


def test_a_facility_page_explains_the_service(client, record, cemetery):
    page = client.get(f"/martyrs/facility/{cemetery.pk}/").content.decode()
    assert f"/sweeping/?facility={cemetery.pk}" in page and "代为祭扫" in page


def test_a_facility_whose_team_takes_no_requests_is_not_offered(client, archive, cemetery, other_cemetery):
    from memorials.sweeping.models import SweepingTeam

    SweepingTeam.objects.create(facility=other_cemetery, accepts_requests=False)
    assert "/sweeping/" not in client.get(f"/martyrs/facility/{other_cemetery.pk}/").content.decode()
    form = client.get("/sweeping/").content.decode()
    assert "示范市烈士陵园" in form and "隆化董存瑞烈士陵园" not in form


def test_the_facility_link_preselects_the_facility(client, archive, cemetery):
    page = client.get("/sweeping/", {"facility": cemetery.pk}).content.decode()
    assert f'<option value="{cemetery.pk}" selected>' in page


def test_staff_find_the_requests_in_the_admin_menu(client, staff):
    client.force_login(staff)
    page = client.get("/admin/").content.decode()
    assert "/admin/sweeping/" in page and "/admin/sweeping/plan/" in page
    assert client.get("/admin/sweeping/").status_code == 200
    assert client.get("/admin/sweeping/plan/").status_code == 200


def test_the_demo_loads_a_request_at_each_stage_once(home_page, superuser, photo_root):
    from io import StringIO

    from django.core.management import call_command

    from memorials.sweeping.models import Status, SweepingPhoto, SweepingRequest

    out = StringIO()
    call_command("load_demo", stdout=out)
    assert set(SweepingRequest.objects.values_list("status", flat=True)) == {
        Status.RECEIVED,
        Status.ACCEPTED,
        Status.DECLINED,
        Status.SCHEDULED,
        Status.DONE,
        Status.INFORMED,
    }
    assert SweepingPhoto.objects.count() == 4 and "查询码 / 手机后四位" in out.getvalue()
    call_command("load_demo", stdout=StringIO())
    assert SweepingRequest.objects.count() == 6 and SweepingPhoto.objects.count() == 4
