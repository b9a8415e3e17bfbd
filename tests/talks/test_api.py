"""The talks API: upcoming talks with the calendar's filters, one talk, and a booking's status
by its tracking code (a POST; nothing personal in the answer)."""

import pytest

from tests.talks.conftest import at

pytestmark = [pytest.mark.django_db, pytest.mark.plugin("talks")]


def test_the_api_lists_upcoming_talks_with_the_calendars_filters(client, talks_page, make_talk, make_speaker):
    speaker = make_speaker("陈国栋", role="抗美援朝老战士")
    talk = make_talk(title="小学的宣讲", audience="primary", speakers=[speaker], start=at(2031, 5, 12, 9, 30))
    make_talk(title="高中的宣讲", audience="senior", start=at(2031, 5, 13))
    make_talk(title="草稿", live=False)
    data = client.get("/api/talks/talks", {"audience": "primary", "date_from": "2031-01-01"}).json()
    assert data["count"] == 1
    (item,) = data["items"]
    assert item["title"] == "小学的宣讲" and item["audience_label"] == "小学"
    assert item["speakers"] == [{"name": "陈国栋", "role": "抗美援朝老战士"}]
    assert item["start"] == "2031-05-12T09:30:00+08:00" and item["open_to_public"] is True
    assert item["url"].endswith(f"/talks/{talk.pk}/") and item["ics_url"].endswith(f"/talks/{talk.pk}.ics")
    assert client.get(f"/api/talks/talks/{talk.pk}").json()["title"] == "小学的宣讲"


def test_the_api_refuses_filters_it_does_not_know(client, talks_page, make_talk):
    make_talk(district="南湖区")
    response = client.get("/api/talks/talks", {"district": "火星区"})
    assert response.status_code == 422 and "区县" in response.json()["detail"]
    assert client.get("/api/talks/talks", {"audience": "kindergarten"}).status_code == 422


def test_a_draft_talk_is_not_in_the_api(client, talks_page, make_talk):
    draft = make_talk(live=False)
    assert client.get(f"/api/talks/talks/{draft.pk}").status_code == 404


def test_a_booking_status_by_code_and_last_four_digits(client, talks_page, sms_outbox):
    import re

    from tests.talks.test_booking import form_data

    page = client.post("/talks/book/", form_data()).content.decode()
    code = re.search(r'<strong class="tracking-code">([\w-]+)</strong>', page).group(1)
    answer = client.post(
        "/api/talks/bookings/status", {"code": code, "factor": "8000"}, content_type="application/json"
    )
    assert answer.status_code == 200 and answer["Cache-Control"].startswith("private")
    data = answer.json()
    assert data["status"] == "received" and data["title"] == "宣讲预约"
    assert "南湖区实验小学" not in answer.content.decode() and "13900138000" not in answer.content.decode()
    wrong = client.post("/api/talks/bookings/status", {"code": code, "factor": "0000"}, content_type="application/json")
    assert wrong.status_code == 404 and "查询码或验证信息不正确" in wrong.json()["detail"]


def test_too_many_status_lookups_are_refused(client, talks_page, settings):
    settings.NOTIFICATIONS_TRACK_RATE = "2/m"
    for _attempt in range(2):
        response = client.post(
            "/api/talks/bookings/status", {"code": "K7QM-4XTP-9RA", "factor": "1234"}, content_type="application/json"
        )
        assert response.status_code == 404
    response = client.post(
        "/api/talks/bookings/status", {"code": "K7QM-4XTP-9RA", "factor": "1234"}, content_type="application/json"
    )
    assert response.status_code == 429
