"""The lifecycle: consent recorded with each submission, personal fields erased when their
retention ends (a scheduled command), nothing personal in the logs."""

import io
import logging
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from siteshell.privacy import consent, lifecycle

pytestmark = [pytest.mark.django_db, pytest.mark.plugin("requestdesk")]


def make_request(phone="13900138000", age_days=0):
    from tests.requestdesk.models import ServiceRequest

    request = ServiceRequest.objects.create(name="王建国", phone=phone, email="wjg@example.com", text="代为祭扫")
    ServiceRequest.objects.filter(pk=request.pk).update(updated_at=timezone.now() - timedelta(days=age_days))
    return ServiceRequest.objects.get(pk=request.pk)


def test_consent_is_recorded_once_per_version_and_referenced(settings):
    from siteshell.privacy.models import ConsentRecord

    first, second = make_request(), make_request()
    consent.record_consent(first)
    consent.record_consent(second)
    first.save()
    second.save()
    record = ConsentRecord.objects.get()
    assert first.consent == second.consent == record
    assert record.key == "siteshell.submission" and record.version == "1" and "不会公开" in record.text
    assert len(record.sha256) == 64
    # A new version of the text is a new record; the old submissions keep theirs.
    consent.register_notice(consent.ConsentNotice("test.notice", "2", "新的说明"))
    assert consent.consent_record("test.notice").version == "2" and ConsentRecord.objects.count() == 2


def test_the_consent_checkbox_is_required_and_shows_the_text():
    from django import forms

    class Form(forms.Form):
        consent = consent.ConsentField()

    form = Form({})
    assert not form.is_valid() and "勾选同意" in form.errors["consent"][0]
    assert Form({"consent": "on"}).is_valid()
    html = str(Form()["consent"].label_tag()) + str(Form().fields["consent"].help_text)
    assert "我已阅读并同意《个人信息处理说明》" in html and "不会公开" in html


def test_expired_submissions_lose_their_personal_data_and_young_ones_keep_it(caplog):
    from wagtail.models import ModelLogEntry

    from tests.requestdesk.models import ServiceRequest

    old, young = make_request(age_days=200), make_request(phone="13700137000", age_days=10)
    out = io.StringIO()
    call_command("erase_expired_personal_data", "--dry-run", stdout=out)
    assert "requestdesk.servicerequest: 1 row(s) older than 180 day(s) would be erased" in out.getvalue()
    assert ServiceRequest.objects.get(pk=old.pk).phone == "13900138000"

    with caplog.at_level(logging.INFO, logger="siteshell.privacy"):
        call_command("erase_expired_personal_data", stdout=(out := io.StringIO()))
    assert "requestdesk.servicerequest: 1 row(s) older than 180 day(s) erased" in out.getvalue()
    erased = ServiceRequest.objects.get(pk=old.pk)
    assert (erased.phone, erased.phone_hash, erased.name, erased.email) == ("", "", "", "")
    assert erased.personal_data_erased_at is not None and erased.text == "代为祭扫"
    kept = ServiceRequest.objects.get(pk=young.pk)
    assert kept.phone == "13700137000" and kept.name == "王建国" and kept.personal_data_erased_at is None
    assert "erased the personal data of 1 requestdesk.servicerequest" in caplog.text
    for personal in ("13900138000", "王建国", "wjg@example.com"):
        assert personal not in caplog.text and personal not in out.getvalue()
    entry = ModelLogEntry.objects.get(action="privacy.retention_erase")
    assert entry.data == {"rows": 1, "days": 180}
    # Nothing left to erase the next day.
    assert lifecycle.erase_expired(ServiceRequest) == 0


def test_the_setting_overrides_the_models_retention(settings):
    from tests.requestdesk.models import ServiceRequest

    request = make_request(age_days=40)
    settings.PRIVACY_RETENTION_DAYS = {"requestdesk.servicerequest": None}
    assert lifecycle.erase_expired(ServiceRequest) == 0
    settings.PRIVACY_RETENTION_DAYS = {"requestdesk.servicerequest": 30}
    assert lifecycle.erase_expired(ServiceRequest, batch_size=1) == 1
    assert ServiceRequest.objects.get(pk=request.pk).phone == ""


@pytest.mark.plugin("memorials")
def test_a_correction_counts_from_its_decision_else_its_submission():
    from memorials.models import MartyrCorrection
    from tests.memorials.factories import MartyrRecordFactory

    now = timezone.now()
    record = MartyrRecordFactory(name="黄继光")

    def correction(submitted_days, decided_days=None):
        return MartyrCorrection.objects.create(
            record=record,
            field="unit",
            proposed_value="第15军",
            submitter_name="李老师",
            submitter_contact="13800001234",
            submitted_at=now - timedelta(days=submitted_days),
            decided_at=now - timedelta(days=decided_days) if decided_days is not None else None,
        )

    undecided_old, decided_recently, decided_long_ago = correction(400), correction(400, 100), correction(800, 500)
    assert lifecycle.erase_expired(MartyrCorrection) == 2
    assert MartyrCorrection.objects.get(pk=decided_recently.pk).submitter_contact == "13800001234"
    for pk in (undecided_old.pk, decided_long_ago.pk):
        erased = MartyrCorrection.objects.get(pk=pk)
        assert (erased.submitter_contact, erased.submitter_name, erased.submitter_contact_hash) == ("", "", "")
