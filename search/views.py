"""The public search page: one box over every plugin's content."""

from django.template.response import TemplateResponse
from django.views.decorators.http import require_GET

from search import service


@require_GET
def search_page(request):
    """``/search/?q=&type=&region=&period=&page=``; works without JavaScript."""
    query = request.GET.get("q", "")
    results = None
    if service.clean_query(query):
        results = service.search(
            query,
            type=request.GET.get("type", ""),
            region=request.GET.get("region", ""),
            period=request.GET.get("period", ""),
            page=request.GET.get("page", 1),
            request=request,
        )
    return TemplateResponse(
        request,
        "search/search_page.html",
        {"query": service.clean_query(query), "results": results},
    )
