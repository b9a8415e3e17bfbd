"""One tap, no login: an offering works without JavaScript (a form POST that returns to the
hall with a thanks) and with it (the API the script uses: CSRF-protected, rate limited). One of
each kind per visitor, hall and day counts; the rest are acknowledged, not counted."""

import re

import pytest
from django.test import Client

from tests.tributes.conftest import hall_path, offer

pytestmark = [pytest.mark.django_db, pytest.mark.plugin("tributes")]


def hall_total(record):
    from memorials.tributes import counters

    return counters.hall(record.pk).total


def api_offer(client, record, kind="flower", token=None):
    headers = {"HTTP_X_CSRFTOKEN": token} if token is not None else {}
    return client.post(
        f"/api/tributes/halls/{record.pk}/offerings", {"kind": kind}, content_type="application/json", **headers
    )


def csrf_token_from(client, path):
    body = client.get(path).content.decode()
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', body).group(1)


def test_an_offering_without_javascript_returns_to_the_hall_with_thanks(visitor, martyr):
    response = offer(visitor, martyr, "flower")
    assert response.status_code == 303
    assert response["Location"] == f"/tributes/{martyr.pk}/?offered=flower#tributes-ack"
    assert "tributes_visitor" in response.cookies
    page = visitor.get(response["Location"]).content.decode()
    assert "您献上了一束花" in page and 'data-kind="flower">1<' in page
    assert hall_total(martyr) == 1


def test_the_same_visitor_counts_once_a_day_for_each_kind(visitor, new_visitor, martyr):
    offer(visitor, martyr, "flower")
    again = offer(visitor, martyr, "flower")
    assert again["Location"].endswith("?offered=flower&again=1#tributes-ack")
    assert "每人每天计一次" in visitor.get(again["Location"]).content.decode()
    offer(visitor, martyr, "candle")
    offer(new_visitor(), martyr, "flower")
    from memorials.tributes import counters

    assert counters.hall(martyr.pk).flower == 2 and counters.hall(martyr.pk).candle == 1


def test_a_visitor_who_drops_the_cookie_counts_only_up_to_the_address_limit(martyr, settings):
    settings.TRIBUTES_COUNTED_PER_ADDRESS = 2
    for _attempt in range(4):
        offer(Client(REMOTE_ADDR="10.9.9.9"), martyr, "bow")  # a fresh cookie jar each time
    assert hall_total(martyr) == 2


def test_no_raw_address_and_no_cookie_token_is_stored(visitor, martyr):
    from memorials.tributes.models import Offering

    response = offer(visitor, martyr, "salute")
    row = Offering.objects.get()
    token = visitor.cookies["tributes_visitor"].value
    assert "10." not in row.address and row.address and len(row.visitor) == 24
    assert row.visitor not in token and token.split(":")[0] not in row.visitor
    assert response.status_code == 303


def test_a_forged_visitor_cookie_is_a_new_visitor(visitor, martyr):
    from memorials.tributes.offerings import COOKIE_NAME

    offer(visitor, martyr, "flower")
    cookie = visitor.cookies[COOKIE_NAME]
    assert cookie["httponly"] and cookie["samesite"] == "Lax"
    assert offer(visitor, martyr, "flower")["Location"].endswith("&again=1#tributes-ack")
    forged = cookie.value.split(":")[0] + ":1xZeTi:forged"
    visitor.cookies[COOKIE_NAME] = forged
    response = offer(visitor, martyr, "flower")
    assert response["Location"] == f"/tributes/{martyr.pk}/?offered=flower#tributes-ack"
    assert response.cookies[COOKIE_NAME].value not in (forged, cookie.value)
    assert hall_total(martyr) == 2


def test_too_many_offerings_are_refused_in_chinese_with_a_wait(visitor, martyr, settings):
    settings.PUBLIC_FORM_RATES = {"tributes.offering": {"visitor": "2/m", "address": None}}
    offer(visitor, martyr, "flower")
    offer(visitor, martyr, "candle")
    response = offer(visitor, martyr, "bow")
    assert response.status_code == 429 and int(response["Retry-After"]) > 0
    assert "提交过于频繁" in response.content.decode()
    assert hall_total(martyr) == 2


def test_an_unknown_kind_is_answered_in_chinese(visitor, martyr):
    response = offer(visitor, martyr, "incense")
    assert response.status_code == 400 and "请选择祭奠方式" in response.content.decode()


