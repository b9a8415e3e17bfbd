"""Choices and validators of the honour roll, below the models so that the filters can use them
without importing the models."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

YEAR_VALIDATORS = [MinValueValidator(1900), MaxValueValidator(2100)]


class Category(models.TextChoices):
    VETERAN = "veteran", _("退役军人")
    MILITARY_SPOUSE = "military_spouse", _("军嫂")
    VOLUNTEER_ORGANISATION = "volunteer_organisation", _("志愿服务组织")


class Gender(models.TextChoices):
    MALE = "male", _("男")
    FEMALE = "female", _("女")


class ServiceBranch(models.TextChoices):
    ARMY = "army", _("陆军")
    NAVY = "navy", _("海军")
    AIR_FORCE = "air_force", _("空军")
    ROCKET_FORCE = "rocket_force", _("火箭军")
    STRATEGIC_SUPPORT = "strategic_support", _("战略支援部队")
    JOINT_LOGISTICS = "joint_logistics", _("联勤保障部队")
    ARMED_POLICE = "armed_police", _("武警部队")
    OTHER = "other", _("其他")
