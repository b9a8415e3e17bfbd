"""The content the hostile-input suite runs against: a home page, and for each installed content
plugin what its public pages need to show filters, pagers, records and forms — an honour roll
with profiles, a martyr archive with records in more than one page and a cemetery, the sample
plugin's stories and an approved guestbook message.

Then every ``RoutablePageMixin`` page model without a live page gets one made with only its
title (a new plugin's routes are reached without a change here; one that needs more content
fails :func:`routable_pages` with a note to add it).
"""

from __future__ import annotations

import datetime

import pytest
from django.apps import apps
from django.test import Client
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page

from tests.conftest import installed_plugin_labels


def _honour_roll(home_page):
    from tests.honors.factories import (
        HonorIndexPageFactory,
        HonourTitleFactory,
        ProfilePageFactory,
        SelectionRoundFactory,
    )

    veteran = HonourTitleFactory(name="最美退役军人", slug="zuimei-tuiyi-junren")
    spouse = HonourTitleFactory(name="最美军嫂", slug="zuimei-junsao")
    second = SelectionRoundFactory(year=2021, edition="第二届", titles=[veteran, spouse])
    third = SelectionRoundFactory(year=2023, edition="第三届", titles=[veteran])
    index = HonorIndexPageFactory(parent=home_page, per_page=4)  # five profiles: two pages
    for name, honours, region in (
        ("周立军", [(second, veteran)], "青河县"),
        ("韩雪梅", [(second, spouse), (third, veteran)], "东城区"),
        ("马振华", [(third, veteran)], "西山区"),
        ("陈秀兰", [(second, spouse)], "西山区"),
        ("王建国", [(third, veteran)], "南湖区"),
    ):
        ProfilePageFactory(parent=index, title=name, honours=honours, region=region)


def _archive(home_page):
    from memorials.models import MartyrArchivePage
    from tests.memorials.factories import MartyrRecordFactory, MemorialFacilityFactory

    archive = MartyrArchivePage(title="英名录", slug="martyrs", intro="缅怀英烈", per_page=10)
    home_page.add_child(instance=archive)
    archive.save_revision().publish()
    cemetery = MemorialFacilityFactory(name="示范市烈士陵园", province="山东省", address="示范市英雄路1号")
    for number in range(12):
        MartyrRecordFactory(
            name=f"烈士{number:02d}",
            native_province="四川省" if number % 2 else "山东省",
            native_place="四川省巴中市" if number % 2 else "山东省济南市",
            death_date=datetime.date(1951 + number % 3, 10, 1),
            death_precision="month",
            battle="上甘岭战役",
            facility=cemetery,
            grave_section="A",
            grave_row=str(number // 4 + 1),
            grave_number=str(number % 4 + 1),
        )


def _sample_plugin(home_page):
    from tests.sampleplugin.models import GuestbookMessage, SampleIndexPage, SampleStoryPage

    index = SampleIndexPage(title="纪念活动", slug="events")
    home_page.add_child(instance=index)
    index.save_revision().publish()
    story = SampleStoryPage(title="清明祭扫活动", summary="清明祭扫活动在烈士陵园举行。")
    index.add_child(instance=story)
    story.save_revision().publish()
    GuestbookMessage.objects.create(name="李明", text="缅怀先烈", moderation_status="approved")


CONTENT = {"honors": _honour_roll, "memorials": _archive, "sampleplugin": _sample_plugin}


def routable_page_models():
    return [
        model
        for model in apps.get_models()
        if issubclass(model, Page) and issubclass(model, RoutablePageMixin) and not model._meta.abstract
    ]


@pytest.fixture
def hostile_site(home_page):
    """The home page and every installed plugin's content; returns the home page."""
    installed = installed_plugin_labels()
    for label, build in CONTENT.items():
        if label in installed:
            build(home_page)
    return home_page


@pytest.fixture
def routable_pages(hostile_site):
    """A live page of every ``RoutablePageMixin`` model."""
    pages = []
    for model in routable_page_models():
        page = model.objects.live().first()
        if page is None:
            page = model(title=f"hostile {model.__name__}", slug=f"hostile-{model.__name__.lower()}")
            try:
                hostile_site.add_child(instance=page)
                page.save_revision().publish()
            except Exception as error:  # noqa: BLE001 — the note below says what to do
                pytest.fail(f"Add content for {model.__name__} to tests/hostile/conftest.py (CONTENT): {error}")
        pages.append(page.specific)
    return pages


@pytest.fixture
def lenient_client():
    """A client that answers like the server (no exception re-raised: a 500 is a status to
    report with the others) and without CSRF checks, for the hostile POSTs."""
    return Client(raise_request_exception=False, enforce_csrf_checks=False)
