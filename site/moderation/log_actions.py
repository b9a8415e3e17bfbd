"""The moderation actions in Wagtail's audit log, with Chinese labels; the reason a moderator
gave is the entry's comment (shown in the item's history and in 报告 → 站点历史)."""

from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import LogFormatter

ACTIONS = {
    "moderation.approve": (_("审核：通过"), _("审核通过")),
    "moderation.reject": (_("审核：不通过"), _("审核未通过")),
    "moderation.remove": (_("审核：撤下"), _("已撤下")),
    "moderation.restore": (_("审核：恢复"), _("已恢复")),
    "moderation.hide": (_("审核：因举报隐藏"), _("因举报暂时隐藏")),
    "moderation.unhide": (_("审核：取消隐藏"), _("取消隐藏")),
    "moderation.report_upheld": (_("举报：属实"), _("举报属实")),
    "moderation.report_dismissed": (_("举报：不予采纳"), _("举报不予采纳")),
    "moderation.export": (_("审核记录：导出"), _("导出审核记录")),
    "siteshell.view_personal_data": (_("查看完整个人信息"), _("查看了完整个人信息")),
}


def register(actions):
    for action, (label, message) in ACTIONS.items():

        class Formatter(LogFormatter):
            def format_comment(self, log_entry):
                data = log_entry.data or {}
                return data.get("reason", "") or "、".join(data.get("fields", ()))

        Formatter.label = label
        Formatter.message = message
        actions.register_action(action)(Formatter)
