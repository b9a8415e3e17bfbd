"""How much a word says about what a visitor means: its inverse document frequency in general
Chinese text, from the IDF table that ships with jieba (``jieba/analyse/idf.txt``, the table of
jieba's own TF-IDF keyword extraction).

A general-language IDF, not the site's own: in a bureau's reports 双拥 is in every other
paragraph because it is their subject, yet a visitor typing ``双拥 社区`` means 双拥 (IDF 12.8)
far more than 社区 (7.7), and ``优抚对象`` means 优抚 (11.1) more than 对象 (5.9). Words at least
as rare as :data:`SPECIFIC_IDF` — names, places, battles, the veterans-affairs terms — and words
the table does not know count as equally specific. The same weights on every backend, so
Elasticsearch builds the same relaxed query (see :mod:`search.backends.relaxation`).
"""

from __future__ import annotations

import threading
from pathlib import Path

#: Words this rare in general text (or rarer, or unknown) all weigh this much.
SPECIFIC_IDF = 10.0

_lock = threading.Lock()
_weights: dict[str, float] | None = None


def word_weight(word: str) -> float:
    """The weight of a normalised word (its general-language IDF, at most ``SPECIFIC_IDF``)."""
    weights = _weights if _weights is not None else load_weights()
    return weights.get(word, SPECIFIC_IDF)


def load_weights() -> dict[str, float]:
    """The table of the common words (IDF below ``SPECIFIC_IDF``: about 44,000), loaded once
    per process."""
    global _weights
    if _weights is None:
        with _lock:
            if _weights is None:
                import jieba

                table = {}
                path = Path(jieba.__file__).resolve().parent / "analyse" / "idf.txt"
                with open(path, encoding="utf-8") as lines:
                    for line in lines:
                        word, _space, value = line.rstrip("\n").rpartition(" ")
                        try:
                            weight = float(value)
                        except ValueError:
                            continue
                        if weight < SPECIFIC_IDF:
                            table[word] = weight
                _weights = table
    return _weights
