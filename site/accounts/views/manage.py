"""Views for 站点管理员 (and superusers): locked logins and unlocking, another user's 2FA reset."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.log_actions import log

from siteshell.accounts import locks, twofactor
from siteshell.accounts.lockout import retry_minutes
from siteshell.accounts.models import LoginEvent
from siteshell.accounts.views.base import AccountsPage

UNLOCK_PERMISSION = "accounts.unlock_logins"
RESET_PERMISSION = "accounts.reset_two_factor"


def unlock_subject(kind, value, acting_user):
    """What the unlock's log entry hangs on: the unlocked user, else the latest failed login
    record of the username or address, else the acting manager (the entry's data names it)."""
    if kind == locks.USERNAME:
        User = get_user_model()
        user = User._default_manager.filter(**{User.USERNAME_FIELD: value}).first()
        if user is not None:
            return user
    event = LoginEvent.objects.filter(**{kind: value}, result__in=locks.FAILED).order_by("-time").first()
    return event or acting_user


class LockoutsView(AccountsPage):
    page_title = gettext_lazy("登录锁定")
    template_name = "accounts/admin/lockouts.html"
    permission = UNLOCK_PERMISSION

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(entries=locks.entries(), retry_minutes=retry_minutes())
        return context

    def post(self, request, *args, **kwargs):
        kind = request.POST.get("kind", "")
        value = request.POST.get("value", "").strip()[:150]
        if kind not in (locks.USERNAME, locks.ADDRESS) or not value:
            messages.error(request, _("请选择要解除锁定的用户名或地址。"))
            return redirect("accounts_admin:lockouts")
        count = locks.unlock(kind, value)
        log(
            unlock_subject(kind, value, twofactor.concrete_user(request.user)),
            "accounts.unlock",
            user=request.user,
            data={"kind": kind, "value": value, "removed": count},
        )
        if kind == locks.USERNAME:
            messages.success(request, _("已解除用户名“%(value)s”的登录锁定。") % {"value": value})
        else:
            messages.success(request, _("已解除地址 %(value)s 的登录锁定。") % {"value": value})
        return redirect("accounts_admin:lockouts")


class ResetTwoFactorView(AccountsPage):
    page_title = gettext_lazy("重置两步验证")
    template_name = "accounts/admin/reset_two_factor.html"
    permission = RESET_PERMISSION

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.target = get_object_or_404(get_user_model(), pk=kwargs["pk"])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(target=self.target, has_device=twofactor.has_device(self.target))
        return context

    def post(self, request, *args, **kwargs):
        if self.target.is_superuser and not request.user.is_superuser:
            messages.error(request, _("只有超级管理员可以重置超级管理员的两步验证。"))
            return redirect(reverse("wagtailusers_users:index"))
        twofactor.remove_devices(self.target)
        log(self.target, "accounts.2fa_reset", user=request.user)
        messages.success(
            request,
            _("已重置“%(user)s”的两步验证；其下次登录时需重新设置。") % {"user": self.target.get_username()},
        )
        return redirect(reverse("wagtailusers_users:index"))
