"""Who works at which memorial facility. Staff of the group 祭扫服务 see the requests of the
facilities whose team they are in, and no others; the permission “查看所有纪念设施的代祭扫申请”
(站点管理员) sees them all, including requests whose facility is not known yet."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from memorials.interface import MemorialFacility


class SweepingTeam(models.Model):
    facility = models.OneToOneField(
        MemorialFacility, verbose_name=_("纪念设施"), on_delete=models.CASCADE, related_name="+"
    )
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("祭扫服务人员"),
        blank=True,
        related_name="sweeping_teams",
        help_text=_("这些工作人员可以看到和办理本设施的代祭扫申请（须属于“祭扫服务”用户组）"),
    )
    accepts_requests = models.BooleanField(
        _("接受代祭扫申请"), default=True, help_text=_("不勾选时，公众申请表的设施列表中不出现本设施")
    )

    panels = [FieldPanel("facility"), FieldPanel("members"), FieldPanel("accepts_requests")]

    class Meta:
        verbose_name = _("祭扫服务组")
        verbose_name_plural = _("祭扫服务组")
        ordering = ["facility__name"]

    def __str__(self):
        return str(self.facility)
