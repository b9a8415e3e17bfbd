"""Chinese text analysis, the one place where text becomes search tokens.

Every backend (SQLite FTS5, PostgreSQL tsvector, the highlighter, the benchmarks) calls these
functions, so that what is indexed and what is queried are always cut the same way:

- :func:`normalize` — full-width → half-width (NFKC), traditional → simplified (OpenCC),
  lower case, control characters removed;
- :func:`index_tokens` — jieba in *search mode* (a compound such as 退役军人 yields 退役, 军人
  and 退役军人), without punctuation and stop words;
- :func:`query_terms` — jieba in precise mode, each word with the sub-words it can fall back
  to, so that 军人退役 and 退役的军人 still meet an index built from 退役军人;
- :func:`name_pinyin` — full pinyin and initials of a person's name (黄继光 → huangjiguang, hjg).

The jieba dictionary ships inside the jieba package; it is loaded lazily, once per process,
together with the veterans-affairs dictionary in ``search/dictionary.txt`` and the extra terms
that staff keep in the 搜索词典 snippet (:class:`search.models.SearchTerm`).
"""

from __future__ import annotations

import logging
import re
import threading
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

logger = logging.getLogger(__name__)

HERE = Path(__file__).resolve().parent
DOMAIN_DICTIONARY = HERE / "dictionary.txt"
STOP_WORDS_FILE = HERE / "stopwords.txt"

#: Longest query (in characters, after normalisation) that is analysed; the rest is ignored.
MAX_QUERY_LENGTH = 100
#: Most words a query may contribute to the match expression.
MAX_QUERY_TERMS = 12
#: Longest token kept (guards the index against a 10,000-character "word").
MAX_TOKEN_LENGTH = 40

# A token is kept when it is made of letters/digits (any script); punctuation, emoji and
# symbols never reach an index or a query.
_WORD_RE = re.compile(r"^[^\W_]+$")
_CJK_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\ufeff]")

_lock = threading.Lock()
_tokenizer = None
_converter = None


def _load_stop_words():
    return frozenset(
        line.strip() for line in STOP_WORDS_FILE.read_text(encoding="utf-8").splitlines() if line.strip()
    )


STOP_WORDS = _load_stop_words()


def get_tokenizer():
    """The process-wide jieba tokenizer, built on first use with the domain dictionaries."""
    global _tokenizer
    if _tokenizer is None:
        with _lock:
            if _tokenizer is None:
                import jieba

                # jieba logs its loading time at DEBUG level through its own handler.
                jieba.setLogLevel(logging.WARNING)
                tokenizer = jieba.Tokenizer()
                tokenizer.initialize()
                tokenizer.load_userdict(str(DOMAIN_DICTIONARY))
                for term in _staff_terms():
                    tokenizer.add_word(term)
                _tokenizer = tokenizer
    return _tokenizer


def _staff_terms():
    """Terms staff added in the admin; none while the table does not exist yet (migrations)."""
    from django.db import DatabaseError

    try:
        from search.models import SearchTerm

        return list(SearchTerm.objects.values_list("term", flat=True))
    except DatabaseError:
        return []


def add_term(term):
    """Teach the running tokenizer a new word (called when staff save a dictionary term)."""
    term = normalize(term).strip()
    if term and _tokenizer is not None:
        _tokenizer.add_word(term)
        _cached_index_tokens.cache_clear()
        _cached_query_terms.cache_clear()


def _get_converter():
    global _converter
    if _converter is None:
        import opencc

        _converter = opencc.OpenCC("t2s")
    return _converter


def normalize(text: str) -> str:
    """Half-width, simplified, lower-case text without control characters."""
    if not text:
        return ""
    text = unicodedata.normalize("NFKC", str(text))
    text = _CONTROL_RE.sub(" ", text)
    if _CJK_RE.search(text):
        text = _get_converter().convert(text)
    return text.lower()


def _keep(token: str) -> bool:
    return bool(_WORD_RE.match(token)) and len(token) <= MAX_TOKEN_LENGTH and token not in STOP_WORDS


def index_tokens(text: str) -> list[str]:
    """Tokens to store in the index for ``text`` (search mode: words and their sub-words)."""
    if not text:
        return []
    return list(_cached_index_tokens(str(text)))


@lru_cache(maxsize=4096)
def _cached_index_tokens(text):
    return tuple(token for token in _search_mode(get_tokenizer(), normalize(text)) if _keep(token))


def _search_mode(tokenizer, text):
    """jieba's search mode, extended: every dictionary word inside a long word, not only the
    two- and three-character ones (退役军人事务局 also yields 退役军人)."""
    freq = tokenizer.FREQ
    for word in tokenizer.cut(text):
        if len(word) > 2:
            for size in range(2, len(word)):
                for start in range(len(word) - size + 1):
                    piece = word[start : start + size]
                    if freq.get(piece):
                        yield piece
        yield word


