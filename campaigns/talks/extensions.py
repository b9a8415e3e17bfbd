"""The places where other plugins add to talks, by name (Wagtail's hook registry).

- :data:`TALK_SPEAKER` — an extension point of the talk page (``siteshell.extensions``): HTML
  after each speaker, called with ``speaker`` (a ``Speaker``). The speaker-profiles plugin shows
  the speaker's honour and a link to their honour-roll profile there.
- :data:`SPEAKER_PAGE_TYPES` — an admin hook: functions returning page models
  (``"app_label.Model"``) a speaker may be linked to. While none is registered the speaker form
  offers no page link and speakers are plain text; nothing of talks names another plugin.
"""

from wagtail import hooks

TALK_SPEAKER = "talks.talk.speaker"
SPEAKER_PAGE_TYPES = "talks.speaker_page_types"


def speaker_page_types() -> list[str]:
    """The page models speakers may link to, from every enabled contributor."""
    types: list[str] = []
    for contributor in hooks.get_hooks(SPEAKER_PAGE_TYPES):
        types.extend(name for name in contributor() or () if name not in types)
    return types
