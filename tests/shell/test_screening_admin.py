"""The sensitive-word list in the admin (敏感词库 under 设置): listing, adding one or many
words, the test box, permissions, the audit log; the starter list and the loading command."""

import pytest
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.core.management.base import CommandError
from wagtail.models import ModelLogEntry

from siteshell.screening import WordCategory, invalidate, screen
from siteshell.screening.models import SensitiveWord
from siteshell.screening.wordlists import starter_words

LIST_URL = "/admin/snippets/screening/sensitiveword/"
BULK_URL = LIST_URL + "bulk-add/"
TEST_URL = LIST_URL + "test/"


@pytest.fixture(autouse=True)
def fresh_automaton(settings):
    settings.SCREENING_CHECK_SECONDS = None
    invalidate()
    yield
    invalidate()


def logged_actions(word):
    content_type = ContentType.objects.get_for_model(SensitiveWord)
    return list(
        ModelLogEntry.objects.filter(content_type=content_type, object_id=str(word.pk)).values_list("action", flat=True)
    )


@pytest.fixture
def staff(db, django_user_model):
    """A staff member who may use the admin; each test grants the word permissions it needs."""

    def make(*codenames):
        user = django_user_model.objects.create_user("shenheyuan", "reviewer@example.gov.cn", "correct-horse-battery")
        user.user_permissions.add(
            Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
        )
        for codename in codenames:
            user.user_permissions.add(Permission.objects.get(content_type__app_label="screening", codename=codename))
        return user

    return make


# -- starter list --------------------------------------------------------------------------------


def test_the_starter_list_is_loaded_on_a_fresh_database(db):
    shipped = starter_words()
    assert SensitiveWord.objects.count() == len(shipped)
    counts = {category: SensitiveWord.objects.filter(category=category).count() for category in WordCategory.values}
    assert counts["insult"] >= 20 and counts["spam"] >= 20 and counts["obscenity"] >= 20
    assert 1 <= counts["politics"] <= 20
    assert set(SensitiveWord.objects.values_list("category", "word")) == set(shipped)
    result = screen("本群可代開發票，加 微 信 详谈；还有人歪曲英烈事迹。")
    assert {"代开发票", "加微信", "歪曲英烈事迹"} <= set(result.words)
    assert not result.bulk_approvable


def test_the_starter_migration_only_adds_what_is_missing(db):
    from importlib import import_module

    from django.apps import apps

    migration = import_module("siteshell.screening.migrations.0002_starter_words")
    kept = SensitiveWord.objects.get(word="刷单")
    kept.category = WordCategory.OBSCENITY  # staff changed it: the migration must not undo that
    kept.save()
    SensitiveWord.objects.filter(word="代开发票").delete()
    SensitiveWord.objects.create(word="代 開 發 票", category=WordCategory.SPAM)  # another spelling
    SensitiveWord.objects.filter(word="裸聊").delete()
    before = SensitiveWord.objects.count()

    migration.load_starter_words(apps, None)
    migration.load_starter_words(apps, None)

    assert SensitiveWord.objects.count() == before + 1
    assert SensitiveWord.objects.filter(word="裸聊").exists()
    assert not SensitiveWord.objects.filter(word="代开发票").exists()
    assert SensitiveWord.objects.get(word="刷单").category == WordCategory.OBSCENITY


# -- listing and single words ------------------------------------------------------------------


def test_the_list_is_in_chinese_with_a_category_filter_and_search(admin_client):
    response = admin_client.get(LIST_URL)
    page = response.content.decode()
    assert response.status_code == 200
    for text in ["敏感词库", "添加 敏感词", "批量添加", "检测文本", "类别", "添加时间", "广告/垃圾信息"]:
        assert text in page, text
    spam = admin_client.get(LIST_URL, {"category": "spam"}).content.decode()
    assert "代开发票" in spam and "歪曲英烈事迹" not in spam
    found = admin_client.get(LIST_URL, {"q": "英烈"}).content.decode()
    assert "歪曲英烈事迹" in found and "代开发票" not in found


def test_the_list_sits_in_the_settings_menu(rf, superuser):
    from wagtail.admin.menu import settings_menu

    request = rf.get("/admin/")
    request.user = superuser
    items = {str(item.label): item.url for item in settings_menu.menu_items_for_request(request)}
    assert items["敏感词库"] == LIST_URL


def test_adding_a_word_records_who_and_logs_it(admin_client, superuser):
    response = admin_client.post(LIST_URL + "add/", {"word": " 兼职打字员 ", "category": "spam", "note": "近期多发"})
    assert response.status_code == 302
    word = SensitiveWord.objects.get(word="兼职打字员")
    assert (word.created_by, word.normalised, word.note) == (superuser, "兼职打字员", "近期多发")
    assert logged_actions(word) == ["wagtail.create"]
    assert screen("招聘兼职打字员").words == ("兼职打字员",)


def test_a_duplicate_in_another_spelling_is_explained_not_an_error(admin_client):
    response = admin_client.post(LIST_URL + "add/", {"word": "代 開 發 票", "category": "spam"})
    assert response.status_code == 200
    assert "词库中已有“代开发票”（广告/垃圾信息）" in response.content.decode()
    assert not SensitiveWord.objects.filter(word="代 開 發 票").exists()


