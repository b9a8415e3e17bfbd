"""The CSRF tokens the page cache fills into cached forms (siteshell.pagecache.csrf): the same
kind of value Django makes, accepted by Django's own middleware."""

from __future__ import annotations

from collections import Counter

import pytest
from django.http import HttpResponse
from django.middleware.csrf import (
    CSRF_ALLOWED_CHARS,
    CSRF_SECRET_LENGTH,
    CSRF_TOKEN_LENGTH,
    CsrfViewMiddleware,
    _unmask_cipher_token,
)
from django.test import RequestFactory

from siteshell.pagecache import csrf


def _middleware():
    return CsrfViewMiddleware(lambda request: HttpResponse("ok"))


def test_random_chars_are_of_the_allowed_kind_and_spread_evenly():
    drawn = csrf.random_chars(62_000)
    assert len(drawn) == 62_000 and not drawn.strip(CSRF_ALLOWED_CHARS)
    counts = Counter(drawn)
    assert set(counts) == set(CSRF_ALLOWED_CHARS)
    # 1,000 expected each; a biased mapping (bytes modulo 62) would give the first eight ~1,210.
    assert max(counts.values()) < 1_150 and min(counts.values()) > 850


def test_a_new_visitor_gets_a_secret_and_a_token_that_django_unmasks_to_it():
    request = RequestFactory().get("/")
    _middleware().process_request(request)
    token = csrf.get_token(request)
    secret = request.META["CSRF_COOKIE"]
    assert len(secret) == CSRF_SECRET_LENGTH and len(token) == CSRF_TOKEN_LENGTH
    assert request.META["CSRF_COOKIE_NEEDS_UPDATE"] is True
    assert _unmask_cipher_token(token) == secret
    assert csrf.get_token(request) != token  # a new mask each time, the same secret
    assert _unmask_cipher_token(csrf.get_token(request)) == secret


def test_the_cookie_is_set_and_a_post_with_the_token_is_accepted_by_django():
    middleware = _middleware()
    page = RequestFactory().get("/")
    middleware.process_request(page)
    token = csrf.get_token(page)
    response = middleware.process_response(page, HttpResponse("page"))
    cookie = response.cookies["csrftoken"].value
    assert cookie == page.META["CSRF_COOKIE"]

    def post(form_token):
        request = RequestFactory().post("/", {"csrfmiddlewaretoken": form_token}, HTTP_COOKIE=f"csrftoken={cookie}")
        request._dont_enforce_csrf_checks = False
        middleware.process_request(request)
        return middleware.process_view(request, lambda r: None, (), {})

    assert post(token) is None  # accepted
    assert post(csrf.masked("a" * CSRF_SECRET_LENGTH)).status_code == 403  # another secret


@pytest.mark.parametrize("cookie", ["", "short", "!" * CSRF_SECRET_LENGTH])
def test_a_visitor_with_an_unusable_secret_gets_a_new_one(cookie):
    request = RequestFactory().get("/")
    request.META["CSRF_COOKIE"] = cookie
    token = csrf.get_token(request)
    assert request.META["CSRF_COOKIE"] != cookie
    assert _unmask_cipher_token(token) == request.META["CSRF_COOKIE"]


def test_a_returning_visitor_keeps_their_secret():
    secret = csrf.random_chars(CSRF_SECRET_LENGTH)
    request = RequestFactory().get("/", HTTP_COOKIE=f"csrftoken={secret}")
    _middleware().process_request(request)
    assert _unmask_cipher_token(csrf.get_token(request)) == secret
    assert request.META["CSRF_COOKIE"] == secret
