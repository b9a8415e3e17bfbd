"""A public request (like a proxy-sweeping request) that carries a tracking code and tells its
submitter when staff change its status."""

from django.db import models
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from siteshell.notifications import TrackingStatus, notify
from siteshell.privacy.fields import PersonalDataField, PersonalDataHashField
from siteshell.privacy.models import PersonalDataMixin


class ServiceRequest(PersonalDataMixin, models.Model):
    """A relative's phone number is personal data: encrypted, with a lookup hash (siteshell.privacy)."""

    class Status(models.TextChoices):
        RECEIVED = "received", gettext_lazy("已受理")
        SCHEDULED = "scheduled", gettext_lazy("已安排")
        DONE = "done", gettext_lazy("已完成")
        DECLINED = "declined", gettext_lazy("未能办理")

    name = models.CharField(gettext_lazy("姓名"), max_length=50)
    phone = PersonalDataField(gettext_lazy("手机号"), kind="mobile", max_length=20)
    phone_hash = PersonalDataHashField(source="phone")
    email = models.EmailField(gettext_lazy("电子邮箱"), blank=True)
    text = models.TextField(gettext_lazy("需求说明"), max_length=1000)
    status = models.CharField(gettext_lazy("状态"), max_length=20, choices=Status.choices, default=Status.RECEIVED)
    #: The submitter's language: what they are told later is in it.
    language = models.CharField(max_length=16, default="zh-hans")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    personal_data_extra_fields = ("name", "email")
    personal_data_retention_days = 180
    personal_data_retention_from = ("updated_at",)

    class Meta:
        verbose_name = gettext_lazy("服务申请")
        verbose_name_plural = gettext_lazy("服务申请")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._saved_status = self.status if self.pk else None

    def __str__(self):
        return _("服务申请 %(number)s") % {"number": self.pk}

    def save(self, *args, **kwargs):
        changed = self._saved_status is not None and self.status != self._saved_status
        super().save(*args, **kwargs)
        if changed:
            RequestEvent.objects.create(request=self, status=self.status)
            self.tell_submitter("requestdesk/status_changed", {"status": self.get_status_display()})
        self._saved_status = self.status

    def tell_submitter(self, template, context):
        with translation.override(self.language):
            notify(
                to_phone=self.phone,
                to_email=self.email,
                template=template,
                context={k: str(v) for k, v in context.items()},
                purpose=f"requestdesk.{template.rsplit('/', 1)[-1]}",
                related=self,
            )

    NEXT_STEPS = {
        Status.RECEIVED: gettext_lazy("工作人员将在三个工作日内与您联系。"),
        Status.SCHEDULED: gettext_lazy("请留意短信通知，办理完成后会告诉您。"),
        Status.DONE: gettext_lazy("感谢您的信任，本事项已办结。"),
        Status.DECLINED: gettext_lazy("如有疑问，请致电服务电话。"),
    }

    def tracking_status(self):
        """What the status page shows: the kind, the state and its history, nothing personal."""
        events = [(self.created_at, _("已收到您的申请"))]
        events += [(event.created_at, event.get_status_display()) for event in self.events.order_by("created_at")]
        return TrackingStatus(
            title=_("服务申请"),
            status_label=self.get_status_display(),
            updated_at=self.updated_at,
            events=events,
            next_step=str(self.NEXT_STEPS[self.status]),
        )


class RequestEvent(models.Model):
    request = models.ForeignKey(ServiceRequest, on_delete=models.CASCADE, related_name="events")
    status = models.CharField(max_length=20, choices=ServiceRequest.Status.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return self.get_status_display()
