"""Running ceremonies (集体祭奠) for the home page and the halls' index."""

from __future__ import annotations

from django.core.cache import cache
from django.utils import timezone
from django.utils.translation import gettext as _

from memorials.tributes.models import CeremonyPage
from siteshell import pagecache
from siteshell.plugins import HomeSection

#: The page-cache tag of what lists the running ceremonies (the home page, the halls' index).
CEREMONIES_TAG = "tributes.ceremonies"
_DAY_KEY = "tributes:ceremonies-day"


def running(request=None, day=None) -> list[CeremonyPage]:
    day = day or timezone.localdate()
    pages = CeremonyPage.objects.live().public().filter(start_date__lte=day, end_date__gte=day)
    return list(pages.order_by("end_date", "pk"))


def home_section(request):
    """The running ceremonies, first on the home page; ``None`` when none runs."""
    if request is not None:
        pagecache.tag(request, CEREMONIES_TAG)
    pages = running(request)
    if not pages:
        return None
    return HomeSection(
        key="tributes-ceremonies",
        title=_("网上祭英烈"),
        template="tributes/home_section.html",
        context={"ceremonies": pages},
        order=5,
        stylesheets=("tributes/tributes.css",),
    )


def note_new_day() -> None:
    """On the first fold of a day, pages listing running ceremonies are rendered again: a
    ceremony starts or ends at midnight, which no publication announces."""
    today = timezone.localdate().isoformat()
    if cache.get(_DAY_KEY) != today:
        cache.set(_DAY_KEY, today, 2 * 24 * 3600)
        pagecache.invalidate(CEREMONIES_TAG)
