"""Text as bureaus type it and as the archive stores it: half-width letters and digits,
trimmed cells, plain text ↔ the rich text of 生平事迹.

Pure functions, below the models: the importer, the models and the demo all use them.
"""

from __future__ import annotations

import html
import re

from django.utils.html import strip_tags

#: Full-width digits and Latin letters to ASCII; Chinese punctuation stays as written.
_HALF_WIDTH = {code: code - 0xFEE0 for code in [*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B), *range(0xFF41, 0xFF5B)]}
_HALF_WIDTH[0x3000] = 0x20
_SPACES = re.compile(r"[ \t\u3000]+")


def half_width(text: str) -> str:
    return text.translate(_HALF_WIDTH)


def clean_text(value) -> str:
    """Cell → text: full-width letters and digits to half-width, spaces trimmed and collapsed."""
    if value is None or value == "":
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).translate(_HALF_WIDTH)  # the ideographic space becomes a space too
    if "  " in text or "\t" in text:
        text = _SPACES.sub(" ", text)
    return text.strip()


def text_to_richtext(text: str) -> str:
    """Plain text (one paragraph per line) to the rich text HTML stored in 生平事迹."""
    paragraphs = [line.strip() for line in (text or "").splitlines() if line.strip()]
    return "".join(f"<p>{html.escape(paragraph)}</p>" for paragraph in paragraphs)


def richtext_to_text(value: str) -> str:
    """Rich text HTML back to plain text, one line per paragraph."""
    return strip_tags((value or "").replace("</p>", "</p>\n")).strip()
