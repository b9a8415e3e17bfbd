"""Elasticsearch for the public search when a bureau outgrows one machine.

Configured as a second Wagtail search backend (``WAGTAILSEARCH_BACKENDS["elasticsearch"]``), so
Wagtail's own machinery keeps it current: the signal handlers index an object through the task
system on every save, publish, unpublish and delete, and ``update_index`` / ``rebuild_search``
rebuild it. It holds one document per object of the models that plugins register in
``search_documents()`` (see :mod:`search.documents`), built with ``elasticsearch.dsl``:

- Chinese analysis: the built-in ``cjk`` analyzer by default, ``smartcn`` or ``ik`` when
  configured (``ANALYZER``); text is converted to simplified characters before indexing and
  querying, as in the embedded backends;
- pinyin: full pinyin and initials of names computed here (works on any cluster), plus
  ``title.pinyin`` / ``names.pinyin`` sub-fields when the analysis-pinyin plugin is installed;
- facets from aggregations, highlighting with HTML-escaped fragments, completion suggestions;
- rebuilds write a new index and swap the alias, so searches never see a half-built index.

Wagtail's queryset ``.search()`` calls (the admin) stay on the embedded default backend; this
class answers them through that backend too. Any connection or server error while searching
raises :class:`search.service.SearchUnavailable` and the service falls back to the embedded
index.
"""

from __future__ import annotations

import logging
from datetime import datetime, timezone
from functools import cached_property

from django.utils.encoding import force_str
from django.utils.html import escape
from django.utils.safestring import mark_safe
from elasticsearch import Elasticsearch, helpers
from elasticsearch import exceptions as es_exceptions
from elasticsearch.dsl import (
    Boolean,
    Completion,
    Document,
    Keyword,
    Q,
    Search,
    Text,
    analyzer,
    tokenizer,
)
from modelsearch.backends.base import BaseIndex, BaseSearchBackend
from wagtail.search.backends import get_search_backend

from search import analysis, documents

logger = logging.getLogger(__name__)

#: analyzer name → (index analyzer, search analyzer)
ANALYZERS = {
    "cjk": ("cjk", "cjk"),
    "smartcn": ("smartcn", "smartcn"),
    "ik": ("ik_max_word", "ik_smart"),
}
PINYIN_PLUGIN = "analysis-pinyin"
SEARCH_FIELDS = ["title^3", "names^4", "body"]
ERRORS = (es_exceptions.ConnectionError, es_exceptions.ConnectionTimeout, es_exceptions.ApiError, es_exceptions.TransportError)

_clients = {}
_pinyin_detected = {}

pinyin_analyzer = analyzer(
    "name_pinyin",
    tokenizer=tokenizer(
        "name_pinyin",
        "pinyin",
        keep_first_letter=True,
        keep_separate_first_letter=False,
        keep_full_pinyin=False,
        keep_joined_full_pinyin=True,
        keep_original=False,
        limit_first_letter_length=16,
        lowercase=True,
    ),
)


def document_class(analyzer_name="cjk", pinyin=False):
    """The ``elasticsearch.dsl`` Document for the chosen analysis; one index holds every type."""
    try:
        index_analyzer, search_analyzer = ANALYZERS[analyzer_name]
    except KeyError:
        raise ValueError(f"Unknown Elasticsearch analyzer {analyzer_name!r}; use one of {sorted(ANALYZERS)}") from None

    def chinese_text(**subfields):
        if pinyin:
            subfields["pinyin"] = Text(analyzer=pinyin_analyzer)
        if subfields:
            return Text(analyzer=index_analyzer, search_analyzer=search_analyzer, fields=subfields)
        return Text(analyzer=index_analyzer, search_analyzer=search_analyzer)

    attributes = {
        "doc_type": Keyword(),
        "type_label": Keyword(index=False),
        "object_id": Keyword(),
        "title": chinese_text(raw=Keyword(ignore_above=256)),
        "display_title": Keyword(index=False),
        "names": chinese_text(),
        "name_pinyin": Keyword(),
        "body": Text(analyzer=index_analyzer, search_analyzer=search_analyzer),
        "region": Keyword(),
        "period": Keyword(),
        "public": Boolean(),
        "url": Keyword(index=False),
        "suggest": Completion(contexts=[{"name": "visibility", "type": "category"}]),
    }
    return type("SearchDocument", (Document,), attributes)


