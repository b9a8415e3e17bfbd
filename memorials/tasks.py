"""Background tasks of the archive, in the task system Wagtail itself uses (``django_tasks``).

The staff import (upload → check → confirm) runs as two tasks on an
:class:`~memorials.models.ImportJob`, so a 100,000-row file never runs inside a web request
(with a queued backend; see ``TASKS`` in the settings and README.md):

- :func:`check_import` reads the whole file without writing (the importer's dry run) and keeps
  what it found on the job: the counts, the rows with errors and the file notices
  (``header_warnings``). The job stays ``PREVIEW``; ``finished_at`` tells that the check is done.
- :func:`run_import` writes the rows. The importer commits them in batches and records each
  batch on the job (``rows_done``), so running it again on a job that failed resumes after the
  last committed row.

A job that did not publish is then reviewed (``memorials.importing.review``); approving it runs
:func:`publish_approved_import`, which publishes every record of the job in batches (running it
again publishes only what is left, so it resumes and is harmless twice).

A task that fails leaves the job ``FAILED`` with a notice for staff (in the language the task
runs in: the staff member's when it runs inside the request, the site's in a worker), and re-raises
anything unexpected so that the task backend records the failure and the traceback. The
status page (``memorials.admin_views.import_status``) reads the job, plus the finer progress
that :class:`JobProgress` leaves in the cache.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django_tasks import task

from memorials.importing import DEFAULT_BATCH_SIZE, ImportFileError, MartyrImporter, count_rows
from memorials.importing.review import publish_job
from memorials.models import ImportJob
from siteshell.languages import join_list

logger = logging.getLogger(__name__)

#: How long the cache keeps a job's progress and its estimated number of rows.
PROGRESS_SECONDS = 24 * 3600
#: The progress in the cache is written at most once every this many rows.
PROGRESS_STEP = 500

#: The notice a failed task leaves when the cause is not in the file (shown to staff).
SYSTEM_ERROR_NOTICE = gettext_lazy(
    "服务器处理时出错（已记录在服务器日志中）。已提交的行不会丢失，可以点击“继续导入”从中断处继续。"
)
MISSING_FILE_NOTICE = gettext_lazy("找不到上传的文件（可能已被清理），请重新上传。")


def progress_key(job):
    return f"memorials:import-progress:{job.uuid}"


def total_key(job):
    return f"memorials:import-total:{job.uuid}"


def job_progress(job):
    """``(rows_read, estimated_total)`` of the job's current task; either may be ``None``.

    ``rows_read`` is a row number of the file, like ``rows_done`` (the committed rows).
    """
    rows = cache.get(progress_key(job))
    if job.rows_done and (rows is None or rows < job.rows_done):
        rows = job.rows_done
    return rows, cache.get(total_key(job))


class JobProgress:
    """The importer's ``progress`` (``update(n)`` per row read, as with tqdm): keeps the row
    reached in the cache, where the status page reads it between two committed batches."""

    def __init__(self, job, start=0):
        self.key = progress_key(job)
        self.rows = start
        self.written = start
        cache.set(self.key, start, PROGRESS_SECONDS)

    def update(self, n=1):
        self.rows += n
        if self.rows - self.written >= PROGRESS_STEP:
            self.flush()

    def flush(self):
        cache.set(self.key, self.rows, PROGRESS_SECONDS)
        self.written = self.rows

    def close(self):
        self.flush()


def estimate_rows(path, suffix):
    """About how many rows the file has (for the progress bar); ``None`` when unknown."""
    try:
        if suffix == ".xlsx":
            from openpyxl import load_workbook

            workbook = load_workbook(path, read_only=True)
            try:
                return workbook.worksheets[0].max_row
            finally:
                workbook.close()
        return count_rows(path, suffix)
    except Exception:  # noqa: BLE001  an estimate only; the import itself reports a bad file
        return None


@contextmanager
def job_file(job):
    """A local path of the job's upload: the file itself, or a temporary copy of it when the
    uploads live in object storage."""
    if not job.file:
        raise FileNotFoundError(job.filename)
    try:
        path = job.file.path
    except NotImplementedError:
        path = None
    if path is not None:
        if not Path(path).exists():
            raise FileNotFoundError(path)
        yield path
        return
    with tempfile.NamedTemporaryFile(suffix=Path(job.file.name).suffix.lower()) as copy:
        with job.file.open("rb") as upload:
            shutil.copyfileobj(upload, copy, 1 << 20)
        copy.flush()
        yield copy.name


def _error_dict(error):
    return {"row": error.row, "reason": error.reason, "values": list(error.values)}


def _fail(job, notice):
    """Leave the job ``FAILED`` with ``notice`` first among its notices."""
    notice = str(notice)
    job.refresh_from_db()
    job.status = ImportJob.Status.FAILED
    job.header_warnings = [notice, *(w for w in job.header_warnings if w != notice)]
    job.save(update_fields=["status", "header_warnings"])


def _job(job_uuid):
    job = ImportJob.objects.select_related("created_by").filter(uuid=job_uuid).first()
    if job is None:
        logger.warning("Import job %s no longer exists", job_uuid)
    return job


def _batch_size():
    return getattr(settings, "MEMORIALS_IMPORT_BATCH_SIZE", DEFAULT_BATCH_SIZE)


def _run_job(job, *, dry_run):
    suffix = Path(job.filename).suffix.lower()
    try:
        with job_file(job) as path:
            cache.set(total_key(job), estimate_rows(path, suffix), PROGRESS_SECONDS)
            progress = JobProgress(job, start=0 if dry_run else job.rows_done)
            try:
                return MartyrImporter(
                    path,
                    job.filename,
                    publish=job.publish,
                    dry_run=dry_run,
                    batch_size=_batch_size(),
                    job=None if dry_run else job,
                    user=job.created_by,
                    progress=progress,
                ).run()
            finally:
                progress.close()
    except ImportFileError as error:
        # The file itself cannot be read (encoding, no header row, not really .xlsx): the
        # task did its work, the staff member has to fix the file.
        _fail(job, str(error))
        return None
    except FileNotFoundError:
        _fail(job, MISSING_FILE_NOTICE)
        return None
    except BaseException:
        _fail(job, SYSTEM_ERROR_NOTICE)
        raise


@task()
def check_import(job_uuid: str) -> dict | None:
    """Check an uploaded file without writing anything; the result waits on the job."""
    job = _job(job_uuid)
    if job is None:
        return None
    result = _run_job(job, dry_run=True)
    if result is None:
        return None
    notices = [_("未识别的列（将被忽略）：%(name)s") % {"name": name} for name in result.unknown_columns]
    if result.missing_columns:
        notices.append(_("文件中没有这些列：%(columns)s") % {"columns": join_list(result.missing_columns)})
    if result.blank_rows:
        notices.append(
            ngettext("空行 %(count)d 行，已跳过。", "空行 %(count)d 行，已跳过。", result.blank_rows)
            % {"count": result.blank_rows}
        )
    job.created_count = result.created
    job.updated_count = result.updated
    job.errors = [_error_dict(error) for error in result.errors]
    job.error_count = len(result.errors)
    job.headers = result.headers
    job.header_warnings = notices
    job.status = ImportJob.Status.PREVIEW
    job.finished_at = timezone.now()
    job.save(
        update_fields=[
            "created_count",
            "updated_count",
            "errors",
            "error_count",
            "headers",
            "header_warnings",
            "status",
            "finished_at",
        ]
    )
    return {"created": result.created, "updated": result.updated, "errors": len(result.errors)}


@task()
def run_import(job_uuid: str) -> dict | None:
    """Write the rows of a checked file; on a job that failed, resume after ``rows_done``."""
    job = _job(job_uuid)
    if job is None:
        return None
    result = _run_job(job, dry_run=False)
    if result is None:
        return None
    return {"created": result.created, "updated": result.updated, "errors": len(result.errors)}


@task()
def publish_approved_import(job_uuid: str) -> dict | None:
    """Publish the records of an approved job; a failure leaves it ``PUBLISH_FAILED`` (approving
    again resumes)."""
    job = _job(job_uuid)
    if job is None:
        return None
    Review = ImportJob.ReviewStatus
    if job.review_status not in (Review.PUBLISHING, Review.APPROVED):
        logger.warning("Import job %s is not approved (%s); nothing published", job_uuid, job.review_status)
        return None
    try:
        published = publish_job(job)
    except BaseException:
        ImportJob.objects.filter(pk=job.pk).update(review_status=Review.PUBLISH_FAILED)
        raise
    return {"published": published}
