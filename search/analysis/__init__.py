"""Chinese text analysis, the one place where text becomes search tokens.

Every backend (SQLite FTS5, PostgreSQL tsvector, Elasticsearch, the highlighter, the
benchmarks) calls these functions, so that what is indexed and what is queried are always cut
the same way. Import them from here (``from search import analysis``); the modules behind are:

- :mod:`~search.analysis.normalisation` — :func:`normalize` (full-width → half-width,
  traditional → simplified, lower case, control characters removed), stop words, limits;
- :mod:`~search.analysis.dictionary` — the jieba tokenizer with the veterans-affairs dictionary
  and the staff's 搜索词典, kept current in every process;
- :mod:`~search.analysis.segmentation` — :func:`index_tokens` (search mode: words and their
  sub-words) and :func:`plain_query_terms` (each word with the sub-words it can fall back to);
- :mod:`~search.analysis.queries` — :func:`query_terms`, those words with the staff's synonyms;
- :mod:`~search.analysis.names` — :func:`name_pinyin` (黄继光 → huangjiguang, hjg),
  :func:`name_pinyin_variants` (the other readings of polyphonic characters: 单 dan/shan, 乐
  le/yue) and :func:`name_tokens`, which find a name by any of its pieces;
- :mod:`~search.analysis.readings` — the readings of a character and :func:`pinyin_syllables`
  (whether Latin letters are pinyin: ``ou yang hai`` is matched as ``ouyanghai``);
- :mod:`~search.analysis.synonyms` — the staff's 搜索同义词, applied to query terms;
- :mod:`~search.analysis.preload` — :func:`warm_up`, every dictionary loaded at once (in a web
  server's master process before it forks its workers).
"""

from search.analysis.dictionary import (
    check_dictionary,
    clear_caches,
    freeze_dictionary,
    get_tokenizer,
    refresh_dictionary,
)
from search.analysis.names import (
    COMPOUND_SURNAMES,
    SHORT_NAME_LENGTH,
    SURNAME_READINGS,
    looks_like_a_name,
    name_bigrams,
    name_pinyin,
    name_pinyin_variants,
    name_tokens,
    split_name,
)
from search.analysis.normalisation import (
    MAX_QUERY_LENGTH,
    MAX_QUERY_TERMS,
    MAX_TOKEN_LENGTH,
    STOP_WORDS,
    keep_token,
    normalize,
    normalize_display,
    to_simplified,
)
from search.analysis.preload import warm_up
from search.analysis.queries import highlight_words, query_terms
from search.analysis.readings import pinyin_syllables
from search.analysis.segmentation import (
    QueryTerm,
    index_text,
    index_tokens,
    plain_query_terms,
    query_prefix,
)
from search.analysis.synonyms import refresh_synonyms, solr_rules, synonym_groups

__all__ = [
    "COMPOUND_SURNAMES",
    "MAX_QUERY_LENGTH",
    "MAX_QUERY_TERMS",
    "MAX_TOKEN_LENGTH",
    "SHORT_NAME_LENGTH",
    "STOP_WORDS",
    "SURNAME_READINGS",
    "QueryTerm",
    "check_dictionary",
    "clear_caches",
    "freeze_dictionary",
    "get_tokenizer",
    "highlight_words",
    "index_text",
    "index_tokens",
    "keep_token",
    "looks_like_a_name",
    "name_bigrams",
    "name_pinyin",
    "name_pinyin_variants",
    "name_tokens",
    "normalize",
    "normalize_display",
    "pinyin_syllables",
    "plain_query_terms",
    "query_prefix",
    "query_terms",
    "refresh_dictionary",
    "refresh_synonyms",
    "solr_rules",
    "split_name",
    "synonym_groups",
    "to_simplified",
    "warm_up",
]
