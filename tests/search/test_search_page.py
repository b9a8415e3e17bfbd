"""The public search page: Chinese messages, facets, pagination, accessibility; the header's
search box with its suggestions while typing, as the server renders them."""

from urllib.parse import quote

import pytest
from bs4 import BeautifulSoup
from django.contrib.staticfiles import finders

from siteshell.urls import urlpatterns as site_urlpatterns

pytestmark = pytest.mark.django_db

# The site as it is when the search service is switched off: no search page, no search API.
urlpatterns = [pattern for pattern in site_urlpatterns if getattr(pattern, "namespace", None) not in {"search", "api"}]


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content.decode(), "html.parser")


def test_header_search_box_points_to_the_search_page(client, home_page):
    page = client.get("/").content.decode()
    assert 'action="/search/"' in page


def test_empty_search_page_offers_tips_and_the_enabled_plugins_examples(client, home_page):
    page = soup(client.get("/search/"))
    assert "可以这样搜索" in page.get_text()
    assert page.find("label", class_="search-form__label")["for"] == "search-page-q"
    # The sample plugin suggests 清明祭扫 (other enabled plugins add theirs); each example is a
    # search for it.
    examples = [(a.get_text(), a["href"]) for a in page.find("ul", class_="search-examples").find_all("a")]
    assert ("清明祭扫", "/search/?q=%E6%B8%85%E6%98%8E%E7%A5%AD%E6%89%AB") in examples
    assert all(href == "/search/?q=" + quote(text) for text, href in examples)


def test_a_name_among_the_examples_shows_how_to_type_names_in_pinyin(client, home_page, monkeypatch):
    monkeypatch.setattr("search.views.search_examples", lambda request: ["周立军", "清明祭扫"])
    help_text = soup(client.get("/search/")).find(id="search-page-help").get_text()
    assert "（如 zhoulijun、zlj）" in help_text


def test_without_content_plugins_the_search_page_offers_no_examples_and_names_no_content(
    client, home_page, monkeypatch
):
    monkeypatch.setattr("siteshell.plugins.get_plugins", list)
    response = client.get("/search/")
    page = soup(response)
    assert response.context["examples"] == []
    assert page.find(class_="search-examples") is None
    text = page.find("main").get_text()
    for plugin_specific in ("烈士", "黄继光", "huangjiguang", "代祭扫", "英烈", "中华英烈网", "最美"):
        assert plugin_specific not in text
    assert "（如" not in page.find(id="search-page-help").get_text()


def test_no_result_page_names_no_content_of_a_plugin(client, stories):
    text = soup(client.get("/search/", {"q": "不存在的内容"})).find(class_="search-empty").get_text()
    assert "中华英烈网" not in text and "烈士" not in text
    assert "0000-12345678" in text  # the bureau's service phone, from the site settings


def test_no_result_page_explains_what_to_try(client, stories):
    page = client.get("/search/", {"q": "不存在的内容"}).content.decode()
    assert '没有找到与“<span lang="zh-hans">不存在的内容</span>”相关的内容' in page
    assert "减少关键词" in page


def test_symbols_only_query_asks_for_words(client, stories):
    page = client.get("/search/", {"q": "🙂！！"}).content.decode()
    assert "请输入文字或拼音" in page


def test_results_count_is_announced_to_screen_readers(client, stories):
    page = client.get("/search/", {"q": "退役军人"}).content.decode()
    assert 'role="status" aria-live="polite"' in page
    assert '找到 2 条与“<span lang="zh-hans">退役军人</span>”相关的结果' in page


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


def test_header_box_is_a_suggestion_box_fed_by_the_suggest_api(client, home_page):
    page = soup(client.get("/"))
    box = page.find("input", id="site-search-q")
    assert box["data-suggest"] == "site-search-suggestions"
    assert box["maxlength"] == "100" and box["autocomplete"] == "off"
    # Without JavaScript it is a plain search box: the combobox roles come from the script.
    assert not box.has_attr("role") and not box.has_attr("aria-expanded")
    listbox = page.find(id="site-search-suggestions")
    assert listbox.name == "ul" and listbox["role"] == "listbox" and listbox.has_attr("hidden")
    assert listbox["aria-label"] == "搜索提示"
    assert listbox["data-url"] == "/api/search/suggest"
    status = page.find(id=listbox["data-status"])
    assert status["role"] == "status" and status["aria-live"] == "polite" and status.get_text() == ""
    assert listbox["data-count-one"] == listbox["data-count-other"] == "有{count}条建议"
    assert box.find_parent("form")["action"] == "/search/"


def test_header_loads_the_suggestion_module_once(client, home_page):
    page = soup(client.get("/"))
    assert [script["src"] for script in page.find_all("script", src=lambda src: "search/" in src)] == [
        "/static/search/suggest.js"
    ]
    assert page.find("link", href="/static/search/suggest.css")


def test_search_page_box_uses_the_same_module_as_the_header(client, home_page):
    page = soup(client.get("/search/"))
    box = page.find("input", id="search-page-q")
    assert box["data-suggest"] == "search-suggestions"
    listbox = page.find(id="search-suggestions")
    assert listbox["role"] == "listbox" and listbox["data-url"] == "/api/search/suggest"
    assert page.find(id=listbox["data-status"])["aria-live"] == "polite"
    # Two boxes, two listboxes with their own ids and live regions, one script.
    assert len(page.find_all(attrs={"role": "listbox"})) == 2
    assert len(page.find_all("script", src="/static/search/suggest.js")) == 1
    assert not page.find("script", src="/static/search/search.js")


def test_suggest_script_takes_its_url_from_the_page():
    script = open(finders.find("search/suggest.js"), encoding="utf-8").read()
    assert "/api/" not in script and "suggest?" not in script


def test_header_has_no_box_and_no_script_when_search_is_switched_off(client, home_page, settings):
    settings.ROOT_URLCONF = __name__
    page = soup(client.get("/"))
    assert page.find("form", role="search") is None
    assert page.find(id="site-search-q") is None
    assert not page.find_all("script", src=lambda src: "search/" in src)
    assert not page.find_all("link", href=lambda href: "search/" in href)
    assert page.find("a", attrs={"data-elder-toggle": True})  # the rest of the header is still there