def test_an_offering_through_the_api_needs_the_csrf_token(martyr):
    browser = Client(enforce_csrf_checks=True, REMOTE_ADDR="10.7.7.7")
    refused = api_offer(browser, martyr)
    assert refused.status_code == 403 and "刷新页面" in refused.json()["detail"]
    token = csrf_token_from(browser, hall_path(martyr))
    answer = api_offer(browser, martyr, token=token)
    assert answer.status_code == 202
    assert answer.json() == {
        "kind": "flower",
        "counted": True,
        "message": "您献上了一束花，寄托哀思。",
        "counters": {"flower": 1, "candle": 0, "bow": 0, "salute": 0, "wreath": 0, "total": 1},
    }
    again = api_offer(browser, martyr, token=token).json()
    assert again["counted"] is False and again["counters"]["total"] == 1


def test_the_api_refuses_a_kind_it_does_not_know_and_a_record_without_a_hall(martyr, make_record):
    browser = Client(enforce_csrf_checks=True)
    token = csrf_token_from(browser, hall_path(martyr))
    assert api_offer(browser, martyr, "incense", token=token).status_code == 422
    assert api_offer(browser, martyr, "wreath", token=token).status_code == 422  # a wreath needs a name
    draft = make_record(name="审核中", live=False)
    assert api_offer(browser, draft, token=token).status_code == 404


def test_the_api_is_rate_limited_like_the_form(martyr, settings):
    settings.PUBLIC_FORM_RATES = {"tributes.offering": {"visitor": "1/m", "address": None}}
    browser = Client(enforce_csrf_checks=True)
    token = csrf_token_from(browser, hall_path(martyr))
    assert api_offer(browser, martyr, token=token).status_code == 202
    limited = api_offer(browser, martyr, "candle", token=token)
    assert limited.status_code == 429 and int(limited["Retry-After"]) > 0 and limited.json()["detail"]


def test_the_api_gives_the_counters_and_the_approved_messages(visitor, martyr):
    from memorials.tributes.models import TributeMessage

    offer(visitor, martyr, "candle")
    TributeMessage.objects.create(record_id=martyr.pk, text="英雄永垂不朽", moderation_status="approved")
    TributeMessage.objects.create(record_id=martyr.pk, text="待审核的寄语")
    hall = visitor.get(f"/api/tributes/halls/{martyr.pk}").json()
    assert hall["name"] == "黄继光" and hall["counters"]["candle"] == 1 and hall["url"] == hall_path(martyr)
    messages = visitor.get(f"/api/tributes/halls/{martyr.pk}/messages").json()
    assert [item["text"] for item in messages["items"]] == ["英雄永垂不朽"]
    assert visitor.get("/api/tributes/counters").json()["today"]["total"] == 1


def test_with_a_folding_worker_the_answer_comes_at_once_and_the_worker_counts(visitor, martyr, folding_worker, fold):
    from memorials.tributes.models import QueuedOffering

    assert offer(visitor, martyr, "flower").status_code == 303
    assert QueuedOffering.objects.count() == 1 and hall_total(martyr) == 0
    assert fold().counted == 1
    assert hall_total(martyr) == 1 and QueuedOffering.objects.count() == 0


def test_when_the_queue_is_down_nothing_is_promised_and_a_retry_counts(visitor, martyr, monkeypatch):
    from memorials.tributes import queue

    def down(self, entry):
        raise ConnectionError("queue down")

    monkeypatch.setattr(queue.DatabaseQueue, "put", down)
    response = offer(visitor, martyr, "flower")
    assert response.status_code == 503 and "请稍后再试" in response.content.decode()
    monkeypatch.undo()
    assert offer(visitor, martyr, "flower")["Location"].endswith("?offered=flower#tributes-ack")
    assert hall_total(martyr) == 1


def test_at_the_peak_an_accepted_offering_costs_one_insert(martyr, folding_worker, django_assert_num_queries):
    browser = Client(enforce_csrf_checks=True)
    token = csrf_token_from(browser, hall_path(martyr))
    assert api_offer(browser, martyr, token=token).status_code == 202  # the hall is looked up once
    with django_assert_num_queries(1):  # the queue's INSERT; the rest is in the cache
        answer = api_offer(browser, martyr, "candle", token=token)
    assert answer.status_code == 202 and answer.json()["counted"] is True
