"""A speaker is free text; when the honour roll is on (the plugin speakerprofiles), a speaker
linked to a profile shows their honour on the talk page and the profile shows their upcoming
talks (extension points of both plugins)."""

import pytest

from tests.talks.conftest import at

pytestmark = [pytest.mark.django_db, pytest.mark.plugin("talks")]


@pytest.fixture
def profile(home_page):
    from tests.honors.factories import (
        HonorIndexPageFactory,
        HonourTitleFactory,
        ProfilePageFactory,
        SelectionRoundFactory,
    )

    title = HonourTitleFactory(name="最美退役军人", slug="zuimei-tuiyi-junren")
    third = SelectionRoundFactory(year=2023, edition="第三届", titles=[title])
    index = HonorIndexPageFactory(parent=home_page)
    return ProfilePageFactory(parent=index, title="马振华", honours=[(third, title)], region="西山区")


def test_a_speaker_is_plain_text_without_a_profile(client, talks_page, make_talk, make_speaker):
    talk = make_talk(speakers=[make_speaker("李秀英", role="烈士亲属")])
    page = client.get(f"/talks/{talk.pk}/").content.decode()
    assert "李秀英" in page and "烈士亲属" in page and "人物风采" not in page


@pytest.mark.plugin("speakerprofiles")
def test_a_speaker_linked_to_a_profile_shows_the_honour(client, talks_page, make_talk, make_speaker, profile):
    talk = make_talk(speakers=[make_speaker("马振华", profile_page=profile)])
    page = client.get(f"/talks/{talk.pk}/").content.decode()
    assert "最美退役军人" in page and f'href="{profile.url}"' in page and "查看" in page


@pytest.mark.plugin("speakerprofiles")
def test_a_profile_shows_the_speakers_upcoming_talks(client, talks_page, make_talk, make_speaker, profile):
    speaker = make_speaker("马振华", profile_page=profile)
    talk = make_talk(title="追寻英烈足迹", speakers=[speaker], start=at(2031, 5, 12, 9, 0))
    make_talk(title="别人的宣讲", speakers=[make_speaker("何振东")], start=at(2031, 5, 13))
    page = client.get(profile.url).content.decode()
    assert "近期宣讲" in page and "追寻英烈足迹" in page and f'href="/talks/{talk.pk}/"' in page
    assert "别人的宣讲" not in page


@pytest.mark.plugin("speakerprofiles")
def test_a_profile_without_talks_shows_no_empty_section(client, talks_page, profile):
    assert "近期宣讲" not in client.get(profile.url).content.decode()


@pytest.mark.plugin("speakerprofiles")
def test_the_speaker_form_offers_honour_profiles(admin_client, profile):
    page = admin_client.get("/admin/snippets/talks/speaker/add/").content.decode()
    assert 'name="profile_page"' in page and "honors.profilepage" in page.lower()


@pytest.mark.plugin("speakerprofiles")
def test_a_speaker_links_only_to_a_profile(admin_client, talks_page, profile):
    from campaigns.talks.models import Speaker

    data = {"name": "黄德明", "role": "", "bio": "", "accepts_bookings": "on"}
    response = admin_client.post("/admin/snippets/talks/speaker/add/", {**data, "profile_page": talks_page.pk})
    assert "只能选择人物风采页面" in response.content.decode()
    admin_client.post("/admin/snippets/talks/speaker/add/", {**data, "profile_page": profile.pk})
    assert Speaker.objects.get(name="黄德明").profile_page_id == profile.pk


def test_without_a_plugin_offering_profiles_the_speaker_form_has_no_page_link(monkeypatch):
    from campaigns.talks.models import Speaker
    from campaigns.talks.models import speakers as speaker_module

    panel = speaker_module.ProfilePagePanel("profile_page").bind_to_model(Speaker)
    monkeypatch.setattr(speaker_module, "speaker_page_types", list)
    # Out of the form altogether: saving a speaker keeps a link made while the honour roll was on.
    assert panel.get_form_options() == {}
    monkeypatch.setattr(speaker_module, "speaker_page_types", lambda: ["talks.TalksIndexPage"])
    assert panel.get_form_options()["fields"] == ["profile_page"]
