"""Admin views: the staff import (upload → error preview → confirm, run as background tasks)
and the correction review."""

from __future__ import annotations

import io
import logging
from pathlib import Path

from django import forms
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods
from wagtail.admin import messages

from memorials.importing import SUPPORTED_SUFFIXES, ImportResult, RowError, file_checksum, write_error_file
from memorials.models import ImportJob, MartyrCorrection
from memorials.tasks import check_import, job_progress, run_import

logger = logging.getLogger(__name__)

PREVIEW_ERRORS = 200
MAX_UPLOAD_BYTES = 200 * 1024 * 1024
#: Seconds between two reloads of the status page while a task runs.
STATUS_REFRESH_SECONDS = 3


class ImportUploadForm(forms.Form):
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
    form = ImportUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        job = ImportJob(
            filename=upload.name,
            publish=form.cleaned_data["publish"],
            created_by=request.user,
            checksum=file_checksum(upload.file),
        )
        job.file.save(f"{job.uuid}{Path(upload.name).suffix.lower()}", upload, save=False)
        job.save()
        _start(request, job, check_import)
        return redirect("memorials_admin:import_status", uuid=job.uuid)
    jobs = ImportJob.objects.select_related("created_by")[:20]
    return TemplateResponse(request, "memorials/admin/import_upload.html", {"form": form, "jobs": jobs})


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
            "job": job,
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


@require_http_methods(["GET", "POST"])
def correction_review(request, pk):
    """Compare the record with the proposal; accepting applies it as a new revision."""
    if not request.user.has_perm("memorials.change_martyrcorrection"):
        raise PermissionDenied
    correction = get_object_or_404(MartyrCorrection.objects.select_related("record"), pk=pk)
    if request.method == "POST" and correction.is_pending:
        note = request.POST.get("review_note", "").strip()
        action = request.POST.get("action")
        if action == "accept":
            if correction.field != "other" and not request.user.has_perm("memorials.change_martyrrecord"):
                raise PermissionDenied
            try:
                correction.accept(request.user, note)
            except ValueError as error:
                messages.error(request, _("无法采纳：%(error)s") % {"error": error})
                return redirect("memorials_admin:correction_review", pk=pk)
            messages.success(request, _("已采纳，档案已更新。"))
        elif action == "reject":
            correction.reject(request.user, note)
            messages.success(request, _("已标记为未采纳，档案保持不变。"))
        return redirect(reverse("wagtailsnippets_memorials_martyrcorrection:list"))
    return TemplateResponse(request, "memorials/admin/correction_review.html", {"correction": correction})
