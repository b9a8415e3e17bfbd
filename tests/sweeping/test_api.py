"""The only public API: the status lookup by code and the last four digits (rate limited, every
wrong pair the same 404, nothing about the family)."""

import json

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def look_up(client, code, factor="8000"):
    return client.post(
        "/api/sweeping/status", json.dumps({"code": code, "factor": factor}), content_type="application/json"
    )


def test_the_status_by_code_and_last_four_digits(client, submitted, advance):
    sweeping_request, code = submitted
    advance(sweeping_request, "done")
    response = look_up(client, code.lower().replace("-", " "))
    assert response.status_code == 200 and "no-store" in response["Cache-Control"]
    data = response.json()
    assert data["martyr_name"] == "黄继光" and data["status"] == "done" and data["grave"] == "A区3排12号"
    assert [step["text"] for step in data["steps"]][-1] == "工作人员已完成祭扫"
    (photo,) = data["photos"]
    assert client.get(photo["url"]).status_code == 200
    assert Client(REMOTE_ADDR="10.8.8.8").get(photo["url"]).status_code == 404
    text = response.content.decode()
    for personal in ("黄建国", "13900138000", "hjg@example.com", "爷爷"):
        assert personal not in text


def test_wrong_pairs_all_get_the_same_404(client, submitted):
    _request, code = submitted
    answers = [look_up(client, c, f) for c, f in ((code, "0000"), ("K7QM-4XTP-9RA", "8000"), ("<>", "8000"))]
    assert {response.status_code for response in answers} == {404}
    assert len({response.content for response in answers}) == 1


def test_the_api_is_rate_limited_like_the_page(submitted, settings):
    settings.NOTIFICATIONS_TRACK_RATE = "3/10m"
    _request, code = submitted
    client = Client()
    for _ in range(3):
        look_up(client, "K7QM-4XTP-9RA")
    refused = look_up(client, code)
    assert refused.status_code == 429 and int(refused["Retry-After"]) > 0 and "黄继光" not in refused.content.decode()


def test_the_api_is_listed_in_the_schema(client, home_page):
    schema = client.get("/api/openapi.json").json()
    assert "/api/sweeping/status" in schema["paths"]
    assert set(schema["paths"]["/api/sweeping/status"]) == {"post"}
