"""What the honors plugin contributes to the shell: home strip, navigation, search, groups."""

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.utils import translation

from siteshell import plugins
from siteshell.groups import sync_staff_groups

pytestmark = pytest.mark.django_db


def test_plugin_describes_itself_in_chinese():
    described = apps.get_app_config("honors").describe()
    assert described["name"] == "荣誉风采"
    assert described["category"] == "content"


def test_home_page_shows_the_showcase_strip_with_a_link_to_the_roll(client, honour_roll):
    html = client.get("/").content.decode()
    assert "风采展示" in html
    assert "马振华" in html and "草稿人物" not in html and "内部人物" not in html
    assert f'href="{honour_roll.index.url}"' in html


def test_home_page_has_no_empty_strip_when_nothing_is_published(client, home_page, honor_index):
    html = client.get("/").content.decode()
    assert "风采展示" not in html
    sections = apps.get_app_config("honors").home_sections(None, home_page)
    assert list(sections) == [None]


def test_navigation_lists_only_live_public_honour_rolls(rf, honor_index, home_page):
    labels = [item.label for item in plugins.navigation(rf.get("/"))]
    assert "最美退役军人风采" in labels
    honor_index.unpublish()
    labels = [item.label for item in plugins.navigation(rf.get("/"))]
    assert "最美退役军人风采" not in labels


def test_profiles_are_offered_to_the_search_service_with_their_honours():
    from honors.models import ProfilePage

    assert ProfilePage in plugins.search_documents()
    indexed = {field.field_name for field in ProfilePage.get_search_fields()}
    assert {"title", "summary", "story", "region", "honours_text"} <= indexed


def test_search_text_names_every_honour(honour_roll):
    assert honour_roll.profiles.han.honours_text() == "2023年市级第三届“最美退役军人志愿者”；2021年市级第二届“最美军嫂”"


def test_search_text_stays_in_chinese_when_an_english_editor_publishes(honour_roll):
    from honors.models import ProfilePage

    han = ProfilePage.objects.get(pk=honour_roll.profiles.han.pk)
    with translation.override("en"):
        assert str(han.latest_honour) == "2023 Municipal 第三届 “最美退役军人志愿者”"
        assert han.honours_text() == "2023年市级第三届“最美退役军人志愿者”；2021年市级第二届“最美军嫂”"


def test_editors_group_may_manage_rounds_and_titles(home_page):
    from honors.models import HonorIndexPage

    index = home_page.add_child(instance=HonorIndexPage(title="荣誉风采", slug="rongyu"))
    sync_staff_groups()
    group = Group.objects.get(name="荣誉风采编辑")
    codenames = set(group.permissions.values_list("codename", flat=True))
    assert {"add_selectionround", "change_selectionround", "add_honourtitle", "access_admin"} <= codenames
    # On the honour roll, not the root (tests/shell/test_section_rights.py).
    assert set(group.page_permissions.values_list("page_id", flat=True)) == {index.id}
    assert group.page_permissions.filter(permission__codename="add_page").exists()


def test_the_editors_group_keeps_its_chinese_name_when_migrate_runs_in_english(home_page):
    with translation.override("en"):
        sync_staff_groups()
        groups = apps.get_app_config("honors").staff_groups()
        assert str(groups[0].name) == "Honour roll editors"  # as the admin lists it
    assert Group.objects.filter(name="荣誉风采编辑").exists()
    assert not Group.objects.filter(name="Honour roll editors").exists()


def test_visitors_find_a_profile_by_its_honour_title_or_region(honour_roll):
    from honors.models import ProfilePage

    found = {page.title for page in ProfilePage.objects.live().public().search("志愿者")}
    assert "韩雪梅" in found and "周立军" not in found
    assert {page.title for page in ProfilePage.objects.live().public().search("西山区")} == {"陈秀兰", "马振华"}
    assert ProfilePage.search_facet_fields == {"region": "region"}


def test_search_page_examples_are_the_newest_profile_and_its_honour(rf, honour_roll):
    from honors.models import ProfilePage

    ProfilePage.objects.filter(pk=honour_roll.profiles.chen.pk).update(first_published_at="2099-01-01T00:00:00Z")
    assert apps.get_app_config("honors").search_examples(rf.get("/search/")) == ["陈秀兰", "最美军嫂"]
    assert {"陈秀兰", "最美军嫂"} <= set(plugins.search_examples(rf.get("/search/")))


def test_no_search_examples_while_no_profile_is_published(rf, honor_index, django_assert_max_num_queries):
    with django_assert_max_num_queries(2):  # the view restrictions, then one row
        assert apps.get_app_config("honors").search_examples(rf.get("/search/")) == []


def test_the_profile_page_declares_where_other_plugins_may_add_to_it():
    (point,) = apps.get_app_config("honors").extension_points()
    assert point.name == "honors.profile.after_story" and point.context == ("profile",)
    assert point in plugins.extension_points()
