"""Finding every public URL and parameter without a hand-kept list, so that a new plugin's
routes, pages and filters are covered as soon as it is installed:

- :func:`resolver_routes` walks Django's URL resolver (the shell's and every plugin's
  ``public_urls``), :func:`routable_routes` the subpage routes of every ``RoutablePageMixin``
  page model;
- :func:`fill` puts hostile values in a route's converters and regex groups;
- :class:`Crawler` follows the links of the rendered pages from the home page and collects each
  page's ``<form method=get>`` fields, the parameters of its links (the pager's ``?page=``,
  ``?after=``) and its ``<form method=post>`` forms;
- the API's operations come from ``/api/openapi.json`` (:func:`api_operations`).
"""

from __future__ import annotations

import re
from collections import Counter, deque
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, urljoin, urlsplit

from bs4 import BeautifulSoup
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import RegexPattern, RoutePattern

#: Staff-only, third-party or covered elsewhere (the API through its schema).
SKIPPED_PREFIXES = ("/admin/", "/captcha/", "/api/", "/static/", "/media/")
#: Crawled pages of one shape (digits replaced) at most: a record page stands for all.
PAGES_PER_SHAPE = 2
MAX_PAGES = 40


def is_skipped(path: str) -> bool:
    return path.startswith(SKIPPED_PREFIXES) and not path.startswith("/api/docs")


# -- routes ---------------------------------------------------------------------------------


@dataclass
class Route:
    """A route as a template: literal text and placeholders ``(name, regex)``."""

    parts: list = field(default_factory=list)
    name: str = ""

    @property
    def placeholders(self):
        return [part for part in self.parts if isinstance(part, tuple)]

    def text(self):
        return "".join(part if isinstance(part, str) else f"<{part[0]}>" for part in self.parts)


_ROUTE_PLACEHOLDER = re.compile(r"<(?:(?P<converter>[^>:]+):)?(?P<name>[^>]+)>")


def _route_parts(pattern) -> list:
    """The parts of a ``path()`` or ``re_path()`` pattern."""
    if isinstance(pattern, RoutePattern):
        parts, position = [], 0
        route = str(pattern._route)
        for match in _ROUTE_PLACEHOLDER.finditer(route):
            parts.append(route[position : match.start()])
            converter = pattern.converters[match["name"]]
            parts.append((match["name"], converter.regex))
            position = match.end()
        parts.append(route[position:])
        return parts
    if isinstance(pattern, RegexPattern):
        return _regex_parts(str(pattern._regex))
    return [str(pattern)]


def _regex_parts(regex: str) -> list:
    """Literal text and top-level groups of a simple URL regex (``^(?P<pk>\\d+)/qr/$``)."""
    regex = regex.lstrip("^").rstrip("$").replace("\\Z", "")
    parts, literal, depth, start, index = [], "", 0, 0, 0
    while index < len(regex):
        char = regex[index]
        if char == "\\" and depth == 0:
            literal += regex[index + 1]
            index += 2
            continue
        if char == "(":
            if depth == 0:
                parts.append(literal)
                literal, start = "", index
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                group = regex[start : index + 1]
                named = re.match(r"\(\?P<(\w+)>(.*)\)$", group, re.S)
                parts.append((named[1], named[2]) if named else ("group", group))
        elif depth == 0 and char not in "?":
            literal += char
        index += 1
    parts.append(literal)
    return parts


def resolver_routes(resolver=None, prefix=None) -> list[Route]:
    """Every route of the URL configuration, includes flattened."""
    resolver = resolver or get_resolver()
    prefix = prefix or []
    routes = []
    for entry in resolver.url_patterns:
        parts = prefix + _route_parts(entry.pattern)
        if isinstance(entry, URLResolver):
            routes += resolver_routes(entry, parts)
        elif isinstance(entry, URLPattern):
            routes.append(Route(["/", *parts], entry.name or ""))
    return routes


def routable_routes(page) -> list[Route]:
    """The subpage routes of a live ``RoutablePageMixin`` page, under its URL."""
    return [Route([page.url, *_route_parts(entry.pattern)], entry.name or "") for entry in page.get_subpage_urls()]


