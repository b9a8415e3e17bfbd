"""/sitemap.xml: an index over Wagtail's pages and every enabled plugin's sitemaps; the
records' sitemap pages by id range (no OFFSET, no COUNT), published records only."""

import logging
import re
from urllib.parse import urlsplit

import pytest
from django.apps import apps
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from siteshell import plugins

pytestmark = pytest.mark.django_db


def locs(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    return re.findall(r"<loc>(.*?)</loc>", response.content.decode())


def path_of(url):
    parts = urlsplit(url.replace("&amp;", "&"))
    return parts.path + (f"?{parts.query}" if parts.query else "")


def test_sitemap_xml_is_an_index_of_the_pages_and_the_plugin_sections(client, archive, make_record, cemetery):
    make_record(name="杨根思")
    response = client.get("/sitemap.xml")
    assert "<sitemapindex" in response.content.decode()
    sections = [path_of(url) for url in locs(response)]
    assert sections[:3] == ["/sitemap-pages.xml", "/sitemap-memorials-records.xml", "/sitemap-memorials-facilities.xml"]
    assert all(section.startswith("/sitemap-") for section in sections)  # and other plugins' sections
    pages = [path_of(url) for url in locs(client.get("/sitemap-pages.xml"))]
    assert "/" in pages and archive.url in pages
    assert client.get("/robots.txt").content.decode().count("/sitemap.xml") == 1


def test_records_sitemap_lists_published_records_with_their_last_change(client, archive, make_record):
    published = [make_record(name=f"烈士{i}") for i in range(3)]
    draft = make_record(name="草稿", live=False)
    response = client.get("/sitemap-memorials-records.xml")
    urls = locs(response)
    assert [path_of(url) for url in urls] == [f"{archive.url}{record.pk}/" for record in published]
    assert f"{archive.url}{draft.pk}/" not in response.content.decode()
    today = timezone.localdate(published[0].updated_at).isoformat()
    assert response.content.decode().count(f"<lastmod>{today}</lastmod>") == 3
    assert "Last-Modified" in response
    for url in urls:
        assert client.get(path_of(url)).status_code == 200


def test_records_sitemap_pages_by_id_ranges_never_by_offset_or_count(client, archive, make_record, settings):
    settings.MEMORIALS_SITEMAP_LIMIT = 3
    records = [make_record(name=f"烈士{i}") for i in range(8)]
    records[4].live = False
    records[4].save()
    first_id = records[0].pk

    with CaptureQueriesContext(connection) as index_queries:
        sections = [path_of(url) for url in locs(client.get("/sitemap.xml"))]
    assert [s for s in sections if "records" in s] == [
        "/sitemap-memorials-records.xml",
        "/sitemap-memorials-records.xml?p=2",
        "/sitemap-memorials-records.xml?p=3",
    ]

    pages, page_queries = [], []
    for section in (
        "/sitemap-memorials-records.xml?p=1",
        "/sitemap-memorials-records.xml?p=2",
        "/sitemap-memorials-records.xml?p=3",
    ):
        with CaptureQueriesContext(connection) as queries:
            pages.append([path_of(url) for url in locs(client.get(section))])
        page_queries.append(queries)
    expected = [[f"{archive.url}{r.pk}/" for r in records[start : start + 3] if r.live] for start in (0, 3, 6)]
    assert pages == expected and len(pages[1]) == 2  # the unpublished record leaves a gap

    record_sql = [
        query["sql"].upper()
        for queries in (index_queries, *page_queries)
        for query in queries.captured_queries
        if "MEMORIALS_MARTYRRECORD" in query["sql"].upper()
    ]
    assert record_sql and not any("OFFSET" in sql or "COUNT(" in sql or "MAX(" in sql for sql in record_sql)
    # The last page is the same range query as the first one.
    last_page = [q["sql"] for q in page_queries[2].captured_queries if '"updated_at"' in q["sql"]]
    assert len(last_page) == 1 and f"{first_id + 6}" in last_page[0] and f"{first_id + 9}" in last_page[0]

    assert client.get("/sitemap-memorials-records.xml?p=4").status_code == 404
    assert client.get("/sitemap-memorials-records.xml?p=x").status_code == 404
    assert client.get("/sitemap-nothing.xml").status_code == 404


def test_facilities_have_their_own_section(client, archive, cemetery):
    urls = [path_of(url) for url in locs(client.get("/sitemap-memorials-facilities.xml"))]
    assert urls == [cemetery.get_url()]
    assert client.get(urls[0]).status_code == 200


def test_without_a_live_archive_page_the_sections_are_empty(client, home_page, make_record, cemetery):
    make_record(name="杨根思")
    assert locs(client.get("/sitemap-memorials-records.xml")) == []
    assert locs(client.get("/sitemap-memorials-facilities.xml")) == []
    assert client.get("/sitemap.xml").status_code == 200


def test_sitemaps_are_part_of_the_plugin_contract(monkeypatch, caplog):
    from memorials.sitemaps import MartyrRecordSitemap, MemorialFacilitySitemap

    sections = plugins.sitemaps()
    assert sections["memorials-records"] is MartyrRecordSitemap
    assert sections["memorials-facilities"] is MemorialFacilitySitemap
    assert not any(name.startswith("sampleplugin-") for name in sections)  # no sitemaps: nothing listed

    config = apps.get_app_config("memorials")

    def broken():
        raise RuntimeError("broken plugin")

    monkeypatch.setattr(config, "sitemaps", broken)
    with caplog.at_level(logging.ERROR, logger="siteshell.plugins"):
        sections = plugins.sitemaps()
    assert not any(name.startswith("memorials-") for name in sections)
    assert "memorials failed in sitemaps()" in caplog.text
