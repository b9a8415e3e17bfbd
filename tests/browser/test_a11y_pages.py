"""Every public page type, in normal, elder-friendly, English and mourning display, is accessible
(axe-core), valid HTML (the Nu HTML checker) and within its weight budget.

The demo content (``manage.py load_demo``) is built once for the test run and each page type is
visited once per mode in Debian's chromium; the tests below read what those visits found.
Phone width (390 px) for normal and elder-friendly display, desktop width (1280 px) for English
and mourning. Known, explained violations are in ``a11y_allowlist.toml`` (see ``a11y.py``).
"""

from __future__ import annotations

import fcntl
import json
import os
from dataclasses import asdict, dataclass, field
from io import StringIO

import pytest

from tests.browser.a11y import (
    CHECKED_IMPACTS,
    VNU_JAR,
    Visit,
    axe_violations,
    java,
    load_allow_list,
    nu_errors,
    unexplained_violations,
)
from tests.browser.page_types import PAGE_TYPES, installed_page_types
from tests.browser.test_csp import OTHER_SITES, PIXEL

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}


@dataclass(frozen=True)
class Mode:
    name: str
    viewport: dict
    cookies: dict = field(default_factory=dict)
    locale: str = "zh-CN"
    mourning: bool = False
    weighed: bool = False  # the pass whose requests and bytes are counted (to network idle)


MODES = (
    Mode("normal", PHONE, weighed=True),
    Mode("elder", PHONE, cookies={"elder_mode": "1"}),
    Mode("english", DESKTOP, cookies={"django_language": "en"}, locale="en-US"),
    Mode("mourning", DESKTOP, mourning=True),
)

#: Budgets per page type, a little above what the demo pages weighed when they were set (HTML
#: bytes; bytes of everything loaded, uncompressed; requests, to network idle at phone width;
#: the failure lists today's figures). A page that grows past them needs a reason, and a new
#: budget here.
KIB = 1024
BUDGETS = {
    "home": (32 * KIB, 96 * KIB, 24),
    "honors-index": (34 * KIB, 78 * KIB, 18),
    "honors-profile": (18 * KIB, 58 * KIB, 14),
    "martyr-archive": (40 * KIB, 70 * KIB, 12),  # room for the A–Z and province browsing
    "martyr-record": (14 * KIB, 56 * KIB, 15),
    "memorial-facility": (12 * KIB, 50 * KIB, 14),
    "correction-form": (12 * KIB, 48 * KIB, 13),
    "tribute-hall": (16 * KIB, 52 * KIB, 14),
    "tribute-ceremony": (10 * KIB, 42 * KIB, 12),
    "sweeping-request": (17 * KIB, 50 * KIB, 13),
    "seek-relatives": (18 * KIB, 50 * KIB, 12),
    "seek-relatives-clue-form": (14 * KIB, 48 * KIB, 13),
    "talks": (24 * KIB, 58 * KIB, 12),
    "talk": (11 * KIB, 47 * KIB, 14),
    "talk-booking-form": (16 * KIB, 52 * KIB, 13),
    "education": (15 * KIB, 45 * KIB, 12),
    "education-resource": (9 * KIB, 42 * KIB, 14),
    "search": (16 * KIB, 46 * KIB, 12),
    "tracking": (9 * KIB, 40 * KIB, 13),
    "api-docs": (100 * KIB, 128 * KIB, 12),
    "not-found": (7 * KIB, 35 * KIB, 11),
}


# -- the visits --------------------------------------------------------------------------------


def restore_migration_data():
    """What the migrations made, back in a database a transactional test emptied
    (tests/migration_data.py); a no-op on a database that has it."""
    from django.db import connections
    from wagtail.models import Page

    if Page.objects.exists():
        return
    for connection in connections.all(initialized_only=True):
        contents = getattr(connection, "_test_serialized_contents", None)
        if contents:
            connection.creation.deserialize_db_from_string(contents)


