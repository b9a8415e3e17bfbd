"""A plugin may need another (``PluginMeta.requires``): without it, it is left out as a whole,
with a warning at start-up and a line in 设置 → 功能模块; a plugin made for another shell
version is reported by the system checks."""

import logging

import pytest
from django.core import checks
from django.test import override_settings
from django.urls import reverse

from siteshell.checks import plugins_are_compatible_and_satisfied
from siteshell.plugins import LeftOutPlugin, get_plugins, satisfy_requirements


def test_a_plugin_whose_requirement_is_enabled_is_kept():
    kept, left_out = satisfy_requirements(["memorials", "tests.recordnotes"])
    assert kept == ["memorials", "tests.recordnotes"]
    assert left_out == []


def test_a_plugin_whose_requirement_is_off_is_left_out_with_the_reason():
    kept, left_out = satisfy_requirements(["honors", "tests.recordnotes"])
    assert kept == ["honors"]
    assert left_out == [LeftOutPlugin("tests.recordnotes", "recordnotes", ("memorials",))]


def test_services_count_as_available_requirements(monkeypatch):
    from tests.recordnotes.apps import RecordNotesConfig

    monkeypatch.setattr(RecordNotesConfig.PluginMeta, "requires", ("search",))
    assert satisfy_requirements(["tests.recordnotes"], available_labels=["search"]) == (["tests.recordnotes"], [])


def test_a_chain_of_requirements_falls_together(monkeypatch):
    from tests.sampleplugin.apps import SamplePluginConfig

    # sampleplugin needs recordnotes, which needs memorials: without memorials both go.
    monkeypatch.setattr(SamplePluginConfig.PluginMeta, "requires", ("recordnotes",), raising=False)
    kept, left_out = satisfy_requirements(["honors", "tests.recordnotes", "tests.sampleplugin"])
    assert kept == ["honors"]
    assert {plugin.label for plugin in left_out} == {"recordnotes", "sampleplugin"}


def plugin(label):
    return next(p for p in get_plugins() if p.label == label)


@pytest.mark.plugin("recordnotes")
def test_the_checks_pass_for_the_plugins_of_this_site():
    assert [m for m in plugins_are_compatible_and_satisfied() if m.level >= checks.WARNING] == []


@pytest.mark.plugin("recordnotes")
@pytest.mark.parametrize(
    "compatibility, error_id",
    [(">=2.0", "siteshell.E001"), ("<1.0", "siteshell.E001"), ("version one", "siteshell.E002")],
)
def test_a_plugin_for_another_shell_version_is_an_error(monkeypatch, compatibility, error_id):
    monkeypatch.setattr(plugin("recordnotes").PluginMeta, "compatibility", compatibility)
    errors = [m for m in plugins_are_compatible_and_satisfied() if m.level >= checks.ERROR]
    assert [(m.id, m.obj.label) for m in errors] == [(error_id, "recordnotes")]


@pytest.mark.plugin("recordnotes")
def test_a_plugin_installed_without_its_requirement_is_an_error(monkeypatch):
    monkeypatch.setattr(plugin("recordnotes").PluginMeta, "requires", ("memorials", "oralhistory"))
    errors = [m for m in plugins_are_compatible_and_satisfied() if m.level >= checks.ERROR]
    assert [(m.id, "oralhistory" in m.msg) for m in errors] == [("siteshell.E003", True)]


def test_a_left_out_plugin_is_a_warning_and_a_line_on_the_admin_page(admin_client, home_page):
    left_out = [LeftOutPlugin("tributes", "tributes", ("memorials",))]
    with override_settings(PLUGINS_LEFT_OUT=left_out):
        warnings = [m for m in plugins_are_compatible_and_satisfied() if m.id == "siteshell.W001"]
        html = admin_client.get(reverse("siteshell_admin:plugins")).content.decode()
    assert len(warnings) == 1 and "tributes" in warnings[0].msg
    assert "未启用：需要 memorials" in html


def test_a_left_out_plugin_is_logged_at_start_up(caplog):
    from django.apps import apps

    left_out = [LeftOutPlugin("tributes", "tributes", ("memorials",))]
    with override_settings(PLUGINS_LEFT_OUT=left_out), caplog.at_level(logging.WARNING, "siteshell.plugins"):
        apps.get_app_config("siteshell").ready()
    assert "Plugin tributes is left out: it requires memorials" in caplog.text
