"""Login records (登录记录): every successful login, logout, failed and refused login."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class LoginEvent(models.Model):
    class Result(models.TextChoices):
        SUCCESS = "success", _("登录成功")
        FAILURE = "failure", _("登录失败")
        LOCKED = "locked", _("锁定期间被拒绝")
        LOGOUT = "logout", _("退出登录")
        TIMEOUT = "timeout", _("超时自动退出")

    time = models.DateTimeField(_("时间"), auto_now_add=True, db_index=True)
    result = models.CharField(_("结果"), max_length=16, choices=Result.choices)
    username = models.CharField(_("用户名"), max_length=150, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("用户"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="login_events",
    )
    ip_address = models.GenericIPAddressField(_("地址"), null=True, blank=True)
    user_agent = models.CharField(_("浏览器"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("登录记录")
        verbose_name_plural = _("登录记录")
        ordering = ["-time"]
        indexes = [models.Index(fields=["user", "-time"], name="accounts_login_user_time")]
        permissions = [
            ("unlock_logins", _("查看并解除登录锁定")),
            ("reset_two_factor", _("重置他人的两步验证")),
        ]

    def __str__(self):
        return f"{self.time:%Y-%m-%d %H:%M} {self.username} {self.get_result_display()}"
