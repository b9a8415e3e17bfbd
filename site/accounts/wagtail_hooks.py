from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import ListingButton

from siteshell.accounts import log_actions


@hooks.register("register_log_actions")
def register_account_log_actions(actions):
    log_actions.register(actions)


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("accounts/", include("siteshell.accounts.urls"))]


class PermissionMenuItem(MenuItem):
    def __init__(self, *args, permission, **kwargs):
        super().__init__(*args, **kwargs)
        self.permission = permission

    def is_shown(self, request):
        return request.user.has_perm(self.permission)


@hooks.register("register_settings_menu_item")
def register_lockouts_menu_item():
    return PermissionMenuItem(
        _("登录锁定"),
        reverse("accounts_admin:lockouts"),
        name="login-lockouts",
        icon_name="lock",
        order=610,
        permission="accounts.unlock_logins",
    )


@hooks.register("register_settings_menu_item")
def register_login_records_menu_item():
    return PermissionMenuItem(
        _("登录记录"),
        reverse("accounts_admin:logins"),
        name="login-records",
        icon_name="key",
        order=611,
        permission="accounts.view_loginevent",
    )


@hooks.register("register_account_menu_item")
def register_security_account_item(request):
    return {
        "url": reverse("accounts_admin:security"),
        "label": _("两步验证与登录安全"),
        "help_text": _("设置身份验证器应用、查看或重新生成恢复码。"),
    }


@hooks.register("register_user_listing_buttons")
def reset_two_factor_button(user, request_user):
    if request_user.has_perm("accounts.reset_two_factor") and (request_user.is_superuser or not user.is_superuser):
        yield ListingButton(
            _("重置两步验证"),
            reverse("accounts_admin:reset_two_factor", args=[user.pk]),
            icon_name="key",
            priority=60,
        )
