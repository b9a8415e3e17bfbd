"""Fixtures of the tribute halls: a martyr archive with published records, visitors (clients
with their own address), the hall's URLs, and the queues."""

import itertools

import pytest
from django.test import Client

_addresses = itertools.count(10)


@pytest.fixture
def archive(home_page):
    from memorials.models import MartyrArchivePage

    page = MartyrArchivePage(title="英名录", slug="martyrs", intro="缅怀英烈", per_page=10)
    home_page.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def make_record(db):
    from tests.memorials.factories import MartyrRecordFactory

    return MartyrRecordFactory


@pytest.fixture
def cemetery(db):
    from tests.memorials.factories import MemorialFacilityFactory

    return MemorialFacilityFactory(name="示范市烈士陵园")


@pytest.fixture
def martyr(archive, make_record, cemetery):
    """黄继光's published record, buried in the city's cemetery."""
    return make_record(
        name="黄继光", native_place="四川省中江县", unit="中国人民志愿军第15军", battle="上甘岭战役", facility=cemetery
    )


@pytest.fixture
def new_visitor():
    """``new_visitor()``: a browser of its own (no cookies) from an address of its own."""

    def make(address=None):
        return Client(REMOTE_ADDR=address or f"10.0.{next(_addresses) % 250}.{next(_addresses) % 250}")

    return make


@pytest.fixture
def visitor(new_visitor):
    return new_visitor()


def hall_path(record):
    return f"/tributes/{record.pk}/"


def offer(client, record, kind="flower", **extra):
    """A tap on a button without JavaScript: the form POST."""
    return client.post(f"/tributes/{record.pk}/offer/", {"kind": kind}, **extra)


@pytest.fixture
def fold():
    """Run the folder as ``manage.py fold_offerings --once`` would."""

    def run():
        from memorials.tributes.folding import fold_all

        return fold_all()

    return run


@pytest.fixture
def folding_worker(settings):
    """A fold_offerings worker runs: web requests only queue."""
    settings.TRIBUTES_FOLD_WORKER = True


@pytest.fixture(autouse=True)
def one_rate_window(monkeypatch):
    """django-ratelimit counts in fixed windows; a slow test must not cross into the next."""
    import time

    start = int(time.time())
    monkeypatch.setattr("django_ratelimit.core._get_window", lambda value, period: start + period)