def document_id(model, pk):
    return f"{documents.type_key(model)}:{pk}"


def to_document_source(obj, *, public, request=None):
    """The indexed form of one object (plain dict, the ``_source`` of its document)."""
    model = type(obj)
    title = documents.result_title(obj)
    names = [force_str(getattr(obj, name, "") or "") for name in documents.name_fields(model) if name != "title"]
    names = [name for name in names if name]
    if analysis.looks_like_a_name(title) and "title" in documents.name_fields(model):
        names.append(title)
    pinyin = sorted({token for name in names for token in analysis.name_pinyin(name)})
    facets = documents.facet_values(obj)
    return {
        "doc_type": documents.type_key(model),
        "type_label": documents.type_label(model),
        "object_id": str(obj.pk),
        "title": analysis.to_simplified(title),
        "display_title": title,
        "names": [analysis.to_simplified(name) for name in names],
        "name_pinyin": pinyin,
        "body": analysis.to_simplified(documents.result_text(obj)),
        "region": facets.get("region", ""),
        "period": facets.get("period", ""),
        "public": public,
        "url": documents.result_url(obj, request),
        "suggest": {
            "input": [title, *pinyin][:10],
            "contexts": {"visibility": ["public" if public else "hidden"]},
        },
    }


class ElasticsearchIndex(BaseIndex):
    """One concrete Elasticsearch index behind the backend's alias."""

    def __init__(self, backend, name=None):
        super().__init__(backend)
        self.name = name or backend.alias

    def get_key(self):
        return self.name

    def __str__(self):
        return self.name

    def create(self):
        body = self.backend.index_body()
        self.backend.client.indices.create(index=self.name, **body)

    def exists(self):
        return bool(self.backend.client.indices.exists(index=self.name))

    def add_model(self, model):
        pass

    def add_items(self, model, objs):
        if not self.backend.indexes_model(model) or not objs:
            return
        objs = list(objs)
        public_pks = set(
            documents.public_queryset(model).filter(pk__in=[obj.pk for obj in objs]).values_list("pk", flat=True)
        )
        actions = (
            {
                "_op_type": "index",
                "_index": self.name,
                "_id": document_id(type(obj), obj.pk),
                "_source": to_document_source(obj, public=obj.pk in public_pks),
            }
            for obj in objs
        )
        helpers.bulk(self.backend.client, actions, chunk_size=500, refresh=False)

    def delete_item(self, item):
        if not self.backend.indexes_model(type(item)):
            return
        try:
            self.backend.client.delete(index=self.name, id=document_id(type(item), item.pk))
        except es_exceptions.NotFoundError:
            pass

    def refresh(self):
        self.backend.client.indices.refresh(index=self.name)

    def reset(self):
        self.backend.client.indices.delete(index=self.name, ignore_unavailable=True)
        self.create()


class AliasSwapRebuilder:
    """Builds a fresh index beside the live one, then points the alias at it in one step."""

    def __init__(self, index):
        self.backend = index.backend
        stamp = datetime.now(timezone.utc).strftime("%Y%m%d%H%M%S%f")
        self.new_index = ElasticsearchIndex(self.backend, f"{self.backend.alias}-{stamp}")

    def start(self):
        self.new_index.create()
        return self.new_index

    def finish(self):
        client = self.backend.client
        self.new_index.refresh()
        try:
            old_indices = list(client.indices.get_alias(name=self.backend.alias))
        except es_exceptions.NotFoundError:
            old_indices = []  # the first build: no alias yet
        actions = [{"remove": {"index": name, "alias": self.backend.alias}} for name in old_indices]
        actions.append({"add": {"index": self.new_index.name, "alias": self.backend.alias}})
        client.indices.update_aliases(actions=actions)
        for name in old_indices:
            client.indices.delete(index=name, ignore_unavailable=True)


