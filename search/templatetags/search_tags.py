import re

from django import template
from django.utils.html import format_html
from django.utils.http import urlencode

from siteshell.languages import content_language

register = template.Library()

#: Chinese characters, CJK punctuation and full-width forms: a query with any of them is marked
#: as Chinese when it is shown back on the page.
CHINESE = re.compile("[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef\U00020000-\U0003134f]")

KEPT_PARAMETERS = ("q", "type", "region", "period")


@register.simple_tag(takes_context=True)
def search_url(context, **changes):
    """The search page URL with the current query and filters, some of them changed.

    Changing a filter goes back to page 1; ``value=""`` removes a filter.
    """
    request = context["request"]
    params = {name: request.GET.get(name, "") for name in KEPT_PARAMETERS}
    params.update({name: str(value) for name, value in changes.items()})
    if "page" not in changes:
        params.pop("page", None)
    query = urlencode({name: value for name, value in params.items() if value not in ("", "1") or name == "q"})
    return f"{request.path}?{query}"


@register.simple_tag(takes_context=True)
def search_url_with(context, name, value):
    return search_url(context, **{name: value})


@register.simple_tag(takes_context=True)
def search_url_without(context, name):
    return search_url(context, **{name: ""})


@register.filter
def get_item(mapping, key):
    return (mapping or {}).get(key, "")


@register.filter
def as_typed(query):
    """The visitor's query as shown back (escaped), in a ``<span lang>`` of the content language
    when it is written in Chinese, so that an English page reads it as Chinese (WCAG 3.1.2); a
    query in Latin letters (pinyin, English) is left as it is."""
    if query and CHINESE.search(str(query)):
        return format_html('<span lang="{}">{}</span>', content_language(), query)
    return query