def index_text(text: str) -> str:
    """``text`` as space-separated index tokens, the form FTS5 and tsvector understand."""
    return " ".join(index_tokens(text))


@dataclass(frozen=True)
class QueryTerm:
    """One word of a query; a document matches it through ``word`` or all of ``parts``."""

    word: str
    parts: tuple[str, ...] = field(default_factory=tuple)

    @property
    def all_tokens(self):
        return (self.word, *self.parts)


def query_terms(query: str) -> list[QueryTerm]:
    """The words of a visitor's query, normalised and capped; ``[]`` when nothing is searchable."""
    if not query:
        return []
    text = normalize(str(query)[: MAX_QUERY_LENGTH * 4])[:MAX_QUERY_LENGTH]
    return list(_cached_query_terms(text))


@lru_cache(maxsize=4096)
def _cached_query_terms(text):
    tokenizer = get_tokenizer()
    terms, seen = [], set()
    for word in tokenizer.cut(text):
        if not _keep(word) or word in seen:
            continue
        seen.add(word)
        parts = ()
        if len(word) > 2 and _CJK_RE.search(word):
            # The index may have cut this word differently in its context: its sub-words
            # (in search mode) are an alternative way to match it.
            parts = tuple(
                dict.fromkeys(p for p in tokenizer.cut_for_search(word) if p != word and len(p) > 1 and _keep(p))
            )
            if parts and not _covers(word, parts):
                parts = ()
        terms.append(QueryTerm(word, parts))
        if len(terms) >= MAX_QUERY_TERMS:
            break
    return tuple(terms)


def _covers(word, parts):
    """Whether the sub-words together contain every character of the word."""
    covered = set()
    for part in parts:
        start = word.find(part)
        while start != -1:
            covered.update(range(start, start + len(part)))
            start = word.find(part, start + 1)
    return len(covered) == len(word)


def highlight_words(query: str) -> list[str]:
    """Words to mark in a result snippet, longest first."""
    words = set()
    for term in query_terms(query):
        words.update(token for token in term.all_tokens if token)
    return sorted(words, key=len, reverse=True)


def name_pinyin(name: str) -> list[str]:
    """Pinyin tokens for a person's name: full (huangjiguang) and initials (hjg).

    Only Chinese characters count; a name without any gives no tokens.
    """
    return list(_cached_name_pinyin(str(name or "")))


@lru_cache(maxsize=16384)
def _cached_name_pinyin(name):
    from pypinyin import Style, lazy_pinyin

    name = normalize(name)
    hanzi = "".join(_CJK_RE.findall(name))
    if not hanzi or len(hanzi) > 8:
        return ()
    syllables = lazy_pinyin(hanzi, style=Style.NORMAL, errors="ignore")
    if not syllables:
        return ()
    full = "".join(syllables)
    initials = "".join(syllable[0] for syllable in syllables)
    tokens = [full, initials]
    if len(syllables) > 1:
        # The given name alone (jiguang), as people often search for it.
        tokens.append("".join(syllables[1:]))
    return tuple(dict.fromkeys(tokens))


def looks_like_a_name(text: str) -> bool:
    """A title of two to four Chinese characters (黄继光, 邱少云) is most likely a person."""
    text = normalize(text).strip()
    return 2 <= len(text) <= 4 and all(_CJK_RE.match(ch) for ch in text)


def query_prefix(query: str) -> str:
    """The whole query as one prefix for suggestions (黄继 → tokens starting with 黄继), or ``""``."""
    text = normalize(str(query)[:MAX_QUERY_LENGTH * 4])[:MAX_QUERY_LENGTH].strip()
    return text if _WORD_RE.match(text or "-") and len(text) <= MAX_TOKEN_LENGTH else ""


def normalize_display(text) -> str:
    """What a visitor typed, safe to show back: one line, no control characters."""
    if not text:
        return ""
    text = _CONTROL_RE.sub(" ", str(text)[: MAX_QUERY_LENGTH * 4])
    return " ".join(text.split())


def name_bigrams(name: str) -> list[str]:
    """Two-character pieces of a Chinese name (黄继光 → 黄继, 继光), so part of a name is found."""
    hanzi = "".join(_CJK_RE.findall(normalize(name)))
    if not 3 <= len(hanzi) <= 8:
        return []
    return list(dict.fromkeys(hanzi[i : i + 2] for i in range(len(hanzi) - 1)))


def to_simplified(text) -> str:
    """Half-width, simplified text with its case kept (for Elasticsearch, which folds case)."""
    if not text:
        return ""
    text = unicodedata.normalize("NFKC", str(text))
    text = _CONTROL_RE.sub(" ", text)
    if _CJK_RE.search(text):
        text = _get_converter().convert(text)
    return text
