"""The jieba tokenizer and its dictionaries.

The jieba dictionary ships inside the jieba package; it is loaded lazily, once per process,
together with the veterans-affairs dictionary in ``search/dictionary.txt`` and the extra terms
that staff keep in the 搜索词典 snippet (:class:`search.models.SearchTerm`). Every
``SEARCH_DICTIONARY_CHECK_SECONDS`` a process picks up the terms that staff added or removed in
another process, and empties the caches of the analyses that depend on the dictionary
(registered with :func:`depends_on_dictionary`).
"""

from __future__ import annotations

import logging
import threading
import time

from search.analysis.normalisation import SEARCH_DIR, normalize

DOMAIN_DICTIONARY = SEARCH_DIR / "dictionary.txt"

_lock = threading.Lock()
_tokenizer = None

#: The staff terms last read from the database, and those of them this process added to the
#: tokenizer (a term jieba already knew is not added, so removing it from the 搜索词典 later
#: does not take it out of jieba's own dictionary).
_staff_seen: frozenset = frozenset()
_staff_added: frozenset = frozenset()
_next_check = 0.0

#: Cached analyses whose answers change with the dictionary (see :func:`clear_caches`).
_dependent_caches = []


def depends_on_dictionary(cached):
    """Register an ``lru_cache``-wrapped function to be emptied when the dictionary changes."""
    _dependent_caches.append(cached)
    return cached


def clear_caches():
    for cached in _dependent_caches:
        cached.cache_clear()


def get_tokenizer():
    """The process-wide jieba tokenizer, built on first use with the domain dictionaries.

    Every ``SEARCH_DICTIONARY_CHECK_SECONDS`` it also picks up the words that staff added to or
    removed from the 搜索词典 in another process (another web worker, the admin).
    """
    global _tokenizer
    if _tokenizer is None:
        with _lock:
            if _tokenizer is None:
                import jieba

                from search.analysis.frequencies import TrieTokenizer

                # jieba logs its loading time at DEBUG level through its own handler.
                jieba.setLogLevel(logging.WARNING)
                tokenizer = TrieTokenizer()
                tokenizer.initialize()
                tokenizer.load_userdict(str(DOMAIN_DICTIONARY))
                _apply_staff_terms(tokenizer, _staff_terms() or set())
                _tokenizer = tokenizer
    else:
        check_dictionary()
    return _tokenizer


def check_dictionary():
    """Refresh the dictionary when this process last checked it long enough ago (cheap: a
    clock reading; called before the cached analyses, which would not reach the tokenizer)."""
    if _tokenizer is not None and time.monotonic() >= _next_check:
        refresh_dictionary()


def _check_interval():
    from django.conf import settings

    return getattr(settings, "SEARCH_DICTIONARY_CHECK_SECONDS", 30)


def _staff_terms():
    """The terms staff keep in the admin, normalised; ``None`` while the table does not exist
    yet (migrations) or the database cannot answer."""
    from django.apps import apps
    from django.db import DatabaseError, transaction

    try:
        # Looked up, not imported: the models validate with this package's analysis.
        SearchTerm = apps.get_model("search", "SearchTerm")  # noqa: N806
        # A savepoint: a failed query must not break a transaction the caller has open.
        with transaction.atomic():
            terms = SearchTerm.objects.values_list("term", flat=True)
            return {normalize(term).strip() for term in terms} - {""}
    except DatabaseError:
        return None


def _apply_staff_terms(tokenizer, terms):
    """Make the tokenizer's staff words exactly ``terms`` (add the new, drop the removed)."""
    global _staff_seen, _staff_added, _next_check
    added = set(_staff_added)
    for term in _staff_seen - terms:
        if term in added:
            tokenizer.del_word(term)
            added.discard(term)
    for term in terms - _staff_seen:
        if not tokenizer.FREQ.get(term):
            tokenizer.add_word(term)
            added.add(term)
    changed = terms != _staff_seen
    _staff_seen, _staff_added = frozenset(terms), frozenset(added)
    interval = _check_interval()
    _next_check = time.monotonic() + interval if interval is not None else float("inf")
    return changed


def refresh_dictionary():
    """Bring this process's tokenizer up to date with the 搜索词典; ``True`` when it changed."""
    global _next_check
    interval = _check_interval()
    _next_check = time.monotonic() + interval if interval is not None else float("inf")
    if _tokenizer is None:
        return False
    terms = _staff_terms()
    if terms is None:
        return False
    with _lock:
        changed = _apply_staff_terms(_tokenizer, terms)
    if changed:
        clear_caches()
    return changed


def freeze_dictionary():
    """Stop checking the database for dictionary changes (in worker processes of an import,
    which must not use the parent's database connection)."""
    global _next_check
    get_tokenizer()
    _next_check = float("inf")
