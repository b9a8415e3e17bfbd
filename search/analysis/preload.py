"""Loading the analysis dictionaries before the first search, once for all web workers.

Each piece of the analysis loads its data on first use: jieba's dictionary with ours and the
staff's 搜索词典 (~74 MB, 0.8 s), pypinyin's readings (~60 MB, 0.3 s; the search page reads
its example names in pinyin), OpenCC's traditional → simplified tables and the word weights of
relaxed matching (jieba's IDF table, its common words: ~8 MB). Loaded lazily, every
web worker pays that on its first search and keeps its own copy. A server that forks its workers
from one master (gunicorn with ``preload_app``, ``site/gunicorn_conf.py``) calls
:func:`warm_up` in the master instead: each worker starts with them loaded, and their memory
stays shared copy-on-write between the workers.
"""

from __future__ import annotations

from search.analysis.dictionary import get_tokenizer
from search.analysis.names import name_pinyin
from search.analysis.normalisation import normalize
from search.analysis.synonyms import synonym_groups
from search.analysis.weights import load_weights


def warm_up():
    """Load jieba (with the domain and staff dictionaries), OpenCC, pypinyin and the word
    weights now.

    Reads the 搜索词典 and the 搜索同义词 from the database: a caller about to fork closes the
    connection after.
    """
    get_tokenizer()
    # A traditional character, so that the OpenCC converter is built (plain text skips it).
    normalize("烈士陵園")
    # A given name outside the surname table, so that pypinyin's dictionaries are loaded.
    name_pinyin("黄继光")
    load_weights()
    synonym_groups()
