"""A profile page: facts, honours, story blocks, related profiles, share metadata, validation."""

import json
import re
from urllib.parse import quote

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.html import format_html
from wagtail.blocks import StructBlockValidationError

from media.demo import make_image
from tests.honors.factories import ProfilePageFactory

pytestmark = pytest.mark.django_db


def json_ld(html):
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert match, "no JSON-LD on the page"
    return json.loads(match.group(1))


@pytest.fixture
def zhou(honour_roll):
    """周立军 with a photo, a second honour, a story and related profiles (one a draft)."""
    from honors.models import ProfileHonour, ProfilePage, RelatedProfile

    profile = honour_roll.profiles.zhou
    profile.photo = make_image("周立军肖像", seed="zhou", alt_text="周立军在田间")
    profile.native_place = "示范市青河县"
    profile.honours.add(ProfileHonour(round=honour_roll.rounds.third, title=honour_roll.titles.veteran))
    profile.story = json.dumps(
        [
            {"type": "paragraph", "value": "<p>他牵头成立种植专业合作社。</p>"},
            {"type": "pull_quote", "value": {"quote": "带着乡亲们一起往前冲。", "attribution": "周立军"}},
            {
                "type": "timeline",
                "value": {"heading": "成长足迹", "events": [{"year": 1996, "month": 9, "event": "参军入伍"}]},
            },
        ],
        ensure_ascii=False,
    )
    profile.tags.add("创业带富")
    profile.related_profiles = [
        RelatedProfile(profile=honour_roll.profiles.ma),
        RelatedProfile(profile=honour_roll.profiles.draft),
    ]
    profile.save_revision().publish()
    return ProfilePage.objects.get(pk=profile.pk)


def test_visitor_reads_facts_honours_and_story(client, zhou):
    html = client.get(zhou.url).content.decode()
    assert '<h1 id="honors-profile-name" lang="zh-hans">周立军</h1>' in html
    for fact in ("男", "1978年", "示范市青河县", "陆军", "1996—2008", "青河县"):
        assert fact in html
    # Newest honour first.
    assert html.index('2023年 市级 <span lang="zh-hans">第三届</span>') < html.index(
        '2021年 市级 <span lang="zh-hans">第二届</span>'
    )
    assert "带着乡亲们一起往前冲。" in html and "—— 周立军" in html
    assert "1996年9月" in html and "参军入伍" in html
    assert "创业带富" in html


def test_related_profiles_leave_out_drafts(client, zhou):
    response = client.get(zhou.url)
    assert [profile.title for profile in response.context["related"]] == ["马振华"]
    assert "草稿人物" not in response.content.decode()


def test_profile_shares_with_open_graph_tags_and_a_1200x630_image(client, zhou):
    html = client.get(zhou.url).content.decode()
    assert '<meta property="og:type" content="profile">' in html
    assert '<meta property="og:title" content="周立军" lang="zh-hans">' in html
    assert f'<meta property="og:description" content="{zhou.summary}" lang="zh-hans">' in html
    image_url = re.search(r'<meta property="og:image" content="([^"]+)">', html).group(1)
    assert image_url.startswith("http://") and "fill-1200x630" in image_url
    assert '<meta property="og:image:width" content="1200">' in html
    assert '<meta property="og:image:alt" content="周立军在田间" lang="zh-hans">' in html


def test_profile_describes_a_person_in_schema_org_json_ld(client, zhou):
    data = json_ld(client.get(zhou.url).content.decode())
    assert data["@type"] == "Person"
    assert data["name"] == "周立军"
    assert data["gender"] == "https://schema.org/Male"
    assert data["birthDate"] == "1978"
    assert data["award"] == ["2023年市级第三届“最美退役军人”", "2021年市级第二届“最美退役军人”"]
    assert data["address"]["addressRegion"] == "青河县"
    assert "fill-1200x630" in data["image"]


def test_an_organisation_is_described_as_an_organization(client, honour_roll):
    data = json_ld(client.get(honour_roll.profiles.team.url).content.decode())
    assert data["@type"] == "Organization"
    assert "gender" not in data and "birthDate" not in data


def test_json_ld_cannot_be_broken_out_of_by_page_text(client, honour_roll):
    profile = honour_roll.profiles.ma
    profile.summary = "</script><script>alert(1)</script>"
    profile.save_revision().publish()
    html = client.get(profile.url).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert json_ld(html)["description"] == profile.summary


