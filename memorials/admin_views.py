"""Admin views: the staff import (upload → error preview → confirm, run as background tasks)
and the review of an import as a whole (``import_reviews``, ``import_review``). The public's
corrections are reviewed in the shell's moderation inbox."""

from __future__ import annotations

import io
import logging
from pathlib import Path

from django import forms
from django.contrib.auth.decorators import permission_required
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext
from django.views.decorators.http import require_http_methods
from wagtail.admin import messages
from wagtail.admin.ui.tables import Column, DateColumn, Table, TitleColumn, UserColumn
from wagtail.log_actions import log

from memorials.admin_job_actions import job_actions
from memorials.importing import SUPPORTED_SUFFIXES, ImportResult, RowError, file_checksum, review, write_error_file
from memorials.importing.preview import job_sample, preview
from memorials.importing.template import CONTENT_TYPES, write_template
from memorials.models import ImportJob
from memorials.tasks import check_import, job_file, job_progress, publish_approved_import, run_import

logger = logging.getLogger(__name__)

PREVIEW_ERRORS = 200
MAX_UPLOAD_BYTES = 200 * 1024 * 1024
#: Seconds between two reloads of the status page while a task runs.
STATUS_REFRESH_SECONDS = 3


class ImportUploadForm(forms.Form):
    """The upload; publishing at once is offered to superusers only (the bureau's official
    list), every other staff import is reviewed as a whole before it is published."""

    file = forms.FileField(
        label=gettext_lazy("名录文件"),
        help_text=gettext_lazy(
            "Excel（.xlsx）或 CSV（UTF-8 / GB18030）。表头用中文，如 姓名、籍贯、牺牲年月、编号；列的顺序不限。"
        ),
    )
    publish = forms.BooleanField(
        label=gettext_lazy("导入后立即发布"),
        required=False,
        help_text=gettext_lazy("本单位的正式名录可直接发布；不勾选则导入后等待审核。"),
    )

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        if not (user is not None and user.is_superuser):
            del self.fields["publish"]

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if Path(upload.name).suffix.lower() not in SUPPORTED_SUFFIXES:
            raise forms.ValidationError(_("只支持 .xlsx 和 .csv 文件（旧的 .xls 请先另存为 .xlsx）"))
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("文件超过200MB，请拆分后上传，或由技术人员用命令行导入"))
        return upload


can_import = permission_required("memorials.add_martyrrecord", raise_exception=True)


# -- what a job is doing (see memorials.tasks) -------------------------------------------------


def is_checking(job):
    return job.status == ImportJob.Status.PREVIEW and job.finished_at is None


def is_checked(job):
    return job.status == ImportJob.Status.PREVIEW and job.finished_at is not None


def can_resume(job):
    """A failed import whose file was checked (or had rows committed) continues where it stopped."""
    return job.status == ImportJob.Status.FAILED and bool(job.file) and bool(job.finished_at or job.rows_done)


def can_check_again(job):
    return job.status == ImportJob.Status.FAILED and bool(job.file) and not can_resume(job)


def _claim(job, from_statuses, to_status, **changes):
    """Move the job to ``to_status``, only from one of ``from_statuses``: of two clicks on the
    same button, one starts a task. ``False`` when another request got there first."""
    return bool(ImportJob.objects.filter(pk=job.pk, status__in=from_statuses).update(status=to_status, **changes))


def _start(request, job, task):
    """Enqueue ``task`` for the job (with the immediate backend it runs here and now)."""
    try:
        task.enqueue(str(job.uuid))
    except Exception:
        logger.exception("Could not enqueue %s for import job %s", task.name, job.uuid)
        ImportJob.objects.filter(pk=job.pk).update(status=ImportJob.Status.FAILED)
        messages.error(request, _("后台任务无法启动，请稍后重试或联系技术人员。"))


