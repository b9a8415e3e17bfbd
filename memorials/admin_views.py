"""Admin views: the staff import (upload → error preview → confirm) and the correction review."""

from __future__ import annotations

import io
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

from memorials.importer import (
    SUPPORTED_SUFFIXES,
    ImportFileError,
    ImportResult,
    MartyrImporter,
    RowError,
    file_checksum,
    write_error_file,
)
from memorials.models import ImportJob, MartyrCorrection

PREVIEW_ERRORS = 200
MAX_UPLOAD_BYTES = 200 * 1024 * 1024


class ImportUploadForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("名录文件"),
        help_text=gettext_lazy("Excel（.xlsx）或 CSV（UTF-8 / GB18030）。表头用中文，如 姓名、籍贯、牺牲年月、编号；列的顺序不限。"),
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


def _run(job, dry_run):
    with job.file.open("rb") as handle:
        data = io.BytesIO(handle.read())
    return MartyrImporter(data, job.filename, publish=job.publish, dry_run=dry_run, job=None if dry_run else job,
                          user=job.created_by).run()


@can_import
@require_http_methods(["GET", "POST"])
def import_upload(request):
    """Step 1: upload; the file is checked at once (a dry run) and its errors shown."""
    form = ImportUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        job = ImportJob(filename=upload.name, publish=form.cleaned_data["publish"], created_by=request.user,
                        checksum=file_checksum(upload.file))
        job.file.save(f"{job.uuid}{Path(upload.name).suffix.lower()}", upload, save=False)
        job.save()
        try:
            result = _run(job, dry_run=True)
        except ImportFileError as error:
            job.delete()
            form.add_error("file", str(error))
        else:
            return TemplateResponse(request, "memorials/admin/import_preview.html", {
                "job": job, "result": result, "errors": result.errors[:PREVIEW_ERRORS],
                "more_errors": max(0, len(result.errors) - PREVIEW_ERRORS),
            })
    jobs = ImportJob.objects.select_related("created_by")[:20]
    return TemplateResponse(request, "memorials/admin/import_upload.html", {"form": form, "jobs": jobs})


@can_import
@require_http_methods(["POST"])
def import_confirm(request, uuid):
    """Step 2: the staff member confirms; the rows are written (and the job can resume)."""
    job = get_object_or_404(ImportJob, uuid=uuid)
    if job.status == ImportJob.Status.DONE:
        messages.warning(request, _("这个文件已经导入过了。"))
        return redirect("memorials_import_result", uuid=job.uuid)
    try:
        _run(job, dry_run=False)
    except ImportFileError as error:
        messages.error(request, str(error))
        return redirect("memorials_import")
    return redirect("memorials_import_result", uuid=job.uuid)


@can_import
def import_result(request, uuid):
    job = get_object_or_404(ImportJob, uuid=uuid)
    return TemplateResponse(request, "memorials/admin/import_result.html", {
        "job": job, "errors": job.errors[:PREVIEW_ERRORS], "more_errors": max(0, len(job.errors) - PREVIEW_ERRORS),
    })


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
                return redirect("memorials_correction_review", pk=pk)
            messages.success(request, _("已采纳，档案已更新。"))
        elif action == "reject":
            correction.reject(request.user, note)
            messages.success(request, _("已标记为未采纳，档案保持不变。"))
        return redirect(reverse("wagtailsnippets_memorials_martyrcorrection:list"))
    return TemplateResponse(request, "memorials/admin/correction_review.html", {"correction": correction})
