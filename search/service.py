"""The public search service: one query over every model the plugins register.

:func:`search` and :func:`suggest` are what the search page and the JSON API call. They use
Elasticsearch when it is configured and answering, and the embedded Chinese backend otherwise
(or when Elasticsearch fails mid-request): a visitor always gets results, never an error page.
Only what :func:`search.documents.public_queryset` allows is ever returned.
"""

from __future__ import annotations

import logging
import math
import time
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Count
from django.utils.translation import pgettext_lazy
from wagtail.search.backends import get_search_backend

from search import analysis, documents
from search.highlight import highlight, result_snippet
from search.query import AllWords
from siteshell.inputs import clean_text

logger = logging.getLogger(__name__)

PER_PAGE = 10
#: Deeper pages are not offered: people refine the query instead, and ranking stays cheap.
MAX_PAGES = 50
SNIPPET_LENGTH = 120
COUNT_LIMIT = 1_000
#: Above COUNT_LIMIT matches, region and period facets are taken from this many matches.
FACET_SAMPLE = 2_000
FACET_LABELS = {
    "type": pgettext_lazy("search facet", "类别"),
    "region": pgettext_lazy("search facet", "地区"),
    "period": pgettext_lazy("search facet", "时期"),
}
#: What a facet value may look like in a URL (anything longer is ignored).
MAX_FILTER_LENGTH = 100


class SearchUnavailable(Exception):
    """The search server did not answer; the caller falls back to the embedded backend."""


@dataclass
class Hit:
    type: str
    type_label: str
    id: str
    title: str
    url: str
    snippet: str
    plain_title: str = ""
    score: float = 0.0


@dataclass
class FacetValue:
    value: str
    label: str
    count: int | None  # None: the facet was counted on a sample of the matches
    selected: bool = False
    #: The label is the site's own text in the visitor's language (a content type, a choice);
    #: otherwise it is what editors wrote (a place name) and keeps the content language.
    translated: bool = False

    @property
    def count_text(self):
        """The count as the page shows it: above the count limit, “1000+”."""
        if self.count is None:
            return ""
        return f"{COUNT_LIMIT}+" if self.count > COUNT_LIMIT else str(self.count)


@dataclass
class Facet:
    name: str
    label: str
    values: list[FacetValue] = field(default_factory=list)
    #: Counted among the first FACET_SAMPLE matches only (a term found in a million records):
    #: the values are those found there, most frequent first, without counts.
    sampled: bool = False


@dataclass
class SearchResults:
    query: str
    hits: list[Hit] = field(default_factory=list)
    total: int = 0
    page: int = 1
    num_pages: int = 0
    per_page: int = PER_PAGE
    facets: list[Facet] = field(default_factory=list)
    filters: dict[str, str] = field(default_factory=dict)
    engine: str = "embedded"
    fallback: bool = False
    searchable: bool = True

    @property
    def has_previous(self):
        return self.page > 1

    @property
    def count_is_capped(self):
        """The embedded index stops counting at 1,000 matches per content type."""
        return self.total > COUNT_LIMIT

    @property
    def start_index(self):
        return (self.page - 1) * self.per_page + 1

    @property
    def has_next(self):
        return self.page < self.num_pages


def clean_query(query) -> str:
    """The query as shown back to the visitor: one line, no control characters, capped."""
    text = analysis.normalize_display(query)
    return text[: analysis.MAX_QUERY_LENGTH]


def clean_filter(value) -> str:
    # Without NUL bytes and other control characters, which PostgreSQL refuses in a query.
    value = clean_text(value or "", max_length=None).strip()
    return value if len(value) <= MAX_FILTER_LENGTH else ""


#: After Elasticsearch fails, visitors are served from the embedded index for this many seconds
#: before it is tried again, so that a hanging cluster does not slow every search down.
RETRY_AFTER_SECONDS = 30
_elasticsearch_down_until = 0.0


def _elasticsearch_failed(error):
    global _elasticsearch_down_until
    logger.warning("Elasticsearch unavailable, searching the embedded index: %s", error)
    _elasticsearch_down_until = time.monotonic() + RETRY_AFTER_SECONDS


def _elasticsearch_resting():
    return time.monotonic() < _elasticsearch_down_until


def elasticsearch_backend():
    """The Elasticsearch backend when one is configured, else ``None``."""
    if "elasticsearch" not in getattr(settings, "WAGTAILSEARCH_BACKENDS", {}):
        return None
    return get_search_backend("elasticsearch")


def search(
    query, *, type="", region="", period="", page=1, per_page=PER_PAGE, request=None, relaxed=True
) -> SearchResults:
    """Search every registered model for ``query``; see the module docstring.

    Documents holding every word come first; when they are few, those holding the most important
    of the words follow (``relaxed=False``: only the former, e.g. for a staff look-up that must
    be exact; see :mod:`search.backends.relaxation`)."""
    query = clean_query(query)
    filters = {"type": clean_filter(type), "region": clean_filter(region), "period": clean_filter(period)}
    try:
        page = max(1, int(page))
    except (TypeError, ValueError):
        page = 1
    if not analysis.query_terms(query):
        return SearchResults(query=query, filters=filters, searchable=False)
    fallback = False
    es = elasticsearch_backend()
    if es is not None:
        fallback = True
        if not _elasticsearch_resting():
            try:
                return es.public_search(
                    query, filters=filters, page=page, per_page=per_page, request=request, relaxed=relaxed
                )
            except SearchUnavailable as error:
                _elasticsearch_failed(error)
    results = embedded_search(query, filters=filters, page=page, per_page=per_page, request=request, relaxed=relaxed)
    results.fallback = fallback
    return results


