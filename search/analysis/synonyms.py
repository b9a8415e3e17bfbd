"""The synonyms staff keep in the admin (设置 → 搜索同义词), applied to queries.

Each group (:class:`search.models.SearchSynonym`) lists words that mean the same thing to a
visitor (抚恤, 抚恤金; 烈属, 烈士家属). A query word, or a run of query words, that is one of a
group's words also matches the others: 烈属 finds documents that say 烈士家属, 抗美援朝 those that
say 朝鲜战争. Nothing is re-indexed: the expansion happens when the query is built, the same way
for every backend (Elasticsearch gets the same groups as a ``synonym_graph`` filter).

Like the 搜索词典, a change reaches the process that saved it at once (``search.signals``) and
the other processes within ``SEARCH_DICTIONARY_CHECK_SECONDS``.
"""

from __future__ import annotations

import re
import threading
import time
from dataclasses import replace
from functools import lru_cache

from search.analysis.dictionary import _check_interval, depends_on_dictionary
from search.analysis.normalisation import normalize
from search.analysis.segmentation import QueryTerm, plain_query_terms

#: What separates the words of a group as staff type them (commas, 、, semicolons, lines).
SEPARATORS_RE = re.compile(r"[,，、;；\n\r|/]+")
#: Most words in one group, and most alternatives a query word is given.
MAX_GROUP_WORDS = 10

_lock = threading.Lock()
_groups: tuple[tuple[str, ...], ...] | None = None
_next_check = 0.0


def split_words(text) -> list[str]:
    """The words of a group as typed (``抚恤，抚恤金`` → 抚恤, 抚恤金), stripped, without repeats."""
    words = (" ".join(word.split()) for word in SEPARATORS_RE.split(str(text or "")))
    return list(dict.fromkeys(word for word in words if word))


def searchable(word) -> bool:
    """Whether a word gives at least one query term (not only punctuation or stop words)."""
    return bool(_terms_of(normalize(word)))


def synonym_groups() -> tuple[tuple[str, ...], ...]:
    """The groups in effect in this process, each a tuple of normalised words."""
    global _groups
    if _groups is None or time.monotonic() >= _next_check:
        refresh_synonyms()
    return _groups or ()


def refresh_synonyms() -> bool:
    """Read the groups again from the database; ``True`` when they changed."""
    global _groups, _next_check
    interval = _check_interval()
    _next_check = time.monotonic() + interval if interval is not None else float("inf")
    groups = _load_groups()
    if groups is None:
        if _groups is None:
            _groups = ()
        return False
    with _lock:
        changed = groups != _groups
        _groups = groups
    if changed:
        _cached_with_synonyms.cache_clear()
        _synonym_index.cache_clear()
    return changed


def _load_groups():
    """Normalised groups from the database; ``None`` while the table does not exist yet
    (migrations) or the database cannot answer."""
    from django.apps import apps
    from django.db import DatabaseError, transaction

    try:
        SearchSynonym = apps.get_model("search", "SearchSynonym")  # noqa: N806 (looked up: models import this package)
        with transaction.atomic():  # a failed query must not break the caller's transaction
            rows = list(SearchSynonym.objects.filter(active=True).order_by("pk").values_list("words", flat=True))
    except DatabaseError:
        return None
    groups = []
    for row in rows:
        words = tuple(dict.fromkeys(normalize(word) for word in split_words(row)))[:MAX_GROUP_WORDS]
        if len(words) >= 2:
            groups.append(words)
    return tuple(groups)


def solr_rules() -> list[str]:
    """The groups as Solr synonym rules (``抚恤, 抚恤金``), for Elasticsearch."""
    return [", ".join(group) for group in synonym_groups()]


def with_synonyms(terms):
    """``terms`` (:class:`~search.analysis.segmentation.QueryTerm`) with the staff's synonyms
    as alternatives of the words (or runs of words) they match."""
    groups = synonym_groups()
    if not groups or not terms:
        return tuple(terms)
    return _cached_with_synonyms(tuple(terms), groups)


def _terms_of(word):
    return plain_query_terms(word)


@depends_on_dictionary
@lru_cache(maxsize=64)
def _synonym_index(groups):
    """First word of each synonym's terms → ``[(words, group number, synonym), …]``, longest first."""
    index = {}
    for number, group in enumerate(groups):
        for synonym in group:
            words = tuple(term.word for term in _terms_of(synonym))
            if words:
                index.setdefault(words[0], []).append((words, number, synonym))
    for entries in index.values():
        entries.sort(key=lambda entry: -len(entry[0]))
    return index


@depends_on_dictionary
@lru_cache(maxsize=4096)
def _cached_with_synonyms(terms, groups):
    index = _synonym_index(groups)
    out, position = [], 0
    while position < len(terms):
        term = terms[position]
        match = None
        if not term.whole:
            for words, number, synonym in index.get(term.word, ()):
                span = terms[position : position + len(words)]
                if tuple(t.word for t in span) == words and not any(t.whole for t in span):
                    match = (words, number, synonym)
                    break
        if match is None:
            out.append(term)
            position += 1
            continue
        words, number, synonym = match
        if len(words) > 1:
            # 烈士家属 cut in two: one term, matched whole or by both words.
            term = QueryTerm("".join(words), words)
        alternatives = tuple(_terms_of(other) for other in groups[number] if other != synonym)
        out.append(replace(term, alternatives=tuple(a for a in alternatives if a)[:MAX_GROUP_WORDS]))
        position += len(words)
    return tuple(out)
