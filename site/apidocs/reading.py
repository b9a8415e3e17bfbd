"""The OpenAPI schema of the public API read into what the documentation page shows: the
operations grouped by plugin, each with its parameters, request body, answers and an example,
and the data structures the answers are made of.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from http import HTTPStatus
from urllib.parse import urlencode

from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from siteshell import plugins
from siteshell.apidocs.examples import example_value, non_null_branch, resolve

METHODS = ("get", "post", "put", "patch", "delete")

#: Larger bounds than this say "any positive number" (a database id), not a real limit.
UNREMARKABLE_MAXIMUM = 2**31

LOCATIONS = {
    "path": gettext_lazy("路径参数"),
    "query": gettext_lazy("查询参数"),
    "header": gettext_lazy("请求头"),
    "cookie": "Cookie",
}

#: What an answer means, for the answers whose description is only the English HTTP phrase.
STATUS_MEANINGS = {
    200: gettext_lazy("成功"),
    201: gettext_lazy("已创建"),
    202: gettext_lazy("已受理"),
    204: gettext_lazy("成功，没有内容"),
    400: gettext_lazy("请求无效"),
    403: gettext_lazy("拒绝访问"),
    404: gettext_lazy("没有找到"),
    422: gettext_lazy("参数不符合要求"),
    429: gettext_lazy("请求过于频繁"),
    503: gettext_lazy("暂时无法提供服务"),
}


@dataclass
class Field:
    name: str
    type: SafeString
    required: bool
    description: str = ""
    rules: list[str] = field(default_factory=list)
    location: str = ""


@dataclass
class Answer:
    status: str
    description: str
    type: SafeString | None


@dataclass
class Operation:
    anchor: str
    method: str
    path: str
    summary: str
    description: str
    parameters: list[Field]
    body_type: SafeString | None
    answers: list[Answer]
    example_request: SafeString
    example_answer_status: str = ""
    example_answer: SafeString | str = ""


@dataclass
class Group:
    anchor: str
    title: str
    operations: list[Operation] = field(default_factory=list)


@dataclass
class Structure:
    name: str
    anchor: str
    description: str
    fields: list[Field]


@dataclass
class Documentation:
    title: str
    description: str
    version: str
    groups: list[Group]
    structures: list[Structure]


def code_text(text: str) -> SafeString:
    """Text for a ``<pre>`` element: only ``&`` and ``<`` escaped, not the many quotes of JSON
    (``&quot;`` is six bytes for one)."""
    return mark_safe(text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"))  # noqa: S308


def structure_anchor(name: str) -> str:
    return f"schema-{name}"


# -- types and rules ---------------------------------------------------------------------


def type_html(node: dict, components: dict) -> SafeString:
    """A field's type: ``integer``, ``string``, ``array`` of a linked structure …"""
    ref = node.get("$ref", "")
    if ref:
        _resolved, name = resolve(node, components)
        return format_html('<a href="#{}"><code>{}</code></a>', structure_anchor(name), name)
    branch = non_null_branch(node)
    if branch is not None:
        return format_html("{} {}", type_html(branch, components), _("或 null"))
    kind = node.get("type", "")
    if kind == "array":
        return format_html("{} {}", _("数组，每项为"), type_html(node.get("items", {}), components))
    if node.get("format"):
        return format_html("<code>{}</code> ({})", kind or "string", node["format"])
    return format_html("<code>{}</code>", kind or "any")


def rules(node: dict) -> list[str]:
    """The limits a value must keep, as sentences: allowed values, range, length, default."""
    found = []
    constraints = dict(node)
    branch = non_null_branch(node)
    if branch is not None:
        constraints = {**branch, **{key: value for key, value in node.items() if key not in ("anyOf", "oneOf")}}
    if constraints.get("enum"):
        found.append(_("取值：%(values)s") % {"values": "、".join(str(value) for value in constraints["enum"])})
    minimum, maximum = constraints.get("minimum"), constraints.get("maximum")
    if maximum is not None and maximum >= UNREMARKABLE_MAXIMUM:
        maximum = None
    if minimum is not None and maximum is not None:
        found.append(_("范围 %(minimum)s–%(maximum)s") % {"minimum": minimum, "maximum": maximum})
    elif minimum is not None:
        found.append(_("不小于 %(minimum)s") % {"minimum": minimum})
    elif maximum is not None:
        found.append(_("不大于 %(maximum)s") % {"maximum": maximum})
    if constraints.get("minLength"):
        found.append(_("至少 %(count)s 个字符") % {"count": constraints["minLength"]})
    if constraints.get("maxLength"):
        found.append(_("最多 %(count)s 个字符") % {"count": constraints["maxLength"]})
    if constraints.get("pattern"):
        found.append(_("格式：%(pattern)s") % {"pattern": constraints["pattern"]})
    if constraints.get("default") is not None:
        found.append(_("默认 %(value)s") % {"value": json.dumps(constraints["default"], ensure_ascii=False)})
    return found


