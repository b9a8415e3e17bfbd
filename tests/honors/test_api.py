"""The public profiles API under /api/honors/: schema, filters, only live public profiles."""

import pytest

from tests.honors.conftest import PUBLIC_NAMES

pytestmark = pytest.mark.django_db


def names(response):
    assert response.status_code == 200, response.content
    return [item["name"] for item in response.json()["items"]]


def test_openapi_schema_documents_the_profile_routes(client, home_page):
    schema = client.get("/api/openapi.json").json()
    assert "/api/honors/profiles" in schema["paths"]
    assert "/api/honors/profiles/{profile_id}" in schema["paths"]
    parameters = {parameter["name"] for parameter in schema["paths"]["/api/honors/profiles"]["get"]["parameters"]}
    assert {"year", "round", "title", "category", "region", "sort", "page"} <= parameters


def test_list_returns_only_published_public_profiles(client, honour_roll):
    response = client.get("/api/honors/profiles")
    assert set(names(response)) == PUBLIC_NAMES
    assert response.json()["count"] == len(PUBLIC_NAMES)


def test_list_filters_like_the_index_page(client, honour_roll):
    assert names(client.get("/api/honors/profiles", {"year": 2023, "title": "zuimei-junsao"})) == ["陈秀兰"]
    assert set(names(client.get("/api/honors/profiles", {"region": "西山区"}))) == {"陈秀兰", "马振华"}
    assert set(names(client.get("/api/honors/profiles", {"category": "military_spouse"}))) == {"韩雪梅", "陈秀兰"}
    by_round = names(client.get("/api/honors/profiles", {"round": honour_roll.rounds.second.pk}))
    assert set(by_round) == {"周立军", "韩雪梅"}
    assert names(client.get("/api/honors/profiles", {"sort": "earliest"}))[0] == "周立军"


def test_list_items_carry_honours_and_links(client, honour_roll):
    items = client.get("/api/honors/profiles", {"region": "东城区"}).json()["items"]
    (han,) = items
    assert han["category_label"] == "军嫂"
    assert han["url"] == honour_roll.profiles.han.full_url
    assert [(honour["year"], honour["title"]) for honour in han["honours"]] == [
        (2023, "最美退役军人志愿者"),
        (2021, "最美军嫂"),
    ]


@pytest.mark.parametrize("params", [{"year": 1999}, {"region": "火星"}, {"title": "nope"}, {"sort": "random"}])
def test_unknown_filter_values_are_answered_with_a_422_naming_them(client, honour_roll, params):
    response = client.get("/api/honors/profiles", params)
    assert response.status_code == 422
    assert "无法识别的筛选条件" in response.json()["detail"]


def test_an_english_visitor_reads_the_schema_labels_and_refusals_in_english(client, honour_roll):
    client.cookies["django_language"] = "en"
    route = client.get("/api/openapi.json").json()["paths"]["/api/honors/profiles"]["get"]
    assert route["summary"] == "List of honour profiles"
    assert {parameter["name"]: parameter.get("description") for parameter in route["parameters"]}["year"] == (
        "Year of selection, such as 2023"
    )
    (han,) = client.get("/api/honors/profiles", {"region": "东城区"}).json()["items"]
    assert han["name"] == "韩雪梅" and han["category_label"] == "Military spouse"
    assert han["honours"][0]["level_label"] == "Municipal"
    refusal = client.get("/api/honors/profiles", {"year": 1999, "sort": "random"}).json()["detail"]
    assert refusal == "Filters not understood: Year of selection, Order"


def test_the_schema_is_in_chinese_for_everyone_else(client, home_page):
    route = client.get("/api/openapi.json").json()["paths"]["/api/honors/profiles"]["get"]
    assert route["summary"] == "荣誉人物列表"


def test_filter_values_of_the_wrong_type_are_rejected(client, honour_roll):
    assert client.get("/api/honors/profiles", {"year": "abc"}).status_code == 422


def test_detail_returns_the_story_and_facts(client, honour_roll):
    profile = honour_roll.profiles.zhou
    data = client.get(f"/api/honors/profiles/{profile.pk}").json()
    assert data["name"] == "周立军"
    assert data["service_branch_label"] == "陆军"
    assert (data["enlisted_year"], data["retired_year"]) == (1996, 2008)
    assert data["honours"][0]["level_label"] == "市级"
    assert "story_html" in data and data["related"] == []


def test_unpublished_and_private_profiles_are_not_found(client, honour_roll):
    for profile in (honour_roll.profiles.draft, honour_roll.profiles.private):
        assert client.get(f"/api/honors/profiles/{profile.pk}").status_code == 404
    assert client.get("/api/honors/profiles/999999").status_code == 404
