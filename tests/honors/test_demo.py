"""manage.py load_demo fills the honour roll once, however often it runs."""

from io import StringIO

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def test_demo_builds_a_varied_honour_roll_and_running_it_again_adds_nothing(client):
    from honors.models import Category, HonorIndexPage, ProfilePage, SelectionRound

    call_command("load_demo", stdout=StringIO())
    profiles = ProfilePage.objects.live()
    assert SelectionRound.objects.count() == 4
    assert profiles.count() == 22
    assert set(profiles.values_list("category", flat=True)) == set(Category.values)
    assert profiles.values("region").distinct().count() >= 4
    assert not profiles.filter(photo__isnull=True).exists()
    assert not profiles.filter(honours__isnull=True).exists()
    counts = (HonorIndexPage.objects.count(), ProfilePage.objects.count(), SelectionRound.objects.count())

    call_command("load_demo", stdout=StringIO())
    assert (HonorIndexPage.objects.count(), ProfilePage.objects.count(), SelectionRound.objects.count()) == counts

    index = HonorIndexPage.objects.get()
    response = client.get(index.url, {"category": "military_spouse"})
    assert response.status_code == 200
    assert response.context["paginator"].count == ProfilePage.objects.filter(category="military_spouse").count()
