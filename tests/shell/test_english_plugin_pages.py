"""A visitor who chose English reads the plugins' pages in English: the honour roll, a profile
and the search page, in normal and in elder mode. What editors wrote (names, titles, stories,
place names) keeps its Chinese and says so with ``lang="zh-hans"``.

The rule is ``tests.utils.english_page_problems``, as for the shell's pages
(``test_english_pages.py``). Each plugin has its own section; a plugin's tests are marked with
``pytest.mark.plugin`` and import the plugin's models and factories (which look the models up
when imported) inside fixtures and tests, so the module collects whatever is switched off.
"""

import json

import pytest

from tests.utils import english_page_problems

pytestmark = pytest.mark.django_db

#: Normal and elder-friendly display (the header's 关怀模式, remembered in a cookie).
DISPLAY_MODES = [pytest.param({}, id="normal"), pytest.param({"elder_mode": "1"}, id="elder-mode")]


@pytest.fixture(params=DISPLAY_MODES)
def visitor(request, client):
    """A client in one of the display modes (the language is set by ``english_page_problems``)."""
    for name, value in request.param.items():
        client.cookies[name] = value
    return client


def english(client, url, **params):
    """What is wrong with ``url`` (with query ``params``) in English, after checking it was served."""
    assert client.get(url, params).status_code == 200
    return english_page_problems(client, url, data=params)


# -- honors: the honour roll and a profile ------------------------------------------------------


@pytest.fixture
def honour_roll(home_page, settings, tmp_path):
    """An honour roll with two rounds and four profiles; 周立军 has everything a profile can
    show: a photo with a credit, two honours (one with a citation), facts, a story with every
    block of its own, tags and a related profile."""
    from honors.models import ProfileHonour, RelatedProfile
    from media.demo import make_image
    from tests.honors.factories import (
        HonorIndexPageFactory,
        HonourTitleFactory,
        ProfilePageFactory,
        SelectionRoundFactory,
    )

    settings.MEDIA_ROOT = tmp_path / "media"
    veteran = HonourTitleFactory(name="最美退役军人", slug="zuimei-tuiyi-junren", description="服务社会的退役军人")
    spouse = HonourTitleFactory(name="最美军嫂", slug="zuimei-junsao")
    organisation = HonourTitleFactory(name="最佳退役军人志愿服务组织", slug="zuijia-zuzhi")
    second = SelectionRoundFactory(year=2021, edition="第二届", titles=[veteran, spouse])
    third = SelectionRoundFactory(
        year=2023, edition="2023年度", level="provincial", titles=[veteran, spouse, organisation]
    )
    index = HonorIndexPageFactory(parent=home_page, intro="<p>历届先进典型</p>", search_description="历届最美退役军人")
    ma = ProfilePageFactory(parent=index, title="马振华", honours=[(third, veteran)], gender="male", region="西山区")
    ProfilePageFactory(
        parent=index, title="韩雪梅", honours=[(second, spouse)], category="military_spouse", gender="female"
    )
    ProfilePageFactory(
        parent=index,
        title="示范市退役军人应急救援志愿服务队",
        honours=[(third, organisation)],
        category="volunteer_organisation",
        region="南湖区",
    )
    zhou = ProfilePageFactory(
        parent=index,
        title="周立军",
        honours=[(second, veteran)],
        gender="male",
        region="西山区",
        birth_year=1978,
        native_place="示范市青河县",
        service_branch="army",
        enlisted_year=1996,
        retired_year=2008,
        summary="退伍不褪色，带领乡亲种植致富",
    )
    zhou.photo = make_image("周立军肖像", seed="english-zhou", alt_text="周立军在田间")
    zhou.photo.author = "李摄影"
    zhou.photo.save()
    zhou.honours.add(ProfileHonour(round=third, title=veteran, citation="扎根乡村，带富一方"))
    zhou.story = json.dumps(
        [
            {"type": "paragraph", "value": "<p>他牵头成立种植专业合作社。</p>"},
            {"type": "pull_quote", "value": {"quote": "带着乡亲们一起往前冲。", "attribution": "周立军"}},
            {
                "type": "timeline",
                "value": {
                    "heading": "成长足迹",
                    "events": [
                        {"year": 1996, "month": 9, "event": "参军入伍"},
                        {"year": 2008, "month": None, "event": "退出现役"},
                    ],
                },
            },
        ],
        ensure_ascii=False,
    )
    zhou.tags.add("创业带富", "志愿服务")
    zhou.related_profiles = [RelatedProfile(profile=ma)]
    zhou.save_revision().publish()
    return index


@pytest.mark.plugin("honors")
def test_the_honour_roll_in_english(visitor, honour_roll):
    assert english(visitor, honour_roll.url) == []


