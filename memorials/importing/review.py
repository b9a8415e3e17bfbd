"""Review of an import as a whole: an import that did not publish leaves drafts (new records)
and staged draft revisions (changes to live records, see ``staging``), all marked with the job.
A reviewer looks at a sample and approves the job (every record of it is published, in bulk)
or returns it with a note (the records stay drafts).

Publishing follows the ``--publish`` import's bulk path: raw ``executemany`` updates per batch
and the search documents written with ``search.bulk.index_documents``, not Wagtail's
``publish()`` per record (several queries, a log entry and a search update each); see
``publishing``, which the record list's bulk actions use too. The decision
itself is one log entry on the job (``memorials.import_approve`` / ``memorials.import_return``).
"""

from __future__ import annotations

import logging

from django.db import transaction
from django.db.models import F, Window
from django.db.models.functions import RowNumber
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from memorials.importing.publishing import RecordPublisher
from memorials.importing.staging import content_attnames
from memorials.models import ImportJob, MartyrRecord

logger = logging.getLogger(__name__)

#: Records published per transaction when a job is approved.
PUBLISH_BATCH_SIZE = 2000
#: Records shown on the review page, spread over the job.
SAMPLE_SIZE = 20

Review = ImportJob.ReviewStatus
#: Review states from which approving (again) starts publishing.
APPROVABLE = (Review.PENDING, Review.PUBLISH_FAILED)


class ReviewRefused(Exception):
    """The decision is not allowed; the message is translated, for staff."""


def check_reviewer(job, user):
    """Raise :class:`ReviewRefused` unless ``user`` may decide on ``job`` now."""
    if not user.has_perm("memorials.review_importjob"):
        raise ReviewRefused(_("没有审核名录导入的权限。"))
    if job.created_by_id is not None and job.created_by_id == user.pk:
        raise ReviewRefused(_("不能审核自己上传的导入，请由其他审核人员审核。"))


def approve(job, user) -> bool:
    """Record the approval (one log entry) and mark the job ``PUBLISHING``; the caller then runs
    :func:`publish_job` (a background task). Approving a job whose publishing stopped resumes
    it without a second log entry. ``False`` when the job is not waiting for approval (another
    reviewer decided first)."""
    check_reviewer(job, user)
    now = timezone.now()
    with transaction.atomic():
        first = ImportJob.objects.filter(pk=job.pk, status=ImportJob.Status.DONE, review_status=Review.PENDING).update(
            review_status=Review.PUBLISHING, reviewed_by=user, reviewed_at=now
        )
        if first:
            job.refresh_from_db()
            log(job, "memorials.import_approve", user=user, data=_counts(job))
            return True
        again = ImportJob.objects.filter(pk=job.pk, review_status=Review.PUBLISH_FAILED).update(
            review_status=Review.PUBLISHING
        )
    job.refresh_from_db()
    return bool(again)


def return_job(job, user, note: str) -> bool:
    """Return the job to its uploader with ``note`` (required); its records stay drafts."""
    check_reviewer(job, user)
    note = note.strip()
    if not note:
        raise ReviewRefused(_("退回时请填写退回意见，告诉上传人需要修改什么。"))
    with transaction.atomic():
        changed = ImportJob.objects.filter(
            pk=job.pk, status=ImportJob.Status.DONE, review_status=Review.PENDING
        ).update(review_status=Review.RETURNED, reviewed_by=user, reviewed_at=timezone.now(), review_note=note)
        job.refresh_from_db()
        if changed:
            log(job, "memorials.import_return", user=user, data={**_counts(job), "comment": note})
    return bool(changed)


def _counts(job):
    return {"filename": job.filename, "created": job.created_count, "updated": job.updated_count}


def publish_job(job, batch_size=PUBLISH_BATCH_SIZE) -> int:
    """Publish every record of an approved job that has unpublished changes, in batches; the
    number published. Idempotent: a second run finds nothing left to publish; a run that
    stopped is resumed by running again."""
    published = 0
    last_id = 0
    while True:
        rows = list(
            MartyrRecord.objects.filter(import_job=job, has_unpublished_changes=True, id__gt=last_id)
            .order_by("id")
            .values()[:batch_size]
        )
        if not rows:
            break
        with transaction.atomic():
            count = RecordPublisher(job.reviewed_by).publish(rows)
            # Counted with the batch: a run that stops and one that resumes add up.
            ImportJob.objects.filter(pk=job.pk).update(published_count=F("published_count") + count)
        published += count
        last_id = rows[-1]["id"]
    ImportJob.objects.filter(pk=job.pk).update(review_status=Review.APPROVED)
    job.refresh_from_db()
    return published


def sample(job, size=SAMPLE_SIZE):
    """Up to ``size`` records of the job spread evenly over it (by id), for the review page."""
    total = job.records.count()
    if not total:
        return [], 0
    step = max(1, total // size)
    positions = list(range(1, total + 1, step))[:size]
    ids = (
        job.records.annotate(sample_position=Window(RowNumber(), order_by="id"))
        .filter(sample_position__in=positions)
        .values_list("id", flat=True)
    )
    return list(MartyrRecord.objects.filter(pk__in=ids).select_related("latest_revision").order_by("id")), total


#: Fields derived from others or bookkeeping of a date: not listed among a record's changes.
UNLISTED = frozenset(
    {
        "death_decade",
        "war_period",
        "native_province",
        "native_city",
        "native_county",
        "birth_precision",
        "enlistment_precision",
        "death_precision",
    }
)


def changes(record):
    """``[(field label, live value, new value), …]`` of what a live record's staged revision
    changes (empty for a new draft), for the review page's sample."""
    if not (record.live and record.has_unpublished_changes and record.latest_revision_id):
        return []
    draft = record.with_content_json(record.latest_revision.content)
    listed = []
    fields = {field.attname: field for field in MartyrRecord._meta.concrete_fields}
    for name in content_attnames():
        field = fields[name]
        if field.name in UNLISTED or getattr(record, name) == getattr(draft, name):
            continue
        listed.append((field.verbose_name, _display(record, field), _display(draft, field)))
    return listed


def _display(record, field):
    if field.name == "biography":
        return record.biography_text
    if field.is_relation:
        return str(getattr(record, field.name) or "")
    if field.choices:
        return getattr(record, f"get_{field.name}_display")()
    value = getattr(record, field.attname)
    return "" if value is None else str(value)
