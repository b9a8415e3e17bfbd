"""Clues (线索) the public sends, what they add later, their attachments, and the messages staff
send back. A clue waits in the shell's inbox (待办) like every public submission; its sender's
personal data is encrypted (``siteshell.privacy``) and shown in full only to 寻亲专班."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from campaigns.seekrelatives.models.cases import ClueCase
from campaigns.seekrelatives.stages import FINISHED, NEXT_STEPS, Stage
from memorials.interface import MartyrRecord
from siteshell.moderation.models import Decision, ModeratedSubmission, ModerationStatus, moderation_indexes
from siteshell.notifications import TrackingStatus
from siteshell.privacy.fields import PersonalDataField, PersonalDataHashField
from siteshell.privacy.models import PersonalDataMixin

#: The consent notice a clue's sender agrees to (registered in ``SeekRelativesConfig.ready``).
CONSENT_NOTICE = "seekrelatives.clue"


class Relationship(models.TextChoices):
    CHILD = "child", _("子女")
    GRANDCHILD = "grandchild", _("孙辈（孙子女、外孙子女）")
    SIBLING = "sibling", _("兄弟姐妹")
    NEPHEW = "nephew", _("侄辈、甥辈")
    RELATIVE = "relative", _("其他亲属")
    FELLOW = "fellow", _("同乡、战友或其后人")
    INFORMED = "informed", _("知情人")
    OTHER = "other", _("其他")


class Clue(PersonalDataMixin, ModeratedSubmission):
    """What a visitor knows about a martyr's family, and how to reach them.

    Grouped into a :class:`ClueCase` with the other clues about the same martyr when it arrives.
    The sender follows it with a tracking code (their mobile's last four digits as the second
    factor) and may add information later (:class:`ClueAddition`).
    """

    case = models.ForeignKey(
        ClueCase, verbose_name=_("案件"), null=True, blank=True, on_delete=models.SET_NULL, related_name="clues"
    )
    record = models.ForeignKey(
        MartyrRecord, verbose_name=_("烈士档案"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    martyr_name = models.CharField(
        _("烈士姓名"), max_length=100, blank=True, help_text=_("名单之外的烈士：提交人填写的姓名")
    )
    knowledge = models.TextField(_("线索内容"), max_length=3000)
    relationship = models.CharField(_("与烈士的关系"), max_length=20, choices=Relationship.choices)
    submitter_name = models.CharField(_("提交人姓名"), max_length=50)
    mobile = PersonalDataField(_("手机号"), kind="mobile", max_length=20)
    mobile_hash = PersonalDataHashField(source="mobile")
    id_number = PersonalDataField(_("身份证号"), kind="id_number", max_length=30, blank=True)
    id_number_hash = PersonalDataHashField(source="id_number")
    address = PersonalDataField(_("联系地址"), kind="address", max_length=200, blank=True)
    #: The sender's language: what they are told later is in it.
    language = models.CharField(max_length=16, default="zh-hans", editable=False)
    first_answer_at = models.DateTimeField(_("首次答复时间"), null=True, blank=True, editable=False)
    #: When the clue stopped being worked (its case ended, or it was not accepted): the
    #: retention of its personal data counts from here.
    closed_at = models.DateTimeField(_("办结时间"), null=True, blank=True, editable=False)

    moderation_search_fields = ("knowledge", "martyr_name")

    personal_data_extra_fields = ("submitter_name", "knowledge")
    #: Kept two years after the clue's case ended (PRIVACY_RETENTION_DAYS["seekrelatives.clue"]
    #: overrides it); kept as long as its case is worked.
    personal_data_retention_days = 730
    personal_data_retention_from = ("closed_at",)
    consent_notice_key = CONSENT_NOTICE

    class Meta(ModeratedSubmission.Meta):
        verbose_name = _("寻亲线索")
        verbose_name_plural = _("寻亲线索")
        indexes = [
            *moderation_indexes("seekrel_clue"),
            models.Index(fields=["case", "submitted_at"], name="seekrel_clue_case"),
        ]

    def __str__(self):
        return gettext("线索 %(number)s") % {"number": self.pk}

    @property
    def about(self) -> str:
        """The martyr the clue is about, as it names them."""
        if self.record_id:
            return self.record.name
        return self.martyr_name

    @property
    def is_accepted(self) -> bool:
        return self.moderation_status == ModerationStatus.APPROVED

    # -- moderation --------------------------------------------------------------------------

    def moderation_text(self):
        return "\n".join(part for part in (self.martyr_name, self.knowledge) if part)

    def moderation_title(self):
        return gettext("关于%(name)s烈士的线索") % {"name": self.about or gettext("未列出")}

    def moderation_admin_url(self):
        return reverse("seekrelatives_admin:case", args=[self.case_id]) if self.case_id else ""

    def moderation_details(self):
        return [
            (gettext("案件"), self.case.reference if self.case_id else "—"),
            (gettext("烈士"), self.about or "—"),
            (gettext("与烈士的关系"), self.get_relationship_display()),
            (gettext("附件"), str(self.attachments.count())),
            (gettext("个人信息"), gettext("提交人的姓名、手机号、身份证号和地址只有寻亲专班可以在案件页查看")),
        ]

    def moderation_personal_data(self):
        # The inbox is open to every moderator; a clue's sender is seen only by 寻亲专班, in
        # the case page (campaigns.seekrelatives.access).
        return []

    def on_moderation_decision(self, decision, user):
        if decision in (Decision.REJECT, Decision.REMOVE):
            self.closed_at = timezone.now()
        elif decision in (Decision.APPROVE, Decision.RESTORE):
            finished = self.case_id and self.case.stage in FINISHED
            self.closed_at = self.case.closed_at if finished else None
        type(self).objects.filter(pk=self.pk).update(closed_at=self.closed_at)

    # -- what its sender sees ------------------------------------------------------------------

    def public_stage_label(self) -> str:
        if self.moderation_status == ModerationStatus.PENDING:
            return gettext("已收到，等待受理")
        if self.moderation_status in (ModerationStatus.REJECTED, ModerationStatus.REMOVED):
            return gettext("未予受理")
        return self.case.get_stage_display() if self.case_id else str(Stage.RECEIVED.label)

    def next_step(self) -> str:
        if self.moderation_status in (ModerationStatus.REJECTED, ModerationStatus.REMOVED):
            return gettext("如有疑问，请致电服务电话。")
        stage = self.case.stage if self.case_id else Stage.RECEIVED
        return str(NEXT_STEPS.get(stage, ""))

    def tracking_status(self):
        """What the status page shows: the stage and the messages staff sent to this sender —
        nothing personal, nothing internal, nothing of other senders."""
        messages = list(self.messages.order_by("created_at", "id"))
        updated = max([self.submitted_at, *(message.created_at for message in messages)])
        return TrackingStatus(
            title=gettext("寻亲线索"),
            status_label=self.public_stage_label(),
            updated_at=updated,
            events=[(message.created_at, message.text) for message in messages],
            next_step=self.next_step(),
        )


class ClueAddition(ModeratedSubmission):
    """What a sender adds to their clue later, from its status page (text and files)."""

    clue = models.ForeignKey(Clue, verbose_name=_("线索"), on_delete=models.CASCADE, related_name="additions")
    text = models.TextField(_("补充内容"), max_length=3000, blank=True)

    moderation_search_fields = ("text",)

    class Meta(ModeratedSubmission.Meta):
        verbose_name = _("线索补充")
        verbose_name_plural = _("线索补充")
        indexes = moderation_indexes("seekrel_addition")

    def __str__(self):
        return gettext("线索 %(number)s 的补充") % {"number": self.clue_id}

    def moderation_text(self):
        return self.text

    def moderation_title(self):
        return gettext("关于%(name)s烈士的线索补充") % {"name": self.clue.about or gettext("未列出")}

    def moderation_admin_url(self):
        return self.clue.moderation_admin_url()

    def moderation_details(self):
        return [(gettext("线索"), str(self.clue)), (gettext("附件"), str(self.attachments.count()))]


class ClueAttachment(models.Model):
    """A file sent with a clue: encrypted, outside the media library
    (``campaigns.seekrelatives.attachments``)."""

    clue = models.ForeignKey(Clue, verbose_name=_("线索"), on_delete=models.CASCADE, related_name="attachments")
    addition = models.ForeignKey(
        ClueAddition, null=True, blank=True, on_delete=models.CASCADE, related_name="attachments"
    )
    stored_name = models.CharField(max_length=200, editable=False)
    mime_type = models.CharField(max_length=100, editable=False)
    size = models.PositiveIntegerField(default=0, editable=False)
    uploaded_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("线索附件")
        verbose_name_plural = _("线索附件")
        ordering = ["uploaded_at", "id"]

    def __str__(self):
        return gettext("附件 %(number)s") % {"number": self.pk}

    @property
    def is_image(self) -> bool:
        return self.mime_type.startswith("image/")

    @property
    def extension(self) -> str:
        return self.stored_name.rsplit(".", 2)[-2] if self.stored_name.count(".") >= 2 else ""


class ClueMessage(models.Model):
    """A message to a clue's sender, shown on their status page. Staff choose to send one when a
    case moves (or at any time); the system sends the first, on receipt."""

    clue = models.ForeignKey(Clue, verbose_name=_("线索"), on_delete=models.CASCADE, related_name="messages")
    text = models.TextField(_("消息"), max_length=1000)
    stage = models.CharField(_("当时的阶段"), max_length=20, choices=Stage.choices, blank=True)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("发送人"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("发送时间"), default=timezone.now)

    class Meta:
        verbose_name = _("给提交人的消息")
        verbose_name_plural = _("给提交人的消息")
        ordering = ["created_at", "id"]

    def __str__(self):
        return self.text[:40]
