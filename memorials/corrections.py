"""An accepted correction becomes a draft revision of its record, submitted to the review
workflow (内容审核: 初审 → 终审): nothing reaches the public in one click.

The revision is made from the record's latest revision, so an editor's unpublished draft is kept
and corrected rather than overwritten. When the record is already in review, the current step
starts again on the corrected revision; when it was sent back to its author (需要修改), the
workflow resumes; without a workflow the draft waits for someone who may publish.
"""

from __future__ import annotations

from django.utils.translation import gettext as _
from wagtail.models import WorkflowState


def submit_correction(correction, user):
    """Apply ``correction`` as a new revision of its record and put that revision in review."""
    if correction.field == "other":
        # Nothing to write automatically: staff edit the record by hand.
        return None
    record = correction.record
    draft = correction.apply_to(record.get_latest_revision_as_object())
    revision = draft.save_revision(user=user, log_action=True)
    type(correction).objects.filter(pk=correction.pk).update(revision=revision)
    correction.revision = revision

    state = record.current_workflow_state
    comment = _("已采纳公众纠错：%(field)s") % {"field": correction.get_field_display()}
    if state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS:
        task_state = state.current_task_state
        if task_state is not None:
            task_state.cancel(user=user, resume=True, comment=comment)
    elif state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        state.resume(user=user)
    else:
        workflow = record.get_workflow()
        if workflow is not None:
            workflow.start(record, user)
    return revision
