"""The public honour roll: filters (each and combined), sorting, paging, no-JS form, bad input."""

from html.parser import HTMLParser
from urllib.parse import urlencode

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from media.demo import make_image
from tests.honors.conftest import PUBLIC_NAMES
from tests.honors.factories import ProfilePageFactory

pytestmark = pytest.mark.django_db


def listed_names(response):
    """Names on the profile cards, in the order shown."""
    assert response.status_code == 200
    return [profile.title for profile in response.context["profiles"]]


def get(client, index, **params):
    return client.get(index.url, params)


def test_visitor_sees_every_published_profile_and_no_draft_or_private_one(client, honour_roll):
    response = get(client, honour_roll.index)
    assert set(listed_names(response)) == PUBLIC_NAMES
    html = response.content.decode()
    assert "草稿人物" not in html and "内部人物" not in html
    assert "共 4 位人物、1 个组织" in html  # people and organisations counted apart


def test_visitor_filters_profiles_by_year(client, honour_roll):
    assert set(listed_names(get(client, honour_roll.index, year=2021))) == {"周立军", "韩雪梅"}


def test_visitor_filters_profiles_by_selection_round(client, honour_roll):
    names = listed_names(get(client, honour_roll.index, round=honour_roll.rounds.third.pk))
    assert set(names) == {"韩雪梅", "陈秀兰", "示范市退役军人应急救援志愿服务队", "马振华"}


def test_visitor_filters_profiles_by_honour_title(client, honour_roll):
    assert set(listed_names(get(client, honour_roll.index, title="zuimei-junsao"))) == {"韩雪梅", "陈秀兰"}


def test_visitor_filters_profiles_by_category(client, honour_roll):
    names = listed_names(get(client, honour_roll.index, category="volunteer_organisation"))
    assert names == ["示范市退役军人应急救援志愿服务队"]


def test_visitor_filters_profiles_by_region(client, honour_roll):
    assert set(listed_names(get(client, honour_roll.index, region="西山区"))) == {"陈秀兰", "马振华"}


def test_year_and_title_must_match_the_same_honour(client, honour_roll):
    # 韩雪梅 became 最美军嫂 in 2021 and a volunteer in 2023: she is not a 2023 最美军嫂.
    assert listed_names(get(client, honour_roll.index, year=2023, title="zuimei-junsao")) == ["陈秀兰"]


def test_visitor_combines_category_and_region(client, honour_roll):
    assert listed_names(get(client, honour_roll.index, category="veteran", region="西山区")) == ["马振华"]


def test_combination_without_matches_says_so_in_chinese(client, honour_roll):
    response = get(client, honour_roll.index, category="volunteer_organisation", region="西山区")
    assert listed_names(response) == []
    assert "没有符合这些条件的人物" in response.content.decode()


def test_default_order_is_most_recent_selection_first_and_can_be_reversed(client, honour_roll):
    assert listed_names(get(client, honour_roll.index))[-1] == "周立军"
    assert listed_names(get(client, honour_roll.index, sort="earliest"))[0] == "周立军"


def test_sort_by_publication_date_lists_the_newest_page_first(client, honour_roll):
    from honors.models import ProfilePage

    honour_roll.profiles.zhou.save_revision().publish()
    ProfilePage.objects.filter(pk=honour_roll.profiles.zhou.pk).update(first_published_at="2099-01-01T00:00:00Z")
    assert listed_names(get(client, honour_roll.index, sort="published"))[0] == "周立军"


def test_choices_only_offer_values_that_lead_to_public_profiles(client, honour_roll):
    form = get(client, honour_roll.index).context["filterset"].form
    assert [value for value, _label in form.fields["region"].choices if value] == sorted(
        ["青河县", "东城区", "西山区", "南湖区"]
    )
    assert [str(value) for value, _label in form.fields["year"].choices if value] == ["2023", "2021"]


def test_pages_keep_the_filters_in_their_links(client, honour_roll):
    from honors.models import HonorIndexPage

    HonorIndexPage.objects.filter(pk=honour_roll.index.pk).update(per_page=1)
    response = get(client, honour_roll.index, region="西山区")
    assert len(listed_names(response)) == 1
    html = response.content.decode()
    assert 'href="?' + urlencode({"region": "西山区"}).replace("&", "&amp;") + "&amp;page=2" in html
    assert listed_names(get(client, honour_roll.index, region="西山区", page=2)) != listed_names(response)


