"""The account-security actions in Wagtail's audit log, with Chinese labels."""

from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import LogFormatter

ACTIONS = {
    "accounts.unlock": (_("解除登录锁定"), _("解除了登录锁定")),
    "accounts.2fa_enrol": (_("两步验证：启用"), _("启用了两步验证")),
    "accounts.2fa_remove": (_("两步验证：本人停用"), _("停用了自己的两步验证")),
    "accounts.2fa_reset": (_("两步验证：管理员重置"), _("重置了两步验证")),
    "accounts.2fa_new_codes": (_("两步验证：生成新的恢复码"), _("生成了新的恢复码")),
    "accounts.2fa_recovery_used": (_("两步验证：使用恢复码"), _("使用恢复码登录")),
}


def register(actions):
    for action, (label, message) in ACTIONS.items():

        class Formatter(LogFormatter):
            def format_comment(self, log_entry):
                data = log_entry.data or {}
                return str(data.get("value", ""))

        Formatter.label = label
        Formatter.message = message
        actions.register_action(action)(Formatter)
