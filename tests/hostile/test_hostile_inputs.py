"""Hostile input on every public URL and parameter, discovered (``discovery``): never a 5xx,
and from the API never anything but JSON.

Each test collects every failing request and reports them together.
"""

from __future__ import annotations

from urllib.parse import quote, unquote

import pytest

from tests.hostile.corpus import POST_ALWAYS, SHAPES, UNKNOWN_PARAMETERS, sample
from tests.hostile.discovery import (
    Crawler,
    api_operations,
    fill,
    fill_examples,
    is_skipped,
    resolver_routes,
    routable_routes,
)

pytestmark = pytest.mark.django_db


def check(client, problems, path, query="", *, method="GET", body=None):
    if method == "GET":
        response = client.get(path, QUERY_STRING=query)
    else:
        response = client.post(path, data=body, content_type="application/x-www-form-urlencoded")
    label = f"{response.status_code} {method} {path[:120]}{'?' + query[:120] if query else ''}"
    if response.status_code >= 500:
        problems.append(label)
    elif path.startswith("/api/") and response.status_code >= 400:
        if not response.get("Content-Type", "").startswith("application/json"):
            problems.append(label + " (not JSON)")
    return response


def assert_none(problems):
    assert not problems, f"{len(problems)} failing requests:\n" + "\n".join(problems[:40])


def public_routes():
    return [route for route in resolver_routes() if not is_skipped(route.text())]


def start_urls():
    simple = [route.text() for route in public_routes() if not route.placeholders]
    return ["/", *simple]


def test_the_discovery_finds_the_shell_routes_and_the_plugins_pages(hostile_site, lenient_client):
    routes = {route.text() for route in public_routes()}
    assert {"/healthz", "/robots.txt", "/report/<token>/", "/track/"} <= routes
    crawl = Crawler(lenient_client, start_urls()).run()
    assert "/" in crawl.pages and len(crawl.pages) > 5
    assert not crawl.failures


def test_url_routes_answer_hostile_path_values(hostile_site, lenient_client):
    problems = []
    for route in public_routes():
        if not route.placeholders:
            continue
        for item in sample(route.text()):
            path = fill(route, item.encoded(), unquote(item.encoded()))
            if path is not None:
                check(lenient_client, problems, path)
    assert_none(problems)


def test_routable_page_routes_answer_hostile_path_values(routable_pages, lenient_client):
    problems = []
    for page in routable_pages:
        for route in routable_routes(page):
            for item in sample(route.text(), size=20):
                path = fill(route, item.encoded(), unquote(item.encoded()))
                if path is not None:
                    check(lenient_client, problems, path)
            if example := fill_examples(route):
                check(lenient_client, problems, example, UNKNOWN_PARAMETERS)
    assert_none(problems)


def test_page_parameters_answer_hostile_values(routable_pages, lenient_client):
    """Every field of every ``<form method=get>`` and every parameter of a page's own links
    (the pager's ``page``, ``after``, ``before``) gets the corpus."""
    crawl = Crawler(lenient_client, start_urls()).run()
    problems = [f"{status} GET {path}" for path, status in crawl.failures]
    for path, parameters in crawl.get_parameters.items():
        for name in parameters:
            key = quote(name, safe="")
            for item in sample(f"{path}?{name}", size=5):
                check(lenient_client, problems, path, f"{key}={item.encoded()}")
            for shape in SHAPES[:3]:
                check(lenient_client, problems, path, shape.format(p=key))
    assert any(parameters for parameters in crawl.get_parameters.values()), "no GET form or pager found"
    assert_none(problems)


def test_every_page_answers_unknown_parameters(routable_pages, lenient_client):
    crawl = Crawler(lenient_client, start_urls()).run()
    problems = [f"{status} GET {path}" for path, status in crawl.failures]
    examples = {fill_examples(route) for route in public_routes() if route.placeholders}
    for path in sorted({*crawl.pages, *(example for example in examples if example)}):
        check(lenient_client, problems, path, UNKNOWN_PARAMETERS)
    assert_none(problems)


def test_public_forms_answer_hostile_posts(routable_pages, lenient_client):
    """Every ``<form method=post>`` of the public pages, each field in turn hostile (the others
    as the page filled them)."""
    crawl = Crawler(lenient_client, start_urls()).run()
    problems = [f"{status} GET {path}" for path, status in crawl.failures]
    for form in crawl.post_forms:
        action = form.action
        for name in form.fields:
            for item in sample(f"{action}#{name}", size=2, always=POST_ALWAYS):
                values = {field: quote(str(value), safe="") for field, value in form.fields.items()}
                values[name] = item.encoded()
                body = "&".join(f"{quote(field, safe='')}={value}" for field, value in values.items())
                check(lenient_client, problems, action, method="POST", body=body)
    assert_none(problems)


def test_api_operations_answer_hostile_values(hostile_site, lenient_client):
    """Every parameter of every operation in ``/api/openapi.json``; errors are JSON."""
    schema = lenient_client.get("/api/openapi.json").json()
    problems = []
    for method, path, parameters in api_operations(schema):
        if method != "GET":
            continue
        path_names = [parameter["name"] for parameter in parameters if parameter["in"] == "path"]
        example_path = path
        for name in path_names:
            example_path = example_path.replace("{" + name + "}", "1")
        for parameter in parameters:
            name = parameter["name"]
            for item in sample(f"{path}:{name}"):
                if parameter["in"] == "path":
                    target = path.replace("{" + name + "}", item.encoded())
                    for other in path_names:
                        target = target.replace("{" + other + "}", "1")
                    check(lenient_client, problems, target)
                else:
                    check(lenient_client, problems, example_path, f"{name}={item.encoded()}")
            if parameter["in"] == "query":
                for shape in SHAPES:
                    check(lenient_client, problems, example_path, shape.format(p=name))
        check(lenient_client, problems, example_path, UNKNOWN_PARAMETERS)
    assert_none(problems)