def _ascending_scores(backend):
    # SQLite's bm25() is negative, lower is better; PostgreSQL's ts_rank is higher-is-better.
    return getattr(backend, "scores_ascending", False)


def _filtered_queryset(model, filters):
    """The public queryset narrowed by region/period, or ``None`` when the model lacks one."""
    queryset = documents.public_queryset(model)
    facet_fields = documents.facet_fields(model)
    for name in documents.FACETS:
        value = filters.get(name)
        if value:
            if name not in facet_fields:
                return None
            queryset = queryset.filter(**{facet_fields[name]: value})
    return queryset


def embedded_search(query, *, filters, page=1, per_page=PER_PAGE, request=None, relaxed=True) -> SearchResults:
    backend = get_search_backend()
    query_text, query = query, (query if relaxed else AllWords(query))
    ascending = _ascending_scores(backend)
    type_counts, selected = [], []
    for model in documents.document_models():
        queryset = _filtered_queryset(model, filters)
        if queryset is None:
            continue
        results = backend.search(query, queryset)
        count = results.count()
        if count:
            type_counts.append((model, count))
        if filters.get("type") and documents.type_key(model) != filters["type"]:
            continue
        if count:
            selected.append((model, queryset, results, count))

    total = sum(count for *_rest, count in selected)
    num_pages = min(math.ceil(total / per_page), MAX_PAGES)
    page = min(page, max(num_pages, 1))
    depth = page * per_page
    candidates = []
    for _model, _queryset, results, _count in selected:
        for obj in results.annotate_score("_score")[:depth]:
            score = float(obj._score or 0.0)
            candidates.append((score if ascending else -score, len(candidates), obj))
    candidates.sort(key=lambda item: (item[0], item[1]))
    hits = [_hit(obj, query_text, score, request) for score, _order, obj in candidates[(page - 1) * per_page : depth]]

    facets = [_type_facet(type_counts, filters.get("type", ""))]
    samples = {}  # model → the sampled matches' keys, shared by its facets
    for name in documents.FACETS:
        counts, labels, sampled = {}, {}, False
        for model, queryset, results, count in selected:
            field_name = documents.facet_fields(model).get(name)
            if not field_name:
                continue
            facet_queryset = None
            if count > COUNT_LIMIT and hasattr(results, "sample_queryset"):
                # Counting a common term's million matches by region costs seconds: the
                # facets come from a sample, matched once for all of them.
                if model not in samples:
                    sample = results.sample_queryset(FACET_SAMPLE)
                    samples[model] = None if sample is None else list(sample.values_list("pk", flat=True))
                if samples[model] is not None:
                    facet_queryset = queryset.filter(pk__in=samples[model])
                    sampled = True
            if facet_queryset is None:
                matched = backend.search(query, queryset, order_by_relevance=False)
                get_queryset = getattr(matched, "get_queryset", None)
                if get_queryset is None:
                    continue
                facet_queryset = get_queryset()
            rows = facet_queryset.order_by().values(field_name).annotate(n=Count("pk")).order_by("-n")[:30]
            for row in rows:
                value = row[field_name]
                if value not in (None, ""):
                    counts[str(value)] = counts.get(str(value), 0) + row["n"]
                    if str(value) not in labels:
                        labels[str(value)] = documents.facet_label(name, value, [model])
        facets.append(_facet(name, counts, filters.get(name, ""), labels, sampled))
    return SearchResults(
        query=query_text,
        hits=hits,
        total=total,
        page=page,
        num_pages=num_pages,
        per_page=per_page,
        facets=[facet for facet in facets if facet.values],
        filters=filters,
    )


def _type_facet(type_counts, selected):
    return Facet(
        "type",
        str(FACET_LABELS["type"]),
        [
            FacetValue(
                documents.type_key(model),
                documents.type_label(model),
                count,
                documents.type_key(model) == selected,
                translated=True,
            )
            for model, count in sorted(type_counts, key=lambda item: -item[1])
        ],
    )


def _facet(name, counts, selected, labels, sampled=False):
    """The facet ``name`` from ``counts`` (value → matches) and ``labels`` (value → ``(label,
    translated)``), its most frequent values first."""
    ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:20]
    values = []
    for value, count in ordered:
        label, translated = labels.get(value, (value, False))
        values.append(FacetValue(value, label, None if sampled else count, value == selected, translated))
    return Facet(name, str(FACET_LABELS[name]), values, sampled=sampled)


def _hit(obj, query, score, request):
    model = type(obj)
    title = documents.result_title(obj)
    return Hit(
        type=documents.type_key(model),
        type_label=documents.type_label(model),
        id=str(obj.pk),
        title=highlight(title, query),
        plain_title=title,
        url=documents.result_url(obj, request),
        snippet=result_snippet(obj, query, length=SNIPPET_LENGTH),
        score=abs(score),
    )


def suggest(query, *, limit=8, request=None) -> list[dict]:
    """Titles that complete what the visitor is typing, for the search box."""
    query = clean_query(query)
    if not analysis.query_terms(query):
        return []
    es = elasticsearch_backend()
    if es is not None and not _elasticsearch_resting():
        try:
            return es.public_suggest(query, limit=limit, request=request)
        except SearchUnavailable as error:
            _elasticsearch_failed(error)
    backend = get_search_backend()
    suggestions, seen = [], set()
    for model in documents.document_models():
        if not model.get_autocomplete_search_fields():
            continue
        for obj in backend.autocomplete(query, documents.public_queryset(model))[:limit]:
            title = documents.result_title(obj)
            if title in seen:
                continue
            seen.add(title)
            suggestions.append(
                {"title": title, "url": documents.result_url(obj, request), "type": documents.type_label(model)}
            )
    suggestions.sort(key=lambda item: len(item["title"]))
    return suggestions[:limit]
