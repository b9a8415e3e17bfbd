"""The talks group's admin pages for schools' bookings: the list, and one booking with what can
be done with it — accept (a talk for the school, after the conflict check), propose another
date, or decline with a reason. Contacts are shown masked; the full view is on the inbox's
review page, where it is logged."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from campaigns.talks import arrangements
from campaigns.talks.choices import BookingStatus
from campaigns.talks.forms import ArrangementForm, DeclineForm, ProposalForm
from campaigns.talks.models import TalkBooking
from siteshell.moderation.service import ModerationError
from siteshell.privacy.masking import mask

PER_PAGE = 50
MANAGE = "talks.change_talkbooking"


def can_arrange(user) -> bool:
    return bool(user.is_active and user.has_perm(MANAGE) and user.has_perm("review.moderate_submissions"))


def booking_list(request):
    if not request.user.has_perm("talks.view_talkbooking"):
        raise PermissionDenied
    status = request.GET.get("status") if request.GET.get("status") in BookingStatus.values else ""
    bookings = TalkBooking.objects.select_related("talk", "speaker").order_by("-submitted_at", "-pk")
    if status:
        bookings = bookings.filter(status=status)
    page = Paginator(bookings, PER_PAGE).get_page(request.GET.get("p"))
    context = {
        "bookings": page,
        "status": status,
        "statuses": BookingStatus.choices,
        "page_title": _("学校预约宣讲"),
        "header_title": _("学校预约宣讲"),
        "header_icon": "group",
    }
    return TemplateResponse(request, "talks/admin/booking_list.html", context)


@require_http_methods(["GET", "POST"])
def booking_detail(request, pk):
    if not request.user.has_perm("talks.view_talkbooking"):
        raise PermissionDenied
    booking = get_object_or_404(TalkBooking.objects.select_related("talk", "speaker"), pk=pk)
    arrange = ArrangementForm(initial=ArrangementForm.initial_for(booking), prefix="arrange")
    propose = ProposalForm(prefix="propose")
    decline = DeclineForm(prefix="decline")
    problems = []
    if request.method == "POST":
        if not can_arrange(request.user):
            raise PermissionDenied
        action = request.POST.get("action")
        try:
            if action == "accept":
                arrange = ArrangementForm(request.POST, prefix="arrange")
                if arrange.is_valid():
                    data = arrange.cleaned_data
                    talk = arrangements.accept(booking, request.user, **data)
                    messages.success(
                        request, _("已确认，宣讲“%(title)s”已加入日历，并通知学校。") % {"title": talk.title}
                    )
                    return redirect("talks_admin:booking", pk=booking.pk)
            elif action == "propose":
                propose = ProposalForm(request.POST, prefix="propose")
                if propose.is_valid():
                    data = propose.cleaned_data
                    arrangements.propose(
                        booking, request.user, start=data["proposed_start"], end=data["proposed_end"], note=data["note"]
                    )
                    messages.success(request, _("已把建议的时间告知学校。"))
                    return redirect("talks_admin:booking", pk=booking.pk)
            elif action == "decline":
                decline = DeclineForm(request.POST, prefix="decline")
                if decline.is_valid():
                    arrangements.decline(booking, request.user, decline.cleaned_data["reason"])
                    messages.success(request, _("已告知学校未能安排及理由。"))
                    return redirect("talks_admin:booking", pk=booking.pk)
        except arrangements.ArrangementConflict as conflict:
            problems = conflict.problems
        except ModerationError as error:
            messages.error(request, str(error))
            return redirect("talks_admin:booking", pk=booking.pk)
    context = {
        "page_title": str(booking),
        "header_title": str(booking),
        "header_icon": "group",
        "booking": booking,
        "details": booking.moderation_details(),
        "contact": [
            (_("联系人"), mask(booking.contact_name)),
            (_("手机号"), mask(booking.contact_phone, "mobile")),
            (_("电子邮箱"), mask(booking.contact_email, "email") if booking.contact_email else "—"),
        ],
        "events": booking.events.order_by("created_at", "pk"),
        "arrange": arrange,
        "propose": propose,
        "decline": decline,
        "problems": problems,
        "can_arrange": can_arrange(request.user) and booking.is_pending,
        "review_url": reverse("moderation_admin:review", args=[TalkBooking._meta.label_lower, booking.pk]),
        "list_url": reverse("talks_admin:bookings"),
    }
    return TemplateResponse(request, "talks/admin/booking_detail.html", context)
