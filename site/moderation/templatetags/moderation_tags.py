"""``{% report_link obj %}``: the small 举报 link beside public user content."""

from django import template
from django.template.loader import render_to_string
from django.urls import reverse

from siteshell.moderation.reports import make_token, title_of

register = template.Library()


@register.simple_tag(takes_context=True)
def report_link(context, obj):
    """A link to the public report form for ``obj``, carrying a signed token that names it
    (only what the site shows a link for can be reported)."""
    if obj is None or getattr(obj, "pk", None) is None:
        return ""
    url = reverse("moderation:report", args=[make_token(obj)])
    return render_to_string(
        "moderation/report_link.html", {"url": url, "title": title_of(obj)}, request=context.get("request")
    )
