from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from tests.requestdesk.models import ServiceRequest


class ServiceRequestViewSet(SnippetViewSet):
    """Staff change a request's status here; the submitter is told (``ServiceRequest.save``)."""

    model = ServiceRequest
    menu_label = "服务申请"
    list_display = ["__str__", "status", "created_at"]
    panels = [FieldPanel("status")]


register_snippet(ServiceRequestViewSet)
