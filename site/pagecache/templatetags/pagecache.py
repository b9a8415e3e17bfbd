from django import template
from django.utils.safestring import mark_safe

from siteshell.pagecache import live as fragments

register = template.Library()


@register.simple_tag(takes_context=True)
def live(context, name, *args):
    """``{% live "tributes.counters" record.pk %}``: computed on every serve, also from the cache
    (:func:`siteshell.pagecache.register_live`). The value is escaped unless it is safe HTML."""
    return mark_safe(fragments.render(context["request"], name, *args))
