"""The public search page: one box over every plugin's content."""

from django.template.response import TemplateResponse
from django.views.decorators.http import require_GET

from search import analysis, service
from siteshell import pagecache
from siteshell.plugins import search_examples

#: How many example queries the empty search page offers at most.
MAX_EXAMPLES = 6


@require_GET
@pagecache.cacheable
def search_page(request):
    """``/search/?q=&type=&region=&period=&page=``; works without JavaScript. Cached for anonymous
    visitors until something is published or a record changes."""
    pagecache.tag(request, pagecache.SEARCH_TAG)
    query = service.clean_query(request.GET.get("q", ""))
    results = None
    examples = []
    if query:
        results = service.search(
            query,
            type=request.GET.get("type", ""),
            region=request.GET.get("region", ""),
            period=request.GET.get("period", ""),
            page=request.GET.get("page", 1),
            request=request,
        )
    else:
        examples = example_queries(request)
    return TemplateResponse(
        request,
        "search/search_page.html",
        {"query": query, "results": results, "examples": examples, "pinyin_example": pinyin_example(examples)},
    )


def example_queries(request):
    """What the enabled plugins suggest searching for (none without content plugins)."""
    examples = (str(example).strip() for example in search_examples(request))
    return list(dict.fromkeys(example for example in examples if example))[:MAX_EXAMPLES]


def pinyin_example(examples):
    """Full pinyin and initials of the first example that is a person's name (周立军 →
    ``("zhoulijun", "zlj")``), to show that names may be typed in pinyin; ``None`` without one."""
    for example in examples:
        tokens = analysis.name_pinyin(example) if analysis.looks_like_a_name(example) else []
        if len(tokens) >= 2:
            return tokens[0], tokens[1]
    return None
