"""Who on the staff sees which requests, and who sees a requester's personal data in full.

A facility's team (``SweepingTeam.members``) sees that facility's requests only; the permission
``sweeping.view_all_facilities`` sees every request, also those whose facility is not known.
Personal data is shown masked; in full only to someone who sees the request and either has the
shell's ``review.view_personal_data`` or this plugin's ``sweeping.view_requester_data`` — with a
session that passed the second factor in both cases — and every full view is logged
(``siteshell.privacy.access.reveal``).
"""

from __future__ import annotations

from memorials.sweeping.models import SweepingRequest, SweepingTeam
from siteshell.accounts import twofactor
from siteshell.privacy import access as privacy_access

ALL_FACILITIES = "sweeping.view_all_facilities"
REQUESTER_DATA = "sweeping.view_requester_data"


def sees_all_facilities(user) -> bool:
    return user.has_perm(ALL_FACILITIES)


def team_facility_ids(user) -> list[int]:
    return list(SweepingTeam.objects.filter(members=user).values_list("facility_id", flat=True))


def visible_requests(user):
    """The requests ``user`` may see (none without the view permission)."""
    requests = SweepingRequest.objects.all()
    if not user.has_perm("sweeping.view_sweepingrequest"):
        return requests.none()
    if sees_all_facilities(user):
        return requests
    return requests.filter(facility_id__in=team_facility_ids(user))


def can_handle(user) -> bool:
    return user.has_perm("sweeping.change_sweepingrequest")


def can_view_requester_data(request) -> bool:
    """Whether the signed-in staff member may show personal data in full (the caller has checked
    that they see the request at all)."""
    if privacy_access.can_view_full(request):
        return True
    return request.user.has_perm(REQUESTER_DATA) and twofactor.is_verified(request)


def requester_pairs(sweeping_request) -> list[tuple]:
    """``(label, value, kind)`` of the requester's personal data (empty values left out later)."""
    return [(label, value, kind) for label, value, kind in sweeping_request.personal_data() if kind is not None]


def masked_requester_data(sweeping_request) -> list[tuple[str, str]]:
    return privacy_access.masked(requester_pairs(sweeping_request))


def reveal_requester_data(sweeping_request, user) -> list[tuple[str, str]]:
    """In full, logged on the request (``siteshell.view_personal_data``: the fields, never values)."""
    return privacy_access.reveal(sweeping_request, user, requester_pairs(sweeping_request))
