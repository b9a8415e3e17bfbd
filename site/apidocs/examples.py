"""Example values built from a JSON schema (OpenAPI 3): what a request body or an answer of an
operation looks like, for the API documentation page.

Placeholders follow the declared types (``"string"``, ``1``, ``true``); an ``example``,
``default`` or the first ``enum`` value is used where the schema gives one.
"""

from __future__ import annotations

#: How deep references are followed before an object is left empty (schemas may nest).
MAX_DEPTH = 5

STRING_FORMATS = {
    "date": "2026-04-04",
    "date-time": "2026-04-04T09:30:00+08:00",
    "time": "09:30:00",
    "uri": "https://example.gov.cn/",
    "email": "office@example.gov.cn",
    "uuid": "00000000-0000-0000-0000-000000000000",
}


def resolve(node: dict, components: dict) -> tuple[dict, str | None]:
    """The schema a ``$ref`` points at (and its name), or the node itself."""
    ref = node.get("$ref", "") if isinstance(node, dict) else ""
    if ref.startswith("#/components/schemas/"):
        name = ref.rsplit("/", 1)[-1]
        return components.get(name, {}), name
    return node or {}, None


def non_null_branch(node: dict) -> dict | None:
    """``anyOf: [X, {type: null}]`` (an optional value) as ``X``."""
    for key in ("anyOf", "oneOf"):
        branches = [branch for branch in node.get(key, ()) if branch.get("type") != "null"]
        if branches:
            return branches[0]
    return None


def example_value(node: dict, components: dict, depth: int = 0):
    """An example of a value that fits ``node``."""
    node, _name = resolve(node, components)
    if depth > MAX_DEPTH:
        return {}
    if "example" in node:
        return node["example"]
    if node.get("examples"):
        return node["examples"][0]
    if node.get("default") is not None:
        return node["default"]
    if node.get("enum"):
        return node["enum"][0]
    branch = non_null_branch(node)
    if branch is not None:
        return example_value(branch, components, depth + 1)
    if node.get("allOf"):
        merged = {}
        for part in node["allOf"]:
            value = example_value(part, components, depth + 1)
            if isinstance(value, dict):
                merged.update(value)
        return merged
    kind = node.get("type")
    if kind == "object" or "properties" in node:
        return {name: example_value(prop, components, depth + 1) for name, prop in node.get("properties", {}).items()}
    if kind == "array":
        return [example_value(node.get("items", {}), components, depth + 1)]
    if kind == "integer":
        minimum = node.get("minimum")
        return int(minimum) if minimum is not None and minimum > 1 else 1
    if kind == "number":
        return 1.5
    if kind == "boolean":
        return True
    if kind == "string":
        return STRING_FORMATS.get(node.get("format", ""), "string")
    return None
