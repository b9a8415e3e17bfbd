"""What a first-time visitor's browser asks of every page: an icon, a manifest, absolute
canonical and sharing addresses, and a description of the page itself (issue #18)."""

import json
import re
from io import BytesIO

import pytest
from PIL import Image

from siteshell.icons.drawing import THEME_COLOR, icon_files
from siteshell.models import BureauSettings
from tests.utils import ROOT

pytestmark = pytest.mark.django_db

SITE_CSS = "site/static/siteshell/css/site.css"


def head_of(html):
    return html.split("</head>", 1)[0]


def meta(html, key, value):
    """The content of ``<meta {key}="{value}" content="…">`` in the head, or None."""
    match = re.search(rf'<meta {key}="{re.escape(value)}" content="([^"]*)"', head_of(html))
    return match.group(1) if match else None


def served(client, url):
    """Whether ``url`` answers: a static file (found where collectstatic would find it) or a view."""
    from django.conf import settings
    from django.contrib.staticfiles import finders

    if url.startswith(settings.STATIC_URL):
        return finders.find(url.removeprefix(settings.STATIC_URL)) is not None
    return client.get(url).status_code == 200


# -- icons and manifest ---------------------------------------------------------------------


def test_the_browser_finds_the_favicon_at_the_root(client, home_page):
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/x-icon"
    assert "max-age=86400" in response["Cache-Control"]
    icon = Image.open(BytesIO(response.content))
    assert icon.format == "ICO"
    assert {(16, 16), (32, 32), (48, 48)} <= set(icon.info["sizes"])


def test_every_page_links_its_icons_and_manifest(client, home_page):
    head = head_of(client.get("/").content.decode())
    assert '<link rel="icon" href="/favicon.ico" sizes="16x16 32x32 48x48">' in head
    assert re.search(r'<link rel="icon" href="/static/siteshell/icons/icon[.\w]*\.svg" type="image/svg\+xml">', head)
    assert re.search(r'<link rel="apple-touch-icon" href="/static/siteshell/icons/apple-touch-icon[.\w]*\.png">', head)
    assert '<link rel="manifest" href="/manifest.webmanifest">' in head
    for url in re.findall(r'<link rel="(?:icon|apple-touch-icon|manifest)" href="([^"]+)"', head):
        assert served(client, url), url


def test_the_manifest_carries_the_bureaus_name_and_the_palettes_colour(client, home_page):
    BureauSettings.objects.filter(site__is_default_site=True).update(bureau_name="南湖区退役军人事务局")
    from django.core.cache import cache

    cache.clear()
    response = client.get("/manifest.webmanifest")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/manifest+json"
    manifest = json.loads(response.content)
    assert manifest["name"] == manifest["short_name"] == "南湖区退役军人事务局"
    assert manifest["lang"] == "zh-hans" and manifest["start_url"] == "/"
    assert manifest["theme_color"] == THEME_COLOR
    sizes = {icon["sizes"] for icon in manifest["icons"]}
    assert {"any", "192x192", "512x512"} <= sizes
    assert any(icon.get("purpose") == "maskable" for icon in manifest["icons"])
    for icon in manifest["icons"]:
        assert served(client, icon["src"]), icon["src"]


def test_the_theme_colour_is_the_stylesheets_primary_red(client, home_page):
    css = (ROOT / SITE_CSS).read_text()
    primary = re.search(r"--c-primary:\s*(#[0-9a-fA-F]{6})", css).group(1)
    assert primary.lower() == THEME_COLOR
    assert meta(client.get("/").content.decode(), "name", "theme-color") == THEME_COLOR


def test_the_committed_icon_files_are_what_the_drawing_makes():
    """``manage.py make_site_icons`` was run after the last change of the drawing."""
    from siteshell.icons.drawing import ICON_DIR

    for name, content in icon_files().items():
        assert (ICON_DIR / name).read_bytes() == content, f"run manage.py make_site_icons ({name})"


def test_the_icons_are_a_red_star_on_a_plain_ground():
    image = Image.open(BytesIO(icon_files()["apple-touch-icon.png"])).convert("RGBA").convert("RGB")
    assert image.size == (180, 180)

    def near(pixel, colour):
        return all(abs(a - b) <= 3 for a, b in zip(pixel, colour, strict=True))

    assert near(image.getpixel((90, 95)), (0x9B, 0x1B, 0x1B))  # the star's middle
    assert near(image.getpixel((6, 6)), (0xF6, 0xF3, 0xEE))  # the ground in a corner


# -- canonical and sharing addresses ----------------------------------------------------------


def test_canonical_and_open_graph_addresses_are_absolute_on_the_sites_root(client, home_page):
    html = client.get("/").content.decode()
    assert '<link rel="canonical" href="http://localhost/">' in head_of(html)
    assert meta(html, "property", "og:url") == "http://localhost/"
    assert meta(html, "property", "og:type") == "website"
    assert meta(html, "property", "og:site_name") == "示范市退役军人事务局"
    assert meta(html, "property", "og:title") == "崇尚英雄 · 关爱退役军人"
    assert meta(html, "property", "og:locale") == "zh_CN"


def test_a_view_outside_the_page_tree_has_an_absolute_canonical_without_its_query(client, home_page):
    html = client.get("/track/?code=ABC").content.decode()
    assert '<link rel="canonical" href="http://localhost/track/">' in head_of(html)
    assert meta(html, "property", "og:url") == "http://localhost/track/"


