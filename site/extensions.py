"""Extension points: how one plugin adds to another plugin's public pages.

A page that offers an extension point renders ``{% extension_point "memorials.record.actions"
record=record %}`` (``{% load siteshell_tags %}``). Every function registered under that name
with Wagtail's hook registry (``@hooks.register("memorials.record.actions")``) is called with
the request and the keyword arguments and returns HTML (or ``None`` for nothing); the results
are joined in hook order. The offering page never imports a contributor, and a contributor
that is switched off simply registers nothing. A contributor that raises is logged and
skipped: the page still renders.

The plugin that offers a point declares it (``siteshell.plugins.ExtensionPoint``) in
:meth:`PluginConfig.extension_points`, so the
admin page 设置 → 功能模块 and ``docs/plugins.md`` can list it.
"""

from __future__ import annotations

import logging

from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from wagtail import hooks

logger = logging.getLogger(__name__)


def render_extension_point(name: str, request, **context) -> str:
    """The HTML every contributor to ``name`` returns, joined (safe; plain strings escaped)."""
    parts = []
    for contributor in hooks.get_hooks(name):
        try:
            html = contributor(request, **context)
        except Exception:
            logger.exception(
                "Extension point %s: contributor %s failed", name, getattr(contributor, "__qualname__", contributor)
            )
            continue
        if html:
            parts.append(conditional_escape(html))
    return mark_safe("".join(parts))
