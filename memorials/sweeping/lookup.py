"""Finding a request from its tracking code and the last four digits of the mobile, with the
limits of the shell's status page ``/track/``: per address ``NOTIFICATIONS_TRACK_RATE`` lookups,
per code ``NOTIFICATIONS_TRACK_CODE_RATE`` wrong pairs. The counters are the shell page's own
(same groups, keys and rates), so trying codes on both pages does not double anyone's tries.

After a lookup, the page hands out signed links (the photos, the erasure button) that name the
request, are bound to the visitor (``publicforms`` visitor key) and expire after
``SWEEPING_PHOTO_LINK_SECONDS``: no address that could be guessed or reused elsewhere.
"""

from __future__ import annotations

from django.core import signing
from django_ratelimit.core import get_usage

from memorials.sweeping import conf
from memorials.sweeping.models import SweepingPhoto, SweepingRequest
from siteshell.notifications import find_submission
from siteshell.notifications.codes import normalise_code
from siteshell.publicforms.visitor import client_address, visitor_key

#: The shell's status page's groups (siteshell.notifications.views): shared counters.
ADDRESS_GROUP = "notifications.track"
CODE_GROUP = "notifications.track-code"

PHOTO_SALT = "sweeping.photo"
ACCESS_SALT = "sweeping.status-access"


def _address(group, request) -> str:
    return client_address(request) or "unknown"


def address_limit(request) -> int | None:
    """Seconds until this address may look up again, when this lookup is one too many."""
    rate, _code_rate = conf.status_rates()
    # The address as the shell's page counts it (django-ratelimit's "ip"), also when a request
    # carries none (some WSGI servers, the schema fuzzer): then all such requests count as one.
    usage = get_usage(request, group=ADDRESS_GROUP, key=_address, rate=rate, method="POST", increment=True)
    return max(usage["time_left"], 1) if usage and usage["should_limit"] else None


def code_limit(request, code, *, count_failure=False) -> int | None:
    """Seconds until ``code`` (as typed) may be tried again after too many wrong pairs; only
    wrong pairs count (``count_failure``). The key is the normalised code, as the shell's."""
    _rate, code_rate = conf.status_rates()
    normalised = normalise_code(code)
    if not code_rate or not normalised:  # a malformed code cannot match anyway
        return None
    usage = get_usage(
        request,
        group=CODE_GROUP,
        key=lambda _group, _request: normalised,
        rate=code_rate,
        method="POST",
        increment=count_failure,
    )
    return max(usage["time_left"], 1) if usage and usage["count"] >= usage["limit"] else None


def find_request(code, factor) -> SweepingRequest | None:
    """The request whose code and factor these are; ``None`` for any wrong pair, and for a code
    of another kind of submission (its own page shows it)."""
    found = find_submission(code, factor)
    return found if isinstance(found, SweepingRequest) else None


# -- signed links --------------------------------------------------------------------------


def access_token(request, sweeping_request) -> str:
    return signing.dumps({"r": sweeping_request.pk, "v": visitor_key(request)}, salt=ACCESS_SALT)


def request_from_access(request, token) -> SweepingRequest | None:
    """The request an access token names, if it is this visitor's and not expired."""
    data = _load(token, ACCESS_SALT)
    if data is None or data.get("v") != visitor_key(request):
        return None
    return SweepingRequest.objects.filter(pk=data.get("r")).first()


def photo_token(request, photo) -> str:
    return signing.dumps({"p": photo.pk, "r": photo.request_id, "v": visitor_key(request)}, salt=PHOTO_SALT)


def photo_from_token(request, token):
    """The photo a link names, if it is this visitor's, not expired, and its request shows photos."""
    data = _load(token, PHOTO_SALT)
    if data is None or data.get("v") != visitor_key(request):
        return None
    photo = SweepingPhoto.objects.select_related("request").filter(pk=data.get("p"), request_id=data.get("r")).first()
    if photo is None or not photo.request.photos_shown:
        return None
    return photo


def _load(token, salt):
    try:
        data = signing.loads(str(token), salt=salt, max_age=conf.photo_link_seconds())
    except (signing.BadSignature, ValueError, TypeError):
        return None
    return data if isinstance(data, dict) else None
