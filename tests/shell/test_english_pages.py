"""A visitor who chose English reads the site's own text in English; what editors wrote (names,
titles, the bureau's address) keeps its Chinese and is marked ``lang="zh-hans"`` (WCAG 3.1.2).

The rule is ``tests.utils.english_page_problems``; these tests apply it to the shell's pages.
"""

import pytest
from django.test import RequestFactory
from django.utils import translation
from django.views.defaults import server_error

from siteshell.models import BureauSettings, DisplaySettings
from tests.utils import cjk_outside_user_content, english_page_problems

pytestmark = pytest.mark.django_db


@pytest.fixture
def home_page_in_full(home_page, settings, tmp_path):
    """The home page with everything the shell shows filled in: banner image, quick links, and
    every contact detail and filing number of the bureau."""
    from media.demo import make_image

    settings.MEDIA_ROOT = tmp_path / "media"

    home_page.hero_image = make_image("首页题图：英雄纪念碑", seed="english-hero", alt_text="纪念碑与红星图案")
    home_page.quick_links = [
        (
            "link",
            {"title": "网上祭英烈", "description": "为英烈献花、留言", "page": None, "url": "https://example.gov.cn/"},
        ),
        ("link", {"title": "为烈士寻亲", "description": "", "page": home_page, "url": ""}),
    ]
    home_page.save_revision().publish()
    bureau = BureauSettings.for_site(home_page.get_site())
    bureau.tagline = "崇尚英雄　缅怀先烈　关爱退役军人"
    bureau.postcode = "100000"
    bureau.office_hours = "工作日 8:30–12:00，14:00–17:30"
    bureau.icp_number = "示ICP备00000000号"
    bureau.police_record_number = "示公网安备00000000000000号"
    bureau.save()
    return home_page


def test_the_home_page_in_english_keeps_chinese_only_in_what_editors_wrote(client, home_page_in_full):
    assert english_page_problems(client, "/") == []


def test_editors_text_stays_chinese_and_says_so(client, home_page_in_full):
    client.cookies["django_language"] = "en"
    html = client.get("/").content.decode()

    assert '<h1 id="hero-title" lang="zh-hans">崇尚英雄 · 关爱退役军人</h1>' in html
    assert 'Address: <span lang="zh-hans">示范市人民路88号</span> (postcode 100000)' in html
    assert 'alt="纪念碑与红星图案" lang="zh-hans"' in html
    assert '<span aria-current="true" lang="en">English</span>' in html


def test_the_home_page_in_elder_mode_in_english(client, home_page_in_full):
    client.cookies["elder_mode"] = "1"
    assert english_page_problems(client, "/") == []
    client.cookies["django_language"] = "en"
    html = client.get("/").content.decode()
    assert "mode-elder" in html and "Leave large-text mode" in html


def test_the_home_page_in_mourning_mode_in_english(client, home_page_in_full):
    display = DisplaySettings.for_site(home_page_in_full.get_site())
    display.mourning_mode = DisplaySettings.MourningMode.ON
    display.save()
    assert 'class="mode-mourning' in client.get("/").content.decode()
    assert english_page_problems(client, "/") == []


@pytest.mark.plugin("sampleplugin")
def test_navigation_labels_are_page_titles_in_chinese(client, home_page):
    from tests.sampleplugin.models import SampleIndexPage

    index = SampleIndexPage(title="纪念活动", slug="events")
    home_page.add_child(instance=index)
    index.save_revision().publish()

    assert english_page_problems(client, "/") == []
    client.cookies["django_language"] = "en"
    assert f'<li lang="zh-hans"><a href="{index.url}">纪念活动</a></li>' in client.get("/").content.decode()


def test_the_404_page_in_english(client, home_page):
    assert client.get("/no-such-page/").status_code == 404
    assert english_page_problems(client, "/no-such-page/") == []


def test_the_500_page_in_english():
    with translation.override("en"):
        html = server_error(RequestFactory().get("/")).content.decode()
    assert '<html lang="en">' in html and "Service temporarily unavailable" in html
    assert cjk_outside_user_content(html) == []


def test_the_500_page_in_chinese_by_default():
    with translation.override("zh-hans"):
        html = server_error(RequestFactory().get("/")).content.decode()
    assert '<html lang="zh-hans">' in html and "服务暂时不可用" in html


def test_the_site_stays_chinese_for_everyone_else(client, home_page_in_full):
    html = client.get("/").content.decode()
    assert '<html lang="zh-hans"' in html
    assert "地址：" in html and "关怀模式" in html


def test_an_english_visit_leaves_no_english_behind(client, home_page):
    english_page_problems(client, "/")
    assert translation.get_language() == "zh-hans"


# -- the API ---------------------------------------------------------------------------------


def test_the_api_schema_follows_the_visitors_language(client, home_page):
    chinese = client.get("/api/openapi.json").json()
    assert chinese["info"]["title"] == "退役军人荣誉与纪念 公开数据接口"
    assert chinese["paths"]["/api/site"]["get"]["summary"] == "站点信息、已启用的功能模块和导航"

    client.cookies["django_language"] = "en"
    english = client.get("/api/openapi.json").json()
    assert english["info"]["title"] == "Veterans' Honours and Commemoration: public data API"
    assert english["info"]["description"] == "A read-only API that returns published, public content only."
    assert english["paths"]["/api/site"]["get"]["summary"] == "Site information, enabled plugins and navigation"
    assert english["paths"]["/api/pages"]["get"]["summary"] == "Published public pages"


def test_the_api_docs_follow_the_visitors_language(client, home_page):
    assert "<title>退役军人荣誉与纪念 公开数据接口 · " in client.get("/api/docs").content.decode()
    client.cookies["django_language"] = "en"
    docs = client.get("/api/docs").content.decode()
    assert "<title>Veterans&#x27; Honours and Commemoration: public data API · " in docs


# -- the rule itself -------------------------------------------------------------------------


def test_the_rule_finds_chinese_text_and_read_attributes_outside_chinese_elements():
    html = """<html lang="en"><head><title>页面</title>
      <meta name="description" content="口号"><meta property="og:title" content="标题" lang="zh-hans"></head>
      <body><p>Address：<span lang="zh-hans">人民路88号</span></p>
      <img alt="纪念碑"><img alt="纪念碑" lang="zh-hans"><input placeholder="搜索">
      <div lang="zh-hans"><a href="/" title="首页">首页</a><span lang="en">未翻译</span></div>
      <script>var label = "中文";</script><style>p::after { content: "：" }</style><!-- 注释 --></body></html>"""

    assert cjk_outside_user_content(html) == [
        "<meta content> 口号",
        "<p> Address：",
        "<img alt> 纪念碑",
        "<input placeholder> 搜索",
        "<span> 未翻译",
    ]


def test_the_rule_accepts_english_typography_and_the_language_switcher():
    html = """<html lang="en"><body><p>Results for “memorial” — 3 found</p>
      <a href="/display/language/?language=zh-hans" lang="zh-hans">简体中文</a></body></html>"""
    assert cjk_outside_user_content(html) == []
