"""The page cache for anonymous visitors and the cache in front of the site (docs/page-cache.md)."""

from siteshell.settings.env import env_bool, env_float, env_int, env_list, env_str

#: PAGE_CACHE=0 switches it off (every request renders; for measuring, or a site behind a CDN
#: that caches everything itself).
PAGE_CACHE = env_bool("PAGE_CACHE", True)
#: The cache alias (``CACHES``) that holds the pages: Redis with REDIS_URL, else local memory.
PAGE_CACHE_ALIAS = "pages"
#: How long a page is kept at most: a safety net for changes no signal reports (a record edited
#: in the database by hand); everything that goes through the site invalidates at once.
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 600)
#: ``s-maxage`` and ``stale-while-revalidate`` for a CDN or reverse proxy in front of the site.
PAGE_CACHE_CDN_SECONDS = env_int("PAGE_CACHE_CDN_SECONDS", 60)
PAGE_CACHE_STALE_SECONDS = env_int("PAGE_CACHE_STALE_SECONDS", 300)
#: A page rendered less than this many seconds after an invalidation is not stored (the clocks
#: of several web servers writing the same Redis differ by up to this much).
PAGE_CACHE_CLOCK_SKEW = env_float("PAGE_CACHE_CLOCK_SKEW", 1.0)
#: Paths never looked up (the admin, the API, files, health checks).
PAGE_CACHE_EXCLUDED_PREFIXES = [
    "/admin/",
    "/api/",
    "/static/",
    "/media/",
    "/documents/",
    "/captcha/",
    "/healthz",
    "/_util/",
]

# -- a cache in front of the site (Wagtail's frontend_cache) --------------------------------
# A publish purges the page there too. One of: FRONTEND_CACHE_PURGE_URLS (Varnish, nginx or
# Squid answering HTTP PURGE; comma-separated), CLOUDFLARE_ZONE_ID with CLOUDFLARE_API_TOKEN, or
# CLOUDFRONT_DISTRIBUTION_ID (credentials from the usual AWS variables).
WAGTAILFRONTENDCACHE = {}
for _number, _location in enumerate(env_list("FRONTEND_CACHE_PURGE_URLS", [])):
    WAGTAILFRONTENDCACHE[f"purge{_number}"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": _location,
    }
if env_str("CLOUDFLARE_ZONE_ID", ""):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "ZONEID": env_str("CLOUDFLARE_ZONE_ID", ""),
        "BEARER_TOKEN": env_str("CLOUDFLARE_API_TOKEN", ""),
    }
if env_str("CLOUDFRONT_DISTRIBUTION_ID", ""):
    WAGTAILFRONTENDCACHE["cloudfront"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
        "DISTRIBUTION_ID": env_str("CLOUDFRONT_DISTRIBUTION_ID", ""),
    }
