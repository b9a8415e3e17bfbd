"""Admin view: every record of an import job at once, from the job's status page — publish
(again), take off the site, or submit the job to the import review (``memorials.importing.
job_publishing``). The work runs as a background task; the status page tells what it started."""

from __future__ import annotations

import logging

from django.contrib.auth.decorators import permission_required
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from django_tasks.base import TaskResultStatus
from wagtail.admin import messages

from memorials.importing import job_publishing
from memorials.models import ImportJob

logger = logging.getLogger(__name__)


def job_actions(job, user) -> dict:
    """What the status page offers for the job's records (each needs a query: done jobs only)."""
    if job.status != ImportJob.Status.DONE:
        return {}
    offers = {}
    if job_publishing.can_publish(job, user) and job_publishing.has_drafts(job, user):
        offers["publish"] = True
    if job_publishing.can_unpublish(job, user) and job_publishing.has_live(job):
        offers["unpublish"] = True
    if job_publishing.can_submit(job, user) and job_publishing.has_drafts(job):
        offers["submit"] = True
    return offers


@permission_required("memorials.change_martyrrecord", raise_exception=True)
@require_http_methods(["POST"])
def import_job_records(request, uuid):
    """POST ``action`` = publish | unpublish | submit (unpublishing also needs ``confirm``)."""
    job = get_object_or_404(ImportJob, uuid=uuid)
    action = request.POST.get("action")
    try:
        if action not in ("publish", "unpublish", "submit"):
            raise job_publishing.JobActionRefused(_("请选择要进行的操作。"))
        job_publishing.check(job, request.user, action)
        if action == "submit":
            if job_publishing.submit(job, request.user):
                messages.success(request, _("已提交审核：审核通过后，这次导入的档案一起发布。"))
            else:
                messages.warning(request, _("这次导入没有待发布的档案，或已由其他人提交。"))
        elif action == "unpublish" and not request.POST.get("confirm"):
            raise job_publishing.JobActionRefused(_("请勾选确认后再撤下这次导入的全部档案。"))
        else:
            task = job_publishing.publish_import_job if action == "publish" else job_publishing.unpublish_import_job
            try:
                result = task.enqueue(str(job.uuid), request.user.pk)
            except Exception:
                logger.exception("Could not enqueue %s for import job %s", task.name, job.uuid)
                messages.error(request, _("后台任务无法启动，请稍后重试或联系技术人员。"))
            else:
                _tell(request, action, result)
    except job_publishing.JobActionRefused as error:
        messages.error(request, str(error))
    return redirect("memorials_admin:import_status", uuid=job.uuid)


def _tell(request, action, result):
    """What the task did (it ran at once with the immediate backend), or that it runs."""
    if result.status == TaskResultStatus.FAILED:
        messages.error(request, _("操作没有完成（已记录在服务器日志中），可以再试一次：已完成的部分不会重复。"))
    elif result.status == TaskResultStatus.SUCCESSFUL and action == "publish":
        messages.success(request, _("已发布 %(count)s 条档案。") % {"count": result.return_value["published"]})
        if result.return_value["blocked"]:
            messages.warning(
                request,
                _("这些档案所用的图片还没有替代文字，没有发布：%(names)s")
                % {"names": "、".join(result.return_value["blocked"])},
            )
    elif result.status == TaskResultStatus.SUCCESSFUL:
        messages.success(request, _("已撤下 %(count)s 条档案。") % {"count": result.return_value["unpublished"]})
    elif action == "publish":
        messages.success(request, _("正在后台发布这次导入的全部档案，稍后刷新本页查看。"))
    else:
        messages.success(request, _("正在后台撤下这次导入的全部档案，稍后刷新本页查看。"))