def test_deleting_a_word_is_logged_and_stops_matching(admin_client):
    word = SensitiveWord.objects.get(word="刷单")
    assert screen("帮人刷单").flagged
    response = admin_client.post(LIST_URL + f"delete/{word.pk}/")
    assert response.status_code == 302
    assert not SensitiveWord.objects.filter(pk=word.pk).exists()
    assert "wagtail.delete" in logged_actions(word)
    assert not screen("帮人刷单").flagged


# -- bulk add ----------------------------------------------------------------------------------


def test_bulk_add_reports_duplicates_and_bad_lines(admin_client, superuser):
    pasted = "网赚项目\n刷 单\n\n代開發票，网赚项目、注册送彩金\n操\n！！！\n" + "长" * 51
    response = admin_client.post(BULK_URL, {"words": pasted, "category": "spam", "note": "举报汇总"})
    page = response.content.decode()
    assert response.status_code == 200
    added = SensitiveWord.objects.filter(note="举报汇总")
    assert sorted(added.values_list("word", flat=True)) == ["注册送彩金", "网赚项目"]
    assert all(word.created_by == superuser and word.category == "spam" for word in added)
    assert all(logged_actions(word) == ["wagtail.create"] for word in added)
    assert "已添加2个敏感词" in page
    assert "已在词库中，跳过 3 个" in page  # 刷 单, 代開發票, and 网赚项目 given twice
    assert "无法添加 3 个" in page
    assert "至少要有2个字" in page and "不能只由空格、标点或符号组成" in page and "不能超过50个字" in page
    assert screen("新的网赚项目").words == ("网赚项目",)


def test_bulk_add_with_nothing_new_or_nothing_at_all(admin_client):
    page = admin_client.post(BULK_URL, {"words": "刷单\n加微信", "category": "spam"}).content.decode()
    assert "没有添加新词" in page and "已在词库中，跳过 2 个" in page
    empty = admin_client.post(BULK_URL, {"words": " \n，", "category": "spam"})
    assert empty.status_code == 200 and "请至少输入一个词" in empty.content.decode()
    no_category = admin_client.post(BULK_URL, {"words": "网赚项目", "category": "nonsense"})
    assert no_category.status_code == 200 and not SensitiveWord.objects.filter(word="网赚项目").exists()


def test_bulk_add_page_is_in_chinese(admin_client):
    page = admin_client.get(BULK_URL).content.decode()
    for text in ["批量添加敏感词", "每行一个词", "侮辱英烈", "政治敏感", "色情低俗", "返回敏感词库"]:
        assert text in page, text


# -- test box ----------------------------------------------------------------------------------


def test_the_test_box_shows_the_words_a_text_hits(admin_client):
    response = admin_client.post(TEST_URL, {"text": "有人说邱少云烤肉，还让人加 微 信"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "命中 2 个敏感词" in page and "邱少云烤肉" in page and "加微信" in page
    assert "不允许批量通过" in page
    clean = admin_client.post(TEST_URL, {"text": "清明节祭扫烈士陵园"}).content.decode()
    assert "没有命中词库中的词" in clean
    assert "请粘贴要检测的文本" in admin_client.post(TEST_URL, {"text": ""}).content.decode()
    too_long = admin_client.post(TEST_URL, {"text": "长" * 20_001}).content.decode()
    assert "文本太长：最多20000个字" in too_long


# -- permissions -------------------------------------------------------------------------------


def test_viewers_may_list_and_test_but_not_add(client, staff):
    client.force_login(staff("view_sensitiveword"))
    assert client.get(LIST_URL).status_code == 200
    assert "批量添加" not in client.get(LIST_URL).content.decode()
    assert client.post(TEST_URL, {"text": "加微信"}).status_code == 200
    assert client.get(BULK_URL).status_code in (302, 403)  # Wagtail sends the refused back home
    assert client.post(BULK_URL, {"words": "网赚项目", "category": "spam"}).status_code in (302, 403)
    assert not SensitiveWord.objects.filter(word="网赚项目").exists()


def test_adders_may_bulk_add(client, staff):
    user = staff("view_sensitiveword", "add_sensitiveword")
    client.force_login(user)
    client.post(BULK_URL, {"words": "网赚项目", "category": "spam"})
    assert SensitiveWord.objects.get(word="网赚项目").created_by == user


def test_staff_without_word_permissions_see_nothing(client, staff):
    client.force_login(staff())
    for url in (LIST_URL, BULK_URL, TEST_URL):
        assert client.get(url).status_code in (302, 403), url


# -- command -----------------------------------------------------------------------------------


def test_the_command_adds_a_bureau_list(db, tmp_path, capsys):
    listing = tmp_path / "words.txt"
    listing.write_text("# 本局补充\ninsult\t英烈不如狗\nspam\t刷单\nspam\t网赚项目\n", encoding="utf-8")
    call_command("load_sensitive_words", str(listing), note="本局补充")
    assert "新添加 2 个，词库中已有 1 个" in capsys.readouterr().out
    assert SensitiveWord.objects.get(word="英烈不如狗").category == WordCategory.INSULT

    plain = tmp_path / "plain.txt"
    plain.write_text("彩票内幕\n网赚项目\n", encoding="utf-8")
    call_command("load_sensitive_words", str(plain), category="spam")
    assert SensitiveWord.objects.get(word="彩票内幕").category == WordCategory.SPAM


def test_the_command_names_a_bad_line(db, tmp_path):
    listing = tmp_path / "words.txt"
    listing.write_text("spam\t刷单\n广告 刷单\n", encoding="utf-8")
    with pytest.raises(CommandError, match="第2行"):
        call_command("load_sensitive_words", str(listing))
