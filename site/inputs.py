"""Range-checked request parameters, shared by the JSON API and the HTML pages.

Anything a visitor puts in a URL reaches the database only inside these limits: a number that
no column can hold (``?page=99999999999999999999``, an id of 2⁶³) or a NUL byte, which
PostgreSQL refuses in text, would otherwise end as an error page.

- HTML pages read a parameter with :func:`bounded_int` (``None`` — the first page, no filter —
  for anything out of range) and clean free text with :func:`clean_text` / :func:`clean_query`.
- API operations declare their parameters with :func:`id_path`, :func:`page_query`,
  :func:`choice_field` and :class:`BoundedPageNumberPagination`: the OpenAPI schema then states
  the limits (``minimum``/``maximum``/``enum``/``maxLength``), and django-ninja answers a value
  outside them with a 422 (in Chinese, see ``siteshell.api_errors``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from django.http import QueryDict
from ninja import Field, Path, Query, Schema
from ninja.conf import settings as ninja_settings
from ninja.pagination import PageNumberPagination

#: The largest id any table may hold (a signed 64-bit ``bigint``).
MAX_ID = 2**63 - 1
#: The deepest page of a numbered list one may ask for.
MAX_PAGE = 10_000
#: Years that make sense for people and events of the archive and the honour roll.
MIN_YEAR, MAX_YEAR = 1800, 2100
#: The longest free-text filter or search value that is read (anything longer is cut).
MAX_TEXT_LENGTH = 200

#: NUL and the other C0 control characters except tab and line breaks; lone surrogates.
_UNWANTED = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff]")


def bounded_int(value, *, minimum: int = 1, maximum: int = MAX_ID, default: int | None = None) -> int | None:
    """``value`` (as a request gives it: text, a number or ``None``) as an integer between
    ``minimum`` and ``maximum``; ``default`` for anything else (garbage, ``1e309``, ``-1``,
    a number too large for the database)."""
    if isinstance(value, bool):
        return default
    if isinstance(value, str):
        value = value.strip()
        if not value or len(value) > 25 or not re.fullmatch(r"[+-]?\d+", value):
            return default
    try:
        number = int(value)
    except (TypeError, ValueError, OverflowError):
        return default
    return number if minimum <= number <= maximum else default


def clean_text(value, *, max_length: int | None = MAX_TEXT_LENGTH) -> str:
    """``value`` as text without NUL bytes, other control characters or lone surrogates
    (which PostgreSQL or the encoders refuse), cut to ``max_length`` characters."""
    if value is None:
        return ""
    text = _UNWANTED.sub("", str(value))
    return text[:max_length] if max_length is not None else text


def clean_query(data: QueryDict | dict | None, *, max_length: int | None = MAX_TEXT_LENGTH):
    """A copy of a request's GET parameters with every value cleaned by :func:`clean_text`,
    for filter sets and forms that pass the values to the database; ``None`` stays ``None``."""
    if data is None:
        return None
    if isinstance(data, QueryDict):
        cleaned = QueryDict(mutable=True)
        for key, values in data.lists():
            cleaned.setlist(clean_text(key, max_length=None), [clean_text(v, max_length=max_length) for v in values])
        return cleaned
    return {clean_text(key, max_length=None): clean_text(value, max_length=max_length) for key, value in data.items()}


def has_unwanted_characters(value: str) -> bool:
    """Whether ``value`` holds a NUL byte, another control character or a lone surrogate."""
    return bool(_UNWANTED.search(value))


# -- django-ninja parameters --------------------------------------------------------------


def id_path(description=None):
    """A path parameter that is an object's id (1 … 2⁶³−1)."""
    return Path(..., ge=1, le=MAX_ID, description=description)


def page_query(default: int = 1, description=None):
    """``?page=``: 1 … :data:`MAX_PAGE`."""
    return Query(default, ge=1, le=MAX_PAGE, description=description)


def choice_field(default, values: Iterable, *, description=None, **kwargs):
    """A schema field whose values are one of ``values``: the schema lists them (``enum``),
    and the operation itself answers another value (with a message listing the choices), as
    its filter set does for the HTML page."""
    values = list(values)
    return Field(default, description=description, json_schema_extra={"enum": values}, **kwargs)


class BoundedPageNumberPagination(PageNumberPagination):
    """django-ninja's numbered pages with the limits stated: ``page`` 1 … :data:`MAX_PAGE`,
    ``page_size`` 1 … ``NINJA_PAGINATION_MAX_PER_PAGE_SIZE``."""

    class Input(Schema):
        page: int = Field(1, ge=1, le=MAX_PAGE)
        page_size: int | None = Field(None, ge=1, le=ninja_settings.PAGINATION_MAX_PER_PAGE_SIZE)
