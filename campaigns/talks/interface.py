"""What other plugins may use of talks: the one module of ``campaigns.talks`` they import.

A plugin that names ``"talks"`` in ``PluginMeta.requires`` reads talks through the functions
below (only published talks) and adds to talk pages at the extension point :data:`TALK_SPEAKER`
and to the speaker form through :data:`SPEAKER_PAGE_TYPES` (``campaigns.talks.extensions``).
Everything else in ``campaigns.talks`` may change without notice.
"""

from __future__ import annotations

from dataclasses import dataclass

from campaigns.talks.extensions import SPEAKER_PAGE_TYPES, TALK_SPEAKER
from campaigns.talks.models import Speaker, Talk, TalksIndexPage, when_text

__all__ = ["SPEAKER_PAGE_TYPES", "TALK_SPEAKER", "Speaker", "TalkLink", "upcoming_talks_of_page"]


@dataclass(frozen=True)
class TalkLink:
    """A talk as another plugin lists it."""

    title: str
    when: str
    place: str
    url: str
    cancelled: bool
    #: The school a talk is held for (``""``: open to the public).
    school: str


def upcoming_talks_of_page(page_id, request=None, limit: int = 5) -> list[TalkLink]:
    """The next published talks of the speakers linked to the page ``page_id`` (an honour-roll
    profile, say), soonest first; ``[]`` when there is no live talks page to show them on."""
    index_page = TalksIndexPage.for_request(request)
    if index_page is None:
        return []
    talks = Talk.objects.upcoming().filter(speakers__profile_page_id=page_id).distinct().order_by("start", "pk")[:limit]
    return [
        TalkLink(
            title=talk.title,
            when=when_text(talk.start, talk.end),
            place=talk.place,
            url=index_page.talk_url(talk, request),
            cancelled=talk.cancelled,
            school=talk.school,
        )
        for talk in talks
    ]
