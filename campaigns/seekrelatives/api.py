"""Public JSON API under ``/api/seekrelatives/``: the martyrs whose families are sought, the
success stories and the campaign's figures. Nothing personal: no clue, no sender, no case."""

from datetime import datetime

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError
from ninja.pagination import paginate

from campaigns.seekrelatives.figures import campaign_figures
from campaigns.seekrelatives.models import SoughtMartyr, SuccessStoryPage
from memorials.interface import record_url
from siteshell.inputs import MAX_TEXT_LENGTH, BoundedPageNumberPagination


class SoughtMartyrOut(Schema):
    id: int
    record_id: int
    name: str
    native_place: str
    native_province: str
    unit: str
    death: str
    death_place: str
    burial_place: str
    missing: str = Field(description=_("尚缺的信息"))
    appeal: str = Field(description=_("寻亲说明"))
    family_found: bool
    url: str = Field(description=_("烈士档案页面"))

    @staticmethod
    def resolve_death(entry):
        return entry.summary()["death"]

    @staticmethod
    def resolve_family_found(entry):
        return bool(getattr(entry, "found", False))

    @staticmethod
    def resolve_url(entry, context):
        path = record_url(entry.record, context["request"])
        return context["request"].build_absolute_uri(path) if path else ""


class StoryOut(Schema):
    id: int
    title: str
    summary: str
    martyr_name: str
    url: str
    first_published_at: datetime | None

    @staticmethod
    def resolve_martyr_name(story):
        return story.record.name if story.record_id else ""

    @staticmethod
    def resolve_url(story, context):
        return story.get_full_url(context["request"])


class FiguresOut(Schema):
    clues_received: int
    families_found: int
    still_sought: int


class SoughtFilters(Schema):
    province: str | None = Field(None, max_length=MAX_TEXT_LENGTH, description=_("籍贯（省），例如 四川省"))
    found: bool = Field(False, description=_("包括亲属已经找到的烈士"))


def build_router():
    router = Router()

    @router.get(
        "/martyrs",
        response=list[SoughtMartyrOut],
        summary=_("寻亲名单：正在寻找亲属的烈士"),
        description=_("按籍贯（省）和姓名排序；province 须是名单中出现的省份，否则返回 422。"),
    )
    @paginate(BoundedPageNumberPagination)
    def sought_list(request, filters: Query[SoughtFilters]):
        entries = SoughtMartyr.objects.published().with_found().select_related("record")
        if not filters.found:
            entries = entries.filter(found=False)
        if filters.province:
            if not SoughtMartyr.objects.published().filter(native_province=filters.province).exists():
                raise HttpError(422, gettext("名单中没有籍贯为“%(province)s”的烈士") % {"province": filters.province})
            entries = entries.filter(native_province=filters.province)
        return entries

    @router.get("/stories", response=list[StoryOut], summary=_("寻亲成功故事"))
    @paginate(BoundedPageNumberPagination)
    def story_list(request):
        return SuccessStoryPage.objects.live().public().select_related("record").order_by("-first_published_at", "-id")

    @router.get("/figures", response=FiguresOut, summary=_("寻亲活动的数字：收到的线索、找到的亲属、仍在寻找的烈士"))
    def figures(request):
        return campaign_figures()

    return router
