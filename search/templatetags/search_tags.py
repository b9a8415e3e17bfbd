from django import template
from django.utils.http import urlencode

register = template.Library()

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
