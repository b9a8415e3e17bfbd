"""The plugin import rule (docs/plugins.md) is enforced by import-linter in `make test`; these
tests prove the contract type behind it refuses what the rule forbids."""

import grimp
import pytest

from tests.importcontracts import PluginInterfaceContract


def contract():
    return PluginInterfaceContract(
        name="plugin interfaces",
        session_options={},
        contract_options={"core_packages": ["siteshell", "media", "search"]},
    )


def graph_with(*imports):
    graph = grimp.ImportGraph()
    for module in (
        "honors.apps",
        "memorials.apps",
        "memorials.interface",
        "memorials.models",
        "tests.recordnotes.apps",
        "tests.recordnotes.models",
        "honors.views",
        "search.views",
        "siteshell.views",
        "tests.helpers",
    ):
        graph.add_module(module)
    for importer, imported in imports:
        graph.add_import(importer=importer, imported=imported, line_number=3, line_contents=f"import {imported}")
    return graph


def broken(*imports):
    check = contract().check(graph_with(*imports), verbose=False)
    return [(item["importer"], item["imported"]) for item in check.metadata["broken"]]


def test_a_plugin_may_import_the_interface_of_a_plugin_it_requires():
    assert broken(("tests.recordnotes.models", "memorials.interface")) == []


@pytest.mark.parametrize(
    "importer, imported",
    [
        ("tests.recordnotes.models", "memorials.models"),  # required, but not through the interface
        ("honors.views", "memorials.interface"),  # interface, but honors does not require memorials
        ("honors.views", "memorials.models"),
        ("search.views", "honors.views"),  # a service never imports a plugin
        ("siteshell.views", "memorials.interface"),  # nor does the shell
    ],
)
def test_imports_that_break_the_rule_are_reported(importer, imported):
    assert broken((importer, imported)) == [(importer, imported)]


def test_imports_inside_a_plugin_and_from_tests_are_free():
    assert broken(("memorials.interface", "memorials.models"), ("tests.helpers", "memorials.models")) == []
