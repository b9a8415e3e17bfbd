"""The steps of a request, each one logged (who, when) in the request's history and the site's
audit log, and each one told to the family:

received → accepted (or declined, with the reason the family reads) → scheduled (a day and a
staff member) → done (photos and a note) → family informed.

Accepting and declining are moderation decisions (``siteshell.moderation.service``), so the
inbox 待办 and the plugin's own page take them the same way; the later steps are here. A family
may withdraw a request and have its personal data erased from the status page (:func:`withdraw`).
"""

from __future__ import annotations

import io
import logging

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from PIL import Image, ImageOps
from wagtail.log_actions import log

from media.uploads import sanitize_image
from memorials.sweeping import conf
from memorials.sweeping.family import tell_family
from memorials.sweeping.models import Service, Status, SweepingPhoto, SweepingRequest
from siteshell.moderation import service as moderation
from siteshell.moderation.models import ModerationStatus
from siteshell.moderation.service import ModerationError
from siteshell.privacy import lifecycle

logger = logging.getLogger(__name__)

#: The longest side of the photo shown on the status page (the download is the cleaned original).
PREVIEW_SIZE = 1280

SCHEDULE_ACTION = "sweeping.schedule"
COMPLETE_ACTION = "sweeping.complete"
INFORM_ACTION = "sweeping.inform"
WITHDRAW_ACTION = "sweeping.withdraw"


class WorkflowError(Exception):
    """A step that cannot be taken now; the message is for staff (Chinese)."""


def _locked(sweeping_request, *statuses) -> SweepingRequest:
    """The request's row, locked for this transaction, when it is in one of ``statuses``."""
    current = SweepingRequest.objects.select_for_update().get(pk=sweeping_request.pk)
    if current.status not in statuses:
        raise WorkflowError(_("这份申请的状态已经改变（可能已由其他工作人员办理），请刷新后再看。"))
    return current


# -- accepted or declined: the moderation decision ---------------------------------------------


def accept(sweeping_request, user) -> SweepingRequest:
    try:
        return moderation.approve(sweeping_request, user)
    except ModerationError as error:
        raise WorkflowError(str(error)) from None


def decline(sweeping_request, user, reason: str) -> SweepingRequest:
    """Decline with ``reason`` (the family reads it): a request still waiting is rejected, one
    already accepted (or scheduled) is withdrawn from the accepted ones (撤下)."""
    if not (reason or "").strip():
        raise WorkflowError(_("请填写未能受理的原因，家属会在进度页上看到。"))
    if sweeping_request.status not in (Status.RECEIVED, Status.ACCEPTED, Status.SCHEDULED):
        raise WorkflowError(_("已完成的申请不能再退回。"))
    decide = moderation.reject if sweeping_request.moderation_status == ModerationStatus.PENDING else moderation.remove
    try:
        return decide(sweeping_request, user, reason)
    except ModerationError as error:
        raise WorkflowError(str(error)) from None


# -- the plugin's own steps -----------------------------------------------------------------------


def schedule(sweeping_request, user, day, staff_member) -> SweepingRequest:
    """Set (or change) the day and who goes; the family is told the day."""
    with transaction.atomic():
        current = _locked(sweeping_request, Status.ACCEPTED, Status.SCHEDULED)
        current.status = Status.SCHEDULED
        current.scheduled_for = day
        current.assigned_to = staff_member
        current.scheduled_at = timezone.now()
        current.save(update_fields=["status", "scheduled_for", "assigned_to", "scheduled_at", "updated_at"])
        staff_name = (staff_member.get_full_name() or staff_member.get_username()) if staff_member else ""
        log(
            current,
            SCHEDULE_ACTION,
            user=user,
            data={"day": day.isoformat(), "staff": staff_name, "comment": f"{day.isoformat()} · {staff_name}"},
        )
        tell_family(current, "scheduled", day=day.isoformat())
    return current


