"""Staff keep a list of synonyms in the admin (设置 → 搜索同义词): a visitor searching one word
finds the documents that use another word for the same thing."""

import pytest
from django.db import connection

from search import analysis, service
from search.models import SearchSynonym

pytestmark = [pytest.mark.django_db, pytest.mark.plugin("sampleplugin")]


@pytest.fixture(autouse=True)
def fresh_synonyms():
    """The groups are kept per process; what a test saved (and the database rolled back) must
    not stay for the next test."""
    analysis.refresh_synonyms()
    yield
    analysis.refresh_synonyms()


def titles(query):
    return [hit.plain_title for hit in service.search(query).hits]


def test_the_starter_list_comes_from_the_bureau_vocabulary():
    words = {word for group in SearchSynonym.objects.values_list("words", flat=True) for word in group.split("，")}
    assert {"抚恤", "抚恤金", "复员军人", "退伍军人", "烈属", "烈士家属", "抗美援朝", "朝鲜战争"} <= words


def test_a_starter_synonym_finds_the_other_wording(publish_story):
    publish_story("走访慰问烈士家属", "春节前走访慰问烈士家属，送去慰问金。")
    publish_story("朝鲜战争老兵口述史", "记录参加朝鲜战争的老兵回忆。")
    publish_story("抚恤金按时足额发放", "为优抚对象发放抚恤金。")
    assert titles("烈属") == ["走访慰问烈士家属"]
    assert titles("抗美援朝") == ["朝鲜战争老兵口述史"]
    assert titles("抚恤") == ["抚恤金按时足额发放"]


def test_the_synonym_is_highlighted(publish_story):
    publish_story("走访慰问烈士家属", "春节前走访慰问烈士家属。")
    hit = service.search("烈属").hits[0]
    assert "<mark>烈士家属</mark>" in hit.title or "<mark>烈士</mark><mark>家属</mark>" in hit.title


def test_staff_add_a_group_in_the_admin_and_the_action_is_logged(admin_client, publish_story):
    from wagtail.models import ModelLogEntry

    publish_story("红星连荣誉室开放", "红星连荣誉室向社会开放。")
    assert titles("陈列馆") == []
    response = admin_client.post(
        "/admin/snippets/search/searchsynonym/add/", {"words": "荣誉室、陈列馆", "note": "", "active": "on"}
    )
    assert response.status_code == 302
    group = SearchSynonym.objects.get(words="荣誉室，陈列馆")
    assert ModelLogEntry.objects.filter(object_id=str(group.pk), action="wagtail.create").exists()
    assert titles("陈列馆") == ["红星连荣誉室开放"]

    response = admin_client.post(f"/admin/snippets/search/searchsynonym/delete/{group.pk}/")
    assert response.status_code == 302
    assert ModelLogEntry.objects.filter(object_id=str(group.pk), action="wagtail.delete").exists()
    assert titles("陈列馆") == []


def test_the_synonyms_menu_is_in_the_settings(admin_client):
    response = admin_client.get("/admin/snippets/search/searchsynonym/")
    assert response.status_code == 200
    assert "抚恤，抚恤金" in response.content.decode()


@pytest.mark.parametrize(
    ("words", "message"),
    [
        ("抚恤", "请至少填写两个不同的词"),
        ("荣誉室，荣誉室", "请至少填写两个不同的词"),
        ("荣誉室，！！", "不是可以搜索的词"),
        ("荣誉室，烈属", "已在另一组同义词"),
    ],
)
def test_a_group_that_cannot_work_is_refused_in_chinese(admin_client, words, message):
    response = admin_client.post("/admin/snippets/search/searchsynonym/add/", {"words": words, "active": "on"})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not SearchSynonym.objects.filter(words__contains="荣誉室").exists()


def test_an_inactive_group_is_not_applied(publish_story):
    publish_story("走访慰问烈士家属", "春节前走访慰问烈士家属。")
    group = SearchSynonym.objects.get(words__startswith="烈属")
    group.active = False
    group.save()
    assert titles("烈属") == []


def test_a_group_saved_by_another_process_is_picked_up(settings, publish_story):
    publish_story("红星连荣誉室开放", "红星连荣誉室向社会开放。")
    settings.SEARCH_DICTIONARY_CHECK_SECONDS = 0  # as a web worker checks every 30 s
    analysis.refresh_synonyms()
    try:
        assert titles("陈列馆") == []
        SearchSynonym.objects.bulk_create([SearchSynonym(words="荣誉室，陈列馆")])  # no signal
        assert titles("陈列馆") == ["红星连荣誉室开放"]
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {SearchSynonym._meta.db_table} WHERE words = %s", ["荣誉室，陈列馆"])
        assert titles("陈列馆") == []
    finally:
        settings.SEARCH_DICTIONARY_CHECK_SECONDS = None


def test_a_synonym_of_several_words_matches_them_together():
    terms = analysis.query_terms("烈士家属 慰问")
    assert [term.word for term in terms] == ["烈士家属", "慰问"]
    assert terms[0].parts == ("烈士", "家属")
    alternatives = {tuple(sub.word for sub in alternative) for alternative in terms[0].alternatives}
    assert ("烈属",) in alternatives and len(alternatives) == 2  # and 烈士遗属
