"""A whole site with whatever plugins are enabled: demo content loads and every public door opens.

`tests/shell/test_plugins_switched_off.py` runs this module again with each plugin switched
off in turn (environment variable SMOKE_DISABLED_PLUGIN names the one that is off).
"""

import os
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction

from siteshell.plugins import get_plugins

pytestmark = pytest.mark.django_db

DISABLED = os.environ.get("SMOKE_DISABLED_PLUGIN", "")


def _demo_scope(fixture_name, config):
    """Once for the module in a switch-off run (a process of its own, on a database of its own,
    that runs only this module: loading the demo takes most of its time); once per test, inside
    the test's transaction, when the module runs in the suite, whose other tests must not meet
    the demo content."""
    return "module" if DISABLED else "function"


@pytest.fixture(scope=_demo_scope)
def demo_site(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo", "--admin-password", "smoke-test-password", stdout=StringIO())


def test_disabled_plugin_is_really_off():
    assert DISABLED not in [plugin.label for plugin in get_plugins()]


def test_home_page_and_every_navigation_entry_open(client, demo_site):
    response = client.get("/")
    assert response.status_code == 200
    navigation = response.context["site_navigation"]()
    for item in navigation:
        assert client.get(item.url).status_code == 200, item


def test_admin_works_for_staff(client, demo_site):
    assert client.login(username="admin", password="smoke-test-password")
    assert client.get("/admin/").status_code == 200
    assert client.get("/admin/pages/").status_code == 200
    assert client.get("/admin/plugins/").status_code == 200


def test_api_schema_lists_only_enabled_plugins(client, demo_site):
    paths = client.get("/api/openapi.json").json()["paths"]
    assert "/api/site" in paths
    if DISABLED:
        assert not [path for path in paths if path.startswith(f"/api/{DISABLED}/")]
    assert client.get("/api/site").status_code == 200
    assert client.get("/api/pages").status_code == 200


@pytest.mark.plugin("memorials")
def test_a_martyr_record_opens(client, demo_site):
    """With any plugin that adds to it switched off (the tribute halls), the record page works."""
    from memorials.interface import published_records, record_url

    record = published_records().get(external_id="DEMO-HJG")
    assert client.get(record_url(record)).status_code == 200


def test_health_and_sitemap(client, demo_site):
    assert client.get("/healthz").status_code == 200
    assert client.get("/sitemap.xml").status_code == 200


def test_plugins_that_need_the_disabled_one_are_left_out_and_listed(client, demo_site):
    from django.conf import settings

    installed = {plugin.label for plugin in get_plugins()}
    for plugin in get_plugins():
        assert set(getattr(plugin.PluginMeta, "requires", ())) <= installed | set(settings.SERVICE_APPS), plugin.label
    left_out = {plugin.label: plugin.missing for plugin in settings.PLUGINS_LEFT_OUT}
    if DISABLED == "memorials":
        # tests/recordnotes (and the tribute halls, when configured) require memorials: they go
        # with it, as a whole.
        assert left_out["recordnotes"] == ("memorials",)
        assert set(left_out.values()) == {("memorials",)}
        assert not installed & set(left_out)
    assert client.login(username="admin", password="smoke-test-password")
    page = client.get("/admin/plugins/").content.decode()
    for label, missing in left_out.items():
        assert f"未启用：需要 {'、'.join(missing)}" in page, label
