"""The Wagtail admin in Chinese, with the shell's settings and plugin overview."""

import pytest

pytestmark = pytest.mark.django_db


def test_admin_dashboard_is_chinese(admin_client, home_page):
    response = admin_client.get("/admin/")
    assert response.status_code == 200
    assert 'lang="zh-hans"' in response.content.decode()


def test_site_settings_are_editable(admin_client, home_page):
    for name in ("bureausettings", "displaysettings"):
        response = admin_client.get(f"/admin/settings/siteshell/{name}/")
        assert response.status_code in (200, 302)
        if response.status_code == 302:
            assert admin_client.get(response.headers["Location"]).status_code == 200


@pytest.mark.plugin("sampleplugin")
def test_plugin_overview_lists_enabled_plugins(admin_client, home_page):
    html = admin_client.get("/admin/plugins/").content.decode()
    assert "示例模块" in html and "/api/sampleplugin/" in html


@pytest.mark.plugin("sampleplugin")
def test_plugin_page_types_can_be_added_under_the_home_page(admin_client, home_page):
    response = admin_client.get(f"/admin/pages/{home_page.id}/add_subpage/")
    assert response.status_code in (200, 302)
    response = admin_client.get(f"/admin/pages/add/sampleplugin/sampleindexpage/{home_page.id}/")
    assert response.status_code == 200


@pytest.mark.plugin("sampleplugin")
def test_plugin_overview_lists_the_extension_points_plugins_offer(admin_client, home_page):
    html = admin_client.get("/admin/plugins/").content.decode()
    assert "sampleplugin.story.after_summary" in html and "报道页：摘要之后" in html
