"""The public API: the martyrs sought and the success stories; nothing personal."""

import pytest

pytestmark = [pytest.mark.django_db, pytest.mark.plugin("seekrelatives")]


def test_the_list_of_martyrs_sought(client, campaign, sought, make_record, make_sought, martyr):
    make_sought(make_record(name="李秀山", native_province="山东省", native_place="山东省沂南县"))
    body = client.get("/api/seekrelatives/martyrs").json()
    assert body["count"] == 2
    item = next(item for item in body["items"] if item["name"] == "王德胜")
    assert item["record_id"] == martyr.pk and item["missing"] == "亲属下落不明" and not item["family_found"]
    assert item["url"].endswith(martyr.get_url()) and item["native_province"] == "四川省"
    only = client.get("/api/seekrelatives/martyrs", {"province": "山东省"}).json()
    assert [item["name"] for item in only["items"]] == ["李秀山"]
    response = client.get("/api/seekrelatives/martyrs", {"province": "火星"})
    assert response.status_code == 422 and "火星" in response.json()["detail"]


def test_the_api_says_nothing_personal(client, campaign, sought, send_clue):
    send_clue(sought=sought.pk)
    for path in ("/api/seekrelatives/martyrs", "/api/seekrelatives/stories", "/api/seekrelatives/figures"):
        text = client.get(path).content.decode("unicode_escape")
        for personal in ("张卫国", "13912345678", "110101195003070021", "幸福村", "寄回的一封信"):
            assert personal not in text
    schema = client.get("/api/openapi.json").json()
    assert "/api/seekrelatives/martyrs" in schema["paths"] and "/api/seekrelatives/stories" in schema["paths"]