def prepare_photos(files) -> list[tuple[bytes, str, str, int, int, bytes]]:
    """Each upload through the media service's cleaning (content checked, EXIF/GPS removed),
    with a smaller JPEG preview: ``(content, extension, mime type, width, height, preview)``.
    Raises ``ValidationError`` (Chinese, from ``media.uploads``) for a file that is no image."""
    prepared = []
    for upload in files:
        upload.seek(0)
        clean = sanitize_image(upload.read())
        prepared.append(
            (clean.content, clean.extension, clean.mime_type, clean.width, clean.height, _preview(clean.content))
        )
    return prepared


def _preview(content: bytes) -> bytes:
    with Image.open(io.BytesIO(content)) as image:
        image.seek(0)
        preview = ImageOps.exif_transpose(image) or image
        preview = preview.convert("RGB")
        preview.thumbnail((PREVIEW_SIZE, PREVIEW_SIZE))
        output = io.BytesIO()
        preview.save(output, format="JPEG", quality=82, optimize=True)
    return output.getvalue()


def complete(sweeping_request, user, note: str, photos) -> SweepingRequest:
    """Record the sweeping as done, with ``note`` (the family reads it) and ``photos``
    (from :func:`prepare_photos`). A family that asked for photos gets at least one."""
    if sweeping_request.wants(Service.PHOTOS) and not photos:
        raise WorkflowError(_("家属申请了拍照反馈，请至少上传一张照片。"))
    if len(photos) > conf.max_photos():
        raise WorkflowError(_("照片最多%(count)d张。") % {"count": conf.max_photos()})
    written = []
    try:
        with transaction.atomic():
            current = _locked(sweeping_request, Status.SCHEDULED)
            for content, extension, mime_type, width, height, preview in photos:
                photo = SweepingPhoto(
                    request=current, content_type=mime_type, width=width, height=height, uploaded_by=user
                )
                photo.image.save(f"photo.{extension}", ContentFile(content), save=False)
                written.append(photo.image)
                photo.preview.save("preview.jpg", ContentFile(preview), save=False)
                written.append(photo.preview)
                photo.save()
            current.status = Status.DONE
            current.done_at = timezone.now()
            current.staff_note = note.strip()
            current.save(update_fields=["status", "done_at", "staff_note", "updated_at"])
            log(
                current,
                COMPLETE_ACTION,
                user=user,
                data={"photos": len(photos), "comment": _("照片%(count)d张") % {"count": len(photos)}},
            )
            tell_family(current, "done")
    except Exception:
        for file in written:  # nothing half-stored: the transaction rolled back
            file.storage.delete(file.name)
        raise
    return current


def inform(sweeping_request, user) -> SweepingRequest:
    """Staff told the family (by phone, as the bureaus do): the request is closed."""
    with transaction.atomic():
        current = _locked(sweeping_request, Status.DONE)
        current.status = Status.INFORMED
        current.informed_at = current.closed_at = timezone.now()
        current.save(update_fields=["status", "informed_at", "closed_at", "updated_at"])
        log(current, INFORM_ACTION, user=user)
    return current


def withdraw(sweeping_request) -> SweepingRequest:
    """The family asked, from the status page, for their personal data to be erased now. A
    request not done yet is withdrawn with it (staff could not reach the family any more); a
    request done is closed. The steps, the staff note and the photos stay for the family to see."""
    with transaction.atomic():
        current = SweepingRequest.objects.select_for_update().get(pk=sweeping_request.pk)
        if current.status == Status.DONE and current.closed_at is None:
            current.closed_at = timezone.now()
            current.save(update_fields=["closed_at", "updated_at"])
        elif current.status in (Status.RECEIVED, Status.ACCEPTED, Status.SCHEDULED):
            current._withdrawing = True
            if current.moderation_status == ModerationStatus.PENDING:
                moderation.reject(current, None, _("申请人撤回"))
            current.status = Status.WITHDRAWN
            current.withdrawn_at = current.closed_at = timezone.now()
            current.save(update_fields=["status", "withdrawn_at", "closed_at", "updated_at"])
            log(current, WITHDRAW_ACTION)
        if current.personal_data_erased_at is None:
            lifecycle.erase(current, reason=_("申请人在代祭扫进度页要求删除"))
    return current
