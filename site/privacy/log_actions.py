"""The privacy actions in Wagtail's audit log, with Chinese labels (never any personal data in
an entry: masked identifiers, counts and reasons only)."""

from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import LogFormatter

ACTIONS = {
    "privacy.lookup": (_("个人信息：查询"), _("按手机号/邮箱/身份证号查询了个人信息")),
    "privacy.export": (_("个人信息：导出"), _("导出了完整个人信息")),
    "privacy.erase": (_("个人信息：删除"), _("应本人要求删除了个人信息")),
    "privacy.retention_erase": (_("个人信息：到期删除"), _("保存期限届满，删除了个人信息")),
}


def register(actions):
    for action, (label, message) in ACTIONS.items():

        class Formatter(LogFormatter):
            def format_comment(self, log_entry):
                data = log_entry.data or {}
                parts = [str(data.get("reason", "") or "")]
                if "matches" in data:
                    parts.append(_("%(count)d 条") % {"count": data["matches"]})
                if "rows" in data:
                    parts.append(_("%(count)d 条") % {"count": data["rows"]})
                return " · ".join(part for part in parts if part)

        Formatter.label = label
        Formatter.message = message
        actions.register_action(action)(Formatter)
