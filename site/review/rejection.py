"""What an editor sees on the edit page after a reviewer sent their work back.

Wagtail shows a rejected page as 审核中 and keeps the reviewer's comment in the workflow dialog,
two clicks away. The edit page of a page or snippet whose review was sent back opens with the
step, the reviewer, their comment (退回意见) and what to do next, above the form.
"""

from dataclasses import dataclass

from django.contrib import messages
from django.utils.html import format_html
from django.utils.translation import gettext as _
from wagtail.admin.utils import get_user_display_name
from wagtail.models import WorkflowState


@dataclass(frozen=True)
class Rejection:
    """The step that sent the work back, who did and what they wrote."""

    task: str
    reviewer: str
    comment: str


def rejection_of(obj) -> Rejection | None:
    """The rejection waiting for changes on a page or snippet, or ``None``."""
    state = getattr(obj, "current_workflow_state", None)
    if state is None or state.status != WorkflowState.STATUS_NEEDS_CHANGES:
        return None
    task_state = state.current_task_state
    if task_state is None:
        return None
    reviewer = get_user_display_name(task_state.finished_by) if task_state.finished_by else ""
    return Rejection(task=task_state.task.name, reviewer=reviewer, comment=(task_state.get_comment() or "").strip())


def rejection_message(rejection: Rejection):
    """The notice as safe HTML: who sent it back at which step, the comment, the next step."""
    if rejection.reviewer:
        heading = _("%(reviewer)s在“%(task)s”退回了修改。") % {"reviewer": rejection.reviewer, "task": rejection.task}
    else:
        heading = _("“%(task)s”退回了修改。") % {"task": rejection.task}
    if rejection.comment:
        comment = _("退回意见：%(comment)s") % {"comment": rejection.comment}
    else:
        comment = _("退回时未填写意见。")
    return format_html(
        '<strong>{}</strong> <span class="review-rejection-comment">{}</span> {}',
        heading,
        comment,
        _("请根据意见修改后重新提交审核。"),
    )


def show_rejection(request, obj):
    """``before_edit_page``/``before_edit_snippet``: the notice on the edit page (GET only)."""
    if request.method != "GET":
        return None
    rejection = rejection_of(obj)
    if rejection is not None:
        messages.warning(request, rejection_message(rejection))
    return None
