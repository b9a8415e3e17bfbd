"""The head of every page: its description, canonical address and Open Graph tags (base.html).

``{% capture as name %}…{% endcapture %}`` renders a part of a template once — typically a
``{% block %}`` a page template fills — so that base.html can put it in several tags (the
description in ``<meta name="description">`` and ``og:description``). Blocks inside it are
inherited like any other.
"""

import html

from django import template
from django.utils.encoding import iri_to_uri
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe

register = template.Library()

#: Search engines show about this many characters of a Chinese description.
DESCRIPTION_LENGTH = 120


class CaptureNode(template.Node):
    child_nodelists = ("nodelist",)

    def __init__(self, nodelist, name):
        self.nodelist = nodelist
        self.name = name

    def render(self, context):
        # What the nodes render is already escaped: it is kept as it is.
        context[self.name] = mark_safe(self.nodelist.render(context).strip())  # noqa: S308
        return ""


@register.tag
def capture(parser, token):
    """``{% capture as name %}…{% endcapture %}``: the rendered content as the variable ``name``."""
    bits = token.split_contents()
    if len(bits) != 3 or bits[1] != "as":
        raise template.TemplateSyntaxError("{% capture as name %} takes a variable name")
    nodelist = parser.parse(("endcapture",))
    parser.delete_first_token()
    return CaptureNode(nodelist, bits[2])


@register.filter
def meta_text(value, length=DESCRIPTION_LENGTH):
    """Rendered HTML as the plain text of a ``<meta>`` description: tags dropped, entities read,
    whitespace joined, cut at ``length`` characters (escaped again when it is output)."""
    # A rich-text intro arrives as escaped markup: read the entities first, then drop the tags.
    text = " ".join(strip_tags(html.unescape(str(value or ""))).split())
    length = int(length)
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


@register.simple_tag(takes_context=True)
def canonical_url(context):
    """The page's absolute address: ``canonical_url`` from the view when it set one, else the
    request's path on the request's Wagtail site (its root URL, e.g. ``https://example.gov.cn``),
    without the query string."""
    given = context.get("canonical_url")
    if given:
        return given
    request = context.get("request")
    if request is None:
        return ""
    from wagtail.models import Site

    site = Site.find_for_request(request)
    root = site.root_url if site is not None else request.build_absolute_uri("/").rstrip("/")
    return root + iri_to_uri(request.path)
