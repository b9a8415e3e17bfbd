"""A school's request for a talk (预约宣讲), reviewed in the shell's moderation inbox (待办).

Staff of the talks group accept it (a talk is created on the calendar, marked for the school),
propose another date, or decline it with a reason (``campaigns.talks.arrangements``). The school
follows it on the shell's status page with its tracking code and is told of every step by SMS
(and e-mail when it gave one). The contact's mobile and e-mail are encrypted
(``siteshell.privacy``) and erased a year after the decision.
"""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import translation
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

from campaigns.talks.choices import Audience, BookingStatus, PreferredTime, Topic
from campaigns.talks.models.pages import TalksIndexPage
from campaigns.talks.models.speakers import Speaker
from campaigns.talks.models.talks import MAX_CAPACITY, Talk
from siteshell.moderation.models import Decision, ModeratedSubmission, moderation_indexes
from siteshell.notifications import TrackingStatus, notify
from siteshell.privacy.fields import PersonalDataField, PersonalDataHashField
from siteshell.privacy.models import PersonalDataMixin

#: The consent notice a school agrees to (registered in ``TalksConfig.ready()``).
CONSENT_NOTICE = "talks.booking"


def when_text(start, end=None) -> str:
    """“2026年5月12日 14:30—16:00” in the active language, in the site's time zone."""
    start = localtime(start)
    text = f"{date_format(start, 'DATE_FORMAT')} {start:%H:%M}"
    if end is not None:
        text += f"—{localtime(end):%H:%M}"
    return text


