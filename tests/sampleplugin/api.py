from ninja import Router, Schema


class StoryOut(Schema):
    id: int
    title: str
    summary: str


def build_router():
    router = Router()

    @router.get("/stories", response=list[StoryOut])
    def stories(request):
        from tests.sampleplugin.models import SampleStoryPage

        return SampleStoryPage.objects.live().public().order_by("id")

    return router
