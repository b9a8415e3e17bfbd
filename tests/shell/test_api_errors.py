"""No 500 on any input: the API's range checks and error answers (JSON, in Chinese), the
schema that states them, and the HTML routes' answers to ids no row can have."""

import pytest

pytestmark = pytest.mark.django_db

TOO_LARGE = [
    ("/api/honors/profiles?page=99999999999999999999", "honors"),
    ("/api/pages?page=9223372036854775808", None),
    ("/api/memorials/records?decade=99999999999999999999", "memorials"),
    ("/api/memorials/records?facility=9223372036854775808", "memorials"),
    ("/api/honors/profiles/9223372036854775808", "honors"),
    ("/api/memorials/records/9223372036854775808", "memorials"),
    ("/api/memorials/records?after=9223372036854775808", "memorials"),
    ("/api/search/?q=x&page=9223372036854775808", "search"),
]


@pytest.mark.parametrize(("url", "plugin"), TOO_LARGE)
def test_numbers_too_large_for_the_database_get_a_json_4xx_in_chinese(client, home_page, url, plugin):
    from tests.conftest import installed_plugin_labels

    if plugin and plugin not in installed_plugin_labels() and plugin != "search":
        pytest.skip(f"plugin switched off: {plugin}")
    response = client.get(url)
    assert 400 <= response.status_code < 500
    assert response["Content-Type"].startswith("application/json")
    detail = response.json()["detail"]
    assert isinstance(detail, str) and any("\u4e00" <= char <= "\u9fff" for char in detail)


def test_a_validation_error_names_the_parameter_and_its_limit(client, home_page):
    response = client.get("/api/pages", {"page": "0"})
    assert response.status_code == 422
    body = response.json()
    assert body["detail"] == "page 不能小于 1"
    assert body["errors"][0]["loc"] == ["query", "page"]
    assert client.get("/api/pages", {"page": "abc"}).json()["detail"] == "page 须为整数"


def test_an_unknown_api_path_is_a_json_404(client, home_page):
    response = client.get("/api/no/such/thing")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")
    assert "没有找到" in response.json()["detail"]
    assert client.get("/api/search").status_code == 301  # a missing slash is still added


def test_the_last_resort_answers_input_the_database_cannot_take_with_a_400(client, home_page, monkeypatch):
    from django.db import DataError

    from siteshell import api as site_api

    def failing(*args, **kwargs):
        raise DataError("integer out of range")

    monkeypatch.setattr(site_api, "public_pages", failing)
    response = client.get("/api/pages")
    assert response.status_code == 400
    assert response.json()["detail"] == "请求参数超出了可以处理的范围，请检查后重试。"


def test_the_schema_states_the_limits_and_the_error_answers(client, home_page):
    schema = client.get("/api/openapi.json").json()
    pages = schema["paths"]["/api/pages"]["get"]
    page = next(parameter for parameter in pages["parameters"] if parameter["name"] == "page")
    assert page["schema"]["minimum"] == 1 and page["schema"]["maximum"] == 10_000
    assert {"400", "422"} <= set(pages["responses"])
    assert "ValidationErrorOut" in schema["components"]["schemas"]
    for path, operations in schema["paths"].items():
        for operation in operations.values():
            assert "400" in operation["responses"], path
            if any(parameter["in"] == "path" for parameter in operation.get("parameters", [])):
                assert "404" in operation["responses"], path


@pytest.mark.plugin("memorials")
def test_the_schema_lists_the_archive_choices_and_limits(client, home_page):
    operation = client.get("/api/openapi.json").json()["paths"]["/api/memorials/records"]["get"]
    parameters = {parameter["name"]: parameter["schema"] for parameter in operation["parameters"]}
    assert "korea" in str(parameters["period"])
    assert "1950" in str(parameters["decade"])
    assert '"maximum": 100' in str(parameters["limit"]).replace("'", '"')
    detail = client.get("/api/openapi.json").json()["paths"]["/api/memorials/records/{record_id}"]["get"]
    assert detail["parameters"][0]["schema"]["maximum"] == 2**63 - 1


@pytest.mark.plugin("memorials")
def test_archive_routes_answer_ids_no_row_can_have_with_a_404(client, home_page):
    from memorials.models import MartyrArchivePage

    archive = MartyrArchivePage(title="英名录", slug="martyrs", intro="", per_page=10)
    home_page.add_child(instance=archive)
    archive.save_revision().publish()
    for suffix in ("99999999999999999999/", "9223372036854775808/qr/svg/", "facility/9223372036854775808/"):
        assert client.get(archive.url + suffix).status_code == 404
    listing = client.get(archive.url, {"after": "9223372036854775808", "name": "a\x00b", "battle": "\x00"})
    assert listing.status_code == 200


def test_nul_bytes_in_search_filters_are_left_out(client, home_page):
    response = client.get("/search/", {"q": "烈士\x00", "region": "a\x00b", "period": "\x00", "type": "\x00"})
    assert response.status_code == 200
