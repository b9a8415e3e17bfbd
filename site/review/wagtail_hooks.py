"""终审 refuses the submitter's own approval in the editors too; after a rejection the edit page
opens with the reviewer's comment and what to do next (``siteshell.review.rejection``).

Wagtail's page and snippet editors treat an approve action they do not offer as a plain save;
a crafted POST asking the submitter's approval gets the refusal with its reason instead.
(The workflow action modal answers 403: ``FinalApprovalTask.get_actions`` leaves it out.)
"""

from django.contrib import messages
from django.shortcuts import redirect
from wagtail import hooks

from siteshell.review.models import SELF_APPROVAL_REFUSED, FinalApprovalTask
from siteshell.review.rejection import show_rejection


def refuse_self_approval(request, obj):
    if request.method != "POST" or not request.POST.get("action-workflow-action"):
        return None
    if request.POST.get("workflow-action-name") != "approve":
        return None
    task = getattr(obj, "current_workflow_task", None)
    if isinstance(task, FinalApprovalTask) and task.refuses_approval(obj, request.user):
        messages.error(request, SELF_APPROVAL_REFUSED)
        return redirect(request.get_full_path())
    return None


@hooks.register("before_edit_page")
def refuse_self_approval_of_page(request, page):
    return refuse_self_approval(request, page)


@hooks.register("before_edit_snippet")
def refuse_self_approval_of_snippet(request, instance):
    return refuse_self_approval(request, instance)


@hooks.register("before_edit_page")
def show_rejection_on_page(request, page):
    """After a rejection the edit page opens with the reviewer's comment (siteshell.review.rejection)."""
    return show_rejection(request, page)


@hooks.register("before_edit_snippet")
def show_rejection_on_snippet(request, instance):
    return show_rejection(request, instance)
