"""Accepting a public correction leaves a link in the record's history: the entry of the draft it
became carries the correction's id, and the history shows a link to the correction with the
submitter's evidence and the reviewer's note."""

import datetime
import re
from html import unescape

import pytest
from django.contrib.admin.utils import quote
from django.urls import reverse

pytestmark = [pytest.mark.django_db, pytest.mark.plugin("memorials")]


def history_html(client, record):
    url = reverse(record.snippet_viewset.get_url_name("history"), args=(quote(record.pk),))
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def accepted_entry(record):
    from wagtail.models import ModelLogEntry

    return ModelLogEntry.objects.get(
        content_type__model="martyrrecord", object_id=str(record.pk), action="memorials.correction_accept"
    )


def test_the_history_entry_of_an_accepted_correction_links_to_it(admin_client, make_record, superuser):
    from memorials.models import MartyrCorrection
    from siteshell.moderation import service

    record = make_record(name="董存瑞", death_date=datetime.date(1948, 5, 1), death_precision="month")
    correction = MartyrCorrection.objects.create(
        record=record, field="death", proposed_value="1948年5月25日", evidence="隆化战斗史料第12页"
    )
    service.approve(correction, superuser, reason="与县志记载一致")

    correction.refresh_from_db()
    entry = accepted_entry(record)
    assert entry.data["correction"] == correction.pk
    assert entry.data["note"] == "与县志记载一致"
    assert entry.revision_id == correction.revision_id and entry.content_changed
    assert entry.user == superuser

    body = history_html(admin_client, record)
    review_url = reverse("moderation_admin:review", args=["memorials.martyrcorrection", correction.pk])
    assert f'href="{review_url}"' in body
    text = unescape(re.sub(r"<[^>]+>", " ", body))
    assert f"采纳公众纠错（#{correction.pk}）：牺牲年月" in text
    assert "依据：隆化战斗史料第12页" in text and "审核意见：与县志记载一致" in text

    # The link opens the correction, with what was proposed and why.
    page = unescape(admin_client.get(review_url).content.decode())
    assert "1948年5月25日" in page and "隆化战斗史料第12页" in page


def test_a_correction_of_something_else_is_logged_on_the_record_without_a_revision(
    admin_client, make_record, superuser
):
    from memorials.models import MartyrCorrection
    from siteshell.moderation import service

    record = make_record(name="黄继光")
    correction = MartyrCorrection.objects.create(record=record, field="other", proposed_value="照片有误")
    service.approve(correction, superuser)

    entry = accepted_entry(record)
    assert entry.data["correction"] == correction.pk and entry.revision_id is None and not entry.content_changed
    review_url = reverse("moderation_admin:review", args=["memorials.martyrcorrection", correction.pk])
    assert f'href="{review_url}"' in history_html(admin_client, record)


def test_the_accepted_draft_is_logged_once(admin_client, make_record, superuser):
    from wagtail.models import ModelLogEntry

    from memorials.models import MartyrCorrection
    from siteshell.moderation import service

    record = make_record(name="邱少云")
    correction = MartyrCorrection.objects.create(record=record, field="native_place", proposed_value="四川铜梁")
    service.approve(correction, superuser)
    entries = ModelLogEntry.objects.filter(
        content_type__model="martyrrecord", object_id=str(record.pk), revision=correction.revision_id
    )
    assert [entry.action for entry in entries if entry.action in ("wagtail.edit", "memorials.correction_accept")] == [
        "memorials.correction_accept"
    ]
