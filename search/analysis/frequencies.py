"""jieba's dictionary in a trie: the same cuts in a twentieth of the memory.

jieba keeps its dictionary as a dict of every word and every prefix of a word (~500,000
strings, about 70 MB in each process). :class:`TrieTokenizer` is jieba's tokenizer with the same
words and frequencies in a marisa-trie (1.3 MB) and an array of frequencies (2.8 MB). Both are
built from jieba's ``dict.txt`` once per machine and kept as files in the site's data folder
(``search-cache/``), which a process then loads in a millisecond. Words added later (the domain
dictionary ``search/dictionary.txt``, the staff's 搜索词典) are kept in a small dict beside the
trie, as jieba's ``add_word`` and ``del_word`` make them. The cuts are jieba's own
(``tests/search/test_frequencies.py`` compares them on the seed reports).
"""

from __future__ import annotations

import array
import ctypes
import hashlib
import json
import logging
import os
import tempfile
from math import log
from pathlib import Path

import jieba
import marisa_trie

logger = logging.getLogger(__name__)

#: Changes when the files' layout changes (older files are then built again).
FORMAT = 1


class WordFrequencies:
    """jieba's ``FREQ`` as jieba and this package use it: ``get`` (a word's frequency, 0 for
    the prefix of a word, ``None`` for anything else), ``in``, ``[]`` and assignment (by
    ``add_word``/``del_word``)."""

    def __init__(self, trie, frequencies: array.array, total: int, longest: int):
        self.trie = trie
        #: By the trie's key id.
        self.frequencies = frequencies
        #: The sum of the dictionary's frequencies and its longest word.
        self.total = total
        self.longest = longest
        #: Words added or changed since it was built (0: deleted), and the prefixes of those.
        self.added: dict[str, int] = {}
        self.added_prefixes: set[str] = set()

    def get(self, word, default=None):
        frequency = self.added.get(word)
        if frequency is not None:
            return frequency
        key = self.trie.get(word)
        if key is not None:
            return self.frequencies[key]
        if word and (word in self.added_prefixes or next(self.trie.iterkeys(word), None) is not None):
            return 0  # the beginning of a word
        return default

    def __contains__(self, word) -> bool:
        return self.get(word) is not None

    def __getitem__(self, word) -> int:
        frequency = self.get(word)
        if frequency is None:
            raise KeyError(word)
        return frequency

    def __setitem__(self, word, frequency) -> None:
        self.added[word] = frequency
        self.added_prefixes.update(word[:end] for end in range(1, len(word)))

    def word_ends(self, sentence: str, start: int) -> tuple[list[int], list[int]]:
        """Where the words of the dictionary that begin at ``start`` end (jieba's DAG entry,
        without the single character it falls back to), and their frequencies."""
        added = self.added
        frequencies = self.frequencies
        ends, found = [], []
        for word, key in self.trie.iter_prefixes_with_ids(sentence[start : start + self.longest]):
            frequency = added[word] if word in added else frequencies[key]
            if frequency:
                ends.append(start + len(word) - 1)
                found.append(frequency)
        if added and (sentence[start] in added or sentence[start] in self.added_prefixes):
            end, fragment = start, sentence[start]
            while end < len(sentence) and (fragment in added or fragment in self.added_prefixes):
                if added.get(fragment) and end not in ends:
                    ends.append(end)
                    found.append(added[fragment])
                end += 1
                fragment = sentence[start : end + 1]
            pairs = sorted(zip(ends, found, strict=True))
            ends, found = [end for end, _ in pairs], [frequency for _, frequency in pairs]
        return ends, found


class _Graph(dict):
    """jieba's DAG (start → where its words end) with their frequencies beside it (start →
    frequencies, in the same order), which :meth:`TrieTokenizer.calc` reads instead of looking
    each word up again."""

    __slots__ = ("frequencies",)


def load(dictionary: Path, folder: Path) -> WordFrequencies:
    """The frequencies of ``dictionary`` (jieba's format: ``word frequency [tag]`` a line), from
    the files in ``folder`` when they were built from this very file, else built and saved."""
    stem = folder / _stem(dictionary)
    try:
        return _read(stem)
    except (OSError, ValueError, KeyError, RuntimeError):  # missing, or not whole (marisa: RuntimeError)
        pass
    frequencies = _build(dictionary)
    try:
        _write(frequencies, stem)
    except OSError:
        logger.warning("search: could not keep the built dictionary in %s", folder, exc_info=True)
    _release_freed_memory()
    return frequencies


