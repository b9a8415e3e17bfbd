"""Job bookkeeping: every committed batch is recorded on an :class:`~memorials.models.ImportJob`,
so that an interrupted import of the same file resumes after its last committed row."""

from __future__ import annotations

from django.utils import timezone
from django.utils.translation import gettext as _

from memorials.importing.results import ImportResult, RowError
from memorials.models import ImportJob


def start_job(job, *, checksum, filename, publish, user, result: ImportResult):
    """The job the import runs under, marked running: ``job`` when given, else an interrupted
    import of the same file (resumed: its counts and errors carry over to ``result``), else a
    new job."""
    if job is None:
        job = (
            ImportJob.objects.filter(checksum=checksum, status__in=[ImportJob.Status.RUNNING, ImportJob.Status.FAILED])
            .order_by("-created_at")
            .first()
        )
        if job is None:
            job = ImportJob.objects.create(filename=filename, checksum=checksum, publish=publish, created_by=user)
    if job.rows_done:
        result.resumed_from = job.rows_done
        result.errors = [RowError(**error) for error in job.errors]
        result.created = job.created_count
        result.updated = job.updated_count
    job.status = ImportJob.Status.RUNNING
    job.publish = publish or job.publish
    job.save()
    return job


def note_headers(job, result: ImportResult):
    """The file's header row and its unknown columns, for the status page."""
    job.header_warnings = [_("未识别的列（已忽略）：%(name)s") % {"name": name} for name in result.unknown_columns]
    job.headers = result.headers
    job.save(update_fields=["header_warnings", "headers"])


def record_batch(job, result: ImportResult, last_row):
    """Record a committed batch (inside its transaction): the rows up to ``last_row`` (``None``
    for the file's last batch) are written, with the counts and errors so far."""
    if last_row is not None:
        job.rows_done = last_row
    job.created_count = result.created
    job.updated_count = result.updated
    job.error_count = len(result.errors)
    job.errors = [error.__dict__ for error in result.errors]
    job.save(update_fields=["rows_done", "created_count", "updated_count", "error_count", "errors"])


def finish_job(job):
    """Mark the job done; one that did not publish and left drafts waits for review."""
    job.status = ImportJob.Status.DONE
    job.finished_at = timezone.now()
    update_fields = ["status", "finished_at"]
    if not job.publish and not job.review_status and job.records.filter(has_unpublished_changes=True).exists():
        job.review_status = ImportJob.ReviewStatus.PENDING
        update_fields.append("review_status")
    job.save(update_fields=update_fields)


def fail_job(job):
    """Mark the job interrupted (it resumes from ``rows_done``), whatever this process holds."""
    ImportJob.objects.filter(pk=job.pk).update(status=ImportJob.Status.FAILED)
