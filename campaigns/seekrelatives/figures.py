"""The campaign's live figures (clues received, families found, martyrs still sought) and its
section on the home page. The figures are a live fragment (``{% live "seekrelatives.figures" %}``):
put in afresh on every serve of a cached page, from the cache: three counts over the clues would
otherwise run on every serve of the home page at the peak. A saved or deleted clue, case or list
entry clears them (``signals.py``); what changes them without a signal (a record unpublished, a
bulk update) shows within ``FIGURES_SECONDS``."""

from __future__ import annotations

from dataclasses import dataclass

from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from campaigns.seekrelatives.models import Clue, ClueCase, SeekRelativesCampaignPage, SoughtMartyr
from campaigns.seekrelatives.stages import Stage
from siteshell.moderation.models import ModerationStatus
from siteshell.plugins import HomeSection

LIVE_FIGURES = "seekrelatives.figures"
FIGURES_KEY = "seekrelatives:figures"
FIGURES_SECONDS = 30


@dataclass(frozen=True)
class Figures:
    clues_received: int
    families_found: int
    still_sought: int


def campaign_figures() -> Figures:
    """Clues received (all but those not accepted), cases ended in 认亲成功 (closed ones
    included), and published entries of the list whose family is not found yet."""
    cached = cache.get(FIGURES_KEY)
    if cached is None:
        cached = _counted()
        cache.set(FIGURES_KEY, cached, FIGURES_SECONDS)
    return Figures(*cached)


def figures_changed() -> None:
    cache.delete(FIGURES_KEY)


def _counted() -> tuple[int, int, int]:
    not_taken = (ModerationStatus.REJECTED, ModerationStatus.REMOVED)
    return (
        Clue.objects.exclude(moderation_status__in=not_taken).count(),
        ClueCase.objects.active().filter(confirmed_at__isnull=False, stage__in=[Stage.CONFIRMED, Stage.CLOSED]).count(),
        SoughtMartyr.objects.published().still_sought().count(),
    )


def figures_html(request=None) -> str:
    return render_to_string("seekrelatives/includes/figures.html", {"figures": campaign_figures()})


def register_live_figures() -> None:
    from siteshell.pagecache import register_live

    register_live(LIVE_FIGURES, figures_html)


def home_section(request):
    """The campaign on the home page: its figures, a few martyrs still sought, the newest story;
    ``None`` without a live campaign page."""
    campaign = SeekRelativesCampaignPage.for_request(request)
    if campaign is None:
        return None
    sought = list(SoughtMartyr.objects.published().still_sought().select_related("record")[:4])
    story = campaign.stories().first()
    return HomeSection(
        key="seekrelatives",
        title=str(_("为烈士寻亲")),
        template="seekrelatives/home_section.html",
        context={"campaign": campaign, "sought": sought, "story": story},
        order=40,
        more_url=campaign.url,
        stylesheets=("seekrelatives/seekrelatives.css",),
    )
