"""The staff's pages (admin, namespace ``sweeping_admin``): the requests of their facilities with
the overdue ones flagged, one request with its steps, the season planning grid, the printable
day sheet and the CSV export. A facility's team sees that facility's requests only
(``memorials.sweeping.access``); another facility's request is a 404, as if it did not exist."""

from __future__ import annotations

import datetime

from django.contrib.auth.decorators import permission_required
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from wagtail.admin import messages
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from memorials.interface import MemorialFacility, record_url
from memorials.sweeping import access, planning, workflow
from memorials.sweeping.admin_forms import CompleteForm, DeclineForm, PlanForm, RequestFilterForm, ScheduleForm
from memorials.sweeping.models import SweepingRequest

PER_PAGE = 50
EXPORT_ACTION = "sweeping.export"

can_view = permission_required("sweeping.view_sweepingrequest", raise_exception=True)
can_handle = permission_required("sweeping.change_sweepingrequest", raise_exception=True)


def _visible(request, pk):
    """The request if this staff member sees it; 404 otherwise (another facility's requests do
    not exist for them)."""
    return get_object_or_404(access.visible_requests(request.user).select_related("record", "facility"), pk=pk)


# -- the list -----------------------------------------------------------------------------------


@can_view
@require_GET
def index(request):
    sees_all = access.sees_all_facilities(request.user)
    filters = RequestFilterForm(request.GET or None, user=request.user, sees_all=sees_all)
    requests = filters.filter(access.visible_requests(request.user)).select_related("facility", "assigned_to")
    page = Paginator(requests.order_by("-submitted_at", "-id"), PER_PAGE).get_page(request.GET.get("p"))
    today = timezone.localdate()
    for item in page.object_list:
        item.overdue_text = item.overdue_reason(today)
    query = request.GET.copy()
    query.pop("p", None)
    return TemplateResponse(
        request,
        "sweeping/admin/index.html",
        {
            "page_title": _("代祭扫申请"),
            "header_icon": "list-ul",
            "filters": filters,
            "page": page,
            "query": query.urlencode(),
            "overdue_count": access.visible_requests(request.user).overdue().count(),
        },
    )


# -- one request --------------------------------------------------------------------------------


@can_view
@require_http_methods(["GET", "POST"])
def detail(request, pk):
    """A request, its history and the next step. POST ``action=reveal`` shows the requester's
    personal data in full (for those allowed; logged)."""
    item = _visible(request, pk)
    allowed_full = access.can_view_requester_data(request)
    revealed = None
    if request.method == "POST":
        if request.POST.get("action") != "reveal" or not allowed_full:
            raise PermissionDenied
        revealed = access.reveal_requester_data(item, request.user)
    return _detail_response(request, item, revealed=revealed, allowed_full=allowed_full)


def _detail_response(request, item, *, revealed=None, allowed_full=None, **forms):
    handle = access.can_handle(request.user)
    context = {
        "page_title": _("代祭扫申请 %(number)s") % {"number": item.pk},
        "header_icon": "list-ul",
        "item": item,
        "record_link": record_url(item.record, request) if item.record_id else "",
        "grave": item.grave_display,
        "overdue": item.overdue_reason(),
        "requester": revealed if revealed is not None else access.masked_requester_data(item),
        "revealed": revealed is not None,
        "allowed_full": access.can_view_requester_data(request) if allowed_full is None else allowed_full,
        "history": ModelLogEntry.objects.for_instance(item).select_related("user").order_by("timestamp", "id"),
        "photos": list(item.photos.all()),
        "handle": handle,
    }
    if handle:
        context.update(
            decline_form=forms.get("decline_form") or DeclineForm(),
            schedule_form=forms.get("schedule_form") or ScheduleForm(sweeping_request=item),
            complete_form=forms.get("complete_form") or CompleteForm(),
        )
    status = 400 if forms else 200
    return TemplateResponse(request, "sweeping/admin/detail.html", context, status=status)


def _done(request, item, message):
    messages.success(request, message)
    return redirect("sweeping_admin:detail", item.pk)


def _refused(request, item, error):
    messages.error(request, str(error))
    return redirect("sweeping_admin:detail", item.pk)


@can_handle
@require_POST
def accept(request, pk):
    item = _visible(request, pk)
    try:
        workflow.accept(item, request.user)
    except workflow.WorkflowError as error:
        return _refused(request, item, error)
    return _done(request, item, _("已受理，已通知家属。"))


@can_handle
@require_POST
def decline(request, pk):
    item = _visible(request, pk)
    form = DeclineForm(request.POST)
    if not form.is_valid():
        return _detail_response(request, item, decline_form=form)
    try:
        workflow.decline(item, request.user, form.cleaned_data["reason"])
    except workflow.WorkflowError as error:
        return _refused(request, item, error)
    return _done(request, item, _("已退回，已把原因告知家属。"))


