"""The two languages of the site: the visitor's (the interface) and the content's.

Visitors choose the interface language (Chinese or English); what editors wrote — names,
biographies, titles, the bureau's address — stays in the language it was written in. On the
English site such text is marked with ``lang`` (WCAG 3.1.2), so that screen readers read it as
Chinese and browsers pick Chinese fonts: ``lang="{% content_language %}"`` on the element that
holds it, or ``{{ value|in_content_language }}`` (``{% load siteshell_tags %}``).
"""

from django.conf import settings
from django.utils.html import format_html
from django.utils.translation import pgettext


def content_language() -> str:
    """The language editors write in: the first of ``WAGTAIL_CONTENT_LANGUAGES``."""
    languages = getattr(settings, "WAGTAIL_CONTENT_LANGUAGES", None) or [(settings.LANGUAGE_CODE, "")]
    return languages[0][0]


def in_content_language(value):
    """``value`` (escaped) in a ``<span>`` that declares the content language; empty stays empty."""
    if value is None or value == "":
        return ""
    return format_html('<span lang="{}">{}</span>', content_language(), value)


def join_list(items) -> str:
    """Items joined the way the active language lists them (``甲、乙`` or ``A, B``)."""
    return pgettext("separator between the items of a list", "、").join(str(item) for item in items)
