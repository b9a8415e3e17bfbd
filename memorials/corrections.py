"""An accepted correction becomes a draft revision of its record, submitted to the review
workflow (内容审核: 初审 → 终审): nothing reaches the public in one click.

The record's history keeps the link: the revision is logged as ``memorials.correction_accept``
with the correction's id and the reviewer's note in its data, and the record's history shows
the entry with a link to the correction in the moderation inbox, the submitter's evidence and
the note (:class:`CorrectionAcceptedFormatter`, ``memorials.admin_history``). A correction of
"other" changes nothing by itself and is logged on the record all the same, without a revision.

The revision is made from the record's latest revision, so an editor's unpublished draft is kept
and corrected rather than overwritten. When the record is already in review, the current step
starts again on the corrected revision; when it was sent back to its author (需要修改), the
workflow resumes; without a workflow the draft waits for someone who may publish.
"""

from __future__ import annotations

from django.apps import apps
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.log_actions import LogFormatter, log
from wagtail.models import WorkflowState

#: The record's history entry of an accepted correction.
ACCEPTED = "memorials.correction_accept"


def log_acceptance(record, correction, user, revision=None):
    """The record's history entry: which correction, of what, and the reviewer's note."""
    log(
        record,
        ACCEPTED,
        user=user,
        revision=revision,
        content_changed=revision is not None,
        data={
            "correction": correction.pk,
            "field": correction.field,
            "note": getattr(correction, "decision_reason", "") or "",
        },
    )


def submit_correction(correction, user):
    """Apply ``correction`` as a new revision of its record and put that revision in review."""
    record = correction.record
    if correction.field == "other":
        # Nothing to write automatically: staff edit the record by hand.
        log_acceptance(record, correction, user)
        return None
    draft = correction.apply_to(record.get_latest_revision_as_object())
    revision = draft.save_revision(user=user, log_action=False)
    log_acceptance(record, correction, user, revision)
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


def correction_model():
    # Looked up, not imported: the models import this module (on_moderation_decision).
    return apps.get_model("memorials", "MartyrCorrection")


def correction_url(correction_id) -> str:
    """The correction's page in the moderation inbox (its text, evidence, decision)."""
    return reverse("moderation_admin:review", args=[correction_model()._meta.label_lower, correction_id])


class CorrectionAcceptedFormatter(LogFormatter):
    """``采纳公众纠错：籍贯`` with the submitter's evidence and the reviewer's note as comment."""

    label = gettext_lazy("采纳公众纠错")

    def format_message(self, log_entry):
        data = log_entry.data or {}
        labels = dict(correction_model().FIELD_CHOICES)
        field = labels.get(data.get("field"), data.get("field") or "")
        return _("采纳公众纠错（#%(id)s）：%(field)s") % {"id": data.get("correction", "?"), "field": field}

    def format_comment(self, log_entry):
        data = log_entry.data or {}
        correction = correction_model().objects.filter(pk=data.get("correction")).only("evidence", "decision_reason")
        correction = correction.first()
        parts = []
        if correction is not None and correction.evidence:
            parts.append(_("依据：%(evidence)s") % {"evidence": correction.evidence})
        note = data.get("note") or (correction.decision_reason if correction is not None else "")
        if note:
            parts.append(_("审核意见：%(note)s") % {"note": note})
        return "；".join(parts)
