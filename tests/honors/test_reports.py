"""举报 on a profile page: the report reaches the moderation inbox with the profile."""

import re

import pytest

pytestmark = pytest.mark.django_db


def test_a_visitor_reports_a_profile(client, home_page):
    from siteshell.moderation.models import Report
    from tests.honors.factories import HonorIndexPageFactory, ProfilePageFactory

    index = HonorIndexPageFactory(parent=home_page)
    profile = ProfilePageFactory(parent=index, title="张富清")
    html = client.get(profile.url).content.decode()
    url = re.search(r'href="(/report/[^"/]+/)"', html).group(1)
    assert client.post(url, {"reason": "insult", "text": ""}).status_code == 302
    report = Report.objects.get()
    assert report.content_object.specific == profile and report.reason == "insult"
