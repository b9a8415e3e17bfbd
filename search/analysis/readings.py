"""Readings of the characters in a name, and pinyin typed by visitors.

A name's characters often have several readings: given names use readings that are not the
dictionary's first (乐 yue, 长 zhang, 行 hang, 重 chong, 朝 zhao), and surnames have their own
(单 shan, 曾 zeng, 解 xie). :func:`reading_variants` lists every plausible reading of a name,
the default one first, so that a person typing the reading they know finds the name.

:func:`pinyin_syllables` tells whether a word typed in Latin letters is pinyin (``ouyang`` →
``ou``, ``yang``), so that a name typed as separate syllables (``lei feng``, ``ou yang hai``)
can be matched as the joined form the index holds.
"""

from __future__ import annotations

from functools import lru_cache
from itertools import product

#: Readings of one character taken into account (pypinyin lists the common ones first; the
#: rest, such as 重 tong, 朝 zhu or 行 heng, are literary or dialectal and hardly a name's).
MAX_READINGS = 2
#: Most readings of one name indexed besides its default one.
MAX_VARIANTS = 15


@lru_cache(maxsize=32768)
def character_readings(character: str) -> tuple[str, ...]:
    """The toneless readings of one character, its commonest first (乐 → le, yue)."""
    from pypinyin import Style, pinyin

    readings = pinyin(character, heteronym=True, style=Style.NORMAL, errors="ignore")
    found = readings[0] if readings else []
    return tuple(dict.fromkeys(reading for reading in found if reading.isascii() and reading.isalpha()))[:MAX_READINGS]


def reading_variants(default: tuple[str, ...], characters: str) -> list[tuple[str, ...]]:
    """``default`` (one syllable per character) followed by the other combinations of the
    characters' readings, at most :data:`MAX_VARIANTS` of them."""
    if len(default) != len(characters):
        return [default]
    choices = [
        (syllable, *[reading for reading in character_readings(character) if reading != syllable])
        for syllable, character in zip(default, characters, strict=True)
    ]
    variants = [default]
    for combination in product(*choices):
        if combination != default:
            variants.append(combination)
            if len(variants) > MAX_VARIANTS:
                break
    return variants


@lru_cache(maxsize=1)
def _syllable_set() -> frozenset[str]:
    from pypinyin.constants import PINYIN_DICT
    from pypinyin.contrib.tone_convert import to_normal

    syllables = set()
    for readings in PINYIN_DICT.values():
        for reading in readings.split(","):
            syllable = to_normal(reading)
            if syllable.isascii() and syllable.isalpha():
                syllables.add(syllable)
    return frozenset(syllables)


#: The longest pinyin syllable (zhuang, shuang, chuang).
_LONGEST_SYLLABLE = 6


@lru_cache(maxsize=4096)
def pinyin_syllables(word: str) -> tuple[str, ...]:
    """``word`` (lower-case Latin letters) cut into pinyin syllables, ``()`` when it is not
    pinyin (ouyang → ou, yang; xian → xian; wagtail → ())."""
    if not word or not word.isascii() or not word.isalpha():
        return ()
    syllables = _syllable_set()
    # Fewest syllables first (xian is xian, not xi + an), found by dynamic programming.
    best: list[tuple[str, ...] | None] = [None] * (len(word) + 1)
    best[0] = ()
    for end in range(1, len(word) + 1):
        for start in range(max(0, end - _LONGEST_SYLLABLE), end):
            before = best[start]
            if before is not None and word[start:end] in syllables:
                candidate = (*before, word[start:end])
                if best[end] is None or len(candidate) < len(best[end]):
                    best[end] = candidate
    return best[len(word)] or ()
