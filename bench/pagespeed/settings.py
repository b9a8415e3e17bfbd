"""The site's production settings with one extra URL, ``/bench-bare/``: a bare Django view
served by the same gunicorn, middleware and settings as the pages it is compared with."""

from siteshell.settings.production import *  # noqa: F403

ROOT_URLCONF = "bench.pagespeed.urls"
