"""登录记录: Wagtail's report view (filters, xlsx/CSV export) over :class:`LoginEvent`."""

from __future__ import annotations

import datetime

import django_filters
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.reports import ReportView

from siteshell.accounts.models import LoginEvent

VIEW_PERMISSION = "accounts.view_loginevent"


class LoginEventFilterSet(WagtailFilterSet):
    username = django_filters.CharFilter(label=_("用户名"), lookup_expr="icontains")
    user = django_filters.ModelChoiceFilter(
        label=_("用户"),
        queryset=lambda request: get_user_model().objects.filter(login_events__isnull=False).distinct(),
    )
    result = django_filters.ChoiceFilter(label=_("结果"), choices=LoginEvent.Result.choices)
    ip_address = django_filters.CharFilter(label=_("地址"), lookup_expr="exact")
    time = django_filters.DateFromToRangeFilter(label=_("日期"), widget=DateRangePickerWidget)

    class Meta:
        model = LoginEvent
        fields = ["username", "user", "result", "ip_address", "time"]


class LoginEventReportView(ReportView):
    page_title = _("登录记录")
    header_icon = "key"
    filterset_class = LoginEventFilterSet
    index_url_name = "accounts_admin:logins"
    index_results_url_name = "accounts_admin:logins_results"
    paginate_by = 50
    columns = [
        DateColumn("time", label=_("时间")),
        Column("username", label=_("用户名")),
        Column("get_result_display", label=_("结果")),
        Column("ip_address", label=_("地址")),
        Column("user_agent", label=_("浏览器")),
    ]
    list_export = ["time", "username", "result", "ip_address", "user_agent"]
    export_headings = {
        "time": _("时间"),
        "username": _("用户名"),
        "result": _("结果"),
        "ip_address": _("地址"),
        "user_agent": _("浏览器"),
    }

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(VIEW_PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        labels = dict(LoginEvent.Result.choices)
        self.custom_field_preprocess = {
            **self.custom_field_preprocess,
            "result": {fmt: (lambda value: str(labels.get(value, value))) for fmt in ("csv", "xlsx")},
        }

    def get_queryset(self):
        return LoginEvent.objects.select_related("user").order_by("-time")

    def get_filename(self):
        return f"login-records-{datetime.date.today():%Y-%m-%d}"