class ElasticsearchBackend(BaseSearchBackend):
    index_class = ElasticsearchIndex
    rebuilder_class = AliasSwapRebuilder
    #: A save in the admin must succeed while the search server is down; the object is
    #: indexed again by the next rebuild.
    catch_indexing_errors = True

    def __init__(self, params):
        super().__init__(params)
        self.urls = params.get("URLS") or ["http://localhost:9200"]
        self.alias = params.get("INDEX", "commemoration")
        self.timeout = params.get("TIMEOUT", 5)
        self.analyzer_name = params.get("ANALYZER", "cjk")
        self.pinyin_setting = str(params.get("PINYIN", "auto")).lower()
        self.shards = params.get("SHARDS", 1)
        self.replicas = params.get("REPLICAS", 1)
        if self.analyzer_name not in ANALYZERS:
            raise ValueError(f"Unknown Elasticsearch analyzer {self.analyzer_name!r}")

    @cached_property
    def client(self):
        # Wagtail builds a backend object per call: the client (and its connection pool) is
        # shared per process instead.
        key = (tuple(self.urls), self.timeout)
        if key not in _clients:
            _clients[key] = Elasticsearch(self.urls, request_timeout=self.timeout, max_retries=1, retry_on_timeout=False)
        return _clients[key]

    # -- mapping ----------------------------------------------------------------------------

    @cached_property
    def pinyin(self):
        """Whether pinyin sub-fields are used: forced by settings, or detected on the cluster."""
        if self.pinyin_setting in {"1", "true", "yes", "on"}:
            return True
        if self.pinyin_setting in {"0", "false", "no", "off"}:
            return False
        key = tuple(self.urls)
        if key not in _pinyin_detected:
            try:
                plugins = self.client.cat.plugins(format="json")
            except ERRORS:
                return False  # asked again once the cluster answers
            _pinyin_detected[key] = any(row.get("component") == PINYIN_PLUGIN for row in plugins)
        return _pinyin_detected[key]

    def document_class(self):
        return document_class(self.analyzer_name, self.pinyin)

    def index_body(self):
        """``settings`` and ``mappings`` for a new index (what ``indices.create`` receives)."""
        from elasticsearch.dsl import Index

        index = Index("template")
        index.document(self.document_class())
        index.settings(number_of_shards=self.shards, number_of_replicas=self.replicas)
        body = index.to_dict()
        return {"settings": body.get("settings", {}), "mappings": body["mappings"]}

    # -- the Wagtail backend interface -------------------------------------------------------

    def get_index_for_model(self, model):
        return ElasticsearchIndex(self)

    def indexes_model(self, model):
        return any(issubclass(model, registered) for registered in documents.document_models())

    def _live_index(self):
        index = ElasticsearchIndex(self)
        if not index.exists():
            stamp = datetime.now(timezone.utc).strftime("%Y%m%d%H%M%S%f")
            concrete = ElasticsearchIndex(self, f"{self.alias}-{stamp}")
            concrete.create()
            self.client.indices.put_alias(index=concrete.name, name=self.alias)
        return index

    def add(self, obj):
        if self.indexes_model(type(obj)):
            self._live_index().add_items(type(obj), [obj])

    def add_bulk(self, model, obj_list):
        if self.indexes_model(model):
            self._live_index().add_items(model, obj_list)

    def delete(self, obj):
        if self.indexes_model(type(obj)):
            ElasticsearchIndex(self).delete_item(obj)

    def search(self, *args, **kwargs):
        """Queryset searches (the admin, plugin code) are answered by the embedded backend."""
        return get_search_backend("default").search(*args, **kwargs)

    def autocomplete(self, *args, **kwargs):
        return get_search_backend("default").autocomplete(*args, **kwargs)

    def ping(self):
        try:
            return bool(self.client.ping())
        except ERRORS:
            return False

    # -- the public search -------------------------------------------------------------------

    def build_search(self, query, *, filters=None, page=1, per_page=10):
        """The ``elasticsearch.dsl`` Search for the public page (inspect it with ``to_dict()``)."""
        filters = filters or {}
        text = analysis.to_simplified(query)[: analysis.MAX_QUERY_LENGTH]
        should = [
            Q("multi_match", query=text, fields=SEARCH_FIELDS, type="best_fields", operator="and"),
            Q("multi_match", query=text, fields=["title^2", "body"], type="phrase", boost=2),
            Q("term", name_pinyin={"value": analysis.normalize(query).replace(" ", ""), "boost": 5}),
        ]
        if self.pinyin:
            should.append(Q("multi_match", query=text, fields=["title.pinyin", "names.pinyin"], boost=2))
        search = Search(using=self.client, index=self.alias)
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
        search = search.highlight_options(
            encoder="html", pre_tags=["<mark>"], post_tags=["</mark>"], number_of_fragments=1
        )
        search = search.highlight("title", number_of_fragments=0).highlight("body", fragment_size=120)
        search = search.source(["doc_type", "type_label", "object_id", "display_title", "body", "url"])
        start = (page - 1) * per_page
        return search[start : start + per_page]

    def public_search(self, query, *, filters, page=1, per_page=10, request=None):
        from search.service import FACET_LABELS, MAX_PAGES, Facet, FacetValue, Hit, SearchResults, SearchUnavailable

        try:
            response = self.build_search(query, filters=filters, page=min(page, MAX_PAGES), per_page=per_page).execute()
        except ERRORS as error:
            raise SearchUnavailable(str(error)) from error
        total = response.hits.total.value
        num_pages = min(-(-total // per_page), MAX_PAGES)
        hits = []
        for hit in response:
            highlight = getattr(hit.meta, "highlight", None)
            title = highlight.title[0] if highlight and "title" in highlight else escape(hit.display_title)
            if highlight and "body" in highlight:
                snippet = highlight.body[0]
            else:
                body = getattr(hit, "body", "") or ""
                snippet = escape(body[:120]) + ("…" if len(body) > 120 else "")
            hits.append(
                Hit(
                    type=hit.doc_type,
                    type_label=hit.type_label,
                    id=hit.object_id,
                    title=mark_safe(title),  # noqa: S308 (the "html" encoder escaped the fragment)
                    plain_title=hit.display_title,
                    url=hit.url or "",
                    snippet=mark_safe(snippet),  # noqa: S308
                    score=hit.meta.score or 0.0,
                )
            )
        type_labels = {hit.type: hit.type_label for hit in hits}
        for model in documents.document_models():
            type_labels.setdefault(documents.type_key(model), documents.type_label(model))
        facets = []
        for name in ("type", *documents.FACETS):
            buckets = response.aggregations[name].buckets
            values = [
                FacetValue(
                    bucket.key,
                    type_labels.get(bucket.key, bucket.key) if name == "type" else bucket.key,
                    bucket.doc_count,
                    bucket.key == filters.get(name),
                )
                for bucket in buckets
            ]
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

    def build_suggest(self, query, *, limit=8):
        search = Search(using=self.client, index=self.alias).extra(size=0)
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

    def public_suggest(self, query, *, limit=8, request=None):
        from search.service import SearchUnavailable

        search = self.build_suggest(query, limit=limit).source(["display_title", "url", "type_label"])
        try:
            response = search.execute()
        except ERRORS as error:
            raise SearchUnavailable(str(error)) from error
        return [
            {
                "title": option._source.display_title,
                "url": option._source.url or "",
                "type": option._source.type_label,
            }
            for option in response.suggest.titles[0].options
        ]


SearchBackend = ElasticsearchBackend