def test_every_link_in_the_head_that_names_the_page_is_absolute(client, home_page):
    head = head_of(client.get("/").content.decode())
    for tag in re.findall(r'<link rel="canonical"[^>]*>|<meta property="og:(?:url|image)"[^>]*>', head):
        assert re.search(r'(?:href|content)="https?://', tag), tag


def test_a_missing_page_gives_out_no_canonical_address(client, home_page):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    head = head_of(response.content.decode())
    assert 'rel="canonical"' not in head and 'property="og:url"' not in head


# -- descriptions ---------------------------------------------------------------------------


def test_the_home_page_is_described_by_its_intro_not_the_tagline(client, home_page):
    html = client.get("/").content.decode()
    assert '<meta name="description" content="缅怀先烈，关爱退役军人。" lang="zh-hans">' in html
    assert meta(html, "property", "og:description") == "缅怀先烈，关爱退役军人。"


def test_the_editors_search_description_comes_first(client, home_page):
    home_page.search_description = "示范市退役军人事务局的官方网站"
    home_page.save_revision().publish()
    html = client.get("/").content.decode()
    assert meta(html, "name", "description") == "示范市退役军人事务局的官方网站"


def test_a_page_without_a_description_of_its_own_falls_back_to_the_tagline(client, home_page):
    home_page.intro = ""
    home_page.save_revision().publish()
    BureauSettings.objects.filter(site__is_default_site=True).update(tagline="崇尚英雄")
    from django.core.cache import cache

    cache.clear()
    assert meta(client.get("/").content.decode(), "name", "description") == "崇尚英雄"


def test_a_description_is_plain_text_of_search_engine_length():
    from django.template import Context, Template

    template = Template("{% load page_meta %}{% capture as d %}{{ value }}{% endcapture %}{{ d|meta_text }}")
    rich = "<p>他们曾在军营淬炼本色，&退役后\n\n继续奉献</p>" + "。" * 200
    text = template.render(Context({"value": rich}))
    assert text.startswith("他们曾在军营淬炼本色，&amp;退役后 继续奉献")
    assert "&lt;p&gt;" not in text and "<p>" not in text
    assert len(text.replace("&amp;", "&")) == 120 and text.endswith("…")


def test_a_view_that_describes_itself_in_translated_text_does_not_claim_the_content_language(client, home_page):
    html = client.get("/track/").content.decode()
    description = re.search(r'<meta name="description"[^>]*>', html).group(0)
    assert "lang=" not in description
    og = re.search(r'<meta property="og:description"[^>]*>', html).group(0)
    assert "lang=" not in og


# -- what the home page promises ----------------------------------------------------------------


def offers_sentence(client):
    from bs4 import BeautifulSoup

    html = BeautifulSoup(client.get("/").content.decode(), "html.parser")
    return html.find("p", class_="hero__offers")


def test_the_home_page_promises_nothing_when_no_plugin_offers_anything(client, home_page):
    assert offers_sentence(client) is None


@pytest.mark.plugin("sampleplugin")
def test_the_home_page_lists_what_the_plugins_offer_once_it_is_there(client, home_page):
    from tests.sampleplugin.models import SampleIndexPage

    index = SampleIndexPage(title="纪念活动", slug="events", live=False)
    home_page.add_child(instance=index)
    index.save_revision()
    assert offers_sentence(client) is None  # a draft offers nothing
    index.save_revision().publish()
    sentence = offers_sentence(client)
    assert sentence.get_text().startswith("在这里，您可以：")
    link = sentence.find("a", href=index.url)
    assert link.get_text() == "纪念活动"
    assert link["lang"] == "zh-hans"  # an editor's title, not a translated offer


def test_offers_come_in_order_with_the_list_separator(client, home_page, monkeypatch):
    from siteshell.plugins import Offer

    monkeypatch.setattr(
        "siteshell.plugins.offers",
        lambda request: [Offer("查阅英烈名录", "/martyrs/", 20), Offer("网上祭奠英烈", "/tributes/", 30)],
    )
    sentence = offers_sentence(client)
    assert sentence.get_text() == "在这里，您可以：查阅英烈名录、网上祭奠英烈。"
    assert [a["href"] for a in sentence.find_all("a")] == ["/martyrs/", "/tributes/"]
    assert not sentence.find("a").has_attr("lang")


def test_a_plugin_that_fails_to_say_what_it_offers_leaves_the_home_page_working(client, home_page, monkeypatch):
    from siteshell.plugins import PluginConfig

    def broken(self, request):
        raise RuntimeError("offers broke")

    monkeypatch.setattr(PluginConfig, "offers", broken)
    response = client.get("/")
    assert response.status_code == 200
    assert offers_sentence(client) is None


def test_the_shell_offers_nothing_by_itself():
    from siteshell.plugins import PluginConfig

    assert list(PluginConfig.offers(None, None)) == []


def test_the_demo_intro_leaves_the_promises_to_the_plugins():
    from siteshell.management.commands.load_demo import HOME_INTRO

    for promise in ("网上祭奠英烈", "为烈士寻找亲人", "查阅英烈名录", "最美军嫂"):
        assert promise not in HOME_INTRO
