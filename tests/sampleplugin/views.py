from django.http import JsonResponse

from tests.sampleplugin.models import SampleStoryPage


def story_count(request):
    return JsonResponse({"count": SampleStoryPage.objects.live().public().count()})
