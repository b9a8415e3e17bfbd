"""Template tags of the shell, for every plugin's templates: ``{% load siteshell_tags %}``."""

import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from siteshell import languages
from siteshell.extensions import render_extension_point

register = template.Library()

# The same escapes as Django's json_script: nothing in the data can close the <script> element.
_JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.simple_tag
def json_ld(data):
    """``<script type="application/ld+json">`` for schema.org structured data (``None``: nothing)."""
    if not data:
        return ""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, sort_keys=True).translate(_JSON_SCRIPT_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))


@register.simple_tag(takes_context=True)
def extension_point(context, name, **kwargs):
    """What other plugins add at the extension point ``name`` (see ``siteshell.extensions``)."""
    return render_extension_point(name, context.get("request"), **kwargs)


@register.simple_tag
def content_language():
    """The language editors write in, for ``lang="…"`` on what they wrote (``siteshell.languages``)."""
    return languages.content_language()


@register.filter
def in_content_language(value):
    """``value`` in a ``<span lang="…">`` of the content language, e.g. inside ``blocktranslate``."""
    return languages.in_content_language(value)
