"""The public search page: Chinese messages, facets, pagination, accessibility."""

import pytest

pytestmark = pytest.mark.django_db


def test_header_search_box_points_to_the_search_page(client, home_page):
    page = client.get("/").content.decode()
    assert 'action="/search/"' in page


def test_empty_search_page_offers_tips(client, home_page):
    page = client.get("/search/").content.decode()
    assert "可以这样搜索" in page and "huangjiguang" in page
    assert '<label class="search-form__label" for="search-page-q">' in page


def test_no_result_page_explains_what_to_try(client, stories):
    page = client.get("/search/", {"q": "不存在的内容"}).content.decode()
    assert "没有找到与“不存在的内容”相关的内容" in page
    assert "减少关键词" in page


def test_symbols_only_query_asks_for_words(client, stories):
    page = client.get("/search/", {"q": "🙂！！"}).content.decode()
    assert "请输入文字或拼音" in page


def test_results_count_is_announced_to_screen_readers(client, stories):
    page = client.get("/search/", {"q": "退役军人"}).content.decode()
    assert 'role="status" aria-live="polite"' in page
    assert "找到 2 条与“退役军人”相关的结果" in page


def test_query_is_escaped_when_shown_back(client, stories):
    page = client.get("/search/", {"q": "<img src=x onerror=alert(1)>烈士"}).content.decode()
    assert "<img src=x" not in page
    assert "&lt;img src=x onerror=alert(1)&gt;烈士" in page


def test_type_facet_links_keep_the_query(client, stories):
    page = client.get("/search/", {"q": "烈士"}).content.decode()
    assert "type=sampleplugin.samplestorypage" in page and "q=%E7%83%88%E5%A3%AB" in page


def test_pagination_links(client, publish_story):
    for number in range(12):
        publish_story(f"烈士事迹{number}", "烈士生平")
    page = client.get("/search/", {"q": "烈士"}).content.decode()
    assert 'rel="next"' in page and "page=2" in page and "第 1 / 2 页" in page
    second = client.get("/search/", {"q": "烈士", "page": "2"}).content.decode()
    assert 'rel="prev"' in second and 'start="11"' in second


def test_bad_parameters_give_a_normal_page(client, stories):
    for params in ({"q": "烈士", "page": "-3"}, {"q": "烈士", "page": "x"}, {"q": "烈士", "type": "x" * 500}):
        assert client.get("/search/", params).status_code == 200
    assert client.post("/search/", {"q": "烈士"}).status_code == 405
