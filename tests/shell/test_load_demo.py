"""manage.py load_demo: idempotent demo content from the shell and every plugin."""

import re
from io import StringIO

import pytest
from django.contrib.auth import authenticate
from django.core.management import call_command
from wagtail.models import Site

from siteshell.models import BureauSettings, HomePage

pytestmark = [pytest.mark.django_db, pytest.mark.plugin("sampleplugin")]


def load_demo():
    out = StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


def test_load_demo_builds_the_site_and_prints_a_working_admin_password(client):
    from tests.sampleplugin.models import SampleStoryPage

    output = load_demo()
    password = re.search(r"密码: (\S+)", output).group(1)
    assert authenticate(username="admin", password=password) is not None
    site = Site.objects.get(is_default_site=True)
    assert isinstance(site.root_page.specific, HomePage)
    # Full URLs (API, share links, QR codes) point at the address the demo is served on.
    assert (site.hostname, site.port) == ("127.0.0.1", 8000)
    assert site.root_page.specific.hero_image.file.name.endswith(".png")
    assert BureauSettings.for_site(site).address
    assert SampleStoryPage.objects.live().count() == 2
    html = client.get("/").content.decode()
    assert "清明祭扫活动" in html and "纪念活动" in html


def test_load_demo_twice_creates_nothing_twice():
    from tests.sampleplugin.models import SampleStoryPage

    load_demo()
    load_demo()
    assert HomePage.objects.count() == 1
    assert SampleStoryPage.objects.count() == 2
    assert Site.objects.count() == 1
