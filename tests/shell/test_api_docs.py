"""The API documentation page (/api/docs): a page of the site, drawn on the server from the
OpenAPI schema, with every operation, its parameters, answers and an example; no Swagger UI."""

import json
import re

import pytest
from bs4 import BeautifulSoup

from siteshell.apidocs.examples import example_value
from siteshell.apidocs.reading import read_schema

pytestmark = [pytest.mark.django_db, pytest.mark.plugin("sampleplugin")]


def docs_page(client):
    response = client.get("/api/docs")
    assert response.status_code == 200
    return response, BeautifulSoup(response.content, "html.parser")


def test_the_docs_are_a_page_of_the_site_in_chinese(client, home_page):
    response, soup = docs_page(client)
    assert soup.html["lang"] == "zh-hans"
    assert soup.find("meta", attrs={"name": "viewport"})
    assert soup.find("main", id="main")
    assert soup.find("nav", attrs={"aria-label": "主导航"})
    assert soup.h1.get_text() == "退役军人荣誉与纪念 公开数据接口"
    # No script of its own: the site's two deferred scripts and the header's suggestions only.
    sources = [script.get("src", "") for script in soup.find_all("script")]
    assert all(source.startswith("/static/") for source in sources)
    assert not any("swagger" in source for source in sources)
    assert "swagger" not in response.content.decode().lower()


def test_every_operation_of_the_schema_is_documented_with_an_example(client, home_page):
    schema = client.get("/api/openapi.json").json()
    _response, soup = docs_page(client)
    routes = {
        (route.select_one(".api-op__method").get_text(), route.code.get_text())
        for route in soup.select(".api-op__route")
    }
    expected = {(method.upper(), path) for path, operations in schema["paths"].items() for method in operations}
    assert routes == expected
    for operation in soup.select("article.api-op"):
        assert operation.h3.get_text().strip(), operation
        assert operation.select_one("pre.api-op__example code").get_text().startswith("curl ")


def test_an_operation_lists_its_parameters_answers_and_limits(client, home_page):
    _response, soup = docs_page(client)
    operation = soup.find("article", attrs={"aria-labelledby": "siteshell_api_page_list"})
    text = operation.get_text(" ", strip=True)
    assert "已发布的公开页面" in text
    names = [name.get_text() for name in operation.select(".api-fields dt code")]
    assert names == ["type", "page", "page_size"]
    assert "查询参数" in text and "最多 200 个字符" in text and "范围 1–10000" in text
    answers = {dt.get_text() for dt in operation.select(".api-answers dt")}
    assert answers == {"200", "400", "422"}
    # The answers link to their structures, which the page describes below.
    target = operation.select_one(".api-answers a")["href"]
    assert soup.find(id=target.removeprefix("#"))
    example = operation.select("pre.api-op__example code")[-1].get_text()
    assert set(json.loads(example)) == {"items", "count"}


def test_the_example_request_fills_in_path_parameters_and_a_body(client, home_page):
    schema = {
        "openapi": "3.1.0",
        "info": {"title": "T", "version": "1"},
        "paths": {
            "/api/things/{thing_id}/marks": {
                "post": {
                    "summary": "做标记",
                    "tags": ["things"],
                    "parameters": [
                        {
                            "in": "path",
                            "name": "thing_id",
                            "required": True,
                            "schema": {"type": "integer", "minimum": 1},
                        }
                    ],
                    "requestBody": {
                        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/MarkIn"}}}
                    },
                    "responses": {202: {"description": "Accepted"}},
                }
            }
        },
        "components": {
            "schemas": {
                "MarkIn": {
                    "type": "object",
                    "properties": {"kind": {"enum": ["star", "flag"], "type": "string"}},
                    "required": ["kind"],
                }
            }
        },
    }
    documentation = read_schema(schema, base_url="https://example.gov.cn")
    operation = documentation.groups[0].operations[0]
    assert str(operation.example_request) == (
        "curl -X POST -H 'Content-Type: application/json' -d '{\"kind\": \"star\"}' "
        "'https://example.gov.cn/api/things/1/marks'"
    )
    assert operation.answers[0].description == "已受理"  # not django-ninja's English phrase
    assert [field.name for field in documentation.structures[0].fields] == ["kind"]


def test_example_values_follow_the_schema():
    components = {"Item": {"type": "object", "properties": {"when": {"type": "string", "format": "date"}}}}
    schema = {
        "type": "object",
        "properties": {
            "count": {"type": "integer", "minimum": 5},
            "name": {"anyOf": [{"type": "string"}, {"type": "null"}]},
            "sort": {"enum": ["recent", "earliest"]},
            "items": {"type": "array", "items": {"$ref": "#/components/schemas/Item"}},
            "page": {"type": "integer", "default": 1},
        },
    }
    assert example_value(schema, components) == {
        "count": 5,
        "name": "string",
        "sort": "recent",
        "items": [{"when": "2026-04-04"}],
        "page": 1,
    }


def test_the_docs_follow_the_visitors_language_and_vary_on_the_cookie(client, home_page):
    response, _soup = docs_page(client)
    assert "Cookie" in response.headers["Vary"]
    client.cookies["django_language"] = "en"
    _response, soup = docs_page(client)
    assert soup.html["lang"] == "en"
    assert soup.h1.get_text() == "Veterans' Honours and Commemoration: public data API"


def test_the_machine_readable_schema_is_linked(client, home_page):
    _response, soup = docs_page(client)
    assert soup.find("a", href="/api/openapi.json")
    assert client.get("/api/openapi.json")["Content-Type"].startswith("application/json")


def test_the_page_is_light(client, home_page):
    response, _soup = docs_page(client)
    assert len(response.content) < 110 * 1024
    assert not re.search(rb"<style|style=", response.content)  # the CSP allows no inline style
