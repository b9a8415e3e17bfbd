"""Text normalisation: what every other step of the analysis starts from.

Full-width → half-width (NFKC), traditional → simplified (OpenCC), lower case, control
characters removed; and which tokens are words worth keeping (no punctuation, emoji or stop
words).
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

#: The search service's folder, with its word lists.
SEARCH_DIR = Path(__file__).resolve().parent.parent
STOP_WORDS_FILE = SEARCH_DIR / "stopwords.txt"

#: Longest query (in characters, after normalisation) that is analysed; the rest is ignored.
MAX_QUERY_LENGTH = 100
#: Most words a query may contribute to the match expression.
MAX_QUERY_TERMS = 12
#: Longest token kept (guards the index against a 10,000-character "word").
MAX_TOKEN_LENGTH = 40

# A token is kept when it is made of letters/digits (any script); punctuation, emoji and
# symbols never reach an index or a query.
WORD_RE = re.compile(r"^[^\W_]+$")
CJK_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\ufeff]")

_converter = None


def _load_stop_words():
    return frozenset(line.strip() for line in STOP_WORDS_FILE.read_text(encoding="utf-8").splitlines() if line.strip())


STOP_WORDS = _load_stop_words()


def _get_converter():
    global _converter
    if _converter is None:
        import opencc

        _converter = opencc.OpenCC("t2s")
    return _converter


def to_simplified(text) -> str:
    """Half-width, simplified text with its case kept (for Elasticsearch, which folds case)."""
    if not text:
        return ""
    text = unicodedata.normalize("NFKC", str(text))
    text = CONTROL_RE.sub(" ", text)
    if CJK_RE.search(text):
        text = _get_converter().convert(text)
    return text


def normalize(text: str) -> str:
    """Half-width, simplified, lower-case text without control characters."""
    return to_simplified(text).lower()


def normalize_display(text) -> str:
    """What a visitor typed, safe to show back: one line, no control characters."""
    if not text:
        return ""
    text = CONTROL_RE.sub(" ", str(text)[: MAX_QUERY_LENGTH * 4])
    return " ".join(text.split())


def keep_token(token: str) -> bool:
    """Whether a token is a word to index or to search for."""
    return bool(WORD_RE.match(token)) and len(token) <= MAX_TOKEN_LENGTH and token not in STOP_WORDS
