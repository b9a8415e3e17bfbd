"""One address of each public page type, found in the demo content (``manage.py load_demo``).

Each finder runs after the demo is loaded and only when its plugin is switched on; it looks the
content up through the models (``apps.get_model``: no plugin is imported here), so the checks
follow the pages wherever their URLs go.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.apps import apps
from django.urls import reverse


@dataclass(frozen=True)
class PageType:
    name: str
    plugin: str | None  # the plugin that serves it (None: the shell)
    find: Callable[[], str]
    status: int = 200


def live_page(model: str):
    page = apps.get_model(model).objects.live().public().order_by("path").first()
    assert page is not None, f"the demo has no live {model}"
    return page


def subpage(model: str, route: str, *args) -> str:
    page = live_page(model)
    return page.url + page.reverse_subpage(route, args=args)


def demo_record():
    """A published martyr record with a facility (its page links to the facility, a tribute
    hall and the correction form)."""
    records = apps.get_model("memorials.MartyrRecord").objects.published()
    record = records.filter(facility__isnull=False).order_by("pk").first()
    assert record is not None, "the demo has no published martyr record with a facility"
    return record


def demo_talk():
    talk = apps.get_model("talks.Talk").objects.published().order_by("pk").first()
    assert talk is not None, "the demo has no published talk"
    return talk


def plugin_enabled(label: str) -> bool:
    from siteshell.plugins import get_plugins

    return any(plugin.label == label for plugin in get_plugins())


def search_path() -> str:
    """A search with results: a martyr's name, or words of the shell's home page."""
    return reverse("search:page") + "?q=" + (demo_record().name if plugin_enabled("memorials") else "退役军人")


PAGE_TYPES = [
    PageType("home", None, lambda: "/"),
    PageType("honors-index", "honors", lambda: live_page("honors.HonorIndexPage").url),
    PageType("honors-profile", "honors", lambda: live_page("honors.ProfilePage").url),
    PageType("martyr-archive", "memorials", lambda: live_page("memorials.MartyrArchivePage").url),
    PageType("martyr-record", "memorials", lambda: subpage("memorials.MartyrArchivePage", "record", demo_record().pk)),
    PageType(
        "memorial-facility",
        "memorials",
        lambda: subpage("memorials.MartyrArchivePage", "facility", demo_record().facility_id),
    ),
    PageType(
        "correction-form", "memorials", lambda: subpage("memorials.MartyrArchivePage", "correction", demo_record().pk)
    ),
    PageType("tribute-hall", "tributes", lambda: reverse("tributes:hall", args=[demo_record().pk])),
    PageType("tribute-ceremony", "tributes", lambda: live_page("tributes.CeremonyPage").url),
    PageType("sweeping-request", "sweeping", lambda: reverse("sweeping:request")),
    PageType("seek-relatives", "seekrelatives", lambda: live_page("seekrelatives.SeekRelativesCampaignPage").url),
    PageType(
        "seek-relatives-clue-form", "seekrelatives", lambda: subpage("seekrelatives.SeekRelativesCampaignPage", "clue")
    ),
    PageType("talks", "talks", lambda: live_page("talks.TalksIndexPage").url),
    PageType("talk", "talks", lambda: subpage("talks.TalksIndexPage", "talk", demo_talk().pk)),
    PageType("talk-booking-form", "talks", lambda: subpage("talks.TalksIndexPage", "book")),
    PageType("education", "education", lambda: live_page("education.EducationIndexPage").url),
    PageType("education-resource", "education", lambda: live_page("education.ResourcePage").url),
    PageType("search", "search", search_path),
    PageType("tracking", None, lambda: reverse("notifications:track")),
    PageType("api-docs", None, lambda: "/api/docs"),
    PageType("not-found", None, lambda: "/no-such-page/", status=404),
]


def installed_page_types() -> list[PageType]:
    return [page_type for page_type in PAGE_TYPES if page_type.plugin is None or plugin_enabled(page_type.plugin)]
