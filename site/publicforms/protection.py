"""The view side of the protection: :func:`guard` counts a POST and says whether it may go on.

protection = guard(request, "memorials.correction")
form = CorrectionForm(protection.data, protection=protection)
if protection.posted and form.is_valid():
    if protection.accepts(form):           # False when the honeypot was filled
        store_first(lambda: form.save(), protection.record_submission)
    return protection.finish(redirect(...))  # the same thanks either way
return protection.finish(TemplateResponse(request, "...", {"form": form}))
"""

from __future__ import annotations

import logging
import math
from functools import cached_property

from django.core.cache import cache
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django_ratelimit.core import get_usage

from siteshell.publicforms import conf
from siteshell.publicforms.visitor import address_key, set_visitor_cookie, visitor_key

logger = logging.getLogger("siteshell.publicforms")


def _visitor(group, request):
    return visitor_key(request)


def _address(group, request):
    return address_key(request)


_KEYS = {"visitor": _visitor, "address": _address}


class Guard:
    """One request to one protected form. Build it with :func:`guard`."""

    def __init__(self, request, form_key: str, defaults: dict | None = None):
        self.request = request
        self.form_key = form_key
        self.rates = conf.rates_for(form_key, defaults)
        self.posted = request.method == "POST"
        self.too_large = self.posted and _content_length(request) > conf.max_body()
        #: Seconds the visitor must wait before posting this form again (0: may post now).
        self.limited = self._count_post() if self.posted and not self.too_large else 0

    @cached_property
    def needs_captcha(self) -> bool:
        """Whether the form asks for (and requires) a CAPTCHA; looked up when a form asks (an
        offering's one tap never does)."""
        return self._flagged() or self._past_threshold()

    # -- what the view asks -------------------------------------------------------------------

    @property
    def data(self):
        """What to bind the form to: the POST, or ``None`` on a GET or a post too large to read
        (the form then says so instead of validating)."""
        if not self.posted:
            return None
        return {} if self.too_large else self.request.POST

    @property
    def refusal(self) -> str:
        """Why this post is not taken, as the form shows it (empty when it may be)."""
        if self.too_large:
            return _("提交的内容过多，无法处理。请删减后重新填写，或致电工作人员。")
        if self.limited:
            minutes = max(1, math.ceil(self.limited / 60))
            return ngettext(
                "提交过于频繁，请在%(minutes)d分钟后再试。您填写的内容保留在下方，请不要关闭本页。",
                "提交过于频繁，请在%(minutes)d分钟后再试。您填写的内容保留在下方，请不要关闭本页。",
                minutes,
            ) % {"minutes": minutes}
        return ""

    def accepts(self, form) -> bool:
        """Call once the form is valid. ``False`` when a bot filled the honeypot: answer as if
        stored (same redirect), store nothing. A post sooner than ``PUBLIC_FORM_MIN_SECONDS`` after
        the form was shown is taken, but asks this visitor for a CAPTCHA from now on."""
        if form.honeypot_filled:
            logger.info("publicforms: honeypot filled on %s; not stored", self.form_key)
            self._flag()
            return False
        if form.posted_too_fast:
            logger.info("publicforms: %s posted too fast; CAPTCHA from now on", self.form_key)
            self._flag()
        return True

    def record_submission(self, *args) -> None:
        """Count a stored submission towards the CAPTCHA threshold (extra arguments are ignored,
        so it can be an after-step of :func:`store_first`)."""
        for who in ("visitor", "address"):
            rate = self.rates[f"captcha_{who}"]
            if rate:
                get_usage(self.request, group=self._group("captcha", who), key=_KEYS[who], rate=rate, increment=True)

    def finish(self, response):
        """Set the visitor's cookie and, when refused, the status (429 with ``Retry-After``, or
        413) on the response that re-shows the form."""
        set_visitor_cookie(self.request, response)
        if response.status_code == 200:
            if self.too_large:
                response.status_code = 413
            elif self.limited:
                response.status_code = 429
                response["Retry-After"] = str(self.limited)
        if response.cookies:
            response.headers.setdefault("Cache-Control", "private")
        return response

    # -- counting -----------------------------------------------------------------------------

    def _group(self, kind, who):
        return f"publicforms.{kind}.{who}.{self.form_key}"

    def _count_post(self) -> int:
        """Count this POST; the seconds to wait when it is one too many."""
        wait = 0
        for who in ("visitor", "address"):
            rate = self.rates[who]
            if not rate:
                continue
            usage = get_usage(self.request, group=self._group("post", who), key=_KEYS[who], rate=rate, increment=True)
            if usage and usage["should_limit"]:
                wait = max(wait, usage["time_left"], 1)
        return wait

    def _past_threshold(self) -> bool:
        for who in ("visitor", "address"):
            rate = self.rates[f"captcha_{who}"]
            if rate:
                usage = get_usage(self.request, group=self._group("captcha", who), key=_KEYS[who], rate=rate)
                if usage and usage["count"] >= usage["limit"]:
                    return True
        return False

    def _flag_keys(self):
        return [f"publicforms:flag:{visitor_key(self.request)}", f"publicforms:flag:{address_key(self.request)}"]

    def _flag(self):
        cache.set_many(dict.fromkeys(self._flag_keys(), 1), timeout=conf.flag_seconds())
        self.needs_captcha = True

    def _flagged(self) -> bool:
        return bool(cache.get_many(self._flag_keys()))


def _content_length(request) -> int:
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return 0


def guard(request, form_key: str, *, defaults: dict | None = None) -> Guard:
    """Count this request to the form ``form_key`` (e.g. ``"memorials.correction"``, the key of
    its rates in ``PUBLIC_FORM_RATES``) and return what the view needs to know. ``defaults``: the
    form's own rates, overridden by ``PUBLIC_FORM_RATES[form_key]``."""
    return Guard(request, form_key, defaults)