class TalkBooking(PersonalDataMixin, ModeratedSubmission):
    school = models.CharField(gettext_lazy("学校（单位）名称"), max_length=100)
    district = models.CharField(gettext_lazy("所在区县"), max_length=30)
    address = models.CharField(gettext_lazy("学校地址"), max_length=200, blank=True)
    contact_name = models.CharField(gettext_lazy("联系人"), max_length=30)
    contact_phone = PersonalDataField(gettext_lazy("联系人手机号"), kind="mobile", max_length=20)
    contact_phone_hash = PersonalDataHashField(source="contact_phone")
    contact_email = PersonalDataField(
        gettext_lazy("电子邮箱（选填）"),
        kind="email",
        max_length=254,
        blank=True,
        help_text=gettext_lazy("填写后，确认时会把日历文件的链接发到这个邮箱"),
    )
    contact_email_hash = PersonalDataHashField(source="contact_email")
    audience = models.CharField(gettext_lazy("听众"), max_length=20, choices=Audience.choices)
    grade = models.CharField(
        gettext_lazy("年级或班级（选填）"), max_length=50, blank=True, help_text=gettext_lazy("例如“五、六年级”")
    )
    expected_audience = models.PositiveIntegerField(
        gettext_lazy("预计听众人数"), validators=[MinValueValidator(1), MaxValueValidator(MAX_CAPACITY)]
    )
    preferred_date = models.DateField(gettext_lazy("希望日期"))
    alternative_date = models.DateField(gettext_lazy("备选日期（选填）"), null=True, blank=True)
    preferred_time = models.CharField(
        gettext_lazy("希望时段"), max_length=10, choices=PreferredTime.choices, default=PreferredTime.ANY
    )
    topic = models.CharField(gettext_lazy("希望的内容"), max_length=20, choices=Topic.choices, blank=True)
    speaker = models.ForeignKey(
        Speaker,
        verbose_name=gettext_lazy("希望的宣讲人"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="bookings",
    )
    note = models.TextField(gettext_lazy("其他说明（选填）"), blank=True, max_length=500)
    status = models.CharField(
        gettext_lazy("预约进度"), max_length=10, choices=BookingStatus.choices, default=BookingStatus.RECEIVED
    )
    proposed_start = models.DateTimeField(gettext_lazy("建议时间"), null=True, blank=True)
    proposed_end = models.DateTimeField(gettext_lazy("建议结束时间"), null=True, blank=True)
    talk = models.OneToOneField(
        Talk,
        verbose_name=gettext_lazy("安排的宣讲"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="booking",
    )
    #: The school's language: what it is told later is in it.
    language = models.CharField(max_length=16, default="zh-hans")
    updated_at = models.DateTimeField(auto_now=True)

    moderation_search_fields = ("school", "note")

    personal_data_extra_fields = ("contact_name",)
    #: Kept a year after the decision (or the request, while undecided); the setting
    #: PRIVACY_RETENTION_DAYS["talks.talkbooking"] overrides it.
    personal_data_retention_days = 365
    personal_data_retention_from = ("decided_at", "submitted_at")
    consent_notice_key = CONSENT_NOTICE

    class Meta(ModeratedSubmission.Meta):
        verbose_name = gettext_lazy("学校预约")
        verbose_name_plural = pgettext_lazy("plural", "学校预约")
        indexes = moderation_indexes("talks_booking")

    def __str__(self):
        return _("%(school)s的宣讲预约") % {"school": self.school}

    # -- moderation ------------------------------------------------------------------------

    def moderation_text(self):
        return "\n".join(part for part in (self.school, self.grade, self.note) if part)

    def moderation_title(self):
        return _("%(school)s预约宣讲（%(date)s）") % {
            "school": self.school,
            "date": date_format(self.preferred_date, "DATE_FORMAT"),
        }

    def moderation_admin_url(self):
        from django.urls import reverse

        return reverse("talks_admin:booking", args=[self.pk])

    def moderation_details(self):
        dates = date_format(self.preferred_date, "DATE_FORMAT")
        if self.alternative_date:
            dates += _("，备选 %(date)s") % {"date": date_format(self.alternative_date, "DATE_FORMAT")}
        details = [
            (_("学校（单位）"), f"{self.school}（{self.district}）"),
            (_("地址"), self.address or "—"),
            (_("听众"), " ".join(filter(None, [self.get_audience_display(), self.grade]))),
            (_("预计人数"), str(self.expected_audience)),
            (_("希望日期"), f"{dates} · {self.get_preferred_time_display()}"),
            (_("希望的内容"), self.get_topic_display() if self.topic else _("不限")),
            (_("希望的宣讲人"), self.speaker.name if self.speaker else _("不指定")),
            (_("预约进度"), self.get_status_display()),
        ]
        if self.talk_id:
            details.append((_("安排的宣讲"), f"{self.talk.title} · {when_text(self.talk.start, self.talk.end)}"))
        return details

    def moderation_personal_data(self):
        return [(gettext_lazy("联系人"), self.contact_name, "text"), *super().moderation_personal_data()]

    def on_moderation_decision(self, decision, user):
        """通过 needs the talk made by 安排宣讲 (``arrangements.accept``); 不通过 declines."""
        from siteshell.moderation.service import ModerationError

        if decision in (Decision.APPROVE, Decision.RESTORE):
            if self.talk_id is None:
                raise ModerationError(_("请先在“学校预约”中安排宣讲人、时间和地点，确认后预约即通过。"))
            self.move_to(BookingStatus.CONFIRMED)
            self.tell_school("talks/confirmed", self.confirmation_context())
        elif decision == Decision.REJECT:
            self.move_to(BookingStatus.DECLINED, note=self.decision_reason)
            self.tell_school("talks/declined", {"reason": self.decision_reason})

    # -- progress --------------------------------------------------------------------------

    def move_to(self, status, note=""):
        """Record a step the school sees on its status page."""
        self.status = status
        type(self).objects.filter(pk=self.pk).update(status=status)
        BookingEvent.objects.create(booking=self, status=status, note=note)

    def tell_school(self, template, context):
        with translation.override(self.language):
            notify(
                to_phone=self.contact_phone,
                to_email=self.contact_email,
                template=template,
                context={key: str(value) for key, value in context.items()},
                purpose=template.replace("/", ".", 1),
                related=self,
            )

    def confirmation_context(self):
        talk = self.talk
        with translation.override(self.language):
            return {
                "title": talk.title,
                "when": when_text(talk.start, talk.end),
                "place": talk.place,
                "ics_url": self.calendar_file_url(),
            }

    def calendar_file_url(self) -> str:
        """The absolute address of the confirmed talk's ``.ics`` (``""`` without a talks page)."""
        from django.urls import reverse

        index_page = TalksIndexPage.for_request(None)
        if index_page is None or self.talk_id is None:
            return ""
        return index_page.site_root_url() + reverse("talks:talk_ics", args=[self.talk_id])

    def tracking_status(self):
        """What the status page shows: the kind, the state and its history, nothing personal
        (no school name: the code and the mobile's last digits are all it takes to see it)."""
        events = [(self.submitted_at, _("已收到您的预约"))]
        events += [(event.created_at, event.public_text()) for event in self.events.order_by("created_at", "pk")]
        return TrackingStatus(
            title=_("宣讲预约"),
            status_label=self.get_status_display(),
            updated_at=self.updated_at,
            events=events,
            next_step=self.next_step(),
        )

    def next_step(self) -> str:
        if self.status == BookingStatus.PROPOSED and self.proposed_start:
            return _("我们建议改在 %(when)s，请致电服务电话确认，或另约时间。") % {
                "when": when_text(self.proposed_start, self.proposed_end)
            }
        if self.status == BookingStatus.CONFIRMED and self.talk_id:
            context = self.confirmation_context()
            text = _("宣讲“%(title)s”安排在 %(when)s，地点：%(place)s。") % context
            if context["ics_url"]:
                text += _("日历文件（.ics）：%(url)s") % {"url": context["ics_url"]}
            return text
        if self.status == BookingStatus.DECLINED:
            return _("这次未能安排：%(reason)s 欢迎另选时间再次预约。") % {"reason": self.decision_reason}
        return _("工作人员将在五个工作日内安排，并以短信告知结果。")


class BookingEvent(models.Model):
    """One step of a booking, as its school sees it."""

    booking = models.ForeignKey(TalkBooking, on_delete=models.CASCADE, related_name="events")
    status = models.CharField(max_length=10, choices=BookingStatus.choices)
    #: Shown to the school: a proposed date, a reason (never personal data).
    note = models.CharField(max_length=2000, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = gettext_lazy("预约进度记录")
        verbose_name_plural = gettext_lazy("预约进度记录")

    def __str__(self):
        return self.get_status_display()

    def public_text(self) -> str:
        label = self.get_status_display()
        return f"{label}：{self.note}" if self.note else label
