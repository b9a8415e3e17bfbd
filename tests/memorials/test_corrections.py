"""Public corrections (纠错): the record never changes until staff accept."""

import datetime

import pytest

pytestmark = pytest.mark.django_db


def test_visitor_proposes_a_correction_and_the_record_stays_unchanged(client, archive, make_record):
    from memorials.models import MartyrCorrection

    record = make_record(
        name="董存瑞", native_place="察哈尔省怀来县", death_date=datetime.date(1948, 5, 1), death_precision="month"
    )
    url = f"{archive.url}{record.pk}/correction/"
    response = client.post(
        url,
        {
            "field": "death",
            "proposed_value": "1948年5月25日",
            "evidence": "隆化战斗史料",
            "submitter_name": "王老师",
            "submitter_contact": "13800000000",
        },
    )
    assert response.status_code == 302 and response["Location"].endswith("?sent=1")
    assert "已收到您的纠错意见" in client.get(response["Location"]).content.decode()

    correction = MartyrCorrection.objects.get()
    assert correction.status == "pending" and correction.current_value == "1948年5月"
    record.refresh_from_db()
    assert record.death_display == "1948年5月"
    detail = client.get(f"{archive.url}{record.pk}/").content.decode()
    assert "1948年5月25日" not in detail and "13800000000" not in detail


def test_invalid_correction_is_explained_and_nothing_is_saved(client, archive, make_record):
    from memorials.models import MartyrCorrection

    record = make_record(name="刘胡兰")
    response = client.post(f"{archive.url}{record.pk}/correction/", {"field": "birth", "proposed_value": "去年"})
    assert response.status_code == 200
    assert "无法识别的日期" in response.content.decode()
    assert not MartyrCorrection.objects.exists()


def test_staff_accepting_a_correction_updates_the_record_with_a_revision(admin_client, archive, make_record, superuser):
    from memorials.models import MartyrCorrection

    record = make_record(name="董存瑞", death_date=datetime.date(1948, 5, 1), death_precision="month")
    correction = MartyrCorrection.objects.create(record=record, field="death", proposed_value="1948年5月25日")
    page = admin_client.get(f"/admin/memorials/corrections/{correction.pk}/review/")
    assert page.status_code == 200 and "1948年5月25日" in page.content.decode()

    admin_client.post(
        f"/admin/memorials/corrections/{correction.pk}/review/", {"action": "accept", "review_note": "核实"}
    )
    record.refresh_from_db()
    correction.refresh_from_db()
    assert record.death_display == "1948年5月25日"
    assert correction.status == "accepted" and correction.reviewed_by == superuser
    assert record.revisions.count() == 1 and record.live


def test_staff_rejecting_a_correction_leaves_the_record_alone(admin_client, archive, make_record):
    from memorials.models import MartyrCorrection

    record = make_record(name="雷锋", native_place="湖南望城")
    correction = MartyrCorrection.objects.create(record=record, field="native_place", proposed_value="湖南长沙")
    admin_client.post(f"/admin/memorials/corrections/{correction.pk}/review/", {"action": "reject"})
    record.refresh_from_db()
    correction.refresh_from_db()
    assert record.native_place == "湖南望城" and correction.status == "rejected"


def test_corrections_queue_lists_pending_corrections_for_staff(admin_client, archive, make_record):
    from memorials.models import MartyrCorrection

    record = make_record(name="邱少云")
    MartyrCorrection.objects.create(record=record, field="unit", proposed_value="第15军第29师第87团第9连")
    response = admin_client.get("/admin/snippets/memorials/martyrcorrection/?status=pending")
    assert response.status_code == 200
    assert "邱少云" in response.content.decode()


def test_staff_cannot_invent_corrections_in_the_admin(admin_client, make_record):
    from memorials.models import MartyrCorrection

    # Wagtail answers a refused permission with a redirect to the dashboard and a message.
    response = admin_client.get("/admin/snippets/memorials/martyrcorrection/add/")
    assert response.status_code == 302 and response["Location"] == "/admin/"
    record = make_record(name="邱少云")
    refused = admin_client.post(
        "/admin/snippets/memorials/martyrcorrection/add/", {"record": record.pk, "field": "unit", "review_note": "x"}
    )
    assert refused.status_code == 302 and not MartyrCorrection.objects.exists()
