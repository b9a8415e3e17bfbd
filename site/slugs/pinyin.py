"""A page title in pinyin, as an address: 李卫国 → ``li-weiguo``, 清明祭英烈 → ``qingming-ji-yinglie``.

- A title that is a person's name (two or three characters after a common surname, or a
  compound surname such as 欧阳) is written surname, hyphen, given name, as a name is
  romanised (``ouyang-hai``); surnames read their own way (单 shan, 曾 zeng).
- Any other title is cut into words with the search service's jieba dictionary; each word's
  syllables are written together and the words are joined with hyphens. A word of more than
  three characters is cut again into the shorter dictionary words it is made of
  (退役军人事务局 → ``tuiyi-junren-shiwuju``), so that an address stays readable.
- Letters and digits are kept (lower case, accents dropped); everything else separates words.

The readings come from pypinyin, read over the whole run of Chinese text so that its phrase
dictionary chooses between a character's readings (重庆 ``chongqing``). ü is written ``v``.
"""

from __future__ import annotations

import re
import unicodedata

from django.utils.text import slugify

#: Common one-character surnames: a short all-Chinese title starting with one is read as a name.
COMMON_SURNAMES = frozenset(
    "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏"
    "薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常"
    "武乔贺赖龚文庞樊兰殷施陶洪翟安颜倪严牛温芦季俞章鲁葛伍韦申尤毕聂丛焦向柳邢路岳齐梅莫庄辛管祝左"
    "涂谷祁时舒耿牟卜詹关苗凌费纪靳盛童欧甄项曲游阳裴席卫查屈鲍覃霍翁隋甘景薄单包司柏宁柯阮桂闵解"
    "柴华车冉房边吉饶刁瞿戚丘古米池滕晋苑邬臧畅宫苟全褚廉简娄盖符奚穆党燕郎邸冀谈姬屠郜晏栾郁商蒙"
    "喻揭窦迟敖糜鄢冷卓仇艾蓝巩井仲乐虞卞封竺冼匡宗巫鞠桑荆谌岑习胥蔺"
)

#: Longest address made from a title (cut at a hyphen); Wagtail allows 255.
MAX_LENGTH = 80
#: Words longer than this are cut again into the dictionary words they are made of.
LONGEST_WORD = 3
#: What a piece of a long word costs, by its length (see :func:`_split_long_word`).
PIECE_COSTS = {1: 3.0, 2: 1.0, 3: 1.0, 4: 2.5}

HANZI = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
HANZI_RUN_RE = re.compile(f"[{HANZI}]+")
HANZI_SPLIT_RE = re.compile(f"([{HANZI}]+)")


def pinyin_slug(title: str, max_length: int = MAX_LENGTH) -> str:
    """The address made from ``title``: lower-case ASCII letters, digits and hyphens; ``""``
    when the title has nothing to write (only punctuation or emoji)."""
    text = unicodedata.normalize("NFKC", str(title or "")).strip()
    if not text:
        return ""
    name = _name_parts(text)
    parts = [_syllables(part) for part in name] if name else _word_parts(text)
    return _shorten("-".join(part for part in parts if part), max_length)


def _name_parts(text: str) -> tuple[str, ...]:
    """``(surname, given name)`` when ``text`` is a person's name, else ``()``."""
    from search.analysis import COMPOUND_SURNAMES

    if not HANZI_RUN_RE.fullmatch(text):
        return ()
    if text[:2] in COMPOUND_SURNAMES and 3 <= len(text) <= 4:
        return text[:2], text[2:]
    if text[0] in COMMON_SURNAMES and 2 <= len(text) <= 3:
        return text[0], text[1:]
    return ()


def _syllables(hanzi: str) -> str:
    from search.analysis import SURNAME_READINGS

    if hanzi in SURNAME_READINGS:
        return SURNAME_READINGS[hanzi]
    return "".join(_readings(hanzi))


def _readings(hanzi: str) -> list[str]:
    """One syllable per character of a run of Chinese characters."""
    from pypinyin import Style, lazy_pinyin

    syllables = lazy_pinyin(hanzi, style=Style.NORMAL, errors="ignore")
    if len(syllables) != len(hanzi):
        # A character without a reading: read each on its own, so that the syllables line up.
        syllables = [(lazy_pinyin(ch, style=Style.NORMAL, errors="ignore") or [""])[0] for ch in hanzi]
    return syllables


def _word_parts(text: str) -> list[str]:
    parts = []
    for piece in HANZI_SPLIT_RE.split(text):
        if not HANZI_RUN_RE.fullmatch(piece):
            # Letters and digits as Django writes them (“Café 2026” → ``cafe-2026``).
            parts.append(slugify(piece))
            continue
        syllables = _readings(piece)
        start = 0
        for word in _words(piece):
            parts.append("".join(syllables[start : start + len(word)]))
            start += len(word)
    return parts


def _words(hanzi: str) -> list[str]:
    """The words of a run of Chinese characters, none longer than :data:`LONGEST_WORD` unless
    the dictionary has no shorter words for it."""
    from search.analysis import get_tokenizer

    tokenizer = get_tokenizer()
    words = []
    for word in tokenizer.cut(hanzi, HMM=True):
        words.extend(_split_long_word(word, tokenizer.FREQ) if len(word) > LONGEST_WORD else [word])
    return words


def _split_long_word(word: str, frequencies) -> list[str]:
    """The cheapest cut of ``word`` into dictionary words (退役军人事务局 → 退役 军人 事务局).

    A word of two or three characters costs 1, one of four (an idiom such as 抗美援朝, which has
    no smaller words) 2.5 and a lone character 3: four characters stay whole only when they
    are not two words (国防教育 → 国防 教育).
    """
    best = [(0.0, [])] + [(float("inf"), [])] * len(word)
    for end in range(1, len(word) + 1):
        for size in range(1, min(4, end) + 1):
            piece = word[end - size : end]
            if size > 1 and not frequencies.get(piece):
                continue
            cost = best[end - size][0] + PIECE_COSTS[size]
            if cost < best[end][0]:
                best[end] = (cost, [*best[end - size][1], piece])
    return best[-1][1]


def _shorten(slug: str, max_length: int) -> str:
    slug = re.sub(r"-{2,}", "-", slug).strip("-")
    if len(slug) <= max_length:
        return slug
    cut = slug[: max_length + 1].rsplit("-", 1)[0]
    return (cut if cut else slug[:max_length]).strip("-")
