"""A memorial facility's location: no map service unless the bureau configures one (MAP_TILE_URL);
without one the page shows the coordinates and links to map apps, never an empty box."""

import importlib
from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.django_db

TIANDITU = "https://t{s}.tianditu.gov.cn/vec_w/wmts?LAYER=vec&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk={key}"
TIANDITU_LABELS = "https://t{s}.tianditu.gov.cn/cva_w/wmts?LAYER=cva&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk={key}"


@pytest.fixture
def no_tiles(settings):
    settings.MAP_TILE_URL = ""
    settings.MAP_LABEL_TILE_URL = ""


@pytest.fixture
def tianditu(settings):
    settings.MAP_TILE_URL = TIANDITU
    settings.MAP_LABEL_TILE_URL = TIANDITU_LABELS
    settings.MAP_TILE_SUBDOMAINS = "01234567"
    settings.MAP_TILE_KEY = "bureau-key-123"
    settings.MAP_ATTRIBUTION = "© 天地图 审图号：GS(2024)0568号"
    settings.MAP_MAX_ZOOM = 18


def facility_page(client, facility):
    response = client.get(facility.get_url())
    assert response.status_code == 200
    return response.content.decode(), BeautifulSoup(response.content.decode(), "html.parser")


def test_without_a_tile_server_the_page_loads_no_map_and_sends_nothing_abroad(client, archive, cemetery, no_tiles):
    html, page = facility_page(client, cemetery)
    assert page.find(attrs={"data-memorials-map": True}) is None  # no box to stay grey
    assert "facility-map.js" not in html and "leaflet" not in html
    assert "openstreetmap" not in html


def test_without_a_tile_server_the_location_is_coordinates_and_links_to_map_apps(client, archive, cemetery, no_tiles):
    _html, page = facility_page(client, cemetery)
    location = page.find("section", class_="memorials-location")
    assert location.find("h2").get_text() == "位置"
    assert "坐标：36.650000, 117.000000" in location.get_text()
    links = {a.get_text(): a["href"] for a in location.select(".memorials-location__apps a")}
    assert list(links) == ["用手机地图打开", "在高德地图中查看", "在百度地图中查看"]
    assert links["用手机地图打开"].startswith("geo:36.650000,117.000000?q=36.650000,117.000000(")
    amap = urlsplit(links["在高德地图中查看"])
    assert amap.netloc == "uri.amap.com"
    assert parse_qs(amap.query) == {
        "position": ["117.000000,36.650000"],  # longitude first
        "name": ["示范市烈士陵园"],
        "coordinate": ["wgs84"],
        "callnative": ["1"],
    }
    baidu = parse_qs(urlsplit(links["在百度地图中查看"]).query)
    assert baidu["location"] == ["36.650000,117.000000"] and baidu["coord_type"] == ["wgs84"]
    assert baidu["content"] == ["示范市英雄路1号"]
    # The address is among the facts above the location.
    facts = {dt.get_text(): dt.find_next_sibling("dd").get_text() for dt in page.select(".memorials-facts dt")}
    assert facts["地址"] == "示范市英雄路1号"


def test_a_facility_without_coordinates_has_no_location_section(client, archive, make_facility, no_tiles):
    facility = make_facility(name="无名烈士墓", address="示范县山坡", latitude=None, longitude=None)
    _html, page = facility_page(client, facility)
    assert page.find("section", class_="memorials-location") is None


def test_with_tianditu_configured_the_map_uses_its_tiles_key_and_attribution(client, archive, cemetery, tianditu):
    html, page = facility_page(client, cemetery)
    box = page.find(attrs={"data-memorials-map": True})
    assert box["data-tile-url"] == TIANDITU.replace("{key}", "bureau-key-123")
    assert box["data-label-tile-url"] == TIANDITU_LABELS.replace("{key}", "bureau-key-123")
    assert box["data-subdomains"] == "01234567"
    assert box["data-attribution"] == "© 天地图 审图号：GS(2024)0568号"
    assert box["data-max-zoom"] == "18"
    assert page.find("script", src=lambda src: src and "memorials/js/facility-map" in src)
    assert "memorials/vendor/leaflet/leaflet.js" in html  # vendored, not a CDN
    # The links to the map apps stay: the map is an addition.
    assert len(page.select(".memorials-location__apps a")) == 3


def test_the_map_script_has_no_tile_server_of_its_own():
    from django.contrib.staticfiles import finders

    script = open(finders.find("memorials/js/facility-map.js"), encoding="utf-8").read()
    assert "openstreetmap" not in script and "https://" not in script
    assert "dataset.tileUrl" in script and "dataset.attribution" in script


def test_the_content_security_policy_admits_exactly_the_configured_tile_hosts(monkeypatch):
    from siteshell.settings import headers, maps

    try:
        policy = importlib.reload(headers).CONTENT_SECURITY_POLICY["DIRECTIVES"]
        assert not [source for source in policy["img-src"] if "openstreetmap" in source or "tianditu" in source]

        monkeypatch.setenv("MAP_TILE_URL", TIANDITU)
        monkeypatch.setenv("MAP_LABEL_TILE_URL", TIANDITU_LABELS)
        monkeypatch.setenv("MAP_TILE_SUBDOMAINS", "01234567")
        importlib.reload(maps)
        policy = importlib.reload(headers).CONTENT_SECURITY_POLICY["DIRECTIVES"]
        tile_hosts = [source for source in policy["img-src"] if "tianditu" in source]
        assert tile_hosts == [f"https://t{n}.tianditu.gov.cn" for n in range(8)]

        monkeypatch.setenv("MAP_TILE_URL", "https://tiles.example.gov.cn/{z}/{x}/{y}.png")
        monkeypatch.delenv("MAP_LABEL_TILE_URL")
        monkeypatch.setenv("CSP_MAP_TILE_HOSTS", "https://extra.example.gov.cn")
        importlib.reload(maps)
        policy = importlib.reload(headers).CONTENT_SECURITY_POLICY["DIRECTIVES"]
        assert policy["img-src"][-2:] == ["https://tiles.example.gov.cn", "https://extra.example.gov.cn"]
    finally:
        monkeypatch.undo()
        importlib.reload(maps)
        importlib.reload(headers)


def test_the_breadcrumb_starts_at_the_home_page(client, archive, cemetery, no_tiles):
    _html, page = facility_page(client, cemetery)
    crumbs = [(li.get_text(), li.find("a")["href"] if li.find("a") else None) for li in page.select(".breadcrumb li")]
    assert crumbs == [("首页", "/"), ("英名录", archive.url), ("示范市烈士陵园", None)]


def test_the_facility_is_described_by_its_name_and_address(client, archive, cemetery, no_tiles):
    html, page = facility_page(client, cemetery)
    assert page.find("meta", attrs={"name": "description"})["content"] == "示范市烈士陵园，地址：示范市英雄路1号"
    assert page.find("meta", property="og:title")["content"] == "示范市烈士陵园"
    assert page.find("link", rel="canonical")["href"] == f"http://localhost{cemetery.get_url()}"
