"""Demo content: a team at the demo cemetery and a request at each stage (received, accepted,
declined, scheduled, done with photos, family informed), dated around today so the season
planning shows them. Idempotent: each demo request is found by its phone number's lookup hash.
The requesters are invented; their numbers are test numbers with valid check digits."""

from __future__ import annotations

import datetime
from io import BytesIO

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.translation import gettext as _
from stdnum.cn import ric

from media.demo import render_png
from memorials.interface import MemorialFacility, published_records
from memorials.sweeping import workflow
from memorials.sweeping.models import Relationship, Service, Status, SweepingPhoto, SweepingRequest, SweepingTeam
from siteshell.moderation.models import ModerationStatus
from siteshell.notifications import issue_tracking_code
from siteshell.privacy.consent import record_consent
from siteshell.privacy.fields import hash_for

DEMO_FACILITY = "示范市烈士陵园"

STAGES = [
    # (status, requester, relationship, services, message, days from today: window start, length)
    (Status.RECEIVED, "王建国", Relationship.GRANDCHILD, ["wipe", "flowers", "bow", "photos"], "", 5, 7),
    (
        Status.ACCEPTED,
        "李秀兰",
        Relationship.CHILD,
        ["wipe", "flowers", "message", "photos"],
        "爸爸，家里一切都好，孙子考上了大学。我们想念您。",
        1,
        6,
    ),
    (Status.DECLINED, "赵志刚", Relationship.OTHER, ["flowers"], "", 2, 3),
    (Status.SCHEDULED, "陈玉梅", Relationship.NEPHEW_NIECE, ["wipe", "flowers", "bow", "photos"], "", 0, 5),
    (
        Status.DONE,
        "张卫东",
        Relationship.COMRADE,
        ["wipe", "flowers", "bow", "message", "photos"],
        "老战友，我们来看你了。",
        -6,
        4,
    ),
    (Status.INFORMED, "刘淑珍", Relationship.CHILD, ["wipe", "flowers", "bow", "photos"], "", -20, 5),
]


def _id_number(index: int) -> str:
    """A made-up number that passes the checks (东城区, born 1960s)."""
    body = f"110101196{index}0101{index:02d}1"
    return body + ric.calc_check_digit(body + "0")


def _phone(index: int) -> str:
    return f"1380000{index:04d}"


def load_demo(context):
    facility = MemorialFacility.objects.filter(name=DEMO_FACILITY).first()
    records = list(published_records().filter(facility=facility).order_by("id")[: len(STAGES)]) if facility else []
    if facility is None or len(records) < len(STAGES):
        context.log("  " + _("代祭扫：没有示范陵园的档案，未加载示例申请"))
        return
    team, _created = SweepingTeam.objects.get_or_create(facility=facility)
    staff = get_user_model().objects.filter(is_superuser=True).order_by("pk").first()
    if staff is not None:
        team.members.add(staff)
    new, codes = 0, []
    for index, (stage, record) in enumerate(zip(STAGES, records, strict=True), start=1):
        phone = _phone(index)
        if SweepingRequest.objects.filter(phone_hash=hash_for(phone, "mobile")).exists():
            continue
        sweeping_request = _create(index, stage, record, facility, staff)
        code = issue_tracking_code(sweeping_request, phone[-4:])
        codes.append(f"{sweeping_request.get_status_display()} {code} / {phone[-4:]}")
        new += 1
    context.log("  " + _("代祭扫：%(count)d 份示例申请（本次新增 %(new)d 份）") % {"count": len(STAGES), "new": new})
    for line in codes:
        context.log("    " + _("查询码 / 手机后四位：%(line)s") % {"line": line})


def _create(index, stage, record, facility, staff):
    status, name, relationship, services, message, start_in, length = stage
    today = timezone.localdate()
    now = timezone.now()
    start = today + datetime.timedelta(days=start_in)
    sweeping_request = SweepingRequest(
        record=record,
        martyr_name=record.name,
        facility=facility,
        requester_name=name,
        relationship=relationship,
        phone=_phone(index),
        id_number=_id_number(index),
        services=services,
        message=message,
        preferred_from=start,
        preferred_until=start + datetime.timedelta(days=length - 1),
        submitted_at=now - datetime.timedelta(days=max(2, 2 - start_in)),
    )
    if status != Status.RECEIVED:
        decided = sweeping_request.submitted_at + datetime.timedelta(days=1)
        sweeping_request.decided_at, sweeping_request.decided_by = decided, staff
        sweeping_request.moderation_status = ModerationStatus.APPROVED
    if status == Status.DECLINED:
        sweeping_request.moderation_status = ModerationStatus.REJECTED
        sweeping_request.decision_reason = "示例：所填烈士安葬在外省，请向安葬地的退役军人事务部门申请。"
        sweeping_request.closed_at = sweeping_request.decided_at
    if status in (Status.SCHEDULED, Status.DONE, Status.INFORMED):
        sweeping_request.scheduled_for = max(start, today) if status == Status.SCHEDULED else start
        sweeping_request.assigned_to = staff
        sweeping_request.scheduled_at = sweeping_request.decided_at
    if status in (Status.DONE, Status.INFORMED):
        done = timezone.make_aware(datetime.datetime.combine(start, datetime.time(10, 30)))
        sweeping_request.done_at = done
        sweeping_request.staff_note = "已擦拭墓碑、敬献鲜花并鞠躬致敬。" + ("已代为宣读寄语。" if message else "")
    if status == Status.INFORMED:
        sweeping_request.informed_at = sweeping_request.closed_at = sweeping_request.done_at + datetime.timedelta(
            hours=3
        )
    sweeping_request.status = status
    record_consent(sweeping_request)
    sweeping_request.save()
    if status in (Status.DONE, Status.INFORMED) and Service.PHOTOS in services:
        for number in (1, 2):
            _add_photo(sweeping_request, staff, f"sweeping-demo-{index}-{number}")
    return sweeping_request


def _add_photo(sweeping_request, staff, seed):
    upload = BytesIO(render_png(seed, width=1200, height=900))
    content, extension, mime_type, width, height, preview = workflow.prepare_photos([upload])[0]
    photo = SweepingPhoto(
        request=sweeping_request, content_type=mime_type, width=width, height=height, uploaded_by=staff
    )
    photo.image.save(f"photo.{extension}", ContentFile(content), save=False)
    photo.preview.save("preview.jpg", ContentFile(preview), save=False)
    photo.save()