def _stem(dictionary: Path) -> str:
    stat = dictionary.stat()
    source = f"{dictionary.resolve()}:{stat.st_size}:{stat.st_mtime_ns}:{FORMAT}"
    return "jieba-" + hashlib.sha256(source.encode()).hexdigest()[:16]


def _entries(dictionary: Path):
    with dictionary.open("rb") as lines:
        for number, line in enumerate(lines, 1):
            parts = line.strip().split(b" ")
            if not parts[0]:
                continue
            try:
                yield parts[0].decode("utf-8"), int(parts[1])
            except (IndexError, ValueError, UnicodeDecodeError):
                raise ValueError(f"invalid dictionary entry in {dictionary} at line {number}") from None


def _build(dictionary: Path) -> WordFrequencies:
    trie = marisa_trie.Trie(word for word, _frequency in _entries(dictionary))
    frequencies = array.array("q", bytes(8 * len(trie)))
    total = longest = 0
    for word, frequency in _entries(dictionary):
        frequencies[trie.key_id(word)] = frequency
        total += frequency
        longest = max(longest, len(word))
    return WordFrequencies(trie, frequencies, total, longest)


def _write(frequencies: WordFrequencies, stem: Path) -> None:
    """Three files, each written whole under another name first, so that a process never reads
    a half-written one; the description last (its presence says the others are complete)."""
    stem.parent.mkdir(parents=True, exist_ok=True)
    _replace(stem.with_suffix(".trie"), frequencies.trie.tobytes())
    _replace(stem.with_suffix(".freq"), frequencies.frequencies.tobytes())
    description = {"keys": len(frequencies.trie), "total": frequencies.total, "longest": frequencies.longest}
    _replace(stem.with_suffix(".json"), json.dumps(description).encode())


def _replace(path: Path, data: bytes) -> None:
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=path.name)
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _read(stem: Path) -> WordFrequencies:
    description = json.loads(stem.with_suffix(".json").read_bytes())
    trie = marisa_trie.Trie()
    trie.load(str(stem.with_suffix(".trie")))
    frequencies = array.array("q")
    frequencies.frombytes(stem.with_suffix(".freq").read_bytes())
    if not len(trie) == len(frequencies) == description["keys"]:
        raise ValueError("the dictionary's files do not match")
    return WordFrequencies(trie, frequencies, description["total"], description["longest"])


def _release_freed_memory() -> None:
    """Give the C library's freed memory back to the system: building the trie takes ~20 MB for a
    moment, which glibc would otherwise keep in the process (and, in gunicorn's master, in
    every worker forked from it). Nothing to do elsewhere."""
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):
        pass


class TrieTokenizer(jieba.Tokenizer):
    """jieba's tokenizer with its dictionary in a trie (``FREQ`` is a :class:`WordFrequencies`)."""

    def initialize(self, dictionary=None):
        if dictionary:
            raise ValueError("TrieTokenizer reads the dictionary it was made with")
        with self.lock:
            if self.initialized:
                return
            source = Path(jieba.__file__).resolve().parent / "dict.txt"
            if self.dictionary is not jieba.DEFAULT_DICT:
                source = Path(self.dictionary)
            self.FREQ = load(source, cache_folder())
            self.total = self.FREQ.total
            self.initialized = True

    def get_DAG(self, sentence):  # noqa: N802 (jieba's name)
        self.check_initialized()
        words = self.FREQ
        graph = _Graph()
        graph.frequencies = {}
        for start in range(len(sentence)):
            ends, found = words.word_ends(sentence, start)
            if not ends:
                # A character on its own (jieba's fallback): no word of the dictionary (that
                # would have been found above), so it weighs as jieba weighs what it lacks.
                ends, found = [start], [0]
            graph[start], graph.frequencies[start] = ends, found
        return graph

    def calc(self, sentence, DAG, route):  # noqa: N803 (jieba's name)
        """jieba's ``calc`` (the likeliest cut, from the end) with the frequencies the graph
        carries."""
        frequencies = getattr(DAG, "frequencies", None)
        if frequencies is None:
            return super().calc(sentence, DAG, route)
        size = len(sentence)
        route[size] = (0, 0)
        log_total = log(self.total)
        for start in range(size - 1, -1, -1):
            route[start] = max(
                (log(frequency or 1) - log_total + route[end + 1][0], end)
                for end, frequency in zip(DAG[start], frequencies[start], strict=True)
            )
        return None


def cache_folder() -> Path:
    """``search-cache/`` in the site's data folder (``DATA_DIR``), else in the system's
    temporary folder."""
    from django.conf import settings

    data = getattr(settings, "DATA_DIR", None) if settings.configured else None
    return Path(data or tempfile.gettempdir()) / "search-cache"
