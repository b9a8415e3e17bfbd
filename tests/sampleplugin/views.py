from django.http import JsonResponse
from django.template.response import TemplateResponse

from tests.sampleplugin.models import GuestbookMessage, SampleStoryPage


def story_count(request):
    return JsonResponse({"count": SampleStoryPage.objects.live().public().count()})


def guestbook(request):
    """The approved messages, each with its report (举报) link."""
    messages = GuestbookMessage.objects.public().order_by("-submitted_at", "-id")[:50]
    return TemplateResponse(request, "sampleplugin/guestbook.html", {"messages": messages})
