"""Season planning: requests by facility and day, the printable day sheet for the sweeping team
(grave positions, services, messages to read) and the CSV export; overdue requests flagged."""

import datetime

import pytest
from django.utils import timezone

pytestmark = pytest.mark.django_db


@pytest.fixture
def season(submitted, advance, form_data, submit, record):
    """Three requests at 示范市烈士陵园: scheduled in two days, accepted (wanted in two to eight
    days), and one still waiting."""
    from memorials.sweeping.models import SweepingRequest

    first, _code = submitted
    advance(first, "scheduled")
    submit({**form_data, "phone": "13700137001", "message": "第二份寄语"}, record=record)
    second = SweepingRequest.objects.exclude(pk=first.pk).get()
    advance(second, "accepted")
    submit({**form_data, "phone": "13700137002"}, record=record)
    return first, second


def test_the_plan_counts_each_facility_day(client, staff, season):
    first, second = season
    client.force_login(staff)
    start = timezone.localdate()
    page = client.get("/admin/sweeping/plan/", {"start": start.isoformat(), "days": "14"}).content.decode()
    day = first.scheduled_for
    assert f"/admin/sweeping/plan/{first.facility_id}/{day.isoformat()}/" in page
    assert "1 / 1" in page  # that day: one scheduled, one accepted and wanted
    assert "0 / 1" in page  # the other days of the second request's window


def test_the_grid_counts_without_a_query_per_request(staff, season, django_assert_max_num_queries):
    from memorials.sweeping import planning
    from memorials.sweeping.models import SweepingRequest

    with django_assert_max_num_queries(2):
        dates, rows = planning.grid(SweepingRequest.objects.all(), timezone.localdate(), 31)
    (row,) = rows
    assert row.name == "示范市烈士陵园" and row.total == 1 + 7


def test_the_day_sheet_lists_graves_services_and_messages_to_read(client, staff, season):
    first, second = season
    client.force_login(staff)
    response = client.get(f"/admin/sweeping/plan/{first.facility_id}/{first.scheduled_for.isoformat()}/")
    page = response.content.decode()
    assert response.status_code == 200
    for text in (
        "代祭扫工作单",
        "示范市烈士陵园",
        "A区3排12号",
        "擦拭墓碑",
        "宣读寄语",
        "爷爷，我们来看您了。",
        "第二份寄语",
    ):
        assert text in page
    assert "liming" in page and "待安排" in page
    assert "13900138000" not in page and "139****8000" not in page  # no phone on paper
    assert 'nonce="' in page and "<style" not in page


def test_a_bad_day_in_the_address_is_not_found(client, staff, season):
    first, _second = season
    client.force_login(staff)
    assert client.get(f"/admin/sweeping/plan/{first.facility_id}/2026-13-45/").status_code == 404


def test_the_export_is_a_csv_with_masked_phones(client, staff, season):
    client.force_login(staff)
    response = client.get("/admin/sweeping/export/", {"status": "open"})
    body = b"".join(response.streaming_content).decode("utf-8")
    assert response["Content-Type"].startswith("text/csv") and body.startswith("\ufeff编号,")
    lines = body.strip().splitlines()
    assert len(lines) == 1 + 3
    assert "139****8000" in body and "13900138000" not in body and "黄某" in body and "黄建国" not in body
    from wagtail.models import ModelLogEntry

    assert ModelLogEntry.objects.filter(action="sweeping.export", user=staff).count() == 1


def test_a_cell_a_spreadsheet_would_run_is_written_as_text(client, staff, submit, form_data, record):
    client.force_login(staff)
    submit({**form_data, "message": '=HYPERLINK("http://x")'}, record=record)
    body = b"".join(client.get("/admin/sweeping/export/").streaming_content).decode("utf-8")
    assert "'=HYPERLINK" in body


def test_overdue_requests_are_flagged(client, staff, season, settings):
    from memorials.sweeping.models import SweepingRequest

    first, second = season
    waiting = SweepingRequest.objects.get(status="received")
    SweepingRequest.objects.filter(pk=waiting.pk).update(submitted_at=timezone.now() - datetime.timedelta(days=4))
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    SweepingRequest.objects.filter(pk=first.pk).update(scheduled_for=yesterday)
    assert set(SweepingRequest.objects.overdue()) == {waiting, first}
    client.force_login(staff)
    page = client.get("/admin/sweeping/").content.decode()
    assert "有 2 份申请已逾期" in page
    assert "超过3天未受理" in page and "已过安排日期，尚未记录完成" in page
    only = client.get("/admin/sweeping/", {"overdue": "on"}).content.decode()
    assert f"/admin/sweeping/{second.pk}/" not in only


def test_a_request_done_but_the_family_not_told_becomes_overdue(submitted, advance):
    from memorials.sweeping.models import SweepingRequest

    sweeping_request, _code = submitted
    advance(sweeping_request, "done")
    assert not SweepingRequest.objects.overdue().exists()
    SweepingRequest.objects.update(done_at=timezone.now() - datetime.timedelta(days=3))
    (late,) = SweepingRequest.objects.overdue()
    assert late.overdue_reason() == "完成超过2天，尚未告知家属"
