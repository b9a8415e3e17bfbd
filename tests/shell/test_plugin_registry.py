"""The plugin contract: discovery, metadata, contributions, isolation of a broken plugin."""

import logging
from types import SimpleNamespace

import pytest

from siteshell import plugins
from siteshell.models import HomePage
from siteshell.plugins import PluginConfig, get_plugins, resolve_enabled_plugins


def test_configured_plugins_are_enabled_in_order():
    assert resolve_enabled_plugins(["honors", "memorials"], discovered=[]) == ["honors", "memorials"]


def test_a_plugin_can_be_switched_off_by_module_or_by_label():
    assert resolve_enabled_plugins(["honors", "memorials"], disabled=["honors"], discovered=[]) == ["memorials"]
    assert resolve_enabled_plugins(["tests.sampleplugin"], disabled=["sampleplugin"], discovered=[]) == []


def test_entry_point_plugins_are_added_once_and_can_be_disabled():
    found = resolve_enabled_plugins(["honors"], discovered=["thirdparty_plugin", "honors"])
    assert found == ["honors", "thirdparty_plugin"]
    assert resolve_enabled_plugins(["honors"], disabled=["thirdparty_plugin"], discovered=["thirdparty_plugin"]) == [
        "honors"
    ]


def test_entry_points_are_read_from_the_plugin_group(monkeypatch):
    calls = []

    def fake_entry_points(group):
        calls.append(group)
        return [SimpleNamespace(value="thirdparty_plugin")]

    monkeypatch.setattr(plugins, "entry_points", fake_entry_points)
    assert plugins.entry_point_plugins() == ["thirdparty_plugin"]
    assert calls == [plugins.ENTRY_POINT_GROUP]


@pytest.mark.plugin("sampleplugin")
def test_enabled_plugins_are_found_through_their_app_config():
    labels = [plugin.label for plugin in get_plugins()]
    assert "sampleplugin" in labels
    assert "media" in labels


@pytest.mark.plugin("sampleplugin")
def test_plugin_metadata_is_described_as_plain_strings():
    sample = next(plugin for plugin in get_plugins() if plugin.label == "sampleplugin")
    assert sample.describe() == {
        "label": "sampleplugin",
        "name": "示例模块",
        "version": "1.0.0",
        "description": "测试用模块：纪念活动报道",
        "author": "测试",
        "category": "content",
    }


@pytest.mark.plugin("sampleplugin")
def test_only_declared_page_types_may_be_created_under_the_home_page():
    from tests.sampleplugin.models import SampleIndexPage, SampleStoryPage

    assert SampleIndexPage in HomePage.allowed_subpage_models()
    assert SampleStoryPage not in HomePage.allowed_subpage_models()


def test_a_broken_plugin_is_logged_and_skipped(monkeypatch, caplog, rf):
    class Broken:
        label = "broken"

        def navigation(self, request):
            raise RuntimeError("boom")

    monkeypatch.setattr(plugins, "get_plugins", lambda: [Broken()])
    with caplog.at_level(logging.ERROR):
        assert plugins.navigation(rf.get("/")) == []
    assert "broken" in caplog.text


@pytest.mark.plugin("sampleplugin")
def test_search_documents_are_collected_from_plugins():
    from tests.sampleplugin.models import SampleStoryPage

    assert SampleStoryPage in plugins.search_documents()


@pytest.mark.django_db
@pytest.mark.plugin("sampleplugin")
def test_declared_staff_groups_exist_after_migrate(home_page):
    from django.contrib.auth.models import Group
    from wagtail.models import GroupPagePermission

    from tests.sampleplugin.models import SampleIndexPage

    group = Group.objects.get(name="示例模块编辑")
    assert group.permissions.filter(codename="access_admin").exists()
    # Page rights go on the plugin's sections (tests/shell/test_section_rights.py), not the root.
    section = home_page.add_child(instance=SampleIndexPage(title="纪念活动", slug="huodong"))
    grants = GroupPagePermission.objects.filter(group=group)
    assert set(grants.values_list("page_id", "permission__codename")) == {
        (section.id, "add_page"),
        (section.id, "change_page"),
    }


def test_plugin_base_class_is_not_picked_as_an_app_default():
    assert PluginConfig.default is False

    class Example(PluginConfig):
        name = "example"

    assert Example.default is True


@pytest.mark.plugin("sampleplugin")
def test_public_urls_of_a_plugin_live_in_its_own_namespace(client):
    from django.urls import reverse

    assert reverse("sampleplugin:story_count") == "/sample-stories/count/"
    assert reverse("search:page") == "/search/"


@pytest.mark.plugin("sampleplugin")
def test_search_examples_are_collected_from_plugins(rf):
    assert "清明祭扫" in plugins.search_examples(rf.get("/search/"))
