"""GET /healthz reports the database, cache and search backend, with 503 when one is down."""

import pytest

pytestmark = pytest.mark.django_db


def test_healthz_reports_every_service(client, home_page):
    response = client.get("/healthz")
    data = response.json()
    assert response.status_code == 200
    assert data["status"] == "ok"
    assert set(data["checks"]) >= {"database", "cache", "search"}
    assert all(check["status"] == "ok" for check in data["checks"].values())
    assert data["checks"]["cache"]["backend"] in ("LocMemCache", "RedisCache")
    assert "no-cache" in response.headers["Cache-Control"]


def test_healthz_is_503_when_the_cache_is_down(client, home_page, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            # Nothing listens on port 1: the connection is refused at once.
            "LOCATION": "redis://127.0.0.1:1/0",
        }
    }
    response = client.get("/healthz")
    data = response.json()
    assert response.status_code == 503
    assert data["status"] == "error"
    assert data["checks"]["cache"]["status"] == "error"
    assert data["checks"]["database"]["status"] == "ok"


def test_healthz_is_503_when_search_fails(client, home_page, monkeypatch):
    from siteshell import health

    def broken_search():
        raise ConnectionError("search server unreachable")

    monkeypatch.setattr(health, "check_search", broken_search)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert "unreachable" in response.json()["checks"]["search"]["error"]
