"""``/api/search/``: the public search as JSON, listed in ``/api/openapi.json``.

Summaries and descriptions are lazy translations, turned into text when the schema is served in
the visitor's language (``siteshell.api``); type and facet labels come in the language of the
request, titles and snippets as editors wrote them.
"""

from django.utils.translation import gettext_lazy as _
from ninja import Field, Query, Router, Schema

from search import service
from siteshell.inputs import page_query


class HitOut(Schema):
    type: str = Field(description=_("内容类型，如 honors.profilepage"))
    type_label: str
    id: str
    title: str
    url: str
    snippet: str = Field(description=_("摘要（HTML，已转义，关键词以 <mark> 标出）"))


class FacetValueOut(Schema):
    value: str
    label: str
    count: int | None = Field(description=_("结果数；sampled 为 true 时为 null"))
    selected: bool


class FacetOut(Schema):
    name: str
    label: str
    values: list[FacetValueOut]
    sampled: bool = Field(False, description=_("结果超过一千条时只按前 2,000 条匹配统计：列出出现的值，不给数量"))


class SearchOut(Schema):
    query: str
    total: int
    page: int
    num_pages: int
    engine: str = Field(description=_("embedded 或 elasticsearch"))
    fallback: bool = Field(description=_("Elasticsearch 不可用、改用内置索引时为 true"))
    results: list[HitOut]
    facets: list[FacetOut]


class SuggestionOut(Schema):
    title: str
    url: str
    type: str


def build_router():
    router = Router(tags=["search"])

    @router.get("/", response=SearchOut, summary=_("全文搜索（支持中文分词、繁体字和姓名拼音）"), url_name="search_api")
    def search_api(
        request,
        q: str = Query("", description=_("要找的词；最多读前 100 个字")),
        type: str = Query("", description=_("内容类型，如 honors.profilepage（见结果的 facets）")),
        region: str = Query("", description=_("地区（见结果的 facets）")),
        period: str = Query("", description=_("时期（见结果的 facets）")),
        page: int = page_query(description=_("页码；超过最后一页时给出最后一页")),
    ):
        results = service.search(q, type=type, region=region, period=period, page=page, request=request)
        return {
            "query": results.query,
            "total": results.total,
            "page": results.page,
            "num_pages": results.num_pages,
            "engine": results.engine,
            "fallback": results.fallback,
            "results": [
                {
                    "type": hit.type,
                    "type_label": hit.type_label,
                    "id": hit.id,
                    "title": hit.plain_title,
                    "url": hit.url,
                    "snippet": str(hit.snippet),
                }
                for hit in results.hits
            ],
            "facets": [
                {
                    "name": facet.name,
                    "label": facet.label,
                    "values": [vars(value) for value in facet.values],
                    "sampled": facet.sampled,
                }
                for facet in results.facets
            ],
        }

    @router.get("/suggest", response=list[SuggestionOut], summary=_("搜索框输入提示"), url_name="search_suggest")
    def suggest_api(request, q: str = ""):
        return service.suggest(q, request=request)

    return router
