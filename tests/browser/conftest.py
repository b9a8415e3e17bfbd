"""Browser tests: the site on a free localhost port, driven through Debian's chromium.

``make test`` installs chromium with apt when it is missing; Playwright never downloads a
browser of its own here.
"""

import os
import shutil

import pytest

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    if not os.path.exists(CHROMIUM):
        pytest.fail(f"chromium not found at {CHROMIUM}: run `make test`, which installs it with apt")
    # Playwright's sync API runs an event loop in this thread; the ORM calls that tests make
    # around it are ordinary synchronous calls.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def open_page(browser, live_server):
    """``open_page(path, **context_options)`` opens a path of the live site in a new tab."""
    contexts = []

    def _open(path="/", **options):
        options.setdefault("locale", "zh-CN")
        context = browser.new_context(base_url=live_server.url, **options)
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(10_000)
        page.goto(path)
        return page

    yield _open
    for context in contexts:
        context.close()


@pytest.fixture(autouse=True)
def fresh_public_form_counters(settings):
    """The live server counts every visitor as 127.0.0.1 in the local cache its thread shares
    with the suite: one test's posts (a browser fills a form in well under the
    PUBLIC_FORM_MIN_SECONDS a person takes, which asks for a CAPTCHA from then on) must not
    make the next test's form ask for a CAPTCHA."""
    from django.core.cache import caches

    settings.PUBLIC_FORM_MIN_SECONDS = 0
    if caches["default"].__class__.__name__ == "LocMemCache":
        caches["default"].clear()
