from django.shortcuts import render
from django.utils.translation import get_language

from siteshell import pagecache
from siteshell.notifications import issue_tracking_code
from tests.requestdesk.forms import ServiceRequestForm


@pagecache.cacheable
def request_form(request):
    """The public form, on a page cached for anonymous visitors (each gets their own CSRF token); the answer to a valid POST is the confirmation with the tracking code
    (shown once, never in an address)."""
    form = ServiceRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        service_request = form.save(commit=False)
        service_request.language = get_language()
        service_request.save()
        code = issue_tracking_code(service_request, service_request.phone[-4:])
        service_request.tell_submitter("requestdesk/received", {"code": code})
        return render(request, "requestdesk/done.html", {"code": code})
    return render(request, "requestdesk/form.html", {"form": form})
