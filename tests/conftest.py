"""Fixtures shared by every test: a site with a home page, staff users.

Tests follow their plugin: ``tests/<label>/`` is not collected when the plugin ``<label>`` is
switched off, and a test elsewhere marked ``@pytest.mark.plugin("<label>", …)`` is skipped.
No test module imports a plugin's models at module level, so every module can be collected
whatever is switched off.

Two-factor authentication (siteshell.accounts): staff who may see personal data (every
superuser, so also ``admin_client``) must pass a second factor before the admin opens. The
autouse fixture ``verified_force_login`` makes ``Client.force_login(user)`` (and ``Client.login``) give an OTP-verified
session: it gives the user a confirmed TOTP device (unless they have one) and stores it under
django-otp's session key, as ``django_otp.login`` would. Tests of the real sign-in path log in
through ``/admin/login/`` instead, or mark themselves ``@pytest.mark.unverified_force_login``
to get Django's plain ``force_login``.
"""

import itertools
from pathlib import Path

import pytest
from wagtail.models import Collection, Locale, Page, Site

from siteshell.models import BureauSettings, HomePage

pytest_plugins = ["tests.migration_data"]


@pytest.fixture(autouse=True)
def fresh_cache_namespace():
    """Each test sees an empty cache: site settings and navigation are cached across requests
    (and the database rolls back between tests, the cache would not). A new key prefix rather
    than ``cache.clear()``, which on a shared Redis would also empty other workers' caches."""
    from django.core.cache import caches

    number = next(_test_numbers)
    originals = {}
    for alias in ("default", "pages"):
        cache = caches[alias]
        originals[alias] = cache.key_prefix
        cache.key_prefix = f"{cache.key_prefix}-t{number}"
    yield
    for alias, original in originals.items():
        caches[alias].key_prefix = original


_test_numbers = itertools.count()


@pytest.fixture
def page_cache(settings):
    """The page cache switched on (the test settings have it off), empty."""
    settings.PAGE_CACHE = True
    settings.PAGE_CACHE_CLOCK_SKEW = 0
    return settings


@pytest.fixture(autouse=True)
def fresh_sensitive_words():
    """The sensitive-word list is kept per process; a word a test added (and the database rolled
    back) must not stay in it for the next test."""
    yield
    from siteshell.screening import invalidate

    invalidate()


def pytest_configure(config):
    config.addinivalue_line("markers", "unverified_force_login: Client.force_login without the second factor")


@pytest.fixture(autouse=True)
def verified_force_login(request, monkeypatch):
    """``Client.force_login`` also passes the second factor (see the module docstring)."""
    if request.node.get_closest_marker("unverified_force_login"):
        return
    from django.test import Client

    plain_force_login = Client.force_login

    def verify(client, user):
        from django_otp import DEVICE_ID_SESSION_KEY
        from django_otp.plugins.otp_totp.models import TOTPDevice

        device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
        if device is None:
            device = TOTPDevice.objects.create(user=user, name="tests", confirmed=True)
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()

    def force_login(self, user, backend=None):
        plain_force_login(self, user, backend)
        verify(self, user)

    plain_login = Client.login

    def login(self, **credentials):
        # Django's Client.login (a password check without a request) is verified alike.
        from django.contrib.auth import SESSION_KEY, get_user_model

        logged_in = plain_login(self, **credentials)
        if logged_in:
            verify(self, get_user_model()._default_manager.get(pk=self.session[SESSION_KEY]))
        return logged_in

    monkeypatch.setattr(Client, "force_login", force_login)
    monkeypatch.setattr(Client, "login", login)


TESTS_DIR = Path(__file__).resolve().parent


def installed_plugin_labels():
    from siteshell.plugins import get_plugins

    return {plugin.label for plugin in get_plugins()}


def known_plugin_labels():
    """The labels of every plugin shipped with the product or the suite, installed or not
    (plugins inside an area, such as ``memorials.tributes``, included)."""
    from django.conf import settings

    from siteshell.plugins import plugin_config_class, plugin_label

    labels = set()
    for module in [*settings.DEFAULT_PLUGINS, *settings.TEST_PLUGINS]:
        config_class = plugin_config_class(module)
        if config_class is not None:
            labels.add(plugin_label(module, config_class))
    return labels


def pytest_ignore_collect(collection_path, config):
    """``tests/<label>/`` of a plugin that is switched off."""
    path = Path(collection_path)
    if path.parent != TESTS_DIR or not path.is_dir() or path.name not in known_plugin_labels():
        return None
    return True if path.name not in installed_plugin_labels() else None


def pytest_collection_modifyitems(config, items):
    installed = installed_plugin_labels()
    for item in items:
        for marker in item.iter_markers("plugin"):
            missing = [label for label in marker.args if label not in installed]
            if missing:
                item.add_marker(pytest.mark.skip(reason=f"plugin switched off: {', '.join(missing)}"))


def page_tree_root():
    """Wagtail's root page and root collection, recreated when a transactional test flushed
    what the migrations made."""
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    root = Page.get_first_root_node()
    if root is None:
        locale, _created = Locale.objects.get_or_create(language_code="zh-hans")
        root = Page.add_root(instance=Page(title="Root", slug="root", locale=locale))
    return root


@pytest.fixture
def home_page(db):
    """The default site's root: a published HomePage (Wagtail's welcome page stays unused)."""
    root = page_tree_root()
    home = HomePage(title="崇尚英雄 · 关爱退役军人", slug="home-page", intro="缅怀先烈，关爱退役军人。")
    root.add_child(instance=home)
    home.save_revision().publish()
    site, _created = Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": "退役军人荣誉与纪念"},
    )
    BureauSettings.objects.update_or_create(
        site=site,
        defaults={
            "bureau_name": "示范市退役军人事务局",
            "address": "示范市人民路88号",
            "phone": "0000-12345678",
            "email": "office@example.gov.cn",
        },
    )
    return home


@pytest.fixture
def superuser(db, django_user_model):
    return django_user_model.objects.create_superuser("chief", "chief@example.gov.cn", "correct-horse-battery")


@pytest.fixture
def admin_client(client, superuser):
    client.force_login(superuser)
    return client
