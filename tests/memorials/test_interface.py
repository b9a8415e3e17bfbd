"""``memorials.interface``: what other plugins (tribute halls, seek-relatives …) may use of the
archive. Only published records exist for them, as for the public."""

import datetime

import pytest

pytestmark = pytest.mark.django_db


def test_the_interface_exports_the_models_and_read_functions_and_nothing_else():
    from memorials import interface
    from memorials.models import MartyrRecord, MemorialFacility

    assert interface.MartyrRecord is MartyrRecord and interface.MemorialFacility is MemorialFacility
    assert sorted(interface.__all__) == [
        "MartyrRecord",
        "MemorialFacility",
        "facility_url",
        "get_published_record",
        "published_records",
        "record_full_url",
        "record_grave",
        "record_photo",
        "record_province",
        "record_summary",
        "record_url",
        "search_records",
    ]
    for name in interface.__all__:
        assert getattr(interface, name).__doc__, name


def test_published_records_leave_out_drafts(make_record):
    from memorials.interface import published_records

    shown = make_record(name="黄继光")
    make_record(name="审核中", live=False)
    assert list(published_records()) == [shown]
    assert list(published_records().filter(name="审核中")) == []


def test_a_record_is_found_by_id_only_when_it_is_published(make_record, make_facility):
    from memorials.interface import get_published_record

    cemetery = make_facility(name="沈阳抗美援朝烈士陵园")
    shown = make_record(name="邱少云", facility=cemetery)
    draft = make_record(name="审核中", live=False)
    found = get_published_record(shown.pk)
    assert found == shown and found.facility.name == "沈阳抗美援朝烈士陵园"
    assert get_published_record(str(shown.pk)) == shown  # as it comes from a URL
    assert get_published_record(draft.pk) is None
    assert get_published_record(draft.pk + 1000) is None
    assert get_published_record("abc") is None and get_published_record(None) is None


def test_record_urls_point_to_the_archive_page(rf, archive, make_record):
    from memorials.interface import record_full_url, record_url

    record = make_record(name="杨根思")
    assert record_url(record) == f"{archive.url}{record.pk}/"
    full = record_full_url(record, rf.get("/"))
    assert full.startswith("http") and full.endswith(f"{archive.url}{record.pk}/")


def test_without_a_live_archive_page_a_record_has_no_url(home_page, make_record):
    from memorials.interface import record_url

    assert record_url(make_record(name="杨根思")) == ""


def test_a_record_summary_has_the_facts_a_campaign_list_shows(make_record, make_facility):
    from memorials.interface import record_summary

    cemetery = make_facility(name="示范市烈士陵园")
    record = make_record(
        name="黄继光",
        native_place="四川省中江县",
        unit="中国人民志愿军第15军第45师第135团",
        death_date=datetime.date(1952, 10, 1),
        death_precision="month",
        death_place="朝鲜上甘岭",
        facility=cemetery,
    )
    assert record_summary(record) == {
        "id": record.pk,
        "name": "黄继光",
        "native_place": "四川省中江县",
        "unit": "中国人民志愿军第15军第45师第135团",
        "death": "1952年10月",
        "death_place": "朝鲜上甘岭",
        "burial_place": "示范市烈士陵园",  # no 安葬地 written: the facility's name
    }
    record.burial_place = "示范市烈士陵园A区"
    assert record_summary(record)["burial_place"] == "示范市烈士陵园A区"
    assert record_summary(make_record(name="无名烈士"))["death"] == ""


def test_search_records_finds_published_records_by_name_and_pinyin(archive, make_record):
    from memorials.interface import search_records

    huang = make_record(name="黄继光", native_place="四川省中江县")
    make_record(name="黄继光", external_id="DRAFT-1", live=False)
    make_record(name="邱少云")
    assert search_records("黄继光") == [huang]
    assert search_records("huangjiguang") == [huang]
    assert search_records("   ") == [] and search_records("") == []


def test_search_records_returns_at_most_the_limit(archive, make_record):
    from memorials.interface import search_records

    for n in range(4):
        make_record(name=f"王{'德富贵明'[n]}", battle="上甘岭战役")
    assert len(search_records("上甘岭", limit=2)) == 2
    assert len(search_records("上甘岭")) == 4


def test_a_record_photo_is_its_portrait_or_none(make_record):
    from media.demo import make_image
    from memorials.interface import record_photo

    portrait = make_image("黄继光遗像", seed="7", alt_text="黄继光烈士遗像")
    assert record_photo(make_record(name="黄继光", photo=portrait)) == portrait
    assert record_photo(make_record(name="无名烈士")) is None


def test_a_record_grave_is_its_position_in_the_visitors_language_or_empty(make_record):
    from django.utils import translation

    from memorials.interface import record_grave

    record = make_record(name="黄继光", grave_section="A", grave_row="3", grave_number="12")
    assert record_grave(record) == "A区3排12号"
    with translation.override("en"):
        assert record_grave(record) == "Section A, Row 3, No. 12"
    assert record_grave(make_record(name="无名烈士")) == ""


def test_a_facility_url_is_its_page_in_the_archive(archive, make_facility):
    from memorials.interface import facility_url

    cemetery = make_facility(name="示范市烈士陵园")
    assert facility_url(cemetery) == f"{archive.url}facility/{cemetery.pk}/"
