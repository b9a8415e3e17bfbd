"""The requester's personal data has an end: 180 days after the request was closed (setting
PRIVACY_RETENTION_DAYS) the daily task erases it — the name kept as initials, phone, ID number,
e-mail and message removed — and the family may ask for it earlier from the status page."""

import datetime
import re

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from .conftest import status_page, valid_id

pytestmark = pytest.mark.django_db


def age(sweeping_request, days, field="closed_at"):
    from memorials.sweeping.models import SweepingRequest

    SweepingRequest.objects.filter(pk=sweeping_request.pk).update(
        **{field: timezone.now() - datetime.timedelta(days=days)}
    )


def test_the_daily_task_erases_the_data_180_days_after_the_request_was_closed(submitted, advance, client):
    from memorials.sweeping.models import SweepingRequest

    sweeping_request, code = submitted
    advance(sweeping_request, "informed")
    age(sweeping_request, 179)
    call_command("erase_expired_personal_data")
    assert SweepingRequest.objects.get().phone == "13900138000"
    age(sweeping_request, 181)
    call_command("erase_expired_personal_data")
    erased = SweepingRequest.objects.get()
    assert (erased.phone, erased.id_number, erased.email, erased.message) == ("", "", "", "")
    assert (erased.phone_hash, erased.id_number_hash, erased.requester_name) == ("", "", "")
    assert erased.requester_initials == "黄某" and erased.requester_display == "黄某"
    assert erased.personal_data_erased_at is not None
    # What was done stays, and the family can still look at it.
    assert erased.martyr_name == "黄继光" and erased.photos.count() == 1
    page = status_page(client, code).content.decode()
    assert "已告知家属" in page and "个人信息已于" in page


def test_the_period_is_a_setting(submitted, advance, settings):
    from memorials.sweeping.models import SweepingRequest

    settings.PRIVACY_RETENTION_DAYS = {"sweeping.sweepingrequest": 30}
    sweeping_request, _code = submitted
    advance(sweeping_request, "informed")
    age(sweeping_request, 31)
    call_command("erase_expired_personal_data")
    assert SweepingRequest.objects.get().phone == ""


def test_a_request_never_closed_counts_from_when_it_came_in(submitted):
    from memorials.sweeping.models import SweepingRequest

    sweeping_request, _code = submitted
    age(sweeping_request, 100, field="submitted_at")
    call_command("erase_expired_personal_data")
    assert SweepingRequest.objects.get().phone == "13900138000"
    age(sweeping_request, 181, field="submitted_at")
    call_command("erase_expired_personal_data")
    assert SweepingRequest.objects.get().phone == ""


def erase_from_status_page(client, code, confirm=True):
    page = status_page(client, code).content.decode()
    access = re.search(r'name="access" value="([^"]+)"', page).group(1)
    data = {"access": access, **({"confirm": "on"} if confirm else {})}
    return client.post("/sweeping/status/erase/", data)


def test_a_family_erases_its_data_from_the_status_page_and_the_open_request_is_withdrawn(client, submitted):
    from wagtail.models import ModelLogEntry

    from memorials.sweeping.models import Status, SweepingRequest

    sweeping_request, code = submitted
    response = erase_from_status_page(client, code)
    assert response.status_code == 200 and "个人信息已删除" in response.content.decode()
    erased = SweepingRequest.objects.get()
    assert erased.status == Status.WITHDRAWN and erased.phone == "" and erased.id_number == ""
    assert erased.requester_initials == "黄某" and erased.moderation_status == "rejected"
    assert set(ModelLogEntry.objects.for_instance(erased).values_list("action", flat=True)) >= {
        "privacy.erase",
        "sweeping.withdraw",
    }
    page = status_page(client, code).content.decode()
    assert "已撤回" in page and valid_id() not in page


def test_erasing_a_done_request_keeps_its_photos_for_the_family(client, submitted, advance):
    sweeping_request, code = submitted
    advance(sweeping_request, "done")
    erase_from_status_page(client, code)
    sweeping_request.refresh_from_db()
    assert sweeping_request.status == "done" and sweeping_request.phone == ""
    assert "/sweeping/status/photo/" in status_page(client, code).content.decode()


def test_erasure_needs_the_confirmation_box(client, submitted):
    from memorials.sweeping.models import SweepingRequest

    _request, code = submitted
    response = erase_from_status_page(client, code, confirm=False)
    assert response.status_code == 400 and "请勾选确认后再删除" in response.content.decode()
    assert SweepingRequest.objects.get().phone == "13900138000"


def test_erasure_from_another_browser_or_a_forged_page_is_refused(client, submitted):
    from memorials.sweeping.models import SweepingRequest

    _request, code = submitted
    page = status_page(client, code).content.decode()
    access = re.search(r'name="access" value="([^"]+)"', page).group(1)
    stranger = Client(REMOTE_ADDR="10.3.3.3")
    for token in (access, "forged", ""):
        response = stranger.post("/sweeping/status/erase/", {"access": token, "confirm": "on"})
        assert response.status_code == 400 and "页面已过期" in response.content.decode()
    assert SweepingRequest.objects.get().phone == "13900138000"
    assert client.get("/sweeping/status/erase/").status_code == 405


def test_initials_of_names(db):
    from memorials.sweeping.identity import initials

    assert initials("黄建国") == "黄某" and initials("欧阳 修") == "欧某"
    assert initials("John  Smith") == "J. S." and initials("") == ""
