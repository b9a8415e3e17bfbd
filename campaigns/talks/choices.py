"""The fixed vocabularies of talks: who a talk is for, and what it is about."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Audience(models.TextChoices):
    PRIMARY = "primary", pgettext_lazy("audience", "小学")
    JUNIOR = "junior", pgettext_lazy("audience", "初中")
    SENIOR = "senior", pgettext_lazy("audience", "高中")
    UNIVERSITY = "university", pgettext_lazy("audience", "高校")
    COMMUNITY = "community", pgettext_lazy("audience", "社区")
    OFFICE = "office", pgettext_lazy("audience", "机关")


class Topic(models.TextChoices):
    HEROES = "heroes", pgettext_lazy("talk topic", "英雄烈士事迹")
    TRADITION = "tradition", pgettext_lazy("talk topic", "革命传统")
    DEFENCE = "defence", pgettext_lazy("talk topic", "国防知识")
    SERVICE = "service", pgettext_lazy("talk topic", "军营生活")
    VETERANS = "veterans", pgettext_lazy("talk topic", "退役军人风采")


class PreferredTime(models.TextChoices):
    MORNING = "morning", _("上午")
    AFTERNOON = "afternoon", _("下午")
    ANY = "any", _("上午下午均可")


class BookingStatus(models.TextChoices):
    """Where a school's request stands, as the school sees it on the status page."""

    RECEIVED = "received", _("已收到，等待安排")
    PROPOSED = "proposed", _("建议改期，等待学校确认")
    CONFIRMED = "confirmed", _("已确认")
    DECLINED = "declined", _("未能安排")