def empty_database():
    """As a transactional test leaves it: flushed, with what the migrations made."""
    from django.apps import apps
    from django.contrib.contenttypes.models import ContentType
    from django.core.management import call_command

    # Every content type in the process's cache first: Wagtail's Task.__init__ asks for its own
    # while the rows come back, and would otherwise create it (a second row, or with ids counted
    # anew, an id the process then remembers for another model).
    ContentType.objects.get_for_models(*apps.get_models())
    # As Django's serialized_rollback does: the post-migrate handlers would make the staff groups
    # anew (other ids), which the serialized ones then clash with.
    call_command("flush", interactive=False, verbosity=0, inhibit_post_migrate=True, reset_sequences=False)
    restore_migration_data()


def set_mourning(on: bool):
    from wagtail.models import Site

    from siteshell.models import DisplaySettings

    display = DisplaySettings.for_site(Site.objects.get(is_default_site=True))
    display.mourning_mode = "on" if on else "off"
    display.save()


def visit(page, page_type, path, mode) -> Visit:
    requests = []

    def count(request):
        requests.append(request.url)

    page.on("request", count)
    response = page.goto(path, wait_until="networkidle" if mode.weighed else "load")
    page.remove_listener("request", count)
    html = response.text()
    found = Visit(page_type=page_type.name, mode=mode.name, path=path, status=response.status, html=html)
    found.html_bytes = len(html.encode())
    found.requests = len(requests)
    found.total_bytes = page.evaluate(
        """() => performance.getEntriesByType("navigation").concat(performance.getEntriesByType("resource"))
                 .reduce((sum, entry) => sum + (entry.decodedBodySize || 0), 0)"""
    )
    found.violations = axe_violations(page)
    return found


def crawl(browser, live_server, django_db_blocker) -> list[Visit]:
    """The demo content loaded, every page type visited in every mode, the database emptied."""
    from django.core.cache import caches
    from django.core.management import call_command

    saved_prefixes = {alias: caches[alias].key_prefix for alias in ("default", "pages")}
    for alias in saved_prefixes:
        caches[alias].key_prefix = f"{saved_prefixes[alias]}-a11y"
    found = []
    with django_db_blocker.unblock(), pytest.MonkeyPatch.context() as patch:
        patch.setenv("BASE_URL", live_server.url)
        restore_migration_data()
        try:
            call_command("load_demo", stdout=StringIO())
            page_types = installed_page_types()
            paths = {page_type.name: page_type.find() for page_type in page_types}
            for mode in MODES:
                set_mourning(mode.mourning)
                context = browser.new_context(
                    base_url=live_server.url, viewport=mode.viewport, locale=mode.locale, service_workers="block"
                )
                context.add_cookies(
                    [{"name": name, "value": value, "url": live_server.url} for name, value in mode.cookies.items()]
                )
                context.route(
                    OTHER_SITES, lambda route: route.fulfill(status=200, content_type="image/png", body=PIXEL)
                )
                page = context.new_page()
                page.set_default_timeout(20_000)
                for page_type in page_types:
                    found.append(visit(page, page_type, paths[page_type.name], mode))
                context.close()
        finally:
            empty_database()
            for alias, prefix in saved_prefixes.items():
                caches[alias].key_prefix = prefix
    return found


