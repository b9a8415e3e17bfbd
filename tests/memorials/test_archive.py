"""The public archive: browsing, filters, keyset pages, detail pages, QR codes and the API."""

import datetime
import json
import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.django_db


def names(response):
    return re.findall(r'class="memorials-list__name" href="[^"]+"[^>]*>([^<]+)</a>', response.content.decode())


def test_visitor_browses_the_archive_and_sees_only_published_records(client, archive, make_record):
    make_record(name="黄继光")
    make_record(name="未审核的档案", live=False)
    response = client.get(archive.url)
    assert response.status_code == 200
    assert names(response) == ["黄继光"]
    assert "共 1 位" in response.content.decode()


def test_unpublished_record_has_no_detail_page_qr_or_api_entry(client, archive, make_record):
    hidden = make_record(name="未审核", live=False)
    assert client.get(f"{archive.url}{hidden.pk}/").status_code == 404
    assert client.get(f"{archive.url}{hidden.pk}/qr/svg/").status_code == 404
    assert client.get(f"{archive.url}{hidden.pk}/correction/").status_code == 404
    assert client.get(f"/api/memorials/records/{hidden.pk}").status_code == 404
    assert client.get("/api/memorials/records").json()["items"] == []


def test_visitor_filters_by_province_period_decade_battle_and_cemetery(client, archive, make_record, cemetery):
    make_record(
        name="甲",
        native_place="四川中江",
        death_date=datetime.date(1952, 10, 20),
        death_precision="day",
        death_place="朝鲜",
        battle="上甘岭战役",
        facility=cemetery,
    )
    make_record(
        name="乙",
        native_place="河北怀来",
        death_date=datetime.date(1948, 5, 1),
        death_precision="month",
        battle="隆化战斗",
    )
    make_record(
        name="丙",
        native_place="四川铜梁",
        death_date=datetime.date(1952, 10, 1),
        death_precision="month",
        death_place="朝鲜",
        battle="上甘岭战役",
    )

    assert names(client.get(archive.url, {"province": "四川省"})) == ["甲", "丙"]
    assert names(client.get(archive.url, {"period": "liberation"})) == ["乙"]
    assert names(client.get(archive.url, {"period": "korea"})) == ["甲", "丙"]
    assert names(client.get(archive.url, {"decade": "1940"})) == ["乙"]
    assert names(client.get(archive.url, {"battle": "上甘岭战役", "province": "四川省"})) == ["甲", "丙"]
    assert names(client.get(archive.url, {"facility": cemetery.pk})) == ["甲"]
    assert names(client.get(archive.url, {"name": "乙"})) == ["乙"]


def test_an_invalid_filter_is_explained_in_chinese_not_a_500(client, archive, make_record):
    make_record(name="甲")
    response = client.get(archive.url, {"decade": "abc", "province": "火星", "after": "x"})
    assert response.status_code == 200
    body = response.content.decode()
    assert "以下筛选条件无效" in body
    assert "牺牲年代：" in body and "籍贯（省）：" in body  # each ignored filter is named
    assert names(response) == ["甲"]


def test_pages_follow_by_keyset_without_offset_or_full_count(client, archive, make_record):
    for i in range(25):
        make_record(name=f"烈士{i:02d}")
    with CaptureQueriesContext(connection) as first_queries:
        first = client.get(archive.url)
    counts = [q["sql"] for q in first_queries.captured_queries if "COUNT(" in q["sql"].upper()]
    # The whole table is counted only by letter and by province, then cached (memorials.browsing).
    assert counts and all("LIMIT" in sql.upper() or "GROUP BY" in sql.upper() for sql in counts)
    assert len(names(first)) == 10
    next_link = re.search(r'rel="next" href="\?after=(\d+)"', first.content.decode())
    assert next_link
    with CaptureQueriesContext(connection) as queries:
        second = client.get(archive.url, {"after": next_link.group(1)})
    assert names(second) == [f"烈士{i:02d}" for i in range(10, 20)]
    sql = " ".join(query["sql"] for query in queries.captured_queries if "memorials_martyrrecord" in query["sql"])
    assert "OFFSET" not in sql.upper() and "COUNT(" not in sql.upper()
    prev_link = re.search(r'rel="prev" href="\?before=(\d+)"', second.content.decode())
    assert names(client.get(archive.url, {"before": prev_link.group(1)})) == [f"烈士{i:02d}" for i in range(10)]
    third = client.get(
        archive.url, {"after": re.search(r'rel="next" href="\?after=(\d+)"', second.content.decode()).group(1)}
    )
    assert names(third) == [f"烈士{i:02d}" for i in range(20, 25)]
    assert 'rel="next"' not in third.content.decode()


def test_the_pager_keeps_the_filters(client, archive, make_record):
    for i in range(12):
        make_record(name=f"川{i:02d}", native_place="四川中江")
        make_record(name=f"冀{i:02d}", native_place="河北怀来")
    first = client.get(archive.url, {"province": "四川省"}).content.decode()
    next_link = re.search(r'rel="next" href="\?province=%E5%9B%9B%E5%B7%9D%E7%9C%81&amp;after=(\d+)"', first)
    second = client.get(archive.url, {"province": "四川省", "after": next_link.group(1)})
    assert names(second) == ["川10", "川11"]
    body = second.content.decode()
    assert re.search(r'rel="prev" href="\?province=%E5%9B%9B%E5%B7%9D%E7%9C%81&amp;before=\d+"', body)
    assert 'href="?province=%E5%9B%9B%E5%B7%9D%E7%9C%81">首页</a>' in body


