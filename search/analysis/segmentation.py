"""Segmentation: text cut into index tokens, and a visitor's query into the words to match.

- :func:`index_tokens` — jieba in *search mode* (a compound such as 退役军人 yields 退役, 军人
  and 退役军人), without punctuation and stop words;
- :func:`plain_query_terms` — jieba in precise mode, each word with the sub-words it can fall
  back to, so that 军人退役 and 退役的军人 still meet an index built from 退役军人, and pinyin
  typed in syllables read as one name (the synonyms are added by
  :func:`search.analysis.queries.query_terms`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from search.analysis.dictionary import check_dictionary, depends_on_dictionary, get_tokenizer
from search.analysis.normalisation import (
    CJK_RE,
    MAX_QUERY_LENGTH,
    MAX_QUERY_TERMS,
    MAX_TOKEN_LENGTH,
    WORD_RE,
    keep_token,
    normalize,
)
from search.analysis.readings import pinyin_syllables


def index_tokens(text: str) -> list[str]:
    """Tokens to store in the index for ``text`` (search mode: words and their sub-words)."""
    if not text:
        return []
    check_dictionary()
    return list(_cached_index_tokens(str(text)))


#: jieba cuts a text block by block: a block is a run of Chinese characters, letters and
#: digits (its ``re_han_default``), and what lies between blocks never joins a word. Analysing
#: block by block, with a cache, gives the same tokens as analysing the whole text, and the
#: blocks of a martyr list recur (places, units, battles, set phrases of the biographies).
_BLOCK_RE = re.compile(r"([\u4E00-\u9FD5a-zA-Z0-9+#&\._%\-]+)")
#: Values longer than this are analysed block by block instead of cached whole.
_WHOLE_VALUE_LIMIT = 24


@depends_on_dictionary
@lru_cache(maxsize=262144)
def _cached_index_tokens(text):
    normalized = normalize(text)
    if len(normalized) <= _WHOLE_VALUE_LIMIT:
        return _block_tokens(normalized)
    tokens = []
    for block in _BLOCK_RE.split(normalized):
        if block:
            tokens.extend(_block_tokens(block))
    return tuple(tokens)


@depends_on_dictionary
@lru_cache(maxsize=524288)
def _block_tokens(block):
    return tuple(token for token in _search_mode(get_tokenizer(), block) if keep_token(token))


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
    """One word of a query; a document matches it through ``word``, all of ``parts``, or one of
    the ``alternatives`` (synonyms from the staff's list), each a sequence of terms it must all
    match.

    ``whole`` terms are not split into their parts when a query is relaxed: pinyin typed as
    separate syllables (lei feng: ``word`` leifeng, ``parts`` lei, feng).
    """

    word: str
    parts: tuple[str, ...] = field(default_factory=tuple)
    alternatives: tuple[tuple[QueryTerm, ...], ...] = field(default_factory=tuple)
    whole: bool = False

    @property
    def all_tokens(self):
        tokens = [self.word, *self.parts]
        for alternative in self.alternatives:
            for term in alternative:
                tokens.extend(term.all_tokens)
        return tuple(dict.fromkeys(tokens))


def plain_query_terms(text: str) -> tuple[QueryTerm, ...]:
    """The words of an already normalised text, without synonyms (how a query, or a synonym,
    is cut)."""
    check_dictionary()
    return _cached_query_terms(text)


#: What may stand between the syllables of a name typed in pinyin (ou yang hai, ouyang-hai).
_SYLLABLE_GAP_RE = re.compile(r"^[\s\-'·.]*$")
#: Most words of pinyin read as one name.
MAX_PINYIN_WORDS = 4


@depends_on_dictionary
@lru_cache(maxsize=4096)
def _cached_query_terms(text):
    tokenizer = get_tokenizer()
    terms, seen = [], set()
    run = []  # ``(position in terms or None, word)`` of pinyin words typed one after another
    for word in tokenizer.cut(text):
        if not keep_token(word) or word in seen:
            if word not in seen and WORD_RE.match(word) and pinyin_syllables(word):
                run.append((None, word))  # a syllable that is also a stop word (li an)
            elif word in seen or not _SYLLABLE_GAP_RE.match(word):
                run = _end_pinyin_run(terms, run)
            continue
        seen.add(word)
        if pinyin_syllables(word):
            run.append((len(terms), word))
        else:
            run = _end_pinyin_run(terms, run)
        parts = ()
        if len(word) > 2 and CJK_RE.search(word):
            # The index may have cut this word differently in its context: its sub-words
            # (in search mode) are an alternative way to match it.
            parts = tuple(
                dict.fromkeys(p for p in tokenizer.cut_for_search(word) if p != word and len(p) > 1 and keep_token(p))
            )
            if parts and not _covers(word, parts):
                parts = ()
        terms.append(QueryTerm(word, parts))
        if len(terms) >= MAX_QUERY_TERMS:
            break
    _end_pinyin_run(terms, run)
    return tuple(term for term in terms if term is not None)


def _end_pinyin_run(terms, run):
    """Syllables typed apart (lei feng, ou yang hai) also match the name's joined pinyin,
    which is what the index holds: the run becomes one term, its words the parts."""
    positions = [position for position, _word in run if position is not None]
    if 2 <= len(run) <= MAX_PINYIN_WORDS and positions:
        joined = "".join(word for _position, word in run)
        if len(joined) <= MAX_TOKEN_LENGTH:
            parts = tuple(terms[position].word for position in positions)
            terms[positions[0]] = QueryTerm(joined, parts if len(parts) > 1 else (), whole=True)
            for position in positions[1:]:
                terms[position] = None
    return []


def _covers(word, parts):
    """Whether the sub-words together contain every character of the word."""
    covered = set()
    for part in parts:
        start = word.find(part)
        while start != -1:
            covered.update(range(start, start + len(part)))
            start = word.find(part, start + 1)
    return len(covered) == len(word)


def query_prefix(query: str) -> str:
    """The whole query as one prefix for suggestions (黄继 → tokens starting with 黄继), or ``""``."""
    text = normalize(str(query)[: MAX_QUERY_LENGTH * 4])[:MAX_QUERY_LENGTH].strip()
    return text if WORD_RE.match(text or "-") and len(text) <= MAX_TOKEN_LENGTH else ""
