"""The public search and the suggestions on Elasticsearch: the query bodies sent, and the
results read back into the search service's ``SearchResults``.

Visitors' text is only ever sent as match text (never ``query_string``), in simplified
characters; facets come from aggregations and highlighting from HTML-escaped fragments.
"""

from __future__ import annotations

import re

from django.utils.html import escape
from django.utils.safestring import mark_safe
from elasticsearch import exceptions as es_exceptions
from elasticsearch.dsl import Q, Search

from search import analysis, documents
from search.backends.relaxation import relaxation_atoms, relaxed_plan
from search.service import FACET_LABELS, MAX_PAGES, Facet, FacetValue, Hit, SearchResults

SEARCH_FIELDS = ["title^3", "names^4", "body"]
#: What a search may raise when the cluster does not answer or refuses the request.
ERRORS = (
    es_exceptions.ConnectionError,
    es_exceptions.ConnectionTimeout,
    es_exceptions.ApiError,
    es_exceptions.TransportError,
)
SNIPPET_LENGTH = 120
#: What may separate the syllables of a name typed in pinyin (lei feng, ouyang-hai, xi'an).
PINYIN_GAPS_RE = re.compile(r"[\s\-'·.]+")
#: The all-words clause outweighs the relaxed one: documents holding every word come first.
ALL_WORDS_BOOST = 10
RELAXED_BOOST = 1


def relaxed_clause(query):
    """The relaxed query (see :mod:`search.backends.relaxation`): the same atoms and
    combinations of them as on the embedded backends (from the words' weights: the cluster's
    frequencies are not known before it answers), below the all-words clause."""
    plan = relaxed_plan(relaxation_atoms(analysis.query_terms(query)))
    if plan is None:
        return None
    atoms = [
        Q("term", name_pinyin={"value": atom.word})
        if atom.whole
        else Q("multi_match", query=atom.word, fields=SEARCH_FIELDS, type="best_fields", operator="and")
        for atom in plan.atoms
    ]
    options = [
        atoms[combination[0]] if len(combination) == 1 else Q("bool", must=[atoms[index] for index in combination])
        for combination in plan.combinations
    ]
    return Q("bool", should=options, minimum_should_match=1, boost=RELAXED_BOOST)


def build_search(client, index, query, *, filters=None, page=1, per_page=10, pinyin=False, relaxed=True):
    """The ``elasticsearch.dsl`` Search for the public page (inspect it with ``to_dict()``)."""
    filters = filters or {}
    text = analysis.to_simplified(query)[: analysis.MAX_QUERY_LENGTH]
    typed_pinyin = PINYIN_GAPS_RE.sub("", analysis.normalize(query))
    should = [
        Q("multi_match", query=text, fields=SEARCH_FIELDS, type="best_fields", operator="and", boost=ALL_WORDS_BOOST),
        Q("multi_match", query=text, fields=["title^2", "body"], type="phrase", boost=2),
        Q("term", name_pinyin={"value": typed_pinyin, "boost": 5}),
        Q("term", name_pinyin_variants={"value": typed_pinyin, "boost": 3}),
    ]
    relaxed_query = relaxed_clause(query) if relaxed else None
    if relaxed_query is not None:
        should.append(relaxed_query)
    if pinyin:
        should.append(Q("multi_match", query=text, fields=["title.pinyin", "names.pinyin"], boost=2))
    search = Search(using=client, index=index)
    search = search.filter("term", public=True)
    for name in documents.FACETS:
        if filters.get(name):
            search = search.filter("term", **{name: filters[name]})
    search = search.query(Q("bool", should=should, minimum_should_match=1))
    if filters.get("type"):
        # A post filter: the type facet still counts every type.
        search = search.post_filter("term", doc_type=filters["type"])
    search.aggs.bucket("type", "terms", field="doc_type", size=50)
    for name in documents.FACETS:
        search.aggs.bucket(name, "terms", field=name, size=20, exclude=[""])
    search = search.highlight_options(encoder="html", pre_tags=["<mark>"], post_tags=["</mark>"], number_of_fragments=1)
    search = search.highlight("title", number_of_fragments=0).highlight("body", fragment_size=SNIPPET_LENGTH)
    search = search.source(["doc_type", "type_label", "object_id", "display_title", "body", "url"])
    start = (page - 1) * per_page
    return search[start : start + per_page]


def search_results(response, query, *, filters, page, per_page):
    """The executed search as the service's :class:`~search.service.SearchResults`."""
    total = response.hits.total.value
    num_pages = min(-(-total // per_page), MAX_PAGES)
    type_labels = current_type_labels()
    hits = [_hit(hit, type_labels) for hit in response]
    models = documents.document_models()
    facets = []
    for name in ("type", *documents.FACETS):
        values = []
        for bucket in response.aggregations[name].buckets:
            if name == "type":
                label, translated = type_labels.get(bucket.key, bucket.key), True
            else:
                label, translated = documents.facet_label(name, bucket.key, models)
            values.append(FacetValue(bucket.key, label, bucket.doc_count, bucket.key == filters.get(name), translated))
        if values:
            facets.append(Facet(name, str(FACET_LABELS[name]), values))
    return SearchResults(
        query=query,
        hits=hits,
        total=total,
        page=min(page, max(num_pages, 1)),
        num_pages=num_pages,
        per_page=per_page,
        facets=facets,
        filters=filters,
        engine="elasticsearch",
    )


def current_type_labels():
    """Content type → its name in the visitor's language. The ``type_label`` stored with each
    document is in the language of whoever indexed it, so it is only the fallback."""
    return {documents.type_key(model): documents.type_label(model) for model in documents.document_models()}


def _hit(hit, type_labels):
    highlight = getattr(hit.meta, "highlight", None)
    title = highlight.title[0] if highlight and "title" in highlight else escape(hit.display_title)
    if highlight and "body" in highlight:
        snippet = highlight.body[0]
    else:
        body = getattr(hit, "body", "") or ""
        snippet = escape(body[:SNIPPET_LENGTH]) + ("…" if len(body) > SNIPPET_LENGTH else "")
    return Hit(
        type=hit.doc_type,
        type_label=type_labels.get(hit.doc_type, hit.type_label),
        id=hit.object_id,
        title=mark_safe(title),  # noqa: S308 (the "html" encoder escaped the fragment)
        plain_title=hit.display_title,
        url=hit.url or "",
        snippet=mark_safe(snippet),  # noqa: S308
        score=hit.meta.score or 0.0,
    )


def build_suggest(client, index, query, *, limit=8):
    """Completion suggestions of public titles for what the visitor is typing."""
    search = Search(using=client, index=index).extra(size=0)
    return search.suggest(
        "titles",
        analysis.normalize_display(query)[: analysis.MAX_QUERY_LENGTH],
        completion={
            "field": "suggest",
            "size": limit,
            "skip_duplicates": True,
            "contexts": {"visibility": ["public"]},
        },
    )


def suggestions(response):
    """The executed suggestion search as the service's ``[{"title", "url", "type"}, …]``."""
    type_labels = current_type_labels()
    return [
        {
            "title": option._source.display_title,
            "url": option._source.url or "",
            "type": type_labels.get(getattr(option._source, "doc_type", None), option._source.type_label),
        }
        for option in response.suggest.titles[0].options
    ]
