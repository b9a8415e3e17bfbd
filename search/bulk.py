"""Indexing many rows at once without model instances: the path of an import of millions.

Wagtail indexes objects: for each one, an indexer walks the search fields, and the backend
writes one index entry. An import of two million martyr records cannot afford the objects
(nor one analysis per object in the process that writes to the database), so this module
splits indexing in two steps that an importer can run in different processes:

1. :meth:`BulkPlan.analyse` turns a row's plain values (``{"name": …, "biography": …}``)
   into the analysed text of each search field — pure Python, no database, so it can run in
   worker processes next to the row cleaning;
2. :func:`index_documents` writes ``(pk, texts)`` documents to every search backend: the
   embedded ones (SQLite FTS5, PostgreSQL) take them as they are, in one statement per batch;
   any other backend (Elasticsearch) gets model instances built from the rows.

A model can use the bulk path when all its search fields read model fields directly (no
``RelatedFields``, no methods); :attr:`BulkPlan.supported` says so.
"""

from __future__ import annotations

import logging

from django.core.exceptions import FieldDoesNotExist
from django.utils.encoding import force_str
from modelsearch.index import AutocompleteField, RelatedFields, SearchField

from search.backends.common import analyse_value

logger = logging.getLogger(__name__)


def _prepare(value):
    """A field value as the stock indexers turn it into text."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, (list, tuple)):
        return ", ".join(_prepare(item) for item in value)
    if isinstance(value, dict):
        return ", ".join(_prepare(item) for item in value.values())
    return force_str(value)


class BulkPlan:
    """How the values of one model's rows become analysed texts, field by field."""

    def __init__(self, model):
        self.model = model
        self.fields = []  # (search field, model field)
        self.supported = True
        for field in model.get_search_fields():
            if isinstance(field, (SearchField, AutocompleteField)):
                try:
                    self.fields.append((field, field.get_field(model)))
                except FieldDoesNotExist:
                    self.supported = False  # a method or property: needs the object
            elif isinstance(field, RelatedFields):
                self.supported = False

    def analyse(self, values, plain=None) -> tuple[str, ...]:
        """The analysed text of every search field, in :attr:`fields` order.

        ``plain`` may give a field's searchable text directly (an importer that turned plain
        text into rich text knows it), sparing the HTML parsing of ``get_searchable_content``.
        """
        texts = []
        for search_field, model_field in self.fields:
            if plain and model_field.name in plain:
                value = plain[model_field.name]
            else:
                value = values.get(model_field.attname)
                if value is None:
                    value = values.get(model_field.name)
                if value is not None and hasattr(model_field, "get_searchable_content"):
                    value = model_field.get_searchable_content(value)
            texts.append(analyse_value(self.model, search_field, _prepare(value)))
        return tuple(texts)

    def parts(self, texts):
        """``(title texts, autocomplete texts, body texts)``, each a list of ``(search field,
        text)``, split as Wagtail's database backends split the fields of an object."""
        title, autocomplete, body = [], [], []
        for (field, _model_field), text in zip(self.fields, texts, strict=True):
            if isinstance(field, AutocompleteField):
                autocomplete.append((field, text))
            elif field.field_name == "title":
                title.append((field, text))
            else:
                body.append((field, text))
        return title, autocomplete, body


def index_documents(model, plan, documents, objects=None):
    """Write ``documents`` (``[(pk, texts), …]``, texts from ``plan.analyse``) to every search
    backend that updates automatically (``plan`` may be ``None``: then objects for all).

    ``objects`` is a callable returning model instances of the same rows, used for backends
    without a bulk path. Errors of the embedded backends propagate (they share the caller's
    database transaction); errors of the others are logged, as Wagtail does for its signal
    handlers: a rebuild (``rebuild_search``) brings them up to date.
    """
    from wagtail.search.backends import get_search_backends_with_name

    if not documents:
        return
    for name, backend in get_search_backends_with_name(with_auto_update=True):
        index = backend.get_index_for_model(model)
        if plan is not None and plan.supported and hasattr(index, "add_documents"):
            index.add_documents(model, plan, documents)
            continue
        try:
            backend.add_bulk(model, objects() if objects is not None else [])
        except Exception:
            logger.exception("Could not index %d %s in the search backend %r", len(documents), model.__name__, name)
