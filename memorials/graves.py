"""墓位 (grave position) as bureaus write it: ``A区3排12号``, ``A-3-12``, ``3-12``."""

from __future__ import annotations

import re

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


def format_grave(section: str, row: str, number: str) -> str:
    """``A区3排12号``: the notation :func:`parse_grave` reads back (exports round-trip, so it
    is data, not a translated label)."""
    parts = []
    if section:
        parts.append(f"{section}区")
    if row:
        parts.append(f"{row}排")
    if number:
        parts.append(f"{number}号")
    return "".join(parts)
