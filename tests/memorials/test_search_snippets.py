"""A martyr record found by the site-wide search shows its facts with their labels (籍贯 …,
生前单位 …, 战役/事件 …) instead of running them together."""

import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.django_db


def snippet_of(client, query, **params):
    page = BeautifulSoup(client.get("/search/", {"q": query, **params}).content.decode(), "html.parser")
    return page.find("p", class_="search-hit__snippet")


def test_a_records_facts_are_labelled_in_the_result(client, archive, make_record):
    make_record(
        name="黄继光",
        native_place="四川省中江县",
        unit="中国人民志愿军第15军",
        battle="上甘岭战役",
        death_place="朝鲜上甘岭",
        burial_place="沈阳抗美援朝烈士陵园",
        biography="在上甘岭战役中舍身堵枪眼。",
    )
    snippet = snippet_of(client, "黄继光")
    facts = [
        (fact.find(class_="search-hit__label").get_text(), fact.get_text())
        for fact in snippet.select(".search-hit__fact")
    ]
    assert facts == [
        ("籍贯：", "籍贯：四川省中江县"),
        ("生前单位：", "生前单位：中国人民志愿军第15军"),
        ("战役/事件：", "战役/事件：上甘岭战役"),
        ("牺牲地点：", "牺牲地点：朝鲜上甘岭"),
        ("安葬地：", "安葬地：沈阳抗美援朝烈士陵园"),
    ]
    # The rest of the text follows on its own, without the facts again.
    assert snippet.find(class_="search-hit__text").get_text() == "在上甘岭战役中舍身堵枪眼。"


def test_the_query_is_marked_inside_a_labelled_fact(client, archive, make_record):
    make_record(name="邱少云", native_place="四川省铜梁县", battle="平康战役")
    snippet = snippet_of(client, "平康")
    battle = [fact for fact in snippet.select(".search-hit__fact") if "战役/事件" in fact.get_text()][0]
    assert battle.find("mark").get_text() == "平康"


def test_empty_facts_are_left_out(client, archive, make_record):
    make_record(name="杨根思", native_place="江苏省泰兴县", unit="", battle="", death_place="", burial_place="")
    snippet = snippet_of(client, "杨根思")
    assert [fact.get_text() for fact in snippet.select(".search-hit__fact")] == ["籍贯：江苏省泰兴县"]


def test_the_labels_are_in_the_visitors_language_and_say_so(client, archive, make_record):
    make_record(name="黄继光", native_place="四川省中江县")
    client.cookies["django_language"] = "en"
    snippet = snippet_of(client, "黄继光")
    label = snippet.find(class_="search-hit__label")
    assert label["lang"] == "en"
    assert snippet["lang"] == "zh-hans"  # the facts themselves are what editors wrote
