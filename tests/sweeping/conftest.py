"""Fixtures of the proxy-sweeping tests: the archive with a cemetery and a record, two
facilities' teams, the form as a family fills it in, a request at each step, photos with a GPS
position in them, and the SMS outbox. Plugin models are imported inside fixtures only."""

import datetime
import re
from io import BytesIO

import pytest
from django.utils import timezone
from PIL import Image

from siteshell.notifications import sms


def valid_id(index=1):
    from stdnum.cn import ric

    body = f"11010119600101{index:03d}"
    return body + ric.calc_check_digit(body + "0")


@pytest.fixture(autouse=True)
def sms_outbox(settings):
    settings.NOTIFICATIONS_SMS_BACKEND = "siteshell.notifications.sms.LocmemBackend"
    sms.outbox.clear()
    yield sms.outbox
    sms.outbox.clear()


@pytest.fixture(autouse=True)
def photo_root(settings, tmp_path):
    """Photos go to a folder of this test, outside MEDIA_ROOT."""
    settings.SWEEPING_PHOTO_ROOT = str(tmp_path / "private-photos")
    return tmp_path / "private-photos"


@pytest.fixture(autouse=True)
def one_rate_window(monkeypatch):
    """django-ratelimit counts in fixed windows; a slow test must not cross into the next."""
    import time

    start = int(time.time())
    monkeypatch.setattr("django_ratelimit.core._get_window", lambda value, period: start + period)


@pytest.fixture
def archive(home_page):
    from memorials.models import MartyrArchivePage

    page = MartyrArchivePage(title="英名录", slug="martyrs", intro="缅怀英烈", per_page=10)
    home_page.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def cemetery(db):
    from tests.memorials.factories import MemorialFacilityFactory

    return MemorialFacilityFactory(name="示范市烈士陵园", address="示范市英雄路1号")


@pytest.fixture
def other_cemetery(db):
    from tests.memorials.factories import MemorialFacilityFactory

    return MemorialFacilityFactory(name="隆化董存瑞烈士陵园")


@pytest.fixture
def record(archive, cemetery):
    from tests.memorials.factories import MartyrRecordFactory

    return MartyrRecordFactory(
        name="黄继光",
        native_place="四川省中江县",
        burial_place="示范市烈士陵园",
        facility=cemetery,
        grave_section="A",
        grave_row="3",
        grave_number="12",
    )


@pytest.fixture
def form_data():
    """What a family types (the martyr comes from ``?record=`` or the typed fields)."""
    today = timezone.localdate()
    return {
        "requester_name": "黄建国",
        "relationship": "grandchild",
        "phone": "139 0013 8000",
        "id_number": valid_id(),
        "email": "hjg@example.com",
        "services": ["wipe", "flowers", "message", "photos"],
        "message": "爷爷，我们来看您了。",
        "preferred_from": (today + datetime.timedelta(days=2)).isoformat(),
        "preferred_until": (today + datetime.timedelta(days=8)).isoformat(),
        "consent": "on",
    }


CODE = re.compile(r"data-tracking-code>([\w-]+)<")


@pytest.fixture
def submit(client, django_capture_on_commit_callbacks):
    """``submit(data, record=None)`` posts the form as a family; returns (response, code)."""

    def _submit(data, record=None, **extra):
        payload = dict(data)
        if record is not None:
            payload["record"] = str(record.pk)
        client.get("/sweeping/")
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post("/sweeping/", payload, **extra)
        match = CODE.search(response.content.decode())
        return response, (match.group(1) if match else None)

    return _submit


@pytest.fixture
def submitted(submit, form_data, record):
    from memorials.sweeping.models import SweepingRequest

    response, code = submit(form_data, record=record)
    assert response.status_code == 200, response.content.decode()[:2000]
    return SweepingRequest.objects.get(), code


def make_staff(django_user_model, username, *facilities, group=True, **perms):
    """A staff member of the group 祭扫服务, in the teams of ``facilities``."""
    from django.contrib.auth.models import Group

    from memorials.sweeping.models import SweepingTeam

    user = django_user_model.objects.create_user(username, f"{username}@example.gov.cn", "correct-horse-battery")
    user.first_name = username
    user.save()
    if group:
        user.groups.add(Group.objects.get(name="祭扫服务"))
    for facility in facilities:
        team, _created = SweepingTeam.objects.get_or_create(facility=facility)
        team.members.add(user)
    return user


@pytest.fixture
def staff(db, django_user_model, cemetery):
    """祭扫服务 at 示范市烈士陵园."""
    return make_staff(django_user_model, "liming", cemetery)


@pytest.fixture
def other_staff(db, django_user_model, other_cemetery):
    """祭扫服务 at another cemetery."""
    return make_staff(django_user_model, "wangfang", other_cemetery)


@pytest.fixture
def staff_client(client, staff):
    client.force_login(staff)
    return client


def photo_with_gps(colour=(120, 30, 30), size=(800, 600)):
    """A JPEG as a phone writes it: camera maker and a GPS position in its EXIF."""
    image = Image.new("RGB", size, colour)
    exif = Image.Exif()
    exif[0x010F] = "PhoneMakerCo"
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2], gps[3], gps[4] = "N", (31.0, 14.0, 5.0), "E", (121.0, 28.0, 7.0)
    buffer = BytesIO()
    image.save(buffer, format="JPEG", exif=exif)
    return buffer.getvalue()


def upload(name="grave.jpg", data=None):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, data if data is not None else photo_with_gps(), content_type="image/jpeg")


def status_page(client, code, factor="8000"):
    return client.post("/sweeping/status/", {"code": code, "factor": factor})


@pytest.fixture
def advance(staff, django_capture_on_commit_callbacks):
    """``advance(request, to_status)``: staff take the steps up to ``to_status`` (through the
    workflow, as the admin pages do)."""
    from memorials.sweeping import workflow
    from memorials.sweeping.models import Status

    order = [Status.ACCEPTED, Status.SCHEDULED, Status.DONE, Status.INFORMED]

    def _advance(sweeping_request, to_status):
        with django_capture_on_commit_callbacks(execute=True):
            for step in order[: order.index(to_status) + 1]:
                sweeping_request.refresh_from_db()
                if sweeping_request.status in order and order.index(sweeping_request.status) >= order.index(step):
                    continue  # done already (advance called twice)
                if step == Status.ACCEPTED:
                    workflow.accept(sweeping_request, staff)
                elif step == Status.SCHEDULED:
                    workflow.schedule(sweeping_request, staff, sweeping_request.preferred_from, staff)
                elif step == Status.DONE:
                    photos = workflow.prepare_photos([upload()])
                    workflow.complete(sweeping_request, staff, "已擦拭墓碑、敬献鲜花，代为宣读寄语。", photos)
                else:
                    workflow.inform(sweeping_request, staff)
        sweeping_request.refresh_from_db()
        return sweeping_request

    return _advance
