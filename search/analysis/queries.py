"""A visitor's query as the backends match it: its words (:mod:`~search.analysis.segmentation`)
with the synonyms staff keep (:mod:`~search.analysis.synonyms`)."""

from __future__ import annotations

from search.analysis.dictionary import check_dictionary
from search.analysis.normalisation import MAX_QUERY_LENGTH, normalize
from search.analysis.segmentation import QueryTerm, plain_query_terms
from search.analysis.synonyms import with_synonyms


def query_terms(query: str) -> list[QueryTerm]:
    """The words of a visitor's query, normalised and capped, with the synonyms staff keep;
    ``[]`` when nothing is searchable."""
    if not query:
        return []
    text = normalize(str(query)[: MAX_QUERY_LENGTH * 4])[:MAX_QUERY_LENGTH]
    check_dictionary()
    return list(with_synonyms(plain_query_terms(text)))


def highlight_words(query: str) -> list[str]:
    """Words to mark in a result snippet (a synonym's too), longest first."""
    words = set()
    for term in query_terms(query):
        words.update(token for token in term.all_tokens if token)
    return sorted(words, key=len, reverse=True)