def test_draft_and_private_profiles_are_not_public(client, honour_roll):
    draft = honour_roll.profiles.draft
    assert draft.url == f"{honour_roll.index.url}{quote(draft.slug)}/"
    assert client.get(draft.url).status_code == 404
    draft.get_latest_revision().publish()
    assert client.get(draft.url).status_code == 200  # the same address serves it once published
    response = client.get(honour_roll.profiles.private.url)
    assert response.status_code == 302 and "login" in response["Location"]


def test_retirement_cannot_come_before_enlistment(honour_roll):
    profile = honour_roll.profiles.zhou
    profile.retired_year = 1990
    with pytest.raises(ValidationError) as error:
        profile.full_clean()
    assert "退役年份不能早于入伍年份" in str(error.value)


def test_an_organisation_has_no_gender(honour_roll):
    from honors.models import Category

    profile = honour_roll.profiles.team
    profile.gender = "male"
    with pytest.raises(ValidationError, match="志愿服务组织不填写性别"):
        profile.full_clean()
    assert profile.category == Category.VOLUNTEER_ORGANISATION


def test_an_honour_must_be_a_title_that_its_round_awards(honour_roll):
    from honors.models import ProfileHonour

    honour = ProfileHonour(
        page=honour_roll.profiles.zhou, round=honour_roll.rounds.second, title=honour_roll.titles.organisation
    )
    with pytest.raises(ValidationError, match="所选届次没有评选这个称号"):
        honour.clean()


def test_timeline_events_must_be_in_year_order():
    from honors.blocks import ServiceTimelineBlock

    block = ServiceTimelineBlock()
    value = block.to_python(
        {"heading": "成长足迹", "events": [{"year": 2008, "event": "退出现役"}, {"year": 1996, "event": "参军入伍"}]}
    )
    with pytest.raises(StructBlockValidationError):
        block.clean(value)


def test_profile_page_queries_do_not_grow_with_its_honours_and_related_profiles(client, honour_roll):
    from honors.models import RelatedProfile

    rounds, titles = honour_roll.rounds, honour_roll.titles
    profile = honour_roll.profiles.zhou

    def queries():
        client.get(profile.url)  # warm the site and settings caches
        with CaptureQueriesContext(connection) as captured:
            response = client.get(profile.url)
        assert response.status_code == 200
        return len(captured), [related.title for related in response.context["related"]]

    profile.related_profiles = [RelatedProfile(profile=honour_roll.profiles.ma)]
    profile.save_revision().publish()
    few, listed = queries()
    assert listed == ["马振华"]

    honours = [(rounds.second, titles.veteran), (rounds.third, titles.volunteer)]
    others = [ProfilePageFactory(parent=honour_roll.index, title=f"相关人物{n}", honours=honours) for n in range(3)]
    profile.honours.add(profile.honours.model(round=rounds.third, title=titles.volunteer))
    profile.related_profiles = [RelatedProfile(profile=other) for other in [honour_roll.profiles.ma, *others]]
    profile.save_revision().publish()
    many, listed = queries()
    assert listed == ["马振华", "相关人物0", "相关人物1", "相关人物2"]
    assert many == few
    # Each card shows its newest honour.
    card_honour = '2023年市级“<span lang="zh-hans">最美退役军人志愿者</span>”'
    assert client.get(profile.url).content.decode().count(card_honour) == 3


def test_other_plugins_add_to_the_profile_after_the_story(client, honour_roll):
    from wagtail import hooks

    def upcoming_talks(request, profile):
        return format_html('<section class="talks-upcoming"><h2>近期宣讲</h2><p>{}的宣讲</p></section>', profile.title)

    profile = honour_roll.profiles.ma
    with hooks.register_temporarily("honors.profile.after_story", upcoming_talks):
        html = client.get(profile.url).content.decode()
    assert '<section class="talks-upcoming"><h2>近期宣讲</h2><p>马振华的宣讲</p></section>' in html
    assert html.index("honors-profile__summary") < html.index("talks-upcoming") < html.index("honors-back")
    assert "talks-upcoming" not in client.get(profile.url).content.decode()  # nothing registered, nothing shown


def test_a_failing_contributor_does_not_break_the_profile_page(client, honour_roll, caplog):
    from wagtail import hooks

    def broken(request, profile):
        raise RuntimeError("talks database unavailable")

    def working(request, profile):
        return "<p class='still-here'>近期宣讲</p>"

    with hooks.register_temporarily([("honors.profile.after_story", broken), ("honors.profile.after_story", working)]):
        response = client.get(honour_roll.profiles.ma.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert '<h1 id="honors-profile-name" lang="zh-hans">马振华</h1>' in html
    assert "&lt;p class=&#x27;still-here&#x27;&gt;" in html  # a plain string is escaped, never markup
    assert "talks database unavailable" in caplog.text