def structure_fields(schema: dict, components: dict) -> list[Field]:
    required = set(schema.get("required", ()))
    return [
        Field(
            name=name,
            type=type_html(prop, components),
            required=name in required,
            description=prop.get("description", ""),
            rules=rules(prop),
        )
        for name, prop in schema.get("properties", {}).items()
    ]


# -- operations ----------------------------------------------------------------------------


def parameter_field(parameter: dict, components: dict) -> Field:
    schema = parameter.get("schema", {})
    return Field(
        name=parameter["name"],
        type=type_html(schema, components),
        required=bool(parameter.get("required")),
        description=parameter.get("description") or schema.get("description", ""),
        rules=rules(schema),
        location=str(LOCATIONS.get(parameter.get("in", ""), parameter.get("in", ""))),
    )


def answer_description(status: str, description: str) -> str:
    """The schema's description, unless it is only the HTTP phrase django-ninja puts there."""
    try:
        code = int(status)
        phrase = HTTPStatus(code).phrase
    except ValueError:
        return description
    if description in ("", phrase) and code in STATUS_MEANINGS:
        return str(STATUS_MEANINGS[code])
    return description


def json_schema_of(content: dict | None) -> dict | None:
    if not content:
        return None
    media = content.get("application/json") or next(iter(content.values()), {})
    return media.get("schema")


def example_request(method: str, path: str, parameters: list[dict], body: dict | None, components, base_url: str):
    """A ``curl`` command that calls the operation: path parameters filled in, required query
    parameters given, the body as JSON."""
    query = {}
    for parameter in parameters:
        value = example_value(parameter.get("schema", {}), components)
        if parameter.get("in") == "path":
            path = path.replace("{" + parameter["name"] + "}", str(value))
        elif parameter.get("in") == "query" and parameter.get("required"):
            query[parameter["name"]] = value
    url = base_url + path + (f"?{urlencode(query)}" if query else "")
    parts = ["curl"]
    if method != "get":
        parts += ["-X", method.upper()]
    if body is not None:
        payload = json.dumps(example_value(body, components), ensure_ascii=False)
        parts += ["-H", "'Content-Type: application/json'", "-d", f"'{payload}'"]
    parts.append(f"'{url}'")
    return code_text(" ".join(parts))


def read_operation(path: str, method: str, operation: dict, components: dict, base_url: str) -> Operation:
    parameters = operation.get("parameters", [])
    body = json_schema_of(operation.get("requestBody", {}).get("content"))
    answers, example_status, example = [], "", ""
    # django-ninja's schema keys the answers by number (JSON makes them text).
    for code, answer in sorted(operation.get("responses", {}).items(), key=lambda item: str(item[0])):
        status = str(code)
        schema = json_schema_of(answer.get("content"))
        answers.append(
            Answer(
                status=status,
                description=answer_description(status, answer.get("description", "")),
                type=type_html(schema, components) if schema else None,
            )
        )
        if not example and status.startswith("2") and schema:
            example_status = status
            example = code_text(json.dumps(example_value(schema, components), ensure_ascii=False, indent=2))
    return Operation(
        anchor=operation.get("operationId") or f"{method}-{path}",
        method=method.upper(),
        path=path,
        summary=operation.get("summary", ""),
        description=operation.get("description", ""),
        parameters=[parameter_field(parameter, components) for parameter in parameters],
        body_type=type_html(body, components) if body else None,
        answers=answers,
        example_request=example_request(method, path, parameters, body, components, base_url),
        example_answer_status=example_status,
        example_answer=example,
    )


def group_titles() -> dict[str, str]:
    """The tag of each plugin's routes (its label) and the plugin's name."""
    titles = {"site": _("站点")}
    for plugin in plugins.get_plugins():
        titles[plugin.label] = str(plugin.describe()["name"])
    return titles


def read_schema(schema: dict, base_url: str = "") -> Documentation:
    """The documentation of an OpenAPI 3 schema (as django-ninja produces it)."""
    components = schema.get("components", {}).get("schemas", {})
    titles = group_titles()
    groups: dict[str, Group] = {}
    for path, operations in schema.get("paths", {}).items():
        for method in METHODS:
            if method not in operations:
                continue
            operation = operations[method]
            tag = (operation.get("tags") or ["site"])[0]
            group = groups.setdefault(tag, Group(anchor=f"group-{tag}", title=titles.get(tag, tag)))
            group.operations.append(read_operation(path, method, operation, components, base_url))
    structures = [
        Structure(
            name=name,
            anchor=structure_anchor(name),
            description=component.get("description", ""),
            fields=structure_fields(component, components),
        )
        for name, component in sorted(components.items())
    ]
    info = schema.get("info", {})
    return Documentation(
        title=info.get("title", ""),
        description=info.get("description", ""),
        version=info.get("version", ""),
        groups=list(groups.values()),
        structures=structures,
    )
