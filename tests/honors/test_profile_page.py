"""A profile page: facts, honours, story blocks, related profiles, share metadata, validation."""

import json
import re

import pytest
from django.core.exceptions import ValidationError
from wagtail.blocks import StructBlockValidationError

from honors.blocks import ServiceTimelineBlock
from honors.models import Category, ProfileHonour, ProfilePage, RelatedProfile
from media.demo import make_image

pytestmark = pytest.mark.django_db


def json_ld(html):
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert match, "no JSON-LD on the page"
    return json.loads(match.group(1))


@pytest.fixture
def zhou(honour_roll):
    """周立军 with a photo, a second honour, a story and related profiles (one a draft)."""
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
    assert '<h1 id="honors-profile-name">周立军</h1>' in html
    for fact in ("男", "1978年", "示范市青河县", "陆军", "1996—2008", "青河县"):
        assert fact in html
    # Newest honour first.
    assert html.index("2023年 市级 第三届") < html.index("2021年 市级 第二届")
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
    assert '<meta property="og:title" content="周立军">' in html
    assert f'<meta property="og:description" content="{zhou.summary}">' in html
    image_url = re.search(r'<meta property="og:image" content="([^"]+)">', html).group(1)
    assert image_url.startswith("http://") and "fill-1200x630" in image_url
    assert '<meta property="og:image:width" content="1200">' in html
    assert '<meta property="og:image:alt" content="周立军在田间">' in html


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
    assert client.get(honour_roll.profiles.draft.url or "/zuimei/草稿人物/").status_code == 404
    response = client.get(honour_roll.profiles.private.url)
    assert response.status_code == 302 and "login" in response["Location"]


def test_retirement_cannot_come_before_enlistment(honour_roll):
    profile = honour_roll.profiles.zhou
    profile.retired_year = 1990
    with pytest.raises(ValidationError) as error:
        profile.full_clean()
    assert "退役年份不能早于入伍年份" in str(error.value)


def test_an_organisation_has_no_gender(honour_roll):
    profile = honour_roll.profiles.team
    profile.gender = "male"
    with pytest.raises(ValidationError, match="志愿服务组织不填写性别"):
        profile.full_clean()
    assert profile.category == Category.VOLUNTEER_ORGANISATION


def test_an_honour_must_be_a_title_that_its_round_awards(honour_roll):
    honour = ProfileHonour(
        page=honour_roll.profiles.zhou, round=honour_roll.rounds.second, title=honour_roll.titles.organisation
    )
    with pytest.raises(ValidationError, match="所选届次没有评选这个称号"):
        honour.clean()


def test_timeline_events_must_be_in_year_order():
    block = ServiceTimelineBlock()
    value = block.to_python(
        {"heading": "成长足迹", "events": [{"year": 2008, "event": "退出现役"}, {"year": 1996, "event": "参军入伍"}]}
    )
    with pytest.raises(StructBlockValidationError):
        block.clean(value)
