"""The public report form (举报): reached only through a ``{% report_link %}``."""

from django.conf import settings
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django_ratelimit.core import is_ratelimited

from siteshell.moderation.forms import ReportForm
from siteshell.moderation.models import ModeratedSubmission
from siteshell.moderation.reports import file_report, object_for_token, title_of, url_of


def report_rate() -> str:
    return getattr(settings, "MODERATION_REPORT_RATE", "10/h")


def client_ip(request) -> str:
    return request.META.get("REMOTE_ADDR", "")


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
    if request.method == "POST":
        limited = is_ratelimited(
            request, group="moderation.report", key="ip", rate=report_rate(), method="POST", increment=True
        )
        if limited:
            context = {"title": _("提交过于频繁"), "message": _("您提交举报过于频繁，请稍后再试。")}
            return TemplateResponse(request, "moderation/report_notice.html", context, status=429)
        form = ReportForm(request.POST)
        if form.is_valid():
            if not form.cleaned_data.get("website"):
                file_report(obj, form.cleaned_data["reason"], form.cleaned_data["text"], client_ip(request))
            return redirect("moderation:report_thanks")
    else:
        form = ReportForm()
    context = {"form": form, "object_title": title_of(obj), "object_url": url_of(obj)}
    return TemplateResponse(request, "moderation/report_form.html", context)


def thanks(request):
    return TemplateResponse(request, "moderation/report_thanks.html", {})
