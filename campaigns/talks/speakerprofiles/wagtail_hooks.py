"""What this plugin adds, at the places talks and the honour roll offer."""

from django.template.loader import render_to_string
from wagtail import hooks

from campaigns.talks.interface import SPEAKER_PAGE_TYPES, TALK_SPEAKER, upcoming_talks_of_page
from honors.interface import PROFILE_MODEL, get_published_profile, profile_card

#: The honour roll's extension point after a profile's story.
PROFILE_AFTER_STORY = "honors.profile.after_story"


@hooks.register(SPEAKER_PAGE_TYPES)
def speakers_link_to_profiles():
    """The speaker form offers a chooser of honour-roll profiles."""
    return [PROFILE_MODEL]


@hooks.register(TALK_SPEAKER)
def speaker_honour(request, speaker):
    """On a talk's page, after a speaker linked to a live profile: the honour and the link."""
    if not speaker.profile_page_id:
        return None
    profile = get_published_profile(speaker.profile_page_id)
    if profile is None:
        return None
    card = profile_card(profile, request)
    return render_to_string("speakerprofiles/speaker_card.html", {"card": card}, request=request)


@hooks.register(PROFILE_AFTER_STORY)
def upcoming_talks(request, profile):
    """On a profile, the person's next talks (nothing when there are none)."""
    talks = upcoming_talks_of_page(profile.pk, request)
    if not talks:
        return None
    return render_to_string("speakerprofiles/profile_talks.html", {"talks": talks, "profile": profile}, request=request)
