"""个人信息保护法 on the correction form: a name or contact is kept only with the visitor's consent
to the notice shown beside the box, and the notice's version is stored with the correction."""

import pytest

pytestmark = pytest.mark.django_db

VALID = {"field": "unit", "proposed_value": "第15军第45师", "evidence": "部队史料"}


@pytest.fixture
def url(archive, make_record):
    record = make_record(name="黄继光", unit="第15军")
    return f"{archive.url}{record.pk}/correction/"


def corrections():
    from memorials.models import MartyrCorrection

    return MartyrCorrection.objects.all()


def test_a_correction_without_personal_data_needs_no_consent(client, url):
    assert client.post(url, VALID).status_code == 302
    assert corrections().get().consent is None


def test_a_contact_without_consent_is_refused_in_chinese_and_kept_in_the_form(client, url):
    response = client.post(url, {**VALID, "submitter_contact": "13800138000"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "请阅读《个人信息处理说明》并勾选同意" in page
    assert 'value="13800138000"' in page  # what they typed is not lost
    assert not corrections().exists()


def test_consent_stores_the_notice_version_with_the_correction(client, url):
    from siteshell.privacy.consent import DEFAULT_NOTICE, get_notice

    response = client.post(url, {**VALID, "submitter_contact": "13800138000", "consent": "on"})
    assert response.status_code == 302
    correction = corrections().get()
    assert correction.submitter_contact == "13800138000"
    assert correction.consent.key == DEFAULT_NOTICE
    assert correction.consent.version == get_notice(DEFAULT_NOTICE).version
    assert correction.consent.text == get_notice(DEFAULT_NOTICE).rendered()


def test_the_notice_is_shown_beside_the_box(client, url):
    from siteshell.privacy.consent import DEFAULT_NOTICE, get_notice

    page = client.get(url).content.decode()
    assert 'name="consent"' in page
    assert get_notice(DEFAULT_NOTICE).rendered()[:20] in page


def test_a_correction_is_stored_when_screening_fails(client, url, monkeypatch):
    def broken(*texts):
        raise RuntimeError("word list unreadable")

    monkeypatch.setattr("siteshell.screening.screen", broken)
    assert client.post(url, VALID).status_code == 302
    correction = corrections().get()
    assert correction.screening_flagged and not correction.bulk_approvable
