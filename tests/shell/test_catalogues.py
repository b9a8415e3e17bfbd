"""Each app's compiled catalogues: English translates every string; zh_Hans holds the same
strings unchanged (so a Chinese string is found at once, not after Django's dozen zh-hans
fallbacks). `make messages` regenerates both."""

import gettext
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
APPS = [  # as CATALOGUE_APPS in the Makefile
    "site",
    "site/review",
    "site/moderation",
    "site/screening",
    "site/notifications",
    "site/accounts",
    "site/privacy",
    "site/publicforms",
    "media",
    "search",
    "honors",
    "memorials",
    "memorials/tributes",
    "memorials/sweeping",
    "campaigns/seekrelatives",
    "campaigns/talks",
    "campaigns/talks/speakerprofiles",
    "campaigns/education",
]


def catalogue(app, language):
    with open(ROOT / app / "locale" / language / "LC_MESSAGES" / "django.mo", "rb") as mo:
        return {key: value for key, value in gettext.GNUTranslations(mo)._catalog.items() if key != ""}


def is_wagtails(key):
    return key.split("\x04")[-1].isascii()


@pytest.mark.parametrize("app", APPS)
def test_the_chinese_catalogue_is_the_identity_of_every_english_string(app):
    english, chinese = catalogue(app, "en"), catalogue(app, "zh_Hans")
    singular = {key for key in english if not isinstance(key, tuple) and not is_wagtails(key)}
    plural = {key[0] for key in english if isinstance(key, tuple)}
    assert singular - set(chinese) == set()
    assert all(chinese[key] == key.split("\x04")[-1] for key in singular)
    # An English msgid is a framework's string (a copy of a Wagtail template): Wagtail's own
    # Chinese must answer it, not an identity entry that would leave it in English.
    assert [key for key in chinese if not isinstance(key, tuple) and is_wagtails(key)] == []
    assert plural <= {key[0] for key in chinese if isinstance(key, tuple)}


def test_no_two_catalogues_translate_a_string_differently():
    """Django merges every app's catalogue and the first app in INSTALLED_APPS wins: a shell
    part's “查询 → Look up” would silently replace a plugin's “查询 → Apply filters”. A string
    that means different things takes a context (pgettext)."""
    seen, conflicts = {}, []
    for app in APPS:
        for key, value in catalogue(app, "en").items():
            first = seen.setdefault(key, (app, value))
            if first[1] != value:
                conflicts.append((key, first, (app, value)))
    assert conflicts == []