def test_a_filtered_list_has_a_shareable_canonical_url(client, honour_roll):
    html = get(client, honour_roll.index, category="veteran", sort="recent").content.decode()
    assert f'<link rel="canonical" href="http://localhost{honour_roll.index.url}?category=veteran">' in html


class FormReader(HTMLParser):
    """Reads the filter form the way a browser without JavaScript submits it."""

    def __init__(self):
        super().__init__()
        self.form = None
        self.fields = {}
        self._select = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and "honors-filter" in attrs.get("class", ""):
            self.form = attrs
        elif tag == "select" and self.form is not None:
            self._select = attrs["name"]
            self.fields[self._select] = []
        elif tag == "option" and self._select:
            self.fields[self._select].append(attrs["value"])

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None


def test_filter_form_works_without_javascript(client, honour_roll):
    reader = FormReader()
    reader.feed(get(client, honour_roll.index).content.decode())
    assert reader.form["method"] == "get"
    assert reader.form["action"] == honour_roll.index.url
    assert set(reader.fields) == {"year", "round", "title", "category", "region", "sort"}
    # What the browser sends when a visitor picks 军嫂 and submits with the other fields untouched.
    submitted = {name: options[0] for name, options in reader.fields.items()}
    submitted["category"] = "military_spouse"
    response = client.get(reader.form["action"], submitted)
    assert set(listed_names(response)) == {"韩雪梅", "陈秀兰"}
    assert 'value="military_spouse" selected' in response.content.decode()


@pytest.mark.parametrize(
    "params",
    [
        {"year": "1999"},
        {"year": "abc"},
        {"round": "999999"},
        {"round": "第三届"},
        {"title": "<script>alert(1)</script>"},
        {"category": "general"},
        {"region": "火星"},
        {"sort": "random"},
        {"year": "2023" * 50, "region": "%00", "page": "abc"},
    ],
)
def test_bad_filter_values_are_ignored_with_a_chinese_notice(client, honour_roll, params):
    response = get(client, honour_roll.index, **params)
    assert set(listed_names(response)) == PUBLIC_NAMES
    html = response.content.decode()
    assert "以下筛选条件无法识别，已忽略" in html
    assert "<script>alert(1)</script>" not in html


@pytest.mark.parametrize("page", ["abc", "0", "-1", "999", "1.5"])
def test_bad_page_numbers_show_a_normal_page(client, honour_roll, page):
    response = get(client, honour_roll.index, page=page)
    assert response.status_code == 200
    assert listed_names(response)


def test_valid_filters_still_apply_beside_a_bad_one(client, honour_roll):
    response = get(client, honour_roll.index, category="veteran", year="abc")
    assert set(listed_names(response)) == {"周立军", "马振华"}
    assert "评选年度" in response.context["filterset"].ignored_fields


def test_index_page_queries_do_not_grow_with_the_number_of_profiles(client, honour_roll):
    def queries():
        client.get(honour_roll.index.url)  # warm the site and settings caches
        with CaptureQueriesContext(connection) as captured:
            assert client.get(honour_roll.index.url).status_code == 200
        return len(captured)

    rounds, titles = honour_roll.rounds, honour_roll.titles

    def add_profile_with_photo(number):
        ProfilePageFactory(
            parent=honour_roll.index,
            title=f"新人物{number}",
            photo=make_image(f"新人物{number}", seed=f"new-{number}"),
            honours=[(rounds.second, titles.veteran), (rounds.third, titles.volunteer)],
        )

    add_profile_with_photo(0)  # the photos' renditions are one query, once there is a photo
    few = queries()
    for number in range(1, 5):
        add_profile_with_photo(number)
    assert queries() == few


def test_choosing_a_title_explains_what_it_honours(client, honour_roll):
    from honors.models import HonourTitle

    HonourTitle.objects.filter(pk=honour_roll.titles.spouse.pk).update(description="支持丈夫安心服役的军人配偶")
    html = get(client, honour_roll.index, title="zuimei-junsao").content.decode()
    assert "支持丈夫安心服役的军人配偶" in html


@pytest.mark.parametrize("asked", ["99999999999999999999", "0", "-3", "abc", "2\x00"])
def test_a_page_number_that_is_not_one_shows_the_nearest_page_with_a_notice(client, honour_roll, asked):
    response = get(client, honour_roll.index, page=asked)
    assert response.status_code == 200
    assert "没有您要找的那一页，已为您显示第" in response.content.decode()


def test_a_real_page_number_gets_no_notice(client, honour_roll):
    for asked in ("", "1"):
        response = get(client, honour_roll.index, page=asked)
        assert "没有您要找的那一页" not in response.content.decode()