@can_handle
@require_POST
def schedule(request, pk):
    item = _visible(request, pk)
    form = ScheduleForm(request.POST, sweeping_request=item)
    if not form.is_valid():
        return _detail_response(request, item, schedule_form=form)
    try:
        workflow.schedule(item, request.user, form.cleaned_data["day"], form.cleaned_data["staff"])
    except workflow.WorkflowError as error:
        return _refused(request, item, error)
    return _done(request, item, _("已安排，已把日期告知家属。"))


@can_handle
@require_POST
def complete(request, pk):
    item = _visible(request, pk)
    form = CompleteForm(request.POST, request.FILES)
    if not form.is_valid():
        return _detail_response(request, item, complete_form=form)
    try:
        photos = workflow.prepare_photos(form.cleaned_data["photos"])
        workflow.complete(item, request.user, form.cleaned_data["note"], photos)
    except ValidationError as error:
        form.add_error("photos", error)
        return _detail_response(request, item, complete_form=form)
    except workflow.WorkflowError as error:
        return _refused(request, item, error)
    return _done(request, item, _("已记录完成，家属可以在进度页查看照片。"))


@can_handle
@require_POST
def inform(request, pk):
    item = _visible(request, pk)
    try:
        workflow.inform(item, request.user)
    except workflow.WorkflowError as error:
        return _refused(request, item, error)
    return _done(request, item, _("已记录告知家属，本申请办结。"))


@can_view
@require_GET
def staff_photo(request, pk, photo_pk):
    """A photo for staff who see the request (the preview; ``?download=1`` the original)."""
    item = _visible(request, pk)
    photo = get_object_or_404(item.photos, pk=photo_pk)
    field = photo.image if request.GET.get("download") == "1" else photo.preview
    try:
        handle = field.storage.open(field.name, "rb")
    except (OSError, ValueError):
        raise Http404 from None
    response = FileResponse(
        handle,
        as_attachment=request.GET.get("download") == "1",
        filename=f"sweeping-{item.pk}-{photo.pk}.{field.name.rsplit('.', 1)[-1]}",
    )
    response["Cache-Control"] = "private, no-store"
    response["Content-Security-Policy"] = "default-src 'none'"
    return response


# -- season planning ------------------------------------------------------------------------------


@can_view
@require_GET
def plan(request):
    sees_all = access.sees_all_facilities(request.user)
    form = PlanForm(request.GET or None, user=request.user, sees_all=sees_all)
    start, days = form.range()
    requests = access.visible_requests(request.user)
    if form.is_valid() and form.cleaned_data.get("facility"):
        requests = requests.filter(facility=form.cleaned_data["facility"])
    dates, rows = planning.grid(requests, start, days)
    return TemplateResponse(
        request,
        "sweeping/admin/plan.html",
        {
            "page_title": _("代祭扫安排"),
            "header_icon": "date",
            "form": form,
            "dates": dates,
            "rows": rows,
            "today": timezone.localdate(),
        },
    )


@can_view
@require_GET
def day_sheet(request, facility_pk, day):
    """The printable sheet of one facility's day: grave positions, services, messages to read."""
    try:
        day = datetime.date.fromisoformat(day)
    except ValueError:
        raise Http404 from None
    requests = access.visible_requests(request.user)
    if facility_pk == planning.NO_FACILITY:
        if not access.sees_all_facilities(request.user):
            raise Http404
        facility, requests = None, requests.filter(facility__isnull=True)
    else:
        facility = get_object_or_404(MemorialFacility, pk=facility_pk)
        requests = requests.filter(facility=facility)
        if not access.sees_all_facilities(request.user) and facility.pk not in access.team_facility_ids(request.user):
            raise Http404
    return TemplateResponse(
        request,
        "sweeping/admin/day_sheet.html",
        {"facility": facility, "day": day, "items": planning.day_sheet(requests, day)},
    )


@can_view
@require_GET
def export(request):
    """The list as filtered, as CSV (names as initials, phones masked); each export logged."""
    sees_all = access.sees_all_facilities(request.user)
    filters = RequestFilterForm(request.GET or None, user=request.user, sees_all=sees_all)
    requests = filters.filter(access.visible_requests(request.user))
    log(
        ContentType.objects.get_for_model(SweepingRequest),
        EXPORT_ACTION,
        user=request.user,
        data={"filters": {key: value for key, value in request.GET.items() if key != "p"}},
    )
    response = StreamingHttpResponse(planning.stream_csv(requests), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="sweeping-{timezone.localdate():%Y%m%d}.csv"'
    response["Cache-Control"] = "private, no-store"
    return response
