"""The public report form (举报): reached only through a ``{% report_link %}``."""

from django.conf import settings
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from siteshell.accounts.addresses import client_ip
from siteshell.moderation.forms import ReportForm
from siteshell.moderation.models import ModeratedSubmission
from siteshell.moderation.reports import file_report, object_for_token, title_of, url_of
from siteshell.publicforms import guard, store_first


def report_rate() -> str:
    return getattr(settings, "MODERATION_REPORT_RATE", "10/h")


def report_rates() -> dict:
    """The report form's own rates (``PUBLIC_FORM_RATES["moderation.report"]`` overrides them):
    ``MODERATION_REPORT_RATE`` per address; someone reporting several items is asked for a
    CAPTCHA after five."""
    return {"address": report_rate(), "captcha_visitor": "5/h"}


@never_cache
def report(request, token):
    obj = object_for_token(token)
    if obj is None:
        context = {"title": _("举报链接无效"), "message": _("这个举报链接无效或已过期，请回到原页面重新点击“举报”。")}
        return TemplateResponse(request, "moderation/report_notice.html", context, status=404)
    if isinstance(obj, ModeratedSubmission) and not obj.is_public:
        context = {
            "title": _("内容已不公开"),
            "message": _("这条内容目前没有公开展示，工作人员已在处理，无需再举报。谢谢！"),
        }
        return TemplateResponse(request, "moderation/report_notice.html", context)
    protection = guard(request, "moderation.report", defaults=report_rates())
    form = ReportForm(protection.data, protection=protection)
    if protection.posted and form.is_valid():
        if protection.accepts(form):  # a filled honeypot: the same thanks, nothing filed
            data = form.cleaned_data
            store_first(
                lambda: file_report(obj, data["reason"], data["text"], client_ip(request) or ""),
                protection.record_submission,
            )
        return protection.finish(redirect("moderation:report_thanks"))
    context = {"form": form, "object_title": title_of(obj), "object_url": url_of(obj)}
    return protection.finish(TemplateResponse(request, "moderation/report_form.html", context))


def thanks(request):
    return TemplateResponse(request, "moderation/report_thanks.html", {})
