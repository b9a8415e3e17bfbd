"""Result snippets with the query's words marked, HTML-escaped before anything is marked."""

import re

from django.utils.html import escape, format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext

from search import analysis, documents


def _pattern(words):
    words = [w for w in words if w]
    if not words:
        return None
    return re.compile("|".join(re.escape(word) for word in sorted(words, key=len, reverse=True)), re.IGNORECASE)


def highlight(text, query, *, length=None):
    """``text`` (or a window of ``length`` characters around the first match) as safe HTML.

    Matching runs on the text as stored and, for traditional characters, on its simplified
    form (same length), so the visitor sees the original characters marked.
    """
    text = " ".join(str(text or "").split())
    pattern = _pattern(analysis.highlight_words(query))
    if length is not None and len(text) > length:
        start = 0
        if pattern is not None:
            match = pattern.search(_searchable(text))
            if match:
                start = max(0, match.start() - length // 4)
        window = text[start : start + length]
        text = ("…" if start else "") + window + ("…" if start + length < len(text) else "")
    if pattern is None:
        return mark_safe(escape(text))  # noqa: S308 (escaped above)
    searchable = _searchable(text)
    if len(searchable) != len(text):
        searchable = text
    parts, last = [], 0
    for match in pattern.finditer(searchable):
        parts.append(escape(text[last : match.start()]))
        parts.append(f"<mark>{escape(text[match.start() : match.end()])}</mark>")
        last = match.end()
    parts.append(escape(text[last:]))
    return mark_safe("".join(parts))  # noqa: S308 (every piece is escaped)


def _searchable(text):
    return analysis.normalize(text)


def result_snippet(obj, query, *, length):
    """A result's snippet as safe HTML: its labelled facts (``search_result_fields``, e.g.
    籍贯 …, 生前单位 …, 战役/事件 …), then a window of ``length`` characters of its other text,
    the query's words marked in both. The labels are the site's words, marked with the
    visitor's language inside a snippet that is in the content language."""
    facts = documents.result_fields(obj)
    names = getattr(type(obj), "search_result_fields", ()) or ()
    text = highlight(documents.result_text(obj, without=names), query, length=length)
    if not facts:
        return text
    language = get_language()
    facts_html = format_html_join(
        " ",
        '<span class="search-hit__fact"><span class="search-hit__label" lang="{}">{}</span>{}</span>',
        ((language, gettext("%(label)s：") % {"label": label}, highlight(value, query)) for label, value in facts),
    )
    if not text:
        return format_html('<span class="search-hit__facts">{}</span>', facts_html)
    return format_html(
        '<span class="search-hit__facts">{}</span> <span class="search-hit__text">{}</span>', facts_html, text
    )