def test_the_api_refuses_filter_values_it_does_not_know_in_chinese(client, archive, make_record):
    make_record(name="甲", native_place="四川中江")
    period = client.get("/api/memorials/records", {"period": "ming-dynasty"})
    assert period.status_code == 400
    assert period.json()["detail"] == "period 取值无效，可选：" + "、".join(
        [
            "old-democratic",
            "great-revolution",
            "agrarian",
            "anti-japanese",
            "liberation",
            "korea",
            "construction",
            "reform",
            "new-era",
        ]
    )
    province = client.get("/api/memorials/records", {"province": "火星"})
    assert province.status_code == 400 and province.json()["detail"].startswith("province 取值无效，可选：北京市、")
    assert client.get("/api/memorials/records", {"facility": 999}).status_code == 400
    assert client.get("/api/memorials/records", {"decade": "abc"}).status_code == 422  # not a number at all
    assert [item["name"] for item in client.get("/api/memorials/records", {"name": " 甲 "}).json()["items"]] == ["甲"]


def test_detail_page_shows_partial_dates_as_written_and_person_json_ld(client, archive, make_record, cemetery):
    record = make_record(
        name="黄继光",
        gender="male",
        ethnicity="汉族",
        native_place="四川省中江县",
        birth_date=datetime.date(1931, 1, 1),
        birth_precision="month",
        death_date=datetime.date(1952, 1, 1),
        death_precision="year",
        unit="中国人民志愿军第15军第45师第135团",
        battle="上甘岭战役",
        facility=cemetery,
        burial_place="示范市烈士陵园",
        grave_section="A",
        grave_row="1",
        grave_number="1",
        biography="<p>在上甘岭战役中牺牲。</p>",
    )
    response = client.get(f"{archive.url}{record.pk}/")
    body = response.content.decode()
    assert response.status_code == 200
    assert "1931年1月" in body and "1952年" in body and "1952年1月" not in body
    assert "A区1排1号" in body
    data = json.loads(re.search(r'<script type="application/ld\+json">(.+?)</script>', body, re.S).group(1))
    assert data["@type"] == "Person" and data["name"] == "黄继光"
    assert data["birthDate"] == "1931-01" and data["deathDate"] == "1952"
    assert data["birthPlace"]["name"] == "四川省中江县"
    assert data["url"].endswith(f"{archive.url}{record.pk}/")
    assert f'href="{cemetery.get_url()}"' in body


def test_each_record_has_a_qr_code_in_svg_and_png_pointing_to_its_page(client, archive, make_record):
    record = make_record(name="邱少云")
    svg = client.get(f"{archive.url}{record.pk}/qr/svg/")
    assert svg["Content-Type"] == "image/svg+xml" and b"<svg" in svg.content
    png = client.get(f"{archive.url}{record.pk}/qr/png/")
    assert png["Content-Type"] == "image/png" and png.content.startswith(b"\x89PNG")


def test_cemetery_page_lists_its_martyrs_and_works_without_the_map_script(client, archive, make_record, cemetery):
    make_record(name="甲", facility=cemetery, grave_section="A", grave_row="1", grave_number="2")
    make_record(name="乙")
    response = client.get(cemetery.get_url())
    body = response.content.decode()
    assert response.status_code == 200
    assert names(response) == ["甲"]
    assert "geo:36.650000,117.000000" in body  # a plain link to a map app, no script needed
    assert "unpkg" not in body and "cdn" not in body.lower()


def test_staff_print_a_label_sheet_for_one_cemetery_section(admin_client, archive, make_record, cemetery):
    make_record(name="甲", facility=cemetery, grave_section="A", grave_row="1", grave_number="2")
    make_record(name="乙", facility=cemetery, grave_section="B", grave_row="1", grave_number="1")
    make_record(name="丙", facility=cemetery, grave_section="A", grave_row="1", grave_number="1", live=False)
    visitor = Client()
    assert visitor.get(f"{cemetery.get_url()}labels/", {"section": "A"}).status_code == 302
    assert "labels/" not in visitor.get(cemetery.get_url()).content.decode()
    assert "labels/?section=A" in admin_client.get(cemetery.get_url()).content.decode()
    response = admin_client.get(f"{cemetery.get_url()}labels/", {"section": "A"})
    body = response.content.decode()
    assert response.status_code == 200
    assert body.count('class="label"') == 1 and "甲" in body and "乙" not in body and "丙" not in body
    assert "<svg" in body and "labels.css" in body


def test_api_lists_with_filters_and_cursor_and_shows_detail(client, archive, make_record):
    for i in range(5):
        make_record(name=f"川{i}", native_place="四川中江")
    record = make_record(name="冀", native_place="河北怀来")
    first = client.get("/api/memorials/records", {"province": "四川省", "limit": 3}).json()
    assert [item["name"] for item in first["items"]] == ["川0", "川1", "川2"]
    second = client.get(
        "/api/memorials/records", {"province": "四川省", "limit": 3, "after": first["next_cursor"]}
    ).json()
    assert [item["name"] for item in second["items"]] == ["川3", "川4"] and second["next_cursor"] is None
    detail = client.get(f"/api/memorials/records/{record.pk}").json()
    assert detail["native_province"] == "河北省" and detail["url"].endswith(f"{record.pk}/")
    assert client.get("/api/memorials/records", {"limit": 1000}).status_code == 400


def test_archive_appears_in_navigation_and_home_page_only_when_published(client, archive, home_page, make_record):
    response = client.get(home_page.url)
    assert f'href="{archive.url}"' in response.content.decode()
    assert "英名录" in response.content.decode()
    make_record(name="杨根思")
    assert "杨根思" in client.get(home_page.url).content.decode()
    archive.unpublish()
    assert f'href="{archive.url}"' not in client.get(home_page.url).content.decode()
