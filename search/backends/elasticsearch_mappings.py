"""The Elasticsearch index: its mapping (one document per searchable object, whatever its type)
and the document built from an object.

- Chinese analysis: the built-in ``cjk`` analyzer by default, ``smartcn`` or ``ik`` when
  configured; text is converted to simplified characters before indexing, as in the embedded
  backends;
- pinyin: full pinyin and initials of names computed here (works on any cluster): the default
  reading in ``name_pinyin``, the other readings of polyphonic characters (单 dan/shan, 乐
  le/yue) in ``name_pinyin_variants``, plus ``title.pinyin`` / ``names.pinyin`` sub-fields when
  the analysis-pinyin plugin is installed;
- synonyms: the staff's 搜索同义词 in a ``synonym_graph`` filter of the search analyzer (at
  search time only, so a change needs no re-indexing): a synonyms set (``PUT _synonyms``,
  Elasticsearch 8.10 and later), kept current by the backend, or the rules written into the
  mapping (``SYNONYMS: "inline"``, for older clusters; they change with the next rebuild).
"""

from __future__ import annotations

from django.utils.encoding import force_str
from elasticsearch.dsl import Boolean, Completion, Document, Keyword, Text, analyzer, token_filter, tokenizer

from search import analysis, documents

#: analyzer name → (index analyzer, search analyzer)
ANALYZERS = {
    "cjk": ("cjk", "cjk"),
    "smartcn": ("smartcn", "smartcn"),
    "ik": ("ik_max_word", "ik_smart"),
}
PINYIN_PLUGIN = "analysis-pinyin"
#: analyzer name → (tokenizer, filters) of its search analyzer rebuilt as a custom one (as the
#: Elasticsearch and plugin documentation rebuild them), to which the synonym filter is added.
SEARCH_CHAINS = {
    "cjk": (
        "standard",
        ["cjk_width", "lowercase", "cjk_bigram", token_filter("cjk_english_stop", "stop", stopwords="_english_")],
    ),
    "smartcn": ("smartcn_tokenizer", ["porter_stem", "smartcn_stop"]),
    "ik": ("ik_smart", []),
}
SYNONYM_FILTER = "commemoration_synonyms"
SEARCH_ANALYZER = "commemoration_search"


def synonym_filter(synonyms):
    """The ``synonym_graph`` filter: ``("set", name)`` refers to a synonyms set, ``("inline",
    rules)`` carries the rules (Solr format: ``抚恤, 抚恤金``)."""
    mode, value = synonyms
    if mode == "set":
        return token_filter(SYNONYM_FILTER, "synonym_graph", synonyms_set=value, updateable=True)
    return token_filter(SYNONYM_FILTER, "synonym_graph", synonyms=list(value), lenient=True)


def search_analyzer(analyzer_name, synonyms):
    """The analyzer of visitors' queries: the index analyzer's chain, then the synonyms."""
    tokenizer_name, filters = SEARCH_CHAINS[analyzer_name]
    return analyzer(SEARCH_ANALYZER, tokenizer=tokenizer_name, filter=[*filters, synonym_filter(synonyms)])


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


def document_class(analyzer_name="cjk", pinyin=False, synonyms=None):
    """The ``elasticsearch.dsl`` Document for the chosen analysis; one index holds every type.
    ``synonyms`` (see :func:`synonym_filter`) adds the synonym filter to the search analyzer."""
    try:
        index_analyzer, search_analyzer_name = ANALYZERS[analyzer_name]
    except KeyError:
        raise ValueError(f"Unknown Elasticsearch analyzer {analyzer_name!r}; use one of {sorted(ANALYZERS)}") from None
    query_analyzer = search_analyzer(analyzer_name, synonyms) if synonyms else search_analyzer_name

    def chinese_text(**subfields):
        if pinyin:
            subfields["pinyin"] = Text(analyzer=pinyin_analyzer)
        if subfields:
            return Text(analyzer=index_analyzer, search_analyzer=query_analyzer, fields=subfields)
        return Text(analyzer=index_analyzer, search_analyzer=query_analyzer)

    attributes = {
        "doc_type": Keyword(),
        "type_label": Keyword(index=False),
        "object_id": Keyword(),
        "title": chinese_text(raw=Keyword(ignore_above=256)),
        "display_title": Keyword(index=False),
        "names": chinese_text(),
        "name_pinyin": Keyword(),
        "name_pinyin_variants": Keyword(),
        "body": Text(analyzer=index_analyzer, search_analyzer=query_analyzer),
        "region": Keyword(),
        "period": Keyword(),
        "public": Boolean(),
        "url": Keyword(index=False),
        "suggest": Completion(contexts=[{"name": "visibility", "type": "category"}]),
    }
    return type("SearchDocument", (Document,), attributes)


def index_body(analyzer_name="cjk", pinyin=False, *, shards=1, replicas=1, synonyms=None):
    """``settings`` and ``mappings`` for a new index (what ``indices.create`` receives)."""
    from elasticsearch.dsl import Index

    index = Index("template")
    index.document(document_class(analyzer_name, pinyin, synonyms))
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
    variants = sorted({token for name in names for token in analysis.name_pinyin_variants(name)} - set(pinyin))
    facets = documents.facet_values(obj)
    return {
        "doc_type": documents.type_key(model),
        "type_label": documents.type_label(model),
        "object_id": str(obj.pk),
        "title": analysis.to_simplified(title),
        "display_title": title,
        "names": [analysis.to_simplified(name) for name in names],
        "name_pinyin": pinyin,
        "name_pinyin_variants": variants,
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
