"""The Elasticsearch index: its mapping (one document per searchable object, whatever its type)
and the document built from an object.

- Chinese analysis: the built-in ``cjk`` analyzer by default, ``smartcn`` or ``ik`` when
  configured; text is converted to simplified characters before indexing, as in the embedded
  backends;
- pinyin: full pinyin and initials of names computed here (works on any cluster), plus
  ``title.pinyin`` / ``names.pinyin`` sub-fields when the analysis-pinyin plugin is installed.
"""

from __future__ import annotations

from django.utils.encoding import force_str
from elasticsearch.dsl import Boolean, Completion, Document, Keyword, Text, analyzer, tokenizer

from search import analysis, documents

#: analyzer name → (index analyzer, search analyzer)
ANALYZERS = {
    "cjk": ("cjk", "cjk"),
    "smartcn": ("smartcn", "smartcn"),
    "ik": ("ik_max_word", "ik_smart"),
}
PINYIN_PLUGIN = "analysis-pinyin"

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


def index_body(analyzer_name="cjk", pinyin=False, *, shards=1, replicas=1):
    """``settings`` and ``mappings`` for a new index (what ``indices.create`` receives)."""
    from elasticsearch.dsl import Index

    index = Index("template")
    index.document(document_class(analyzer_name, pinyin))
    index.settings(number_of_shards=shards, number_of_replicas=replicas)
    body = index.to_dict()
    return {"settings": body.get("settings", {}), "mappings": body["mappings"]}


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
