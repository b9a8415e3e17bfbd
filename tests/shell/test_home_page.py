"""What a visitor sees on the home page, in Chinese."""

import pytest
from wagtail.models import PageViewRestriction
from wagtail.test.utils import WagtailPageTestCase

from siteshell.models import HomePage

pytestmark = pytest.mark.django_db


def add_index(home, live=True):
    from tests.sampleplugin.models import SampleIndexPage

    index = SampleIndexPage(title="纪念活动", slug="events", live=live)
    home.add_child(instance=index)
    return index


def test_home_page_renders_in_chinese_with_landmarks(client, home_page):
    response = client.get("/")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="zh-hans"' in html
    assert '<a class="skip-link" href="#main">跳到正文</a>' in html
    assert '<main id="main"' in html and "<header" in html and "<footer" in html
    assert 'aria-label="主导航"' in html
    assert "崇尚英雄 · 关爱退役军人" in html


def test_footer_shows_the_bureau_contact_details_from_site_settings(client, home_page):
    html = client.get("/").content.decode()
    assert "示范市退役军人事务局" in html
    assert "示范市人民路88号" in html
    assert 'href="tel:000012345678"' in html


@pytest.mark.plugin("sampleplugin")
def test_navigation_lists_live_plugin_pages_only(client, home_page):
    draft = add_index(home_page, live=False)
    assert "纪念活动" not in client.get("/").content.decode()
    draft.save_revision().publish()
    assert f'<a href="{draft.url}">纪念活动</a>' in client.get("/").content.decode()


@pytest.mark.plugin("sampleplugin")
def test_no_empty_home_section_is_shown(client, home_page):
    from tests.sampleplugin.models import SampleStoryPage

    index = add_index(home_page)
    assert "纪念活动报道" not in client.get("/").content.decode()
    story = SampleStoryPage(title="清明祭扫", summary="在陵园举行")
    index.add_child(instance=story)
    html = client.get("/").content.decode()
    assert "纪念活动报道" in html and "清明祭扫" in html


@pytest.mark.plugin("sampleplugin")
def test_a_home_section_brings_its_stylesheet_into_the_head(client, home_page):
    from tests.sampleplugin.models import SampleStoryPage

    index = add_index(home_page)
    index.add_child(instance=SampleStoryPage(title="清明祭扫", summary="在陵园举行"))
    html = client.get("/").content.decode()
    head = html[: html.index("</head>")]
    assert '<link rel="stylesheet" href="/static/sampleplugin/sample.css">' in head


def test_a_visitor_can_choose_english_and_back(client, home_page):
    response = client.get("/display/language/?language=en&next=/")
    assert response.status_code == 302
    response = client.get("/")
    assert response.headers["Content-Language"] == "en"
    assert "Skip to content" in response.content.decode()
    client.get("/display/language/?language=zh-hans&next=/")
    assert client.get("/").headers["Content-Language"] == "zh-hans"


def test_an_unknown_language_is_ignored(client, home_page):
    client.get("/display/language/?language=xx&next=/")
    assert client.get("/").headers["Content-Language"] == "zh-hans"


def test_browser_language_does_not_switch_the_public_site(client, home_page):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert response.headers["Content-Language"] == "zh-hans"


def test_unknown_page_gives_a_chinese_404(client, home_page):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "页面不存在" in response.content.decode()


def test_robots_and_sitemap(client, home_page):
    robots = client.get("/robots.txt").content.decode()
    assert "Disallow: /admin/" in robots and "Sitemap:" in robots
    assert client.get("/sitemap.xml").status_code == 200


@pytest.mark.plugin("sampleplugin")
def test_private_page_is_not_in_the_navigation(client, home_page):
    index = add_index(home_page)
    PageViewRestriction.objects.create(page=index, restriction_type="login")
    html = client.get("/").content.decode()
    assert f'<a href="{index.url}">' not in html


@pytest.mark.plugin("sampleplugin")
class HomePageTypeRules(WagtailPageTestCase):
    def test_plugin_index_pages_can_be_created_under_the_home_page(self):
        from tests.sampleplugin.models import SampleIndexPage

        self.assertCanCreateAt(HomePage, SampleIndexPage)

    def test_pages_a_plugin_keeps_below_its_index_cannot(self):
        from tests.sampleplugin.models import SampleStoryPage

        self.assertCanNotCreateAt(HomePage, SampleStoryPage)
