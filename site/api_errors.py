"""How the public JSON API answers what it cannot serve: always JSON, always in the visitor's
language, never Django's HTML error page.

- 404 ``{"detail": "没有找到……"}`` for an object that does not exist (or is not public);
- 422 ``{"detail": "page 不能大于 10000", "errors": [{"loc": …, "type": …, "msg": …}]}`` for
  a parameter that does not fit its declared type or range (django-ninja's validation);
- 400 ``{"detail": "…"}`` for a value the operation refuses itself (a filter value outside its
  choices) and, as a last resort, for input the database could not take (a number beyond its
  range, a NUL byte in text on PostgreSQL): logged, so that the route can be given a proper
  range check, but never a 500 for the visitor;
- 500 ``{"detail": "…"}`` for a real fault, reported like any server error (logged, the
  ``got_request_exception`` signal).

:func:`document_error_answers` adds these answers to every operation of the OpenAPI schema.
"""

from __future__ import annotations

import logging

from django.core.signals import got_request_exception
from django.db import DataError, IntegrityError
from django.http import Http404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext
from ninja import Schema
from ninja.errors import ValidationError

logger = logging.getLogger("siteshell.api")

SAFE_METHODS = ("GET", "HEAD", "OPTIONS")


class ErrorOut(Schema):
    detail: str


class ValidationIssueOut(Schema):
    loc: list[str | int]
    type: str
    msg: str


class ValidationErrorOut(Schema):
    """422: ``errors`` lists the parameters that did not fit their type or range; a 422 that
    an operation gives itself (a filter value that matches nothing) has ``detail`` only."""

    detail: str
    errors: list[ValidationIssueOut] = []


# -- 422: parameters that do not fit ------------------------------------------------------


def _parameter(loc) -> str:
    names = [str(part) for part in loc[1:] if not isinstance(part, int)] if len(loc) > 1 else [str(p) for p in loc]
    return ".".join(names) or _("请求")


def issue_message(error: dict) -> str:
    """One validation error of pydantic as a sentence: ``page 不能大于 10000``."""
    kind = error.get("type", "")
    context = error.get("ctx") or {}
    values = {"parameter": _parameter(error.get("loc", ())), **{key: str(value) for key, value in context.items()}}
    if kind in ("int_parsing", "int_type", "int_from_float"):
        return _("%(parameter)s 须为整数") % values
    if kind in ("float_parsing", "float_type", "decimal_parsing", "finite_number"):
        return _("%(parameter)s 须为数字") % values
    if kind in ("bool_parsing", "bool_type"):
        return _("%(parameter)s 须为 true 或 false") % values
    if kind == "greater_than_equal":
        return _("%(parameter)s 不能小于 %(ge)s") % values
    if kind == "greater_than":
        return _("%(parameter)s 须大于 %(gt)s") % values
    if kind == "less_than_equal":
        return _("%(parameter)s 不能大于 %(le)s") % values
    if kind == "less_than":
        return _("%(parameter)s 须小于 %(lt)s") % values
    if kind == "string_too_long":
        return _("%(parameter)s 不能超过 %(max_length)s 个字符") % values
    if kind == "string_too_short":
        return _("%(parameter)s 至少需要 %(min_length)s 个字符") % values
    if kind == "json_invalid":
        return _("请求内容不是有效的 JSON")
    if kind == "missing":
        return _("缺少参数 %(parameter)s") % values
    if kind in ("literal_error", "enum") and "expected" in values:
        return _("%(parameter)s 取值无效，可选：%(expected)s") % values
    if kind in ("date_parsing", "date_from_datetime_parsing", "datetime_parsing"):
        return _("%(parameter)s 日期格式不正确") % values
    return _("%(parameter)s 取值无效") % values


def validation_error(request, exc: ValidationError, api):
    issues = [
        {"loc": list(error.get("loc", ())), "type": str(error.get("type", "")), "msg": issue_message(error)}
        for error in exc.errors
    ]
    separator = pgettext("between the messages of an error", "；")
    detail = separator.join(issue["msg"] for issue in issues) if issues else _("请求参数有误")
    return api.create_response(request, {"detail": detail, "errors": issues}, status=422)


# -- 404, 400 and 500 ---------------------------------------------------------------------


def not_found_message():
    return _("没有找到所请求的内容，它可能尚未公开或已被删除。")


def not_found(request, exc, api):
    return api.create_response(request, {"detail": not_found_message()}, status=404)


def unusable_input(request, exc, api):
    """Input the database could not take: a 400, logged so that the route gets a range check."""
    if isinstance(exc, IntegrityError) and request.method not in SAFE_METHODS:
        return server_error(request, exc, api)  # a write that conflicts is a fault, not bad input
    logger.warning("API input the database could not take: %s %s", request.method, request.path, exc_info=exc)
    return api.create_response(request, {"detail": _("请求参数超出了可以处理的范围，请检查后重试。")}, status=400)


def server_error(request, exc, api):
    """A real fault: reported as Django reports one, answered as JSON."""
    logger.error("Internal Server Error: %s", request.path, exc_info=exc)
    # django-ninja calls the handlers inside its ``except`` clause: receivers (error reporting,
    # the test client) find the exception in ``sys.exc_info()``.
    got_request_exception.send(sender=None, request=request)
    return api.create_response(request, {"detail": _("服务暂时出了问题，请稍后再试。")}, status=500)


def install_error_handlers(api):
    """Register the handlers above on a ``NinjaAPI``."""
    api.add_exception_handler(ValidationError, lambda request, exc: validation_error(request, exc, api))
    api.add_exception_handler(Http404, lambda request, exc: not_found(request, exc, api))
    for kind in (OverflowError, DataError, IntegrityError):
        api.add_exception_handler(kind, lambda request, exc: unusable_input(request, exc, api))
    api.add_exception_handler(Exception, lambda request, exc: server_error(request, exc, api))


# -- the OpenAPI schema ---------------------------------------------------------------------

ERROR_ANSWERS = {
    "400": (gettext_lazy("参数取值无效，或超出了可以处理的范围"), "ErrorOut"),
    "404": (gettext_lazy("没有找到（不存在、尚未公开或已被删除）"), "ErrorOut"),
    "422": (gettext_lazy("参数类型或范围不符合要求"), "ValidationErrorOut"),
}


def _error_components():
    components = {}
    for model in (ErrorOut, ValidationErrorOut):
        schema = model.model_json_schema(ref_template="#/components/schemas/{model}")
        components.update(schema.pop("$defs", {}))
        components[model.__name__] = schema
    return components


def document_error_answers(schema):
    """Add the error answers to every operation of an OpenAPI ``schema`` (in place): 400 for
    every operation, 422 for one with parameters, 404 for one with a path parameter. An
    answer an operation documents itself is kept."""
    schemas = schema.setdefault("components", {}).setdefault("schemas", {})
    for name, component in _error_components().items():
        schemas.setdefault(name, component)
    for operations in schema.get("paths", {}).values():
        for operation in operations.values():
            if not isinstance(operation, dict) or "responses" not in operation:
                continue
            parameters = operation.get("parameters", [])
            codes = ["400"]
            if parameters:
                codes.append("422")
            if any(parameter.get("in") == "path" for parameter in parameters):
                codes.append("404")
            for code in codes:
                description, component = ERROR_ANSWERS[code]
                operation["responses"].setdefault(
                    code,
                    {
                        "description": description,
                        "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{component}"}}},
                    },
                )
    return schema