def fill(route: Route, value: str, raw_value: str) -> str | None:
    """The route with every placeholder that accepts ``raw_value`` set to ``value`` (encoded);
    ``None`` when a placeholder does not accept it (the resolver would not reach the view)."""
    text = []
    for part in route.parts:
        if isinstance(part, str):
            text.append(part)
            continue
        _name, regex = part
        if not re.fullmatch(regex, raw_value):
            return None
        text.append(value)
    return "".join(text).replace("//", "/")


def fill_examples(route: Route) -> str | None:
    """The route with plausible values (``1``, ``x``, ``svg``) so that a page under it is found."""
    text = []
    for part in route.parts:
        if isinstance(part, str):
            text.append(part)
            continue
        regex = part[1]
        example = next((value for value in ("1", "x", "svg", "png", "a/b") if re.fullmatch(regex, value)), None)
        if example is None:
            return None
        text.append(example)
    return "".join(text).replace("//", "/")


# -- the rendered site ----------------------------------------------------------------------


@dataclass
class Form:
    page: str
    action: str
    method: str
    fields: dict  # name → example value


@dataclass
class Crawl:
    pages: list = field(default_factory=list)  # paths that answered HTML
    get_parameters: dict = field(default_factory=dict)  # path → {name: example}
    post_forms: list = field(default_factory=list)
    failures: list = field(default_factory=list)


def _shape(path: str) -> str:
    """``/martyrs/*/`` for ``/martyrs/12/``, ``/zuimei/*/`` for every profile: pages of one
    shape are crawled :data:`PAGES_PER_SHAPE` times at most."""
    segments = path.strip("/").split("/")
    if len(segments) < 2:
        return path
    return "/" + "/".join([*segments[:-1], "*"]) + "/"


class Crawler:
    """Follows same-site links from ``start`` (home page first) and reads forms and links."""

    def __init__(self, client, start=("/",)):
        self.client = client
        self.start = start

    def run(self) -> Crawl:
        crawl = Crawl()
        queue, seen, shapes = deque(self.start), set(), Counter()
        while queue and len(crawl.pages) < MAX_PAGES:
            url = queue.popleft()
            path = urlsplit(url).path
            if path in seen or is_skipped(path) or shapes[_shape(path)] >= PAGES_PER_SHAPE:
                continue
            seen.add(path)
            shapes[_shape(path)] += 1
            response = self.client.get(path)
            if response.status_code >= 500:
                crawl.failures.append((path, response.status_code))
                continue
            if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
                continue
            crawl.pages.append(path)
            soup = BeautifulSoup(response.content, "html.parser")
            parameters = crawl.get_parameters.setdefault(path, {})
            for link in soup.find_all("a", href=True):
                target = urlsplit(urljoin(path, link["href"]))
                if target.scheme not in ("", "http") or target.netloc not in ("", "testserver", "localhost"):
                    continue
                if target.path == path:
                    parameters.update(dict(parse_qsl(target.query)))
                queue.append(target.path)
            for element in soup.find_all("form"):
                self._read_form(crawl, path, element)
        return crawl

    @staticmethod
    def _read_form(crawl, path, element):
        method = (element.get("method") or "get").lower()
        action = urlsplit(urljoin(path, element.get("action") or path)).path
        fields = {}
        for control in element.find_all(["input", "select", "textarea", "button"]):
            name = control.get("name")
            if not name or control.get("type") in ("submit", "image", "reset"):
                continue
            if control.name == "select":
                option = control.find("option", value=True)
                fields[name] = option["value"] if option else ""
            else:
                fields[name] = control.get("value", "")
        if method == "get":
            if not is_skipped(action):
                crawl.get_parameters.setdefault(action, {}).update(fields)
        elif not is_skipped(action) and all(_shape(form.action) != _shape(action) for form in crawl.post_forms):
            crawl.post_forms.append(Form(path, action, method, fields))


# -- the API --------------------------------------------------------------------------------


def api_operations(schema) -> list[tuple[str, str, list]]:
    """``(method, path, parameters)`` of every operation of an OpenAPI schema."""
    return [
        (method.upper(), path, operation.get("parameters", []))
        for path, operations in schema["paths"].items()
        for method, operation in operations.items()
        if isinstance(operation, dict)
    ]
