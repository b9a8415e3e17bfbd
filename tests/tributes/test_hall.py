"""A hall for every published martyr record (a view, not a page): the record's summary, the
counters, the approved messages and the forms; cached whole for anonymous visitors."""

import pytest

from tests.tributes.conftest import hall_path

pytestmark = [pytest.mark.django_db, pytest.mark.plugin("tributes")]


def test_a_published_record_has_a_hall_with_its_summary_counters_and_forms(visitor, martyr):
    response = visitor.get(hall_path(martyr))
    assert response.status_code == 200
    body = response.content.decode()
    assert "黄继光" in body and "四川省中江县" in body and "上甘岭" not in body.split("tributes-facts")[0]
    assert 'data-kind="flower">0<' in body
    for label in ("献花", "点烛", "鞠躬", "敬礼", "写下寄语", "单位敬献花篮"):
        assert label in body
    assert f'action="/tributes/{martyr.pk}/offer/"' in body
    assert f'data-api="/api/tributes/halls/{martyr.pk}/offerings"' in body
    assert "/martyrs/" in body  # back to the record


def test_an_unpublished_record_has_no_hall(visitor, make_record, archive):
    draft = make_record(name="审核中", live=False)
    response = visitor.get(hall_path(draft))
    assert response.status_code == 404
    assert "页面不存在" in response.content.decode()
    assert visitor.post(f"/tributes/{draft.pk}/offer/", {"kind": "flower"}).status_code == 404
    assert visitor.get("/tributes/99999999999999999999/").status_code == 404


def test_the_record_page_offers_the_buttons_and_the_way_into_the_hall(visitor, martyr):
    body = visitor.get(f"/martyrs/{martyr.pk}/").content.decode()
    actions = body.index('<div class="memorials-record__actions">')
    assert actions < body.index("网上祭扫") < body.index('class="memorials-facts"')
    assert f'action="/tributes/{martyr.pk}/offer/"' in body and f'href="/tributes/{martyr.pk}/"' in body


def test_the_facility_page_shows_its_counters(visitor, martyr, cemetery, fold):
    from tests.tributes.conftest import offer

    offer(visitor, martyr, "candle")
    body = visitor.get(cemetery.get_url()).content.decode()
    assert "网上祭扫" in body and 'data-kind="candle">1<' in body


def test_the_hall_is_cached_whole_and_its_counters_are_live(new_visitor, martyr, page_cache):
    from tests.tributes.conftest import offer

    first, second = new_visitor(), new_visitor()
    assert first.get(hall_path(martyr))["X-Page-Cache"] == "miss"
    offer(second, martyr, "bow")
    response = first.get(hall_path(martyr))
    assert response["X-Page-Cache"] == "hit"
    assert 'data-kind="bow">1<' in response.content.decode()


def test_the_halls_index_finds_a_martyr_by_name(visitor, martyr):
    body = visitor.get("/tributes/", {"q": "黄继光"}).content.decode()
    assert f'href="/tributes/{martyr.pk}/"' in body
