"""Elasticsearch for the public search when a bureau outgrows one machine.

Configured as a second Wagtail search backend (``WAGTAILSEARCH_BACKENDS["elasticsearch"]``), so
Wagtail's own machinery keeps it current: the signal handlers index an object through the task
system on every save, publish, unpublish and delete, and ``update_index`` / ``rebuild_search``
rebuild it. It holds one document per object of the models that plugins register in
``search_documents()`` (see :mod:`search.documents`):

- the mapping and the document of an object: :mod:`search.backends.elasticsearch_mappings`
  (Chinese analyzers, pinyin of names);
- the public search and suggestion queries: :mod:`search.backends.elasticsearch_queries`
  (facets from aggregations, highlighting with HTML-escaped fragments, completion suggestions);
- here, the backend itself: rebuilds write a new index and swap the alias, so searches never
  see a half-built index.

Wagtail's queryset ``.search()`` calls (the admin) stay on the embedded default backend; this
class answers them through that backend too. Any connection or server error while searching
raises :class:`search.service.SearchUnavailable` and the service falls back to the embedded
index.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from functools import cached_property

from elasticsearch import Elasticsearch, helpers
from elasticsearch import exceptions as es_exceptions
from modelsearch.backends.base import BaseIndex, BaseSearchBackend
from wagtail.search.backends import get_search_backend

from search import analysis, documents
from search.backends import elasticsearch_queries as queries
from search.backends.elasticsearch_mappings import (
    ANALYZERS,
    PINYIN_PLUGIN,
    document_class,
    document_id,
    index_body,
    to_document_source,
)
from search.backends.elasticsearch_queries import ERRORS, SEARCH_FIELDS
from search.service import MAX_PAGES, SearchUnavailable

__all__ = [
    "ANALYZERS",
    "ERRORS",
    "SEARCH_FIELDS",
    "AliasSwapRebuilder",
    "ElasticsearchBackend",
    "ElasticsearchIndex",
    "SearchBackend",
    "document_class",
    "document_id",
    "to_document_source",
]

logger = logging.getLogger(__name__)

_clients = {}
_pinyin_detected = {}


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
        # The synonyms set the search analyzer refers to must exist before the index.
        self.backend.update_synonyms(raise_errors=True)
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
        stamp = datetime.now(UTC).strftime("%Y%m%d%H%M%S%f")
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
        #: "set": the 搜索同义词 in a synonyms set (Elasticsearch 8.10+), changed at once;
        #: "inline": written into the mapping, changed by the next rebuild.
        self.synonyms_mode = str(params.get("SYNONYMS", "set")).lower()
        if self.analyzer_name not in ANALYZERS:
            raise ValueError(f"Unknown Elasticsearch analyzer {self.analyzer_name!r}")
        if self.synonyms_mode not in {"set", "inline"}:
            raise ValueError(f"Unknown synonyms mode {self.synonyms_mode!r}; use 'set' or 'inline'")

    @cached_property
    def client(self):
        # Wagtail builds a backend object per call: the client (and its connection pool) is
        # shared per process instead.
        key = (tuple(self.urls), self.timeout)
        if key not in _clients:
            _clients[key] = Elasticsearch(
                self.urls, request_timeout=self.timeout, max_retries=1, retry_on_timeout=False
            )
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
        return index_body(
            self.analyzer_name, self.pinyin, shards=self.shards, replicas=self.replicas, synonyms=self.synonyms()
        )

    # -- synonyms ---------------------------------------------------------------------------

    @property
    def synonyms_set(self):
        return f"{self.alias}-synonyms"

    def synonyms(self):
        """What the mapping's synonym filter is built from (see ``elasticsearch_mappings``)."""
        if self.synonyms_mode == "set":
            return ("set", self.synonyms_set)
        return ("inline", tuple(analysis.solr_rules()))

    def synonyms_body(self):
        """The rules of the synonyms set, one per group of the 搜索同义词."""
        return [{"id": f"group-{number}", "synonyms": rule} for number, rule in enumerate(analysis.solr_rules(), 1)]

    def update_synonyms(self, raise_errors=False):
        """Send the 搜索同义词 to the cluster's synonyms set; Elasticsearch reloads the search
        analyzers that use it. With inline synonyms, the next rebuild carries them."""
        if self.synonyms_mode != "set":
            return False
        try:
            self.client.synonyms.put_synonym(id=self.synonyms_set, synonyms_set=self.synonyms_body())
        except ERRORS:
            if raise_errors:
                raise
            logger.warning("Could not update the synonyms set %s; the next rebuild sends it", self.synonyms_set)
            return False
        return True

    # -- the Wagtail backend interface -------------------------------------------------------

    def get_index_for_model(self, model):
        return ElasticsearchIndex(self)

    def indexes_model(self, model):
        return any(issubclass(model, registered) for registered in documents.document_models())

    def _live_index(self):
        index = ElasticsearchIndex(self)
        if not index.exists():
            stamp = datetime.now(UTC).strftime("%Y%m%d%H%M%S%f")
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

    def build_search(self, query, *, filters=None, page=1, per_page=10, relaxed=True):
        """The ``elasticsearch.dsl`` Search for the public page (inspect it with ``to_dict()``)."""
        return queries.build_search(
            self.client,
            self.alias,
            query,
            filters=filters,
            page=page,
            per_page=per_page,
            pinyin=self.pinyin,
            relaxed=relaxed,
        )

    def public_search(self, query, *, filters, page=1, per_page=10, request=None, relaxed=True):
        page = min(page, MAX_PAGES)
        try:
            response = self.build_search(
                query, filters=filters, page=page, per_page=per_page, relaxed=relaxed
            ).execute()
        except ERRORS as error:
            raise SearchUnavailable(str(error)) from error
        return queries.search_results(response, query, filters=filters, page=page, per_page=per_page)

    def build_suggest(self, query, *, limit=8):
        return queries.build_suggest(self.client, self.alias, query, limit=limit)

    def public_suggest(self, query, *, limit=8, request=None):
        search = self.build_suggest(query, limit=limit).source(["doc_type", "display_title", "url", "type_label"])
        try:
            response = search.execute()
        except ERRORS as error:
            raise SearchUnavailable(str(error)) from error
        return queries.suggestions(response)


SearchBackend = ElasticsearchBackend
