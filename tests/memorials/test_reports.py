"""举报 on a martyr record page: the report reaches the moderation inbox with the record."""

import re

import pytest

pytestmark = pytest.mark.django_db


def report_url(html):
    match = re.search(r'href="(/report/[^"/]+/)"', html)
    assert match, "the page has no report link"
    return match.group(1)


def test_a_visitor_reports_a_record_and_it_waits_for_the_moderators(client, archive, make_record):
    from siteshell.moderation.models import Report

    record = make_record(name="邱少云", native_place="四川铜梁")
    url = report_url(client.get(f"{archive.url}{record.pk}/").content.decode())
    form = client.get(url)
    assert form.status_code == 200 and "邱少云" in form.content.decode()

    response = client.post(url, {"reason": "false", "text": "籍贯应为重庆铜梁"})
    assert response.status_code == 302
    report = Report.objects.get()
    assert report.content_object == record and report.status == "open" and "邱少云" in report.object_title
    # A record is not a public submission: it stays on the site while staff check the report.
    record.refresh_from_db()
    assert record.live
    assert client.get(f"{archive.url}{record.pk}/").status_code == 200


def test_a_forged_report_link_names_nothing(client, archive, make_record):
    make_record(name="邱少云")
    response = client.get("/report/not-a-token/")
    assert response.status_code == 404 and "举报链接无效" in response.content.decode()
