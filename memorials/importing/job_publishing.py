"""Every record of an import job at once, from the job's page: publish them (again), take them
off the site, or submit the job for review as a whole.

Publishing a job is only for a job that needs no review or was approved (a job waiting for
review is published by approving it, a returned one is not published at all); staff without the
right to publish submit the job to the import review instead (``review``: 名录导入审核), which is
the review workflow of imports. The work runs as a background task in batches (``publishing``),
resumable by running it again; the job's history gets one entry per action
(``memorials.import_publish`` / ``import_unpublish`` / ``import_submit``), as the approval does,
not one per record.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils.translation import gettext as _
from django_tasks import task
from wagtail.log_actions import log

from memorials.importing.publishing import BATCH_SIZE, Outcome, publish_batch, to_publish, unpublish_rows
from memorials.models import ImportJob, MartyrRecord

Review = ImportJob.ReviewStatus
#: Review states in which the job's records may be published without a review.
PUBLISHABLE = (Review.NONE, Review.APPROVED)
#: Review states from which the job may be submitted to the review (again).
SUBMITTABLE = (Review.NONE, Review.APPROVED, Review.RETURNED)


class JobActionRefused(Exception):
    """The action is not allowed now; the message is translated, for staff."""


def has_drafts(job, user=None) -> bool:
    return job.records.filter(to_publish(user)).exists()


def has_live(job) -> bool:
    return job.records.filter(live__in=[True]).exists()


def can_publish(job, user) -> bool:
    return (
        user.has_perm("memorials.publish_martyrrecord")
        and job.status == ImportJob.Status.DONE
        and job.review_status in PUBLISHABLE
    )


def can_unpublish(job, user) -> bool:
    return (
        user.has_perm("memorials.publish_martyrrecord")
        and job.status == ImportJob.Status.DONE
        and job.review_status != Review.PUBLISHING
    )


def can_submit(job, user) -> bool:
    """Staff who may not publish submit the job instead; a returned job is submitted again by
    anyone who may edit records (after fixing them)."""
    if not (user.has_perm("memorials.change_martyrrecord") and job.status == ImportJob.Status.DONE):
        return False
    if job.review_status == Review.RETURNED:
        return True
    return job.review_status in SUBMITTABLE and not user.has_perm("memorials.publish_martyrrecord")


def check(job, user, action):
    """Raise :class:`JobActionRefused` unless ``user`` may take ``action`` on ``job`` now."""
    if action == "publish" and not can_publish(job, user):
        if job.review_status in (Review.PENDING, Review.PUBLISH_FAILED):
            raise JobActionRefused(_("这次导入正在等待审核，请在“名录导入审核”中审核通过后发布。"))
        if job.review_status == Review.RETURNED:
            raise JobActionRefused(_("这次导入已被退回，不能整批发布；请按退回意见修改后重新上传或重新提交审核。"))
        raise JobActionRefused(_("没有整批发布这次导入的权限。"))
    if action == "unpublish" and not can_unpublish(job, user):
        raise JobActionRefused(_("现在不能撤下这次导入的档案。"))
    if action == "submit" and not can_submit(job, user):
        raise JobActionRefused(_("这次导入现在不能提交审核。"))


def submit(job, user) -> bool:
    """Put the job in the import review (待审核); ``False`` when it has nothing to publish or
    someone else changed its state first."""
    check(job, user, "submit")
    if not has_drafts(job):
        return False
    with transaction.atomic():
        changed = ImportJob.objects.filter(
            pk=job.pk, status=ImportJob.Status.DONE, review_status__in=SUBMITTABLE
        ).update(review_status=Review.PENDING, reviewed_by=None, reviewed_at=None)
        job.refresh_from_db()
        if changed:
            log(job, "memorials.import_submit", user=user, data={"filename": job.filename})
    return bool(changed)


def _batches(queryset, batch_size):
    """``queryset`` in id order, ``batch_size`` rows at a time (keyset: no OFFSET)."""
    last_id = 0
    while True:
        rows = list(queryset.filter(id__gt=last_id).order_by("id").values()[:batch_size])
        if not rows:
            return
        yield rows
        last_id = rows[-1]["id"]


def publish_records(job, user, batch_size=BATCH_SIZE) -> Outcome:
    """Publish every record of ``job`` that has something to publish (a record showing an image
    without alt text stays a draft, see ``publishing.publish_batch``)."""
    outcome = Outcome()
    last_id = 0
    while True:
        # Records left unpublished (an image without alt text) are passed over: after last_id.
        rows = list(
            MartyrRecord.objects.filter(to_publish(user), import_job=job, id__gt=last_id)
            .order_by("id")
            .values()[:batch_size]
        )
        if not rows:
            break
        done = publish_batch(rows, user)
        outcome.published += done.published
        outcome.blocked += done.blocked
        last_id = rows[-1]["id"]
    _refresh_everything()
    return outcome


def unpublish_records(job, user, batch_size=BATCH_SIZE) -> int:
    """Take every live record of ``job`` off the site; the number unpublished."""
    unpublished = 0
    for rows in _batches(MartyrRecord.objects.filter(live__in=[True], import_job=job), batch_size):
        with transaction.atomic():
            unpublished += len(unpublish_rows([row["id"] for row in rows]))
    _refresh_everything()
    return unpublished


def _refresh_everything():
    # A job's records are on thousands of pages: every cached page is rendered again.
    from siteshell import pagecache

    pagecache.invalidate_all()


def _task_job_and_user(job_uuid, user_id):
    job = ImportJob.objects.filter(uuid=job_uuid).first()
    user = get_user_model()._default_manager.filter(pk=user_id).first() if user_id else None
    return job, user


@task()
def publish_import_job(job_uuid: str, user_id: int | None) -> dict | None:
    """Publish the records of a job (see :func:`publish_records`), then log it on the job."""
    job, user = _task_job_and_user(job_uuid, user_id)
    if job is None:
        return None
    outcome = publish_records(job, user)
    data = {"filename": job.filename, "count": outcome.published, "blocked": len(outcome.blocked)}
    log(job, "memorials.import_publish", user=user, data=data)
    return {"published": outcome.published, "blocked": [name for name, _titles in outcome.blocked[:20]]}


@task()
def unpublish_import_job(job_uuid: str, user_id: int | None) -> dict | None:
    """Take the records of a job off the site (see :func:`unpublish_records`), then log it."""
    job, user = _task_job_and_user(job_uuid, user_id)
    if job is None:
        return None
    count = unpublish_records(job, user)
    log(job, "memorials.import_unpublish", user=user, data={"filename": job.filename, "count": count})
    return {"unpublished": count}
