"""个人信息查询: staff find one person's submissions across every model by phone, e-mail or ID
number, see them masked, export them in full and erase them; all of it logged."""

import io
import json

import pytest
from openpyxl import load_workbook
from wagtail.models import ModelLogEntry

from tests.sampleplugin.moderation_fixtures import *  # noqa: F403  (fixtures)

pytestmark = [pytest.mark.django_db, pytest.mark.plugin("requestdesk"), pytest.mark.plugin("memorials")]

URL = "/admin/privacy/"


@pytest.fixture
def submissions(db):
    from memorials.models import MartyrCorrection
    from tests.memorials.factories import MartyrRecordFactory
    from tests.requestdesk.models import ServiceRequest

    mine = [
        ServiceRequest.objects.create(name="王建国", phone="13900138000", text="代为祭扫"),
        MartyrCorrection.objects.create(
            record=MartyrRecordFactory(name="黄继光"),
            field="unit",
            proposed_value="第15军",
            submitter_name="王建国",
            submitter_contact="139-0013-8000",
        ),
    ]
    ServiceRequest.objects.create(name="别人", phone="13700137000", text="别人的申请")
    return mine


def lookup(client, identifier="+86 139 0013 8000"):
    return client.post(URL, {"action": "lookup", "identifier": identifier})


def test_only_staff_allowed_to_see_personal_data_may_use_it(client, moderator, site_manager):
    client.force_login(moderator)
    assert client.get(URL).status_code == 302  # Wagtail's "permission denied" redirect
    client.force_login(site_manager)
    page = client.get(URL).content.decode()
    assert "手机号、电子邮箱或身份证号" in page


def test_a_lookup_finds_the_persons_submissions_masked_and_is_logged(client, site_manager, submissions):
    client.force_login(site_manager)
    html = lookup(client).content.decode()
    assert "139****8000：查到 2 条记录" in html
    assert "13900138000" not in html and "王建国" not in html and "137****7000" not in html
    entry = ModelLogEntry.objects.get(action="privacy.lookup")
    assert entry.user == site_manager and entry.data == {"reason": "139****8000", "matches": 2}
    assert "请输入有效的手机号" in lookup(client, "abc").content.decode()


@pytest.mark.parametrize("fmt", ["xlsx", "json"])
def test_the_export_has_the_full_values_and_is_logged(client, site_manager, submissions, fmt):
    client.force_login(site_manager)
    response = client.post(URL, {"action": "export", "identifier": "13900138000", "format": fmt})
    assert response.status_code == 200 and "no-store" in response["Cache-Control"]
    if fmt == "json":
        items = json.loads(response.content)["items"]
        text = json.dumps(items, ensure_ascii=False)
    else:
        workbook = load_workbook(io.BytesIO(response.content))
        text = " ".join(str(cell) for sheet in workbook for row in sheet.iter_rows(values_only=True) for cell in row)
    assert "13900138000" in text and "139-0013-8000" in text and "王建国" in text and "13700137000" not in text
    assert ModelLogEntry.objects.filter(action="privacy.export").count() == 2


def test_erasure_needs_a_reason_and_a_confirmation_and_is_logged(client, site_manager, submissions):
    from memorials.models import MartyrCorrection

    client.force_login(site_manager)
    request, correction = submissions
    key = f"memorials.martyrcorrection:{correction.pk}"
    refused = client.post(URL, {"action": "erase", "identifier": "13900138000", "items": [key]}).content.decode()
    assert "请勾选确认后再删除" in refused and "请填写删除理由" in refused
    assert MartyrCorrection.objects.get(pk=correction.pk).submitter_contact == "139-0013-8000"

    done = client.post(
        URL,
        {"action": "erase", "identifier": "13900138000", "items": [key], "reason": "本人来电要求删除", "confirm": "1"},
        follow=True,
    ).content.decode()
    assert "已删除 1 条记录中的个人信息" in done and "查到 1 条记录" in done
    erased = MartyrCorrection.objects.get(pk=correction.pk)
    assert (erased.submitter_contact, erased.submitter_name) == ("", "") and erased.personal_data_erased_at
    entry = ModelLogEntry.objects.get(action="privacy.erase")
    assert entry.user == site_manager and entry.data == {"reason": "本人来电要求删除"}

    client.post(
        URL, {"action": "erase", "identifier": "13900138000", "erase_all": "1", "reason": "全部", "confirm": "1"}
    )
    request.refresh_from_db()
    assert request.phone == "" and request.name == ""
    assert "查到 0 条记录" in lookup(client).content.decode()