@pytest.fixture(scope="module")
def visits(browser, live_server, django_db_setup, django_db_blocker, tmp_path_factory):
    """What the visits found, once per test run: with pytest-xdist the first worker that needs
    them crawls, and another one that does too waits for it (the file lock) and reads its
    findings instead of loading the demo and crawling a second time."""
    shared = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        shared = shared.parent  # the run's folder, above each worker's own
    stored = shared / "a11y-visits.json"
    with open(shared / "a11y-visits.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if stored.exists():
            return [Visit(**found) for found in json.loads(stored.read_text(encoding="utf-8"))]
        found = crawl(browser, live_server, django_db_blocker)
        stored.write_text(json.dumps([asdict(visit) for visit in found], ensure_ascii=False), encoding="utf-8")
        return found


# -- the tests ---------------------------------------------------------------------------------


def test_every_public_page_type_answers_in_every_mode(visits):
    expected = {page_type.name: page_type.status for page_type in installed_page_types()}
    assert {(visit.page_type, visit.mode) for visit in visits} == {
        (name, mode.name) for name in expected for mode in MODES
    }
    wrong = [f"{visit.label}: HTTP {visit.status}" for visit in visits if visit.status != expected[visit.page_type]]
    assert wrong == []
    assert expected.keys() <= set(BUDGETS), "a page type without a budget"


def test_no_page_has_an_unexplained_accessibility_violation(visits):
    allowed = load_allow_list()
    found = unexplained_violations(visits, allowed, used=set())
    assert found == [], "axe-core found:\n" + "\n".join(found)


def test_the_allow_list_explains_each_entry_and_lists_only_what_is_found(visits):
    allowed = load_allow_list()
    assert all(entry.reason.strip() for entry in allowed), "every allowed violation needs a reason"
    assert all(entry.rule or entry.message for entry in allowed)
    known_pages = {page_type.name for page_type in PAGE_TYPES}
    assert all(set(entry.pages) <= known_pages for entry in allowed)
    used = set()
    unexplained_violations(visits, allowed, used)
    visited = {visit.page_type for visit in visits}
    stale = [
        entry.describe()
        for index, entry in enumerate(allowed)
        if entry.rule and index not in used and (not entry.pages or set(entry.pages) & visited)
    ]
    assert stale == [], "allowed, but no longer found (remove them from a11y_allowlist.toml)"


def test_the_html_of_every_page_is_valid(visits, tmp_path):
    if java() is None or not VNU_JAR.exists():
        pytest.fail(f"the Nu HTML checker needs java and {VNU_JAR}: run `make install-test`")
    files = {}
    for number, visit in enumerate(visits):
        path = tmp_path / f"{number:03d}-{visit.page_type}-{visit.mode}.html"
        path.write_text(visit.html, encoding="utf-8")
        files[path] = visit
    allowed = [entry for entry in load_allow_list() if entry.message]
    errors = [
        f"{visit.label if visit else '?'}: {text}"
        for visit, text in nu_errors(files)
        if not (visit and any(entry.covers(visit, message=text) for entry in allowed))
    ]
    assert errors == [], "the Nu HTML checker found:\n" + "\n".join(errors)


def test_no_page_type_exceeds_its_weight_budget(visits):
    over = []
    for visit in visits:
        if visit.mode != "normal":
            continue
        html_budget, total_budget, requests_budget = BUDGETS[visit.page_type]
        if visit.html_bytes > html_budget or visit.total_bytes > total_budget or visit.requests > requests_budget:
            over.append(
                f"{visit.label}: {visit.html_bytes} B HTML (budget {html_budget}), {visit.total_bytes} B in all "
                f"(budget {total_budget}), {visit.requests} requests (budget {requests_budget})"
            )
    weights = "\n".join(
        f"{visit.page_type:26} {visit.html_bytes:>7} B {visit.total_bytes:>7} B {visit.requests:>3} requests"
        for visit in visits
        if visit.mode == "normal"
    )
    assert over == [], "over budget:\n" + "\n".join(over) + "\n\nall page types:\n" + weights


def test_the_checks_see_violations_when_there_are_some(browser):
    """The checks themselves work: a page with a known fault is caught."""
    context = browser.new_context()
    page = context.new_page()
    page.set_content('<html><body><img src="x.png"><a href="#"></a><p style="color:#ccc">灰字</p></body></html>')
    rules = {violation["id"] for violation in axe_violations(page) if violation["impact"] in CHECKED_IMPACTS}
    context.close()
    assert {"image-alt", "link-name", "html-has-lang"} <= rules
