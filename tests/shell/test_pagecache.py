"""The page cache for anonymous visitors (siteshell.pagecache, docs/page-cache.md): what is
served from it, to whom, keyed by what, and what refreshes exactly which pages."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.urls import reverse

pytestmark = [pytest.mark.django_db, pytest.mark.plugin("honors", "memorials")]


@pytest.fixture
def site(home_page, page_cache):
    """Home, an honour roll with two profiles, a second section (the archive) with two records."""
    from memorials.models import MartyrArchivePage
    from tests.honors.factories import HonorIndexPageFactory, ProfilePageFactory
    from tests.memorials.factories import MartyrRecordFactory

    honours = HonorIndexPageFactory(parent=home_page, title="最美退役军人风采", slug="zuimei")
    first = ProfilePageFactory(parent=honours, title="周立军", slug="zhou")
    second = ProfilePageFactory(parent=honours, title="韩雪梅", slug="han")
    archive = MartyrArchivePage(title="英名录", slug="martyrs", intro="缅怀英烈")
    home_page.add_child(instance=archive)
    archive.save_revision().publish()
    records = [MartyrRecordFactory(name="黄继光"), MartyrRecordFactory(name="邱少云")]
    return {
        "home": home_page,
        "honours": honours,
        "first": first,
        "second": second,
        "archive": archive,
        "records": records,
    }


def status(client, url, **extra):
    response = client.get(url, **extra)
    assert response.status_code == 200, url
    return response.headers.get("X-Page-Cache")


def warm(client, *urls):
    for url in urls:
        client.get(url)
        assert status(client, url) == "hit", url


def record_url(record):
    return record.get_url()


def test_an_anonymous_visitor_gets_the_second_view_from_the_cache(client, site):
    first = client.get("/zuimei/zhou/")
    again = client.get("/zuimei/zhou/")
    assert first.headers["X-Page-Cache"] == "miss"
    assert again.headers["X-Page-Cache"] == "hit"
    assert again.content.decode().count("周立军") == first.content.decode().count("周立军") > 0
    assert "s-maxage=" in again.headers["Cache-Control"] and "public" in again.headers["Cache-Control"]
    assert "stale-while-revalidate=" in again.headers["Cache-Control"]


def test_staff_are_never_served_from_the_cache_nor_stored(site, superuser):
    visitor, staff = Client(), Client()
    staff.force_login(superuser)
    warm(visitor, "/zuimei/zhou/")
    response = staff.get("/zuimei/zhou/")
    assert response.headers.get("X-Page-Cache") is None
    assert "private" in response.headers["Cache-Control"]
    assert status(visitor, "/zuimei/zhou/") == "hit"  # the visitor's copy was not replaced


def test_a_visitor_with_a_session_is_not_served_from_the_cache(client, site):
    warm(client, "/zuimei/zhou/")
    client.cookies["sessionid"] = "someone"
    response = client.get("/zuimei/zhou/")
    assert response.headers.get("X-Page-Cache") is None
    assert "private" in response.headers["Cache-Control"]


def test_the_page_cache_can_be_switched_off(client, site, settings):
    settings.PAGE_CACHE = False
    client.get("/zuimei/zhou/")
    assert "X-Page-Cache" not in client.get("/zuimei/zhou/").headers


def test_elder_mode_and_english_are_cached_apart(client, site):
    plain = client.get("/zuimei/").content
    client.cookies["elder_mode"] = "1"
    assert status(client, "/zuimei/") == "miss"
    elder = client.get("/zuimei/")
    assert elder.headers["X-Page-Cache"] == "hit" and elder.content != plain
    client.cookies["django_language"] = "en"
    assert status(client, "/zuimei/") == "miss"
    english = client.get("/zuimei/")
    assert english.headers["X-Page-Cache"] == "hit" and english.headers["Content-Language"] == "en"
    del client.cookies["elder_mode"], client.cookies["django_language"]
    assert status(client, "/zuimei/") == "hit"


def test_query_strings_are_cached_apart_but_tracking_parameters_are_ignored(client, site):
    warm(client, "/martyrs/?q=黄继光")
    assert status(client, "/martyrs/?q=邱少云") == "miss"
    assert status(client, "/martyrs/?utm_source=wechat&q=黄继光") == "hit"


def test_publishing_a_profile_refreshes_it_its_list_its_siblings_and_the_home_page_only(client, site):
    pages = ["/", "/zuimei/", "/zuimei/zhou/", "/zuimei/han/", "/martyrs/", record_url(site["records"][0])]
    warm(client, *pages)
    first = site["first"]
    first.title = "周立军同志"
    first.save_revision().publish()
    assert {url: status(client, url) for url in pages} == {
        "/": "miss",
        "/zuimei/": "miss",
        "/zuimei/zhou/": "miss",
        "/zuimei/han/": "miss",  # its related profiles
        "/martyrs/": "hit",
        record_url(site["records"][0]): "hit",
    }
    assert "周立军同志" in client.get("/zuimei/").content.decode()


def test_unpublishing_a_profile_takes_it_off_its_list_at_once(client, site):
    warm(client, "/zuimei/", "/zuimei/han/", "/martyrs/")
    site["second"].unpublish()
    assert client.get("/zuimei/han/").status_code == 404
    assert status(client, "/zuimei/") == "miss"
    assert "韩雪梅" not in client.get("/zuimei/").content.decode()
    assert status(client, "/martyrs/") == "hit"


def test_publishing_a_top_level_section_refreshes_every_page(client, site):
    pages = ["/", "/zuimei/zhou/", "/martyrs/"]
    warm(client, *pages)
    site["archive"].save_revision().publish()
    assert [status(client, url) for url in pages] == ["miss", "miss", "miss"]


def test_a_changed_record_refreshes_its_page_and_the_archive_not_the_other_records(client, site):
    changed, other = site["records"]
    warm(client, record_url(changed), record_url(other), "/martyrs/", "/zuimei/")
    changed.battle = "上甘岭战役"
    changed.save()
    assert status(client, record_url(changed)) == "miss"
    assert status(client, "/martyrs/") == "miss"
    assert status(client, record_url(other)) == "hit"
    assert status(client, "/zuimei/") == "hit"


def test_a_display_mode_switch_refreshes_every_page(client, site):
    from siteshell.models import DisplaySettings

    pages = ["/", "/zuimei/zhou/", record_url(site["records"][0])]
    warm(client, *pages)
    display = DisplaySettings.for_site(site["home"].get_site())
    display.mourning_mode = "on"
    display.save()
    for url in pages:
        response = client.get(url)
        assert response.headers["X-Page-Cache"] == "miss"
        assert "mourning" in response.content.decode()


@pytest.mark.plugin("sampleplugin")
def test_a_moderation_decision_refreshes_the_page_that_shows_the_item_only(
    client, site, superuser, django_capture_on_commit_callbacks
):
    from siteshell.moderation import service
    from tests.sampleplugin.models import GuestbookMessage

    guestbook = reverse("sampleplugin:guestbook")
    message = GuestbookMessage.objects.create(name="李明", text="英雄永垂不朽")
    warm(client, guestbook, "/zuimei/zhou/")
    assert "英雄永垂不朽" not in client.get(guestbook).content.decode()
    with django_capture_on_commit_callbacks(execute=True):  # sent once the decision is committed
        service.approve(message, superuser)
    assert status(client, guestbook) == "miss"
    assert "英雄永垂不朽" in client.get(guestbook).content.decode()
    assert status(client, "/zuimei/zhou/") == "hit"


def test_a_response_that_sets_a_cookie_is_not_stored(client, site):
    client.get("/display/elder-mode/?enable=1&next=/zuimei/")  # a redirect that sets a cookie
    response = client.get("/display/elder-mode/?enable=1&next=/zuimei/")
    assert response.status_code == 302 and response.headers.get("X-Page-Cache") != "hit"


def test_a_password_protected_page_is_shown_only_to_those_who_gave_the_password(site):
    from wagtail.models import PageViewRestriction

    PageViewRestriction.objects.create(page=site["first"], restriction_type="password", password="qingming")
    passed = Client()
    form = passed.get("/zuimei/zhou/").content.decode()
    assert 'name="password"' in form
    action = re.search(r'action="([^"]+)"', form).group(1)
    assert passed.post(action, {"password": "qingming", "return_url": "/zuimei/zhou/"}).status_code == 302
    mine = passed.get("/zuimei/zhou/")
    assert 'name="password"' not in mine.content.decode()
    assert mine.headers.get("X-Page-Cache") is None and "private" in mine.headers["Cache-Control"]
    for _ in range(2):
        assert 'name="password"' in Client().get("/zuimei/zhou/").content.decode()


def test_a_cached_page_gets_the_nonce_of_its_own_response(client, site):
    for _ in range(3):
        response = client.get("/zuimei/")
        nonces = set(re.findall(r'nonce="([^"]+)"', response.content.decode()))
        header = response.headers["Content-Security-Policy"]
        assert nonces and all(f"'nonce-{nonce}'" in header for nonce in nonces)
    assert response.headers["X-Page-Cache"] == "hit"
    assert "pclive-" not in response.content.decode()


def test_a_conditional_get_is_answered_without_the_page(client, site):
    client.get("/zuimei/")
    etag = client.get("/zuimei/").headers["ETag"]
    response = client.get("/zuimei/", HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304 and response.headers["X-Page-Cache"] == "hit"


def test_an_evicted_generation_costs_a_render_never_a_stale_page(client, site):
    from siteshell.pagecache import store

    warm(client, "/zuimei/zhou/")
    store.cache().delete(store._tag_key(f"page:{site['first'].pk}"))
    store._served.clear()  # as another process sees it, or this one a second later
    assert status(client, "/zuimei/zhou/") == "miss"
    assert status(client, "/zuimei/zhou/") == "hit"


def test_a_page_served_within_the_memo_window_costs_no_cache_call(client, site, monkeypatch, settings):
    """At the peak a process serves the same hall many times a second: from its own memory for
    LOCAL_MEMO_SECONDS. A change made in this process is seen at once; one made by another
    process (in the shared cache only) once the window has passed."""
    from siteshell import cache as shell_cache
    from siteshell.pagecache import store

    settings.LOCAL_MEMO_SECONDS = 1.0
    clock = [1000.0]
    monkeypatch.setattr(shell_cache.time, "monotonic", lambda: clock[0])
    client.get("/zuimei/zhou/")
    looked_up = []
    real_load = store._load
    monkeypatch.setattr(store, "_load", lambda key: looked_up.append(key) or real_load(key))
    assert status(client, "/zuimei/zhou/") == "hit"
    assert looked_up == []
    store.bump(f"page:{site['first'].pk}")  # this process: at once
    assert status(client, "/zuimei/zhou/") == "miss"
    assert status(client, "/zuimei/zhou/") == "hit"
    # Another process's change: only the shared generation moves.
    store.cache().set(store._tag_key(f"page:{site['first'].pk}"), store.new_generation(), timeout=None)
    clock[0] += 0.5
    assert status(client, "/zuimei/zhou/") == "hit"
    clock[0] += 0.6
    assert status(client, "/zuimei/zhou/") == "miss"


def test_no_memo_when_its_window_is_zero(client, site, settings):
    from siteshell.pagecache import store

    settings.LOCAL_MEMO_SECONDS = 0
    warm(client, "/zuimei/zhou/")
    store.cache().delete(store._tag_key(f"page:{site['first'].pk}"))
    assert status(client, "/zuimei/zhou/") == "miss"


def test_a_hit_reads_the_page_and_its_generations_in_one_cache_call(client, site, monkeypatch):
    """One round trip to Redis per hit once the process has seen the page (two the first time),
    and a change still makes the page stale."""
    from siteshell.pagecache import store

    warm(client, "/zuimei/zhou/")
    real = store.cache()
    calls = []

    class Counting:
        def __getattr__(self, name):
            attribute = getattr(real, name)
            if name.startswith("get"):
                calls.append(name)
            return attribute

    monkeypatch.setattr(store, "cache", lambda: Counting())
    store._served.clear()  # past this process's memo of what it served (LOCAL_MEMO_SECONDS)
    assert status(client, "/zuimei/zhou/") == "hit"
    assert calls == ["get_many"]
    store.bump(f"page:{site['first'].pk}")
    assert status(client, "/zuimei/zhou/") == "miss"


def test_a_view_that_never_opts_in_is_not_looked_up_again_for_a_while(client, site, monkeypatch):
    """robots.txt is not for the page cache: after its first render, its requests skip the
    lookup (a round trip to Redis) and still render as before."""
    from siteshell.cache import ProcessMemo
    from siteshell.pagecache import middleware, store

    looked_up = []
    real_load = store.load
    monkeypatch.setattr(store, "load", lambda key: looked_up.append(key) or real_load(key))
    monkeypatch.setattr(middleware, "_not_opted_in", ProcessMemo(seconds=middleware.NOT_OPTED_IN_SECONDS))
    for _request in range(3):
        assert status(client, "/robots.txt") == "skip"
    assert len(looked_up) == 1
    warm(client, "/zuimei/zhou/")  # a page that opts in is looked up every time
    assert len(looked_up) == 3


def test_the_search_page_is_cached_until_something_is_published(client, site):
    warm(client, "/search/?q=周立军")
    site["second"].save_revision().publish()
    assert status(client, "/search/?q=周立军") == "miss"


@pytest.mark.plugin("requestdesk")
def test_a_form_on_a_cached_page_posts_for_two_visitors_each_with_their_own_token(site):
    tokens = []
    for number in range(2):
        visitor = Client(enforce_csrf_checks=True)
        page = visitor.get("/requestdesk/")
        assert page.headers["X-Page-Cache"] == ("miss" if number == 0 else "hit")
        assert "private" in page.headers["Cache-Control"]  # one visitor's token: no shared cache
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.content.decode()).group(1)
        tokens.append(visitor.cookies["csrftoken"].value)
        posted = visitor.post(
            "/requestdesk/",
            {"csrfmiddlewaretoken": token, "name": "王芳", "phone": "13800138000", "email": "", "text": "申请代祭扫"},
        )
        assert posted.status_code == 200 and "pclive-" not in posted.content.decode()
    assert tokens[0] != tokens[1]
