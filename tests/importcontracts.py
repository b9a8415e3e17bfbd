"""An import-linter contract type for the plugin rule of ``docs/plugins.md``.

A plugin may import another plugin only through the other plugin's ``interface`` module, and
only when it names that plugin in ``PluginMeta.requires``; the shell (``siteshell``) and the
services (``media``, ``search``) import no plugin at all. Plugins are found, as the shell finds
them, by the ``PluginConfig`` subclass in their ``apps.py`` (services have the category
``service``), so a new plugin is covered without editing the configuration.
"""

from __future__ import annotations

from importlinter import Contract, ContractCheck, fields, output


class PluginInterfaceContract(Contract):
    type_name = "plugin_interface"

    #: Packages that are the shell or a service: they may import no plugin.
    core_packages = fields.ListField(subfield=fields.StringField())

    def check(self, graph, verbose):
        plugins = discover_plugins(graph.modules)
        core = list(self.core_packages)
        broken = []
        for importer in sorted(graph.modules):
            importer_plugin = owner(importer, plugins)
            importer_is_core = any(importer == c or importer.startswith(c + ".") for c in core)
            if importer_plugin is None and not importer_is_core:
                continue  # tests, tools: not bound by the rule
            for imported in graph.find_modules_directly_imported_by(importer):
                imported_plugin = owner(imported, plugins)
                if imported_plugin is None or imported_plugin == importer_plugin:
                    continue
                reason = refusal(importer_plugin, imported_plugin, imported, plugins)
                if reason:
                    lines = [d["line_number"] for d in graph.get_import_details(importer=importer, imported=imported)]
                    broken.append({"importer": importer, "imported": imported, "lines": lines, "reason": reason})
        return ContractCheck(kept=not broken, metadata={"broken": broken})

    def render_broken_contract(self, check):
        for item in check.metadata["broken"]:
            lines = ", ".join(f"l.{line}" for line in item["lines"])
            output.print_error(f"{item['importer']} -> {item['imported']} ({lines}): {item['reason']}", bold=False)
            output.new_line()


def discover_plugins(modules) -> dict[str, dict]:
    """``{package: {"label": …, "requires": (…)}}`` for every package with a plugin ``apps.py``."""
    from siteshell.plugins import plugin_config_class, plugin_label

    plugins = {}
    for module in modules:
        if not module.endswith(".apps"):
            continue
        package = module.rsplit(".", 1)[0]
        config = plugin_config_class(package)
        meta = getattr(config, "PluginMeta", None)
        if config is None or getattr(meta, "category", "content") == "service":
            continue
        plugins[package] = {
            "label": plugin_label(package, config),
            "requires": tuple(getattr(meta, "requires", ()) or ()),
        }
    return plugins


def owner(module: str, plugins: dict[str, dict]) -> str | None:
    """The plugin package a module belongs to (the innermost, for plugins inside an area)."""
    candidates = [package for package in plugins if module == package or module.startswith(package + ".")]
    return max(candidates, key=len) if candidates else None


def refusal(importer_plugin, imported_plugin, imported, plugins) -> str:
    label = plugins[imported_plugin]["label"]
    if importer_plugin is None:
        return f"the shell and the services never import a plugin ({label})"
    if label not in plugins[importer_plugin]["requires"]:
        return f"{plugins[importer_plugin]['label']} does not declare requires = ({label!r},)"
    if imported != f"{imported_plugin}.interface":
        return f"only {imported_plugin}.interface may be imported from another plugin"
    return ""