@can_import
@require_http_methods(["GET", "POST"])
def import_upload(request):
    """Step 1: upload; the file is checked in the background (a dry run), then its errors shown."""
    form = ImportUploadForm(request.POST or None, request.FILES or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        job = ImportJob(
            filename=upload.name,
            publish=form.cleaned_data.get("publish", False),
            created_by=request.user,
            checksum=file_checksum(upload.file),
        )
        job.file.save(f"{job.uuid}{Path(upload.name).suffix.lower()}", upload, save=False)
        job.save()
        log(job, "memorials.import_upload", user=request.user, data={"filename": job.filename, "publish": job.publish})
        _start(request, job, check_import)
        return redirect("memorials_admin:import_status", uuid=job.uuid)
    jobs = ImportJob.objects.select_related("created_by")[:20]
    return TemplateResponse(
        request,
        "memorials/admin/import_upload.html",
        {"page_title": _("导入烈士名录"), "header_icon": "download", "form": form, "jobs": jobs},
    )


@can_import
def import_template(request, fmt):
    """The list template: the columns the importer knows and one example row (.xlsx or .csv)."""
    if fmt not in CONTENT_TYPES:
        raise Http404
    buffer = io.BytesIO()
    write_template(fmt, buffer)
    buffer.seek(0)
    filename = f"{_('烈士名录模板')}.{fmt}"
    return FileResponse(buffer, as_attachment=True, filename=filename, content_type=CONTENT_TYPES[fmt])


@can_import
@require_http_methods(["POST"])
def import_confirm(request, uuid):
    """Step 2: the staff member confirms; a task writes the rows and the status page follows
    it. The same button resumes a failed import, or checks again a file whose check failed."""
    job = get_object_or_404(ImportJob, uuid=uuid)
    Status = ImportJob.Status
    if job.status == Status.DONE:
        messages.warning(request, _("这个文件已经导入过了。"))
    elif is_checking(job):
        messages.warning(request, _("文件还在检查中，请等检查完成后再确认导入。"))
    elif is_checked(job):
        # The check's counts and errors make way for the import's own.
        if _claim(job, [Status.PREVIEW], Status.RUNNING, created_count=0, updated_count=0, error_count=0, errors=[]):
            log(job, "memorials.import_confirm", user=request.user, data={"filename": job.filename})
            _start(request, job, run_import)
    elif can_resume(job):
        if _claim(job, [Status.FAILED], Status.RUNNING):
            if job.rows_done:
                messages.success(request, _("从第 %(row)s 行之后继续导入。") % {"row": job.rows_done})
            _start(request, job, run_import)
    elif can_check_again(job):
        if _claim(job, [Status.FAILED], Status.PREVIEW, finished_at=None):
            _start(request, job, check_import)
    return redirect("memorials_admin:import_status", uuid=job.uuid)


@can_import
def import_status(request, uuid):
    """One job: checking → waiting for confirmation (with the errors found) → importing →
    done (or failed, with the reason and a way to resume). Reloads itself while a task runs
    (a meta refresh: works without JavaScript)."""
    job = get_object_or_404(ImportJob.objects.select_related("created_by"), uuid=uuid)
    active = is_checking(job) or job.status == ImportJob.Status.RUNNING
    rows, total = job_progress(job) if active else (None, None)
    percent = None
    if rows is not None and total:
        percent = max(0, min(99, round(rows * 100 / total)))
    return TemplateResponse(
        request,
        "memorials/admin/import_status.html",
        {
            "page_title": _("导入烈士名录"),
            "page_subtitle": job.filename,
            "header_icon": "download",
            "job": job,
            # How the first good rows were read, before the import is confirmed.
            "preview_rows": preview(job_sample(job, job_file)) if is_checked(job) else [],
            "checking": is_checking(job),
            "checked": is_checked(job),
            "running": job.status == ImportJob.Status.RUNNING,
            "done": job.status == ImportJob.Status.DONE,
            "failed": job.status == ImportJob.Status.FAILED,
            "can_resume": can_resume(job),
            "can_check_again": can_check_again(job),
            "refresh_seconds": STATUS_REFRESH_SECONDS if active else None,
            "progress_rows": rows,
            "progress_total": total,
            "progress_percent": percent,
            "errors": job.errors[:PREVIEW_ERRORS],
            "more_errors": max(0, len(job.errors) - PREVIEW_ERRORS),
            "can_review": _reviewable(job) and request.user.has_perm("memorials.review_importjob"),
            # Every record of the job at once: publish, unpublish, submit for review.
            "job_actions": job_actions(job, request.user),
        },
    )


@can_import
def import_errors(request, uuid):
    """The rows that did not import, in the uploaded layout, to fix and upload again."""
    job = get_object_or_404(ImportJob, uuid=uuid)
    result = ImportResult(headers=job.headers, errors=[RowError(**error) for error in job.errors])
    fmt = "xlsx" if job.filename.lower().endswith(".xlsx") else "csv"
    buffer = io.BytesIO()
    write_error_file(result, buffer, fmt)
    buffer.seek(0)
    return FileResponse(buffer, as_attachment=True, filename=f"{Path(job.filename).stem}.errors.{fmt}")


# -- the review of an import as a whole (see memorials.importing.review) ------------------------

can_review = permission_required("memorials.review_importjob", raise_exception=True)


def _reviewable(job):
    return job.status == ImportJob.Status.DONE and bool(job.review_status)


def _start_publishing(request, job):
    try:
        publish_approved_import.enqueue(str(job.uuid))
    except Exception:
        logger.exception("Could not enqueue the publishing of import job %s", job.uuid)
        ImportJob.objects.filter(pk=job.pk).update(review_status=ImportJob.ReviewStatus.PUBLISH_FAILED)
        messages.error(request, _("后台任务无法启动，请稍后重试或联系技术人员。"))
        return False
    return True


#: Decided jobs listed under the waiting ones.
REVIEWED_SHOWN = 20


def review_table(jobs):
    """Wagtail's listing table of jobs with their review state."""
    return Table(
        [
            TitleColumn(
                "filename",
                label=_("文件"),
                get_url=lambda job: reverse("memorials_admin:import_review", kwargs={"uuid": job.uuid}),
            ),
            Column("review_status", label=_("审核状态"), accessor="get_review_status_display"),
            Column("created_count", label=pgettext("records an import added", "新增")),
            Column("updated_count", label=pgettext("records an import updated", "更新")),
            UserColumn("created_by", label=_("上传人"), blank_display_name="—"),
            DateColumn("finished_at", label=_("完成时间")),
            UserColumn("reviewed_by", label=_("审核人"), blank_display_name="—"),
            DateColumn("reviewed_at", label=_("审核时间")),
        ],
        list(jobs),
    )


@can_review
def import_reviews(request):
    """The imports waiting for review, then the latest decisions."""
    Review = ImportJob.ReviewStatus
    jobs = ImportJob.objects.select_related("created_by", "reviewed_by")
    waiting = jobs.filter(review_status__in=[Review.PENDING, Review.PUBLISHING, Review.PUBLISH_FAILED])
    reviewed = jobs.filter(review_status__in=[Review.APPROVED, Review.RETURNED]).order_by("-reviewed_at")
    return TemplateResponse(
        request,
        "memorials/admin/import_reviews.html",
        {
            "page_title": _("名录导入审核"),
            "header_icon": "tasks",
            "waiting": review_table(waiting),
            "reviewed": review_table(reviewed[:REVIEWED_SHOWN]),
        },
    )


@can_review
@require_http_methods(["GET", "POST"])
def import_review(request, uuid):
    """One job: counts, the file's notices, a sample of its records; approve (publish them
    all, as a background task) or return with a note. The uploader cannot decide on their own
    job, whatever the request says."""
    job = get_object_or_404(ImportJob.objects.select_related("created_by", "reviewed_by"), uuid=uuid)
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if not _reviewable(job):
                raise review.ReviewRefused(_("这次导入不需要审核。"))
            if action == "approve":
                if review.approve(job, request.user):
                    if _start_publishing(request, job):
                        messages.success(request, _("已审核通过，正在后台发布这次导入的全部档案。"))
                else:
                    messages.warning(request, _("这次导入已经审核过了。"))
            elif action == "return":
                if review.return_job(job, request.user, request.POST.get("review_note", "")):
                    messages.success(request, _("已退回，档案保持草稿，上传人会在导入页面看到退回意见。"))
                else:
                    messages.warning(request, _("这次导入已经审核过了。"))
            else:
                messages.error(request, _("请选择“审核通过”或“退回”。"))
        except review.ReviewRefused as error:
            messages.error(request, str(error))
        return redirect("memorials_admin:import_review", uuid=job.uuid)

    Review = ImportJob.ReviewStatus
    records, total = review.sample(job) if _reviewable(job) else ([], 0)
    publishing = job.review_status == Review.PUBLISHING
    return TemplateResponse(
        request,
        "memorials/admin/import_review.html",
        {
            "page_title": _("审核名录导入"),
            "header_icon": "tasks",
            "job": job,
            "reviewable": _reviewable(job),
            "records": [(record, review.changes(record)) for record in records],
            "record_total": total,
            "own_job": job.created_by_id is not None and job.created_by_id == request.user.pk,
            "can_decide": job.review_status in review.APPROVABLE,
            "can_return": job.review_status == Review.PENDING,
            "publishing": publishing,
            "refresh_seconds": STATUS_REFRESH_SECONDS if publishing else None,
        },
    )
