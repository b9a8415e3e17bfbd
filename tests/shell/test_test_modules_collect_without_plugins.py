"""No test module imports a plugin's models at module level, directly or through another module
(an interface, views, factories that look models up): with the plugin switched off such a module
could not even be collected. Imports inside tests and fixtures are free."""

import ast
from pathlib import Path

from siteshell.plugins import get_plugins

ROOT = Path(__file__).resolve().parents[2]
#: Top-level packages and their folders (the shell lives in site/, imported as siteshell).
PACKAGES = {
    "siteshell": "site",
    "media": "media",
    "search": "search",
    "honors": "honors",
    "memorials": "memorials",
    "tests": "tests",
}


def module_files():
    """``{module name: file}`` for every Python file of the project's packages."""
    files = {}
    for package, folder in PACKAGES.items():
        for path in (ROOT / folder).rglob("*.py"):
            parts = list(path.relative_to(ROOT / folder).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            files[".".join([package, *parts])] = path
    return files


def module_level_imports(path, module=""):
    """Modules imported by the statements at the top level of a file (not inside functions)."""
    is_package = path.name == "__init__.py"
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = module.split(".")[: len(module.split(".")) - node.level + (1 if is_package else 0)]
                base = ".".join([*parent, base]) if base else ".".join(parent)
            yield base
            yield from (f"{base}.{alias.name}" for alias in node.names)


def imports_at_load(start, files):
    """Every project module loaded when ``start`` is imported (parents included)."""
    seen, stack = set(), [start]
    while stack:
        module = stack.pop()
        candidates = [".".join(module.split(".")[:i]) for i in range(1, module.count(".") + 2)]
        for name in candidates:
            if name in files and name not in seen:
                seen.add(name)
                stack.extend(module_level_imports(files[name], name))
    return seen


def plugin_models():
    return {
        f"{plugin.name}.models" for plugin in get_plugins() if getattr(plugin.PluginMeta, "category", "") != "service"
    }


def test_no_test_module_imports_a_plugins_models_at_module_level():
    files = module_files()
    models = plugin_models()
    offenders = []
    for module, path in sorted(files.items()):
        if module.startswith("tests.") and (path.name.startswith("test_") or path.name == "conftest.py"):
            loaded = imports_at_load(module, files)
            offenders += [f"{module} loads {target}" for target in sorted(models & loaded)]
    assert offenders == []


def test_the_check_follows_module_level_imports_only():
    files = module_files()
    # The interface imports the models at its top: importing it loads them.
    assert "memorials.models" in imports_at_load("memorials.interface", files)
    # The search tests' fixtures import the sample plugin inside themselves: nothing loaded.
    assert "tests.sampleplugin.models" not in imports_at_load("tests.search.conftest", files)
