"""Gunicorn for the stock Wagtail site: the same values as the site's (site/gunicorn_conf.py),
so that the comparison is of the applications, without the search warm-up, which is ours."""

from siteshell.gunicorn_conf import *  # noqa: F403
from siteshell.gunicorn_conf import close_connections


def when_ready(server):
    close_connections()
