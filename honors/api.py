"""The public JSON API for profiles, mounted at ``/api/honors/``.

It filters exactly like the index page (``honors.filters``) and returns only live, public
profiles. A filter value that matches nothing known gets a 422 answer naming the parameter.

Summaries and descriptions are lazy translations, turned into text when the schema is served
(in the visitor's language, see ``siteshell.api``); labels such as ``category_label`` and error
messages are in the language of the request. What editors wrote (names, stories, titles) is
returned as written.
"""

from datetime import datetime

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError
from ninja.pagination import paginate
from wagtail.models import Site

from honors.choices import Category
from honors.filters import ProfileFilterSet, Sort
from honors.models import ProfilePage
from honors.models.profiles import honours_with_round_and_title
from media.renditions import API_PORTRAIT, prefetch_renditions
from siteshell.inputs import (
    MAX_ID,
    MAX_TEXT_LENGTH,
    MAX_YEAR,
    MIN_YEAR,
    BoundedPageNumberPagination,
    choice_field,
    id_path,
)

#: The portrait the API links to (``media.renditions``, generated when the photo is uploaded).
PHOTO_SPEC = API_PORTRAIT


class PhotoOut(Schema):
    url: str
    width: int
    height: int
    alt: str


class HonourOut(Schema):
    title: str = Field(alias="title.name")
    title_slug: str = Field(alias="title.slug")
    year: int = Field(alias="round.year")
    edition: str = Field(alias="round.edition")
    level: str = Field(alias="round.level")
    level_label: str
    round_id: int
    citation: str

    @staticmethod
    def resolve_level_label(honour):
        return honour.round.get_level_display()


class ProfileLinkOut(Schema):
    id: int
    name: str = Field(alias="title")
    url: str

    @staticmethod
    def resolve_url(profile, context):
        return profile.get_full_url(context["request"]) or ""


class ProfileOut(Schema):
    id: int
    name: str = Field(alias="title")
    url: str
    category: str
    category_label: str
    gender: str
    region: str
    summary: str
    photo: PhotoOut | None
    honours: list[HonourOut] = Field(alias="honour_list")
    tags: list[str]

    @staticmethod
    def resolve_url(profile, context):
        return profile.get_full_url(context["request"]) or ""

    @staticmethod
    def resolve_category_label(profile):
        return profile.get_category_display()

    @staticmethod
    def resolve_photo(profile, context):
        if profile.photo is None:
            return None
        rendition = profile.photo.get_rendition(PHOTO_SPEC)
        return {
            "url": context["request"].build_absolute_uri(rendition.url),
            "width": rendition.width,
            "height": rendition.height,
            "alt": profile.photo.default_alt_text,
        }

    @staticmethod
    def resolve_tags(profile):
        # Through tagged_items, so that the list view's prefetch is used.
        return [item.tag.name for item in profile.tagged_items.all()]


class ProfileDetailOut(ProfileOut):
    birth_year: int | None
    native_place: str
    service_branch: str
    service_branch_label: str
    enlisted_year: int | None
    retired_year: int | None
    story_html: str = Field(description=_("事迹正文（HTML）"))
    related: list[ProfileLinkOut]
    first_published_at: datetime | None

    @staticmethod
    def resolve_service_branch_label(profile):
        return profile.get_service_branch_display() if profile.service_branch else ""

    @staticmethod
    def resolve_story_html(profile):
        return str(profile.story)

    @staticmethod
    def resolve_related(profile):
        return profile.related_live_profiles()


class ProfileFilters(Schema):
    """The index page's filters. A value of the right type that matches no profile's (an
    unknown year, title or region) is answered with a 422 naming the filter."""

    year: int | None = Field(None, ge=MIN_YEAR, le=MAX_YEAR, description=_("评选年度，例如 2023"))
    round: int | None = Field(None, ge=1, le=MAX_ID, description=_("评选届次的 id"))
    title: str | None = Field(None, max_length=MAX_TEXT_LENGTH, description=_("荣誉称号的网址标识，例如 zuimei-junsao"))
    category: str | None = choice_field(
        None, Category.values, description=_("类别：veteran、military_spouse、volunteer_organisation")
    )
    region: str | None = Field(None, max_length=MAX_TEXT_LENGTH, description=_("所在区县，例如 南湖区"))
    sort: str | None = choice_field(
        None,
        [value for value, _label in Sort.choices],
        description=_("排序：recent（评选年度由近到远，默认）、earliest、published"),
    )


def public_profiles(request):
    """Live, public profiles of the site that serves this request."""
    profiles = ProfilePage.objects.live().public()
    site = Site.find_for_request(request)
    if site is not None:
        profiles = profiles.descendant_of(site.root_page)
    return profiles


def build_router():
    router = Router()

    @router.get(
        "/profiles",
        response=list[ProfileOut],
        summary=_("荣誉人物列表"),
        description=_("筛选条件与栏目页相同，可组合使用；只返回已发布的公开人物。"),
    )
    @paginate(BoundedPageNumberPagination)
    def profile_list(request, filters: Query[ProfileFilters]):
        data = {name: str(value) for name, value in filters.dict().items() if value not in (None, "")}
        filterset = ProfileFilterSet(data, queryset=public_profiles(request), request=request)
        if filterset.ignored_fields:
            raise HttpError(
                422, gettext("无法识别的筛选条件：%(filters)s") % {"filters": filterset.ignored_fields_text()}
            )
        return filterset.qs.select_related("photo").prefetch_related(
            prefetch_renditions("photo", PHOTO_SPEC), honours_with_round_and_title(), "tagged_items__tag"
        )

    @router.get("/profiles/{profile_id}", response=ProfileDetailOut, summary=_("荣誉人物详情"))
    def profile_detail(request, profile_id: int = id_path(_("人物页面的 id"))):
        return get_object_or_404(public_profiles(request).select_related("photo"), pk=profile_id)

    return router
