"""Content-Security-Policy, Permissions-Policy and Cross-Origin-Opener-Policy on the site's responses."""

import importlib
import re

import pytest
from django.http import HttpResponse
from django.test import RequestFactory

pytestmark = pytest.mark.django_db


def directives(header):
    return {part.split()[0]: part.split()[1:] for part in header.split("; ") if part}


def test_html_pages_carry_a_strict_policy_with_a_fresh_nonce(client, home_page):
    first, second = client.get("/"), client.get("/")
    policy = directives(first.headers["Content-Security-Policy"])
    script_src = policy["script-src"]
    assert "'self'" in script_src
    assert "'unsafe-inline'" not in script_src and "'unsafe-eval'" not in script_src
    nonce = next(source for source in script_src if source.startswith("'nonce-"))[7:-1]
    # Our own <script> elements carry this response's nonce.
    assert f'nonce="{nonce}"' in first.content.decode()
    assert nonce not in second.headers["Content-Security-Policy"]
    assert policy["default-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    assert policy["form-action"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert "'unsafe-inline'" not in policy["style-src"]
    assert {"https://player.bilibili.com", "https://v.qq.com", "https://player.youku.com"} <= set(policy["frame-src"])
    assert "upgrade-insecure-requests" not in policy  # production only


def test_permissions_policy_and_opener_policy(client, home_page):
    response = client.get("/")
    features = dict(re.findall(r"([a-z-]+)=\(([^)]*)\)", response.headers["Permissions-Policy"]))
    for feature in ("camera", "microphone", "geolocation", "payment", "usb", "browsing-topics"):
        assert features[feature] == ""
    assert features["fullscreen"].startswith("self ") and '"https://player.bilibili.com"' in features["fullscreen"]
    assert response.headers["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_the_api_and_healthz_are_covered_too(client, home_page):
    for path in ("/api/docs", "/healthz", "/api/openapi.json"):
        response = client.get(path)
        assert "Permissions-Policy" in response.headers, path
        assert "'unsafe-inline'" not in directives(response.headers["Content-Security-Policy"])["script-src"]


def test_a_same_origin_frame_may_be_framed_by_the_site_itself():
    """Wagtail's previews answer X-Frame-Options: SAMEORIGIN; the policy says the same."""
    from csp.middleware import CSPMiddleware

    from siteshell.headers import HeadersMiddleware

    def preview(request):
        response = HttpResponse("<p>预览</p>")
        response["X-Frame-Options"] = "SAMEORIGIN"
        return response

    chain = CSPMiddleware(HeadersMiddleware(preview))
    response = chain(RequestFactory().get("/admin/pages/3/edit/preview/"))
    assert directives(response.headers["Content-Security-Policy"])["frame-ancestors"] == ["'self'"]


def test_the_report_only_switch_and_report_uri(monkeypatch):
    from siteshell.settings import headers

    monkeypatch.setenv("CSP_REPORT_ONLY", "1")
    monkeypatch.setenv("CSP_REPORT_URI", "https://reports.example.gov.cn/csp")
    try:
        reloaded = importlib.reload(headers)
        assert reloaded.CONTENT_SECURITY_POLICY is None
        report_only = reloaded.CONTENT_SECURITY_POLICY_REPORT_ONLY["DIRECTIVES"]
        assert report_only["report-uri"] == ["https://reports.example.gov.cn/csp"]
        assert "'unsafe-inline'" not in report_only["script-src"]
    finally:
        monkeypatch.delenv("CSP_REPORT_ONLY")
        monkeypatch.delenv("CSP_REPORT_URI")
        importlib.reload(headers)


def test_object_storage_hosts_are_allowed_for_images_and_media(monkeypatch):
    from siteshell.settings import headers

    monkeypatch.setenv("S3_BUCKET", "uploads")
    monkeypatch.setenv("S3_CUSTOM_DOMAIN", "cdn.example.gov.cn")
    try:
        policy = importlib.reload(headers).CONTENT_SECURITY_POLICY["DIRECTIVES"]
        assert "https://cdn.example.gov.cn" in policy["img-src"]
        assert "https://cdn.example.gov.cn" in policy["media-src"]
    finally:
        monkeypatch.delenv("S3_BUCKET")
        monkeypatch.delenv("S3_CUSTOM_DOMAIN")
        importlib.reload(headers)


def test_the_error_pages_inline_style_is_allowed_by_its_hash(client, settings):
    from siteshell.headers import error_page_style_hashes

    hashes = error_page_style_hashes()
    assert hashes and all(source.startswith("'sha256-") for source in hashes)
    assert set(hashes) <= set(settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]["style-src"])
