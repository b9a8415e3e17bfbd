"""What other plugins may use of the honour roll (``honors.interface``): only public profiles,
read through small functions, and a card with name, newest honour, address and photo."""

import pytest
from django.db import models

from media.demo import make_image
from tests.honors.factories import ProfilePageFactory

pytestmark = pytest.mark.django_db


def test_the_profile_model_is_offered_as_a_foreign_key_target():
    from honors import interface
    from honors.models import ProfilePage

    assert interface.ProfilePage is ProfilePage
    assert interface.PROFILE_MODEL == "honors.ProfilePage"
    # What a talks plugin declares for a talk's speaker.
    speaker = models.ForeignKey(interface.PROFILE_MODEL, null=True, on_delete=models.SET_NULL)
    assert speaker.remote_field.model == interface.PROFILE_MODEL


def test_published_profiles_leave_out_drafts_and_private_profiles(honour_roll):
    from honors.interface import published_profiles
    from tests.honors.conftest import PUBLIC_NAMES

    assert {profile.title for profile in published_profiles()} == PUBLIC_NAMES


def test_a_published_profile_is_found_by_its_primary_key_and_nothing_else_is(honour_roll):
    from honors.interface import get_published_profile

    profiles = honour_roll.profiles
    assert get_published_profile(profiles.ma.pk) == profiles.ma
    assert get_published_profile(str(profiles.ma.pk)) == profiles.ma
    for hidden in (profiles.draft.pk, profiles.private.pk, 999_999, "abc", None):
        assert get_published_profile(hidden) is None


def test_a_profile_card_gives_name_newest_honour_address_and_photo(rf, honour_roll):
    from honors.interface import get_published_profile, profile_card

    rounds, titles = honour_roll.rounds, honour_roll.titles
    photo = make_image("韩雪梅肖像", seed="han", alt_text="韩雪梅")
    han = ProfilePageFactory(
        parent=honour_roll.index,
        title="韩雪梅（新）",
        photo=photo,
        honours=[(rounds.second, titles.spouse), (rounds.third, titles.volunteer)],
    )
    card = profile_card(get_published_profile(han.pk), rf.get("/"))
    assert card.name == "韩雪梅（新）"
    assert card.title == "2023年市级第三届“最美退役军人志愿者”"
    assert card.url == han.url and card.url.startswith(honour_roll.index.url)
    assert card.photo == photo


def test_a_card_of_a_profile_without_honours_or_photo_leaves_them_empty(honour_roll):
    from honors.interface import profile_card

    profile = ProfilePageFactory(parent=honour_roll.index, title="新人物")
    card = profile_card(profile)
    assert (card.name, card.title, card.photo) == ("新人物", "", None)
    assert card.url == profile.url
