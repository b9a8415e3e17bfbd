"""The vocabularies of education resources: grade bands, kinds, topics and school programmes."""

from django.db import models
from django.utils.translation import pgettext_lazy


class GradeBand(models.TextChoices):
    PRIMARY_LOWER = "primary_lower", pgettext_lazy("grade band", "小学低年级（1—3年级）")
    PRIMARY_UPPER = "primary_upper", pgettext_lazy("grade band", "小学高年级（4—6年级）")
    JUNIOR = "junior", pgettext_lazy("grade band", "初中")
    SENIOR = "senior", pgettext_lazy("grade band", "高中")


class ResourceKind(models.TextChoices):
    LESSON_PLAN = "lesson_plan", pgettext_lazy("resource kind", "教案")
    READER = "reader", pgettext_lazy("resource kind", "读本")
    VIDEO = "video", pgettext_lazy("resource kind", "视频")
    STORY = "story", pgettext_lazy("resource kind", "英雄故事")


class Topic(models.TextChoices):
    HEROES = "heroes", pgettext_lazy("education topic", "英雄烈士事迹")
    TRADITION = "tradition", pgettext_lazy("education topic", "革命传统")
    DEFENCE = "defence", pgettext_lazy("education topic", "国防知识")
    SERVICE = "service", pgettext_lazy("education topic", "军营生活")
    VETERANS = "veterans", pgettext_lazy("education topic", "退役军人风采")


class Programme(models.TextChoices):
    RED_STAR = "red_star", pgettext_lazy("school programme", "红星班")
    CADET_SCHOOL = "cadet_school", pgettext_lazy("school programme", "少年军校")
