"""Demo content: halls with offerings and approved messages for the demo martyrs, and a
ceremony running today; loading it again adds nothing."""

import io

import pytest
from django.apps import apps

pytestmark = [pytest.mark.django_db, pytest.mark.plugin("tributes")]


def load(home_page):
    from django.core.management.color import no_style

    from siteshell.plugins import DemoContext

    output = io.StringIO()
    context = DemoContext(home_page=home_page, stdout=output, style=no_style())
    apps.get_app_config("memorials").load_demo(context)
    apps.get_app_config("tributes").load_demo(context)
    return output.getvalue()


def test_the_demo_fills_halls_and_runs_a_ceremony_once(client, home_page):
    from memorials.interface import published_records
    from memorials.tributes import counters
    from memorials.tributes.models import CeremonyPage, Offering, TributeMessage

    report = load(home_page)
    assert "网上祭英烈" in report
    huang = published_records().get(external_id="DEMO-HJG")
    assert counters.hall(huang.pk).total > 0
    assert TributeMessage.objects.public().filter(record_id=huang.pk).count() >= 3
    (ceremony,) = CeremonyPage.objects.live()
    assert ceremony.is_running() and ceremony.halls.count() == 4
    hall = client.get(f"/tributes/{huang.pk}/").content.decode()
    assert "英雄永垂不朽" in hall or "和平来之不易" in hall
    assert ceremony.title in client.get("/").content.decode()

    numbers = (Offering.objects.count(), TributeMessage.objects.count(), CeremonyPage.objects.count())
    load(home_page)
    assert (Offering.objects.count(), TributeMessage.objects.count(), CeremonyPage.objects.count()) == numbers
