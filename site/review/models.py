"""The shell-wide review permissions and the final approval step (终审) of 内容审核."""

from django.core.exceptions import PermissionDenied
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import GroupApprovalTask

#: Shown when the person who submitted an item tries to approve it at 终审.
SELF_APPROVAL_REFUSED = _("终审不能由提交人本人批准：请另一位终审员审核。")


class StaffPermission(models.Model):
    """No table: only the shell-wide permissions the roles are given (``review.<codename>``).

    ``user.has_perm("review.moderate_submissions")`` and the like are checked by the
    moderation inbox, the audit export and the views that show personal data in full.
    """

    class Meta:
        managed = False
        default_permissions = ()
        verbose_name = _("审核权限")
        verbose_name_plural = _("审核权限")
        permissions = [
            ("moderate_submissions", _("审核公众提交内容")),
            ("view_removed_submissions", _("查看已撤下内容")),
            ("export_audit", _("导出审核记录")),
            ("view_personal_data", _("查看完整个人信息")),
        ]

    def __str__(self):
        return str(self._meta.verbose_name)


class SelfApprovalRefused(PermissionDenied):
    """The submitter tried to approve their own item at 终审."""

    def __init__(self):
        super().__init__(str(SELF_APPROVAL_REFUSED))


class FinalApprovalTask(GroupApprovalTask):
    """终审: a group approval that the person who submitted the item may not approve.

    The approve actions are left out of what the submitter is offered (editor, dashboard,
    modal), and :meth:`on_action` refuses an approval from them however it arrives.
    """

    @staticmethod
    def submitted_by(task_state_or_obj, user) -> bool:
        workflow_state = getattr(task_state_or_obj, "workflow_state", None)
        if workflow_state is None:
            workflow_state = task_state_or_obj.current_workflow_state
        return bool(workflow_state and user.pk and workflow_state.requested_by_id == user.pk)

    def refuses_approval(self, obj, user) -> bool:
        """Whether ``user`` may not approve ``obj`` at this step (they submitted it)."""
        return self.submitted_by(obj, user)

    def get_actions(self, obj, user):
        actions = super().get_actions(obj, user)
        if actions and self.refuses_approval(obj, user):
            return [action for action in actions if action[0] != "approve"]
        return actions

    def on_action(self, task_state, user, action_name, **kwargs):
        if action_name == "approve" and self.submitted_by(task_state, user):
            raise SelfApprovalRefused()
        return super().on_action(task_state, user, action_name, **kwargs)

    @classmethod
    def get_description(cls):
        return _("所选用户组的成员可以批准此步骤，但不能批准自己提交的内容")

    class Meta:
        verbose_name = _("终审（不能批准本人提交的内容）")
        verbose_name_plural = _("终审任务")
