"""What every public page needs around its content: navigation and display modes."""

from django.core.cache import cache
from django.utils import timezone
from django.utils.translation import get_language

from siteshell import plugins
from siteshell.models import DisplaySettings
from siteshell.modes import elder_mode_from_request, is_mourning_day


def site_chrome(request):
    if request is None or request.path.startswith("/admin/"):
        return {}

    def navigation():
        return cached_navigation(request)

    def offers():
        return cached_offers(request)

    def mourning():
        return is_mourning_day(DisplaySettings.for_request(request), timezone.localdate())

    return {
        # Callables are evaluated lazily, only by templates that use them.
        "site_navigation": navigation,
        # What the plugins offer, for the home page's introduction.
        "site_offers": offers,
        "mourning_mode": mourning,
        "elder_mode": elder_mode_from_request(request),
    }


#: The header navigation is the same for every visitor of a site in one language: it is
#: cached, and any change to the page tree (publish, unpublish, move, delete) or to a site
#: starts a new generation of the cache.
NAVIGATION_CACHE_SECONDS = 300
NAVIGATION_GENERATION_KEY = "siteshell:navigation:generation"


def cached_navigation(request):
    from wagtail.models import Site

    site = Site.find_for_request(request)
    generation = cache.get_or_set(NAVIGATION_GENERATION_KEY, 1, None)
    key = f"siteshell:navigation:{generation}:{site.pk if site else 0}:{get_language()}"
    items = cache.get(key)
    if items is None:
        items = [
            plugins.NavItem(str(item.label), item.url, item.order, item.translated)
            for item in plugins.navigation(request)
        ]
        cache.set(key, items, NAVIGATION_CACHE_SECONDS)
    return items


def cached_offers(request):
    """What the enabled plugins offer (the home page's introduction), cached like the navigation:
    a new generation when the page tree changes, else for ``NAVIGATION_CACHE_SECONDS``."""
    from wagtail.models import Site

    site = Site.find_for_request(request)
    generation = cache.get_or_set(NAVIGATION_GENERATION_KEY, 1, None)
    key = f"siteshell:offers:{generation}:{site.pk if site else 0}:{get_language()}"
    offers = cache.get(key)
    if offers is None:
        offers = [
            plugins.Offer(str(offer.text), offer.url, offer.order, offer.translated)
            for offer in plugins.offers(request)
        ]
        cache.set(key, offers, NAVIGATION_CACHE_SECONDS)
    return offers


def forget_navigation(**kwargs):
    try:
        cache.incr(NAVIGATION_GENERATION_KEY)
    except ValueError:  # not set yet (or evicted): the next request starts one
        cache.set(NAVIGATION_GENERATION_KEY, 2, None)
