"""No template reaches into another plugin's templates: a plugin adds to another plugin's pages
only through extension points (docs/plugins.md), and the shell and services name no plugin."""

import re
from pathlib import Path

from django.apps import apps

from siteshell.plugins import get_plugins

TEMPLATE_REFERENCE = re.compile(r"""{%\s*(?:include|extends|import|from)\s+["']([a-z0-9_]+)/""")


def content_plugin_labels():
    return {plugin.label for plugin in get_plugins() if getattr(plugin.PluginMeta, "category", "content") != "service"}


def templates_of(app_config):
    folder = Path(app_config.path) / "templates"
    return sorted(folder.rglob("*.html")) if folder.is_dir() else []


def test_no_template_includes_or_extends_another_plugins_templates():
    plugins = content_plugin_labels()
    offenders = []
    for label in ["siteshell", "media", "search", *sorted(plugins)]:
        for template in templates_of(apps.get_app_config(label)):
            for referenced in TEMPLATE_REFERENCE.findall(template.read_text(encoding="utf-8")):
                if referenced in plugins and referenced != label:
                    offenders.append(f"{template}: {referenced}/")
    assert offenders == []


def test_the_check_sees_template_references():
    assert TEMPLATE_REFERENCE.findall('{% include "memorials/includes/pager.html" %}') == ["memorials"]
    assert TEMPLATE_REFERENCE.findall("{% extends 'base.html' %}") == []
