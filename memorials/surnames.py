"""The first letter of a surname's pinyin (黄继光 → H, 单雄信 → S, 尉迟恭 → Y), for browsing
the archive A–Z.

Read as the search reads names (``search.analysis``): the readings that surnames have apart
from their characters' commonest one (单 shan, 曾 zeng …) and the compound surnames (尉迟, 长孙,
万俟) come from there, so a name is filed under the letter its pinyin search finds it by.
"""

from __future__ import annotations

import string
from functools import lru_cache

from search import analysis

#: The letters of the A–Z bar. No pinyin syllable starts with I, U or V: those stay empty,
#: unless a name is written in Latin letters.
LETTERS = tuple(string.ascii_uppercase)


def surname_initial(name) -> str:
    """``"A"`` … ``"Z"``; ``""`` when the name starts with neither a Chinese character nor a
    Latin letter (the record is then listed under no letter)."""
    # The longest compound surnames that change the letter (尉迟, 长孙, 万俟) have two characters.
    return _initial(str(name or "").strip()[:2])


@lru_cache(maxsize=16384)
def _initial(head: str) -> str:
    text = analysis.normalize(head)  # half-width, simplified, lower case
    if not text:
        return ""
    if text[0] in string.ascii_lowercase:
        return text[0].upper()
    surname = text[:2] if text[:2] in analysis.COMPOUND_SURNAMES else text[:1]
    reading = analysis.SURNAME_READINGS.get(surname)
    if reading is None:
        # name_pinyin reads a single character as a surname (its own special readings too).
        reading = next(iter(analysis.name_pinyin(surname[0])), "")
    letter = reading[:1].upper()
    return letter if letter in LETTERS else ""
