"""代祭扫申请: what a family asks for, who they are, and how far staff have got.

The request is a public submission (``siteshell.moderation``): it waits in the inbox 待办 like
every other, its message is screened for sensitive words, and accepting or declining it is a
moderation decision (``service.approve`` / ``service.reject`` with the reason the family sees).
The later steps (scheduled, done, family informed) are the plugin's own
(``memorials.sweeping.workflow``). The requester's phone, ID number and e-mail are encrypted
(``siteshell.privacy``); their name, e-mail, phone, ID number and message are erased
``personal_data_retention_days`` after the request was closed, leaving the name's initials.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from memorials.interface import MartyrRecord, MemorialFacility, record_grave
from memorials.sweeping import conf
from memorials.sweeping.consent import NOTICE_KEY
from memorials.sweeping.family import tell_family
from memorials.sweeping.identity import initials
from siteshell.moderation.models import (
    Decision,
    ModeratedSubmission,
    ModeratedSubmissionQuerySet,
    moderation_indexes,
)
from siteshell.privacy.fields import PersonalDataField, PersonalDataHashField
from siteshell.privacy.models import PersonalDataMixin


class Relationship(models.TextChoices):
    CHILD = "child", _("子女")
    GRANDCHILD = "grandchild", _("孙辈")
    NEPHEW_NIECE = "nephew_niece", _("侄甥")
    RELATIVE = "relative", _("其他亲属")
    COMRADE = "comrade", _("战友")
    OTHER = "other", pgettext_lazy("relationship to a martyr", "其他")


class Service(models.TextChoices):
    """What staff do at the grave (the seeds' 擦拭墓碑、敬献鲜花、行鞠躬礼, plus a message read
    aloud and photos sent back)."""

    WIPE = "wipe", _("擦拭墓碑")
    FLOWERS = "flowers", _("敬献鲜花")
    BOW = "bow", _("鞠躬致敬")
    MESSAGE = "message", _("宣读寄语")
    PHOTOS = "photos", _("拍照反馈")


class Status(models.TextChoices):
    RECEIVED = "received", _("已收到，待受理")
    ACCEPTED = "accepted", _("已受理，待安排")
    DECLINED = "declined", _("未能受理")
    SCHEDULED = "scheduled", _("已安排祭扫")
    DONE = "done", _("已完成祭扫")
    INFORMED = "informed", _("已告知家属")
    WITHDRAWN = "withdrawn", _("已撤回")


#: Statuses in which staff still have something to do.
OPEN_STATUSES = (Status.RECEIVED, Status.ACCEPTED, Status.SCHEDULED, Status.DONE)
#: Statuses in which the family may see the photos.
PHOTOS_SHOWN = (Status.DONE, Status.INFORMED)


class SweepingRequestQuerySet(ModeratedSubmissionQuerySet):
    def open(self):
        return self.filter(status__in=OPEN_STATUSES)

    def overdue(self, today: datetime.date | None = None):
        """Requests staff are late with: not accepted within ``SWEEPING_ACCEPT_DAYS``, not done by
        the scheduled day or the end of the family's window, done but the family not told within
        ``SWEEPING_INFORM_DAYS``."""
        return self.filter(overdue_condition(today))

    def for_day(self, day: datetime.date):
        """What a team does on ``day``: scheduled for it, or accepted and wanted that day."""
        return self.filter(
            Q(status=Status.SCHEDULED, scheduled_for=day)
            | Q(status=Status.ACCEPTED, preferred_from__lte=day, preferred_until__gte=day)
        )


def overdue_condition(today: datetime.date | None = None) -> Q:
    today = today or timezone.localdate()
    now = timezone.now()
    return (
        Q(status=Status.RECEIVED, submitted_at__lt=now - datetime.timedelta(days=conf.accept_days()))
        | Q(status=Status.ACCEPTED, preferred_until__lt=today)
        | Q(status=Status.SCHEDULED, scheduled_for__lt=today)
        | Q(status=Status.DONE, done_at__lt=now - datetime.timedelta(days=conf.inform_days()))
    )


@dataclass(frozen=True)
class Step:
    """One step of a request as the family and staff see it."""

    at: datetime.datetime
    text: str
    detail: str = ""


class SweepingRequest(PersonalDataMixin, ModeratedSubmission):
    # -- the martyr and the grave ---------------------------------------------------------
    record = models.ForeignKey(
        MartyrRecord,
        verbose_name=_("烈士档案"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("在英名录中找到的烈士；档案中没有时为空"),
    )
    martyr_name = models.CharField(_("烈士姓名"), max_length=50)
    facility = models.ForeignKey(
        MemorialFacility,
        verbose_name=_("纪念设施"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    burial_place = models.CharField(
        _("安葬地点"), max_length=200, blank=True, help_text=_("纪念设施不在列表中或不清楚时填写")
    )
    grave = models.CharField(_("墓位"), max_length=50, blank=True, help_text=_("如 A区3排12号；不清楚可不填"))

    # -- the requester ---------------------------------------------------------------------
    requester_name = models.CharField(_("申请人姓名"), max_length=50)
    #: What is left of the name once the personal data is erased.
    requester_initials = models.CharField(_("申请人（简称）"), max_length=20, blank=True, editable=False)
    relationship = models.CharField(_("与烈士关系"), max_length=20, choices=Relationship.choices)
    phone = PersonalDataField(_("手机号码"), kind="mobile")
    phone_hash = PersonalDataHashField(source="phone")
    id_number = PersonalDataField(_("身份证号码"), kind="id_number")
    id_number_hash = PersonalDataHashField(source="id_number")
    email = PersonalDataField(_("电子邮箱"), kind="email", blank=True)
    email_hash = PersonalDataHashField(source="email")
    #: The language the family wrote in: what they are told later is in it.
    language = models.CharField(max_length=16, default="zh-hans", editable=False)

    # -- what they ask for -------------------------------------------------------------------
    services = models.JSONField(_("祭扫内容"), default=list)
    message = models.TextField(_("寄语"), blank=True, help_text=_("由工作人员在墓前代为宣读"))
    preferred_from = models.DateField(_("希望日期（起）"))
    preferred_until = models.DateField(_("希望日期（止）"))

    # -- the steps after the decision (accepted/declined: the moderation fields) -------------
    status = models.CharField(_("办理状态"), max_length=12, choices=Status.choices, default=Status.RECEIVED)
    scheduled_for = models.DateField(_("安排日期"), null=True, blank=True)
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("祭扫人员"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    scheduled_at = models.DateTimeField(_("安排时间"), null=True, blank=True)
    done_at = models.DateTimeField(_("完成时间"), null=True, blank=True)
    staff_note = models.TextField(_("祭扫情况"), blank=True, help_text=_("家属在进度页上可以看到"))
    informed_at = models.DateTimeField(_("告知家属时间"), null=True, blank=True)
    withdrawn_at = models.DateTimeField(_("撤回时间"), null=True, blank=True)
    #: Informed, declined or withdrawn: the retention of the personal data counts from here.
    closed_at = models.DateTimeField(_("办结时间"), null=True, blank=True)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    objects = SweepingRequestQuerySet.as_manager()

    moderation_search_fields = ("martyr_name", "message")

    personal_data_extra_fields = ("requester_name", "message")
    #: 180 days after the request was closed (else done, else submitted); the setting
    #: PRIVACY_RETENTION_DAYS["sweeping.sweepingrequest"] overrides it.
    personal_data_retention_days = 180
    personal_data_retention_from = ("closed_at", "done_at", "submitted_at")
    consent_notice_key = NOTICE_KEY

    class Meta(ModeratedSubmission.Meta):
        verbose_name = _("代祭扫申请")
        verbose_name_plural = _("代祭扫申请")
        permissions = [
            ("view_all_facilities", _("查看所有纪念设施的代祭扫申请")),
            ("view_requester_data", _("查看代祭扫申请人的完整联系方式和身份证号")),
        ]
        indexes = [
            *moderation_indexes("sweeping_req"),
            models.Index(fields=["facility", "status", "submitted_at"], name="sweeping_facility_status"),
            models.Index(fields=["status", "scheduled_for"], name="sweeping_status_day"),
            models.Index(fields=["status", "preferred_from"], name="sweeping_status_wanted"),
        ]

    def __str__(self):
        return _("代祭扫申请 %(number)s：%(name)s") % {"number": self.pk or "—", "name": self.martyr_name}

    def save(self, *args, **kwargs):
        if self.requester_name:
            self.requester_initials = initials(self.requester_name)
        super().save(*args, **kwargs)

    # -- reading ---------------------------------------------------------------------------

    def service_labels(self) -> list[str]:
        labels = dict(Service.choices)
        return [str(labels[key]) for key in self.services if key in labels]

    def wants(self, service: str) -> bool:
        return service in self.services

    @property
    def wants_photos(self) -> bool:
        return self.wants(Service.PHOTOS)

    @property
    def requester_display(self) -> str:
        """The name, or its initials once erased."""
        return self.requester_name or self.requester_initials

    @property
    def grave_display(self) -> str:
        """The grave as typed, else as the picked record has it (in the active language)."""
        return self.grave or (record_grave(self.record) if self.record_id else "")

    @property
    def facility_display(self) -> str:
        return self.facility.name if self.facility_id else self.burial_place

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    @property
    def photos_shown(self) -> bool:
        return self.status in PHOTOS_SHOWN

    def overdue_reason(self, today: datetime.date | None = None) -> str:
        """Why staff are late with this request (empty when they are not)."""
        today = today or timezone.localdate()
        now = timezone.now()
        if self.status == Status.RECEIVED and self.submitted_at < now - datetime.timedelta(days=conf.accept_days()):
            return _("超过%(days)d天未受理") % {"days": conf.accept_days()}
        if self.status == Status.ACCEPTED and self.preferred_until < today:
            return _("已过家属希望的日期，尚未安排")
        if self.status == Status.SCHEDULED and self.scheduled_for and self.scheduled_for < today:
            return _("已过安排日期，尚未记录完成")
        if (
            self.status == Status.DONE
            and self.done_at
            and self.done_at < now - datetime.timedelta(days=conf.inform_days())
        ):
            return _("完成超过%(days)d天，尚未告知家属") % {"days": conf.inform_days()}
        return ""

    def steps(self) -> list[Step]:
        """The steps so far, oldest first: what the status page and the admin show."""
        steps = [Step(self.submitted_at, _("已收到您的申请"))]
        if self.decided_at and self.status != Status.WITHDRAWN:
            if self.status == Status.DECLINED:
                steps.append(Step(self.decided_at, _("未能受理"), self.decision_reason))
            else:
                steps.append(Step(self.decided_at, _("已受理")))
        if self.scheduled_at and self.scheduled_for:
            steps.append(
                Step(self.scheduled_at, _("已安排祭扫，日期：%(day)s") % {"day": self.scheduled_for.isoformat()})
            )
        if self.done_at:
            steps.append(Step(self.done_at, _("工作人员已完成祭扫"), self.staff_note))
        if self.informed_at:
            steps.append(Step(self.informed_at, _("已告知家属，本次代祭扫办结")))
        if self.withdrawn_at:
            steps.append(Step(self.withdrawn_at, _("申请人已撤回申请并删除个人信息")))
        return steps

    NEXT_STEPS = {
        Status.RECEIVED: _("工作人员将在三个工作日内审核您的申请。"),
        Status.ACCEPTED: _("工作人员将按您希望的日期安排祭扫，安排好后会通知您。"),
        Status.SCHEDULED: _("祭扫完成后会通知您，届时可在本页查看照片。"),
        Status.DONE: _("祭扫已完成，可在代祭扫进度页查看照片和工作人员的说明。"),
        Status.INFORMED: _("本次代祭扫已办结，感谢您的信任。"),
        Status.DECLINED: _("如有疑问，请致电服务电话。"),
        Status.WITHDRAWN: _("申请已撤回。"),
    }

    def tracking_status(self):
        """What the shell's status page ``/track/`` shows: the steps and their dates, nothing
        personal (the staff note and the photos are on the plugin's own status page)."""
        from siteshell.notifications import TrackingStatus

        return TrackingStatus(
            title=str(_("代为祭扫申请")),
            status_label=str(self.get_status_display()),
            updated_at=self.updated_at,
            events=[(step.at, str(step.text)) for step in self.steps()],
            next_step=str(self.NEXT_STEPS[self.status]),
        )

    # -- moderation --------------------------------------------------------------------------

    def moderation_text(self):
        return "\n".join(part for part in (self.martyr_name, self.message) if part)

    def moderation_title(self):
        return _("代祭扫：%(name)s（%(place)s）") % {
            "name": self.martyr_name,
            "place": self.facility_display or _("安葬地未填"),
        }

    def moderation_admin_url(self):
        from django.urls import reverse

        return reverse("sweeping_admin:detail", args=[self.pk])

    def moderation_details(self):
        return [
            (_("烈士"), self.martyr_name),
            (_("纪念设施"), self.facility_display or "—"),
            (_("墓位"), self.grave_display or "—"),
            (_("祭扫内容"), "、".join(self.service_labels())),
            (
                _("希望日期"),
                f"{self.preferred_from.isoformat()} — {self.preferred_until.isoformat()}",
            ),
            (_("与烈士关系"), self.get_relationship_display()),
            (_("寄语"), self.message or "—"),
        ]

    def on_moderation_decision(self, decision, user):
        """Accepting (通过) or declining (不通过, with the reason the family reads) is the inbox's
        decision, taken there or on the plugin's own page; the family is told either way."""
        if getattr(self, "_withdrawing", False):
            return  # the family withdrew it themselves (memorials.sweeping.workflow.withdraw)
        if decision in (Decision.APPROVE, Decision.RESTORE) and self.status in (Status.RECEIVED, Status.DECLINED):
            self.status, self.closed_at = Status.ACCEPTED, None
            self.save(update_fields=["status", "closed_at", "updated_at"])
            tell_family(self, "accepted")
        elif decision in (Decision.REJECT, Decision.REMOVE) and self.status in (
            Status.RECEIVED,
            Status.ACCEPTED,
            Status.SCHEDULED,
        ):
            self.status, self.closed_at = Status.DECLINED, timezone.now()
            self.save(update_fields=["status", "closed_at", "updated_at"])
            tell_family(self, "declined", reason=self.decision_reason)
