"""GET /healthz: "ok"/"degraded" for everyone, details for staff or the monitoring token; 503 when a service is down."""

import pytest

pytestmark = pytest.mark.django_db

TOKEN = "monitoring-token-5f1c9e"


def test_the_public_sees_only_the_status(client, home_page):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    cache_control = response.headers["Cache-Control"]
    assert "no-cache" in cache_control and "private" in cache_control and "no-store" in cache_control
    assert "Authorization" in response.headers["Vary"]


def test_staff_see_every_service(admin_client, home_page):
    response = admin_client.get("/healthz")
    data = response.json()
    assert response.status_code == 200
    assert data["status"] == "ok"
    assert set(data["checks"]) >= {"database", "cache", "search"}
    assert all(check["status"] == "ok" for check in data["checks"].values())
    assert data["checks"]["cache"]["backend"] in ("LocMemCache", "RedisCache")
    assert "no-cache" in response.headers["Cache-Control"]


def test_a_signed_in_visitor_who_is_not_staff_sees_only_the_status(client, home_page, django_user_model):
    visitor = django_user_model.objects.create_user("visitor", password="x-unused-9f")
    client.force_login(visitor)
    assert client.get("/healthz").json() == {"status": "ok"}


def test_the_monitoring_token_shows_the_details(client, home_page, settings):
    settings.HEALTHZ_TOKEN = TOKEN
    data = client.get("/healthz", headers={"Authorization": f"Bearer {TOKEN}"}).json()
    assert data["checks"]["database"]["status"] == "ok"


@pytest.mark.parametrize(
    "authorization",
    ["", f"Bearer {TOKEN}x", f"Bearer {TOKEN[:-1]}", f"Basic {TOKEN}", TOKEN, "Bearer ", "Bearer\x00"],
)
def test_a_wrong_token_shows_nothing_more(client, home_page, settings, authorization):
    settings.HEALTHZ_TOKEN = TOKEN
    headers = {"Authorization": authorization} if authorization else {}
    assert client.get("/healthz", headers=headers).json() == {"status": "ok"}


def test_no_token_is_accepted_when_none_is_configured(client, home_page, settings):
    settings.HEALTHZ_TOKEN = ""
    assert client.get("/healthz", headers={"Authorization": "Bearer "}).json() == {"status": "ok"}


def test_healthz_is_503_when_the_cache_is_down(client, home_page, settings):
    settings.HEALTHZ_TOKEN = TOKEN
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            # Nothing listens on port 1: the connection is refused at once.
            "LOCATION": "redis://127.0.0.1:1/0",
        }
    }
    public = client.get("/healthz")
    assert public.status_code == 503
    assert public.json() == {"status": "degraded"}
    data = client.get("/healthz", headers={"Authorization": f"Bearer {TOKEN}"}).json()
    assert data["status"] == "degraded"
    assert data["checks"]["cache"]["status"] == "error"
    assert data["checks"]["database"]["status"] == "ok"


def test_healthz_is_503_when_search_fails(admin_client, home_page, monkeypatch):
    from django.test import Client

    from siteshell import health

    def broken_search():
        raise ConnectionError("search server unreachable")

    monkeypatch.setattr(health, "check_search", broken_search)
    public = Client().get("/healthz")
    assert public.status_code == 503
    assert "unreachable" not in public.content.decode()
    assert "unreachable" in admin_client.get("/healthz").json()["checks"]["search"]["error"]


def test_a_check_on_a_fallback_is_degraded_but_still_in_service(client, home_page):
    from wagtail import hooks

    with hooks.register_temporarily(
        "register_health_check", lambda: ("search", lambda: {"status": "degraded", "engine": "embedded (fallback)"})
    ):
        response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "degraded"}