@pytest.mark.plugin("honors")
@pytest.mark.parametrize(
    "params",
    [
        pytest.param({"year": "2023", "title": "zuimei-tuiyi-junren"}, id="year-and-title"),
        pytest.param({"category": "military_spouse", "sort": "earliest"}, id="category-sorted"),
        pytest.param({"region": "西山区"}, id="region"),
        pytest.param({"category": "volunteer_organisation", "region": "西山区"}, id="nothing-matches"),
        pytest.param({"year": "1900", "title": "no-such-title", "sort": "garbage"}, id="values-not-understood"),
    ],
)
def test_the_honour_roll_filtered_in_english(visitor, honour_roll, params):
    assert english(visitor, honour_roll.url, **params) == []


@pytest.mark.plugin("honors")
def test_the_honour_roll_paged_in_english(visitor, honour_roll):
    from tests.honors.factories import ProfilePageFactory

    honour_roll.per_page = 4
    honour_roll.save_revision().publish()
    ProfilePageFactory(parent=honour_roll, title="陈秀兰", honours=[])
    assert english(visitor, honour_roll.url, page="2") == []


@pytest.mark.plugin("honors")
def test_an_empty_honour_roll_in_english(visitor, home_page):
    from tests.honors.factories import HonorIndexPageFactory

    index = HonorIndexPageFactory(parent=home_page)
    assert english(visitor, index.url) == []


@pytest.mark.plugin("honors")
def test_a_profile_in_english(visitor, honour_roll):
    from honors.models import ProfilePage

    zhou = ProfilePage.objects.get(title="周立军")
    assert english(visitor, zhou.url) == []


@pytest.mark.plugin("honors")
def test_an_organisations_profile_in_english(visitor, honour_roll):
    from honors.models import ProfilePage

    team = ProfilePage.objects.get(category="volunteer_organisation")
    assert english(visitor, team.url) == []


@pytest.mark.plugin("honors")
def test_the_home_page_strip_of_profiles_in_english(visitor, honour_roll):
    assert english(visitor, "/") == []


@pytest.mark.plugin("honors")
def test_english_profile_pages_keep_what_editors_wrote_in_chinese(client, honour_roll):
    from honors.models import ProfilePage

    client.cookies["django_language"] = "en"
    html = client.get(ProfilePage.objects.get(title="周立军").url).content.decode()
    assert '<h1 id="honors-profile-name" lang="zh-hans">周立军</h1>' in html
    assert "<dd>Army</dd>" in html and "<dd>Male</dd>" in html and "<dd>1996–2008</dd>" in html
    assert '2023 · Provincial · <span lang="zh-hans">2023年度</span>' in html
    assert '<span class="honors-timeline__date" lang="en">September 1996</span>' in html
    assert 'Back to <span lang="zh-hans">最美退役军人风采</span>' in html


@pytest.mark.plugin("honors")
def test_english_filters_mark_the_options_editors_wrote(client, honour_roll):
    client.cookies["django_language"] = "en"
    html = client.get(honour_roll.url, {"year": "abc"}).content.decode()
    assert '<option value="西山区" lang="zh-hans">西山区</option>' in html
    assert '<option value="2023">2023</option>' in html
    assert '<option value="military_spouse">Military spouse</option>' in html
    assert "These filters were not understood and have been ignored: Year of selection" in html


# -- search: the search page ----------------------------------------------------------------------


@pytest.mark.plugin("honors")
def test_the_search_page_without_a_query_in_english(visitor, honour_roll):
    assert english(visitor, "/search/") == []


@pytest.mark.plugin("honors")
@pytest.mark.parametrize(
    "params",
    [
        pytest.param({"q": "退役军人"}, id="results-and-facets"),
        pytest.param({"q": "zhoulijun"}, id="pinyin"),
        pytest.param({"q": "退役军人", "region": "西山区"}, id="a-facet-chosen"),
        pytest.param({"q": "退役军人", "type": "honors.profilepage", "region": "北塘县"}, id="filtered-to-nothing"),
        pytest.param({"q": "不存在的内容"}, id="no-results"),
        pytest.param({"q": "🙂！！"}, id="symbols-only"),
    ],
)
def test_the_search_page_in_english(visitor, honour_roll, params):
    assert english(visitor, "/search/", **params) == []


@pytest.mark.plugin("honors")
def test_search_results_over_several_pages_in_english(visitor, honour_roll):
    from tests.honors.factories import ProfilePageFactory

    for number in range(10):
        ProfilePageFactory(parent=honour_roll, title=f"退役军人{number}号", honours=[])
    assert english(visitor, "/search/", q="退役军人", page="2") == []


@pytest.mark.plugin("honors")
def test_a_common_word_with_sampled_facets_in_english(visitor, honour_roll, monkeypatch):
    monkeypatch.setattr("search.service.COUNT_LIMIT", 1)  # as if it matched a million records
    assert "search-facet__note" in visitor.get("/search/", {"q": "退役军人"}).content.decode()
    assert english(visitor, "/search/", q="退役军人") == []


def test_the_search_page_without_content_plugins_in_english(visitor, home_page, monkeypatch):
    monkeypatch.setattr("siteshell.plugins.get_plugins", list)
    assert english(visitor, "/search/") == []
    assert english(visitor, "/search/", q="烈士") == []


# -- memorials: the archive and its records -----------------------------------------------------
# (The archive's pages are added here once memorials has its English catalogue.)
