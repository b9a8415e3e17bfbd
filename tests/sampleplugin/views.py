from django.http import JsonResponse
from django.template.response import TemplateResponse

from siteshell import pagecache
from tests.sampleplugin.models import GuestbookMessage, SampleStoryPage


def story_count(request):
    return JsonResponse({"count": SampleStoryPage.objects.live().public().count()})


@pagecache.cacheable
def guestbook(request):
    """The approved messages, each with its report (举报) link (cached for anonymous visitors:
    a moderation decision refreshes it through the message's public URL)."""
    messages = GuestbookMessage.objects.public().order_by("-submitted_at", "-id")[:50]
    return TemplateResponse(request, "sampleplugin/guestbook.html", {"messages": messages})
