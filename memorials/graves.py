"""墓位 (grave position) as bureaus write it: ``A区3排12号``, ``A-3-12``, ``3-12``.

Shown to people in their language (:func:`format_grave`: ``A区3排12号`` / ``Section A, Row 3,
No. 12``), in lists and exports in the notation the parser reads back (:func:`grave_notation`).
"""

from __future__ import annotations

import re

from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.translation import pgettext

_GRAVE = re.compile(r"^(?:(?P<section>[^区排号]+)区)?(?:(?P<row>[^区排号]+)排)?(?:(?P<number>[^区排号]+)号)?$")


def parse_grave(text: str) -> tuple[str, str, str]:
    """``A区3排12号`` / ``A-3-12`` / ``3-12`` → (section, row, number); ``ValueError`` otherwise."""
    text = text.replace(" ", "")
    if not text:
        return "", "", ""
    match = _GRAVE.match(text)
    if match and any(match.groupdict().values()):
        return tuple(match.group(key) or "" for key in ("section", "row", "number"))
    parts = [part for part in re.split(r"[-/—－_]", text) if part]
    if len(parts) == 3:
        return tuple(parts)
    if len(parts) == 2:
        return "", parts[0], parts[1]
    if len(parts) == 1:
        return "", "", parts[0]
    raise ValueError(text)


def grave_notation(section: str, row: str, number: str) -> str:
    """``A区3排12号`` in every language: the notation :func:`parse_grave` reads back (exports
    round-trip, so it is data, not a translated label)."""
    parts = []
    if section:
        parts.append(f"{section}区")
    if row:
        parts.append(f"{row}排")
    if number:
        parts.append(f"{number}号")
    return "".join(parts)


def format_section(section: str, mark=None) -> str:
    """``A区`` / ``Section A``: a cemetery section in the active language (see :func:`format_grave`
    for ``mark``)."""
    return _format(pgettext("grave position", "%(section)s区"), {"section": section}, mark)


def format_grave(section: str, row: str, number: str, mark=None) -> str:
    """The grave position in the active language: ``A区3排12号`` / ``Section A, Row 3, No. 12``.

    ``mark``, when given, is applied to each value (section, row, number) before it goes into
    the text, which then comes back as HTML: e.g. to mark a section named in Chinese with the
    content language on the English site.
    """
    parts = []
    if section:
        parts.append(format_section(section, mark))
    if row:
        parts.append(_format(pgettext("grave position", "%(row)s排"), {"row": row}, mark))
    if number:
        parts.append(_format(pgettext("grave position", "%(number)s号"), {"number": number}, mark))
    if not parts:
        return ""
    text = parts[0]
    for part in parts[1:]:
        # Translators: joins two parts of a grave position: 3区 + 2排 → 3区2排 / Section 3, Row 2.
        joined = pgettext("joins the parts of a grave position", "%(first)s%(next)s")
        text = _format(joined, {"first": text, "next": part}, None if mark is None else _as_is)
    return text


def _as_is(value):
    return value


def _format(template: str, values: dict, mark) -> str:
    if mark is None:
        return template % values
    return mark_safe(
        conditional_escape(template) % {key: conditional_escape(mark(value)) for key, value in values.items()}
    )
