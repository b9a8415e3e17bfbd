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
import time
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
    """The process-wide jieba tokenizer, built on first use with the domain dictionaries.

    Every ``SEARCH_DICTIONARY_CHECK_SECONDS`` it also picks up the words that staff added to or
    removed from the 搜索词典 in another process (another web worker, the admin).
    """
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


#: The staff terms last read from the database, and those of them this process added to the
#: tokenizer (a term jieba already knew is not added, so removing it from the 搜索词典 later
#: does not take it out of jieba's own dictionary).
_staff_seen: frozenset = frozenset()
_staff_added: frozenset = frozenset()
_next_check = 0.0


def _check_interval():
    from django.conf import settings

    return getattr(settings, "SEARCH_DICTIONARY_CHECK_SECONDS", 30)


def _staff_terms():
    """The terms staff keep in the admin, normalised; ``None`` while the table does not exist
    yet (migrations) or the database cannot answer."""
    from django.db import DatabaseError, transaction

    try:
        from search.models import SearchTerm

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


def clear_caches():
    for cached in (_cached_index_tokens, _block_tokens, _cached_name_tokens, _cached_query_terms):
        cached.cache_clear()


def _get_converter():
    global _converter
    if _converter is None:
        import opencc

        _converter = opencc.OpenCC("t2s")
    return _converter


def normalize(text: str) -> str:
    """Half-width, simplified, lower-case text without control characters."""
    return to_simplified(text).lower()


def _keep(token: str) -> bool:
    return bool(_WORD_RE.match(token)) and len(token) <= MAX_TOKEN_LENGTH and token not in STOP_WORDS


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


@lru_cache(maxsize=524288)
def _block_tokens(block):
    return tuple(token for token in _search_mode(get_tokenizer(), block) if _keep(token))


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
    check_dictionary()
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


#: Surnames of two characters, read and split off before the given name.
COMPOUND_SURNAMES = frozenset(
    "欧阳 司马 上官 诸葛 东方 皇甫 尉迟 公孙 慕容 长孙 宇文 司徒 夏侯 令狐 端木 澹台 轩辕 呼延 独孤 南宫 "
    "西门 申屠 公羊 太史 钟离 闻人 赫连 万俟 百里 东郭 拓跋 完颜 爱新觉罗".split()
)
#: Surnames whose reading differs from the character's commonest one (单 shan, 曾 zeng, …).
SURNAME_READINGS = {
    "单": "shan", "曾": "zeng", "解": "xie", "仇": "qiu", "区": "ou", "朴": "piao", "查": "zha", "盖": "ge",
    "乐": "yue", "覃": "qin", "召": "shao", "缪": "miao", "宁": "ning", "种": "chong", "翟": "zhai",
    "秘": "bi", "繁": "po", "員": "yun", "员": "yun", "尉迟": "yuchi", "长孙": "zhangsun", "万俟": "moqi",
    "柏": "bai", "贲": "ben", "莘": "shen", "冼": "xian", "洗": "xian", "句": "gou", "谌": "chen", "黑": "he",
    "藏": "zang", "折": "she", "那": "na", "过": "guo", "燕": "yan", "纪": "ji", "相": "xiang", "重": "chong",
    "校": "xiao", "隗": "wei", "能": "nai", "阚": "kan", "蕃": "pi", "眭": "sui",
}


def split_name(hanzi: str) -> tuple[str, str]:
    """``(surname, given name)`` of a Chinese name (欧阳海 → 欧阳, 海)."""
    if len(hanzi) > 2 and hanzi[:2] in COMPOUND_SURNAMES:
        return hanzi[:2], hanzi[2:]
    if len(hanzi) > 4 and hanzi[:4] in COMPOUND_SURNAMES:
        return hanzi[:4], hanzi[4:]
    return hanzi[:1], hanzi[1:]


@lru_cache(maxsize=131072)
def _syllables(text, surname=False):
    if surname and text in SURNAME_READINGS:
        return (SURNAME_READINGS[text],)
    from pypinyin import Style, lazy_pinyin

    return tuple(lazy_pinyin(text, style=Style.NORMAL, errors="ignore"))


@lru_cache(maxsize=65536)
def _cached_name_pinyin(name):
    name = normalize(name)
    hanzi = "".join(_CJK_RE.findall(name))
    if not hanzi or len(hanzi) > 8:
        return ()
    surname, given = split_name(hanzi)
    # The surname and the given name are read apart (their pieces recur, the whole rarely).
    surname_syllables = _syllables(surname, surname=True)
    given_syllables = _syllables(given) if given else ()
    syllables = surname_syllables + given_syllables
    if not syllables:
        return ()
    full = "".join(syllables)
    initials = "".join(syllable[0] for syllable in syllables)
    tokens = [full, initials]
    if given_syllables:
        # The given name alone (jiguang), as people often search for it.
        tokens.append("".join(given_syllables))
    return tuple(dict.fromkeys(tokens))


#: A short Chinese name is indexed by every piece of it: however jieba happens to cut the
#: name in a visitor's query (黄继光, 黄/继光, 黄继/光), each piece is in the index.
SHORT_NAME_LENGTH = 4


def name_tokens(name: str) -> list[str]:
    """Index tokens for a person's name: the name's pieces (or its words) and its pinyin."""
    check_dictionary()
    return list(_cached_name_tokens(str(name or "")))


@lru_cache(maxsize=16384)
def _cached_name_tokens(name):
    normalized = normalize(name).strip()
    if 2 <= len(normalized) <= SHORT_NAME_LENGTH and all(_CJK_RE.match(ch) for ch in normalized):
        pieces = [
            normalized[start:end]
            for size in range(len(normalized), 0, -1)
            for start in range(len(normalized) - size + 1)
            for end in (start + size,)
        ]
        tokens = [piece for piece in dict.fromkeys(pieces) if piece not in STOP_WORDS]
    else:
        tokens = [*_cached_index_tokens(name), *name_bigrams(name)]
    return tuple(dict.fromkeys([*tokens, *_cached_name_pinyin(name)]))


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
