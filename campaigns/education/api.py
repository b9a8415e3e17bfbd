"""The public JSON API of education resources, mounted at ``/api/education/``: resources with
the index page's filters (grade band, topic, kind), and one resource. Only live, public pages."""

import datetime

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError
from ninja.pagination import paginate
from wagtail.models import Site

from campaigns.education.choices import GradeBand, ResourceKind, Topic
from campaigns.education.filters import ResourceFilterSet
from campaigns.education.models import ResourcePage
from siteshell.inputs import BoundedPageNumberPagination, choice_field, id_path


class ResourceOut(Schema):
    id: int
    title: str
    url: str
    kind: str
    kind_label: str
    grade: str = Field(alias="grade_band")
    grade_label: str
    topic: str
    topic_label: str
    summary: str
    source: str
    source_date: datetime.date
    lesson_minutes: int | None
    download_url: str = Field(description=_("下载文件的地址（没有文件时为空）"))

    @staticmethod
    def resolve_url(resource, context):
        return resource.get_full_url(context["request"]) or ""

    @staticmethod
    def resolve_kind_label(resource):
        return resource.get_kind_display()

    @staticmethod
    def resolve_grade_label(resource):
        return resource.get_grade_band_display()

    @staticmethod
    def resolve_topic_label(resource):
        return resource.get_topic_display()

    @staticmethod
    def resolve_download_url(resource, context):
        if resource.attachment is None:
            return ""
        return context["request"].build_absolute_uri(resource.attachment.url)


class LinkOut(Schema):
    title: str
    url: str


class ResourceDetailOut(ResourceOut):
    body_html: str = Field(description=_("正文（HTML）"))
    links: list[LinkOut]

    @staticmethod
    def resolve_body_html(resource):
        return str(resource.body)

    @staticmethod
    def resolve_links(resource, context):
        links = (link.link(context["request"]) for link in resource.links.select_related("page"))
        return [{"title": title, "url": url} for title, url in filter(None, links)]


class ResourceFilters(Schema):
    grade: str | None = choice_field(None, GradeBand.values, description=_("学段"))
    topic: str | None = choice_field(None, Topic.values, description=_("主题"))
    kind: str | None = choice_field(None, ResourceKind.values, description=_("类型"))


def public_resources(request):
    resources = ResourcePage.objects.live().public()
    site = Site.find_for_request(request)
    if site is not None:
        resources = resources.descendant_of(site.root_page)
    return resources.select_related("attachment")


def build_router():
    router = Router()

    @router.get(
        "/resources",
        response=list[ResourceOut],
        summary=_("国防教育资源列表"),
        description=_("按学段、主题、类型筛选，可组合使用；最新发布的在前。"),
    )
    @paginate(BoundedPageNumberPagination)
    def resource_list(request, filters: Query[ResourceFilters]):
        data = {name: value for name, value in filters.dict().items() if value not in (None, "")}
        filterset = ResourceFilterSet(data, queryset=public_resources(request).order_by("-first_published_at", "-pk"))
        if filterset.ignored_fields:
            raise HttpError(
                422, gettext("无法识别的筛选条件：%(filters)s") % {"filters": filterset.ignored_fields_text()}
            )
        return filterset.qs

    @router.get("/resources/{resource_id}", response=ResourceDetailOut, summary=_("国防教育资源详情"))
    def resource_detail(request, resource_id: int = id_path(_("资源页面的 id"))):
        resource = public_resources(request).filter(pk=resource_id).first()
        if resource is None:
            raise HttpError(404, gettext("没有找到所请求的内容，它可能尚未公开或已被删除。"))
        return resource

    return router
