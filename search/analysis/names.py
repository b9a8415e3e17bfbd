"""Names of people: their pinyin (黄继光 → huangjiguang, hjg, jiguang) and the index tokens that
find a name however it is typed, in whole, in part or in pinyin."""

from __future__ import annotations

from functools import lru_cache
from itertools import product

from search.analysis.dictionary import check_dictionary, depends_on_dictionary
from search.analysis.normalisation import CJK_RE, STOP_WORDS, normalize
from search.analysis.readings import MAX_VARIANTS, pinyin_syllables, reading_variants
from search.analysis.segmentation import index_tokens


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
    "单": "shan",
    "曾": "zeng",
    "解": "xie",
    "仇": "qiu",
    "区": "ou",
    "朴": "piao",
    "查": "zha",
    "盖": "ge",
    "乐": "yue",
    "覃": "qin",
    "召": "shao",
    "缪": "miao",
    "宁": "ning",
    "种": "chong",
    "翟": "zhai",
    "秘": "bi",
    "繁": "po",
    "員": "yun",
    "员": "yun",
    "尉迟": "yuchi",
    "长孙": "zhangsun",
    "万俟": "moqi",
    "柏": "bai",
    "贲": "ben",
    "莘": "shen",
    "冼": "xian",
    "洗": "xian",
    "句": "gou",
    "谌": "chen",
    "黑": "he",
    "藏": "zang",
    "折": "she",
    "那": "na",
    "过": "guo",
    "燕": "yan",
    "纪": "ji",
    "相": "xiang",
    "重": "chong",
    "校": "xiao",
    "隗": "wei",
    "能": "nai",
    "阚": "kan",
    "蕃": "pi",
    "眭": "sui",
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
        # 尉迟 yuchi is read yu + chi, so that its initials are yc.
        reading = SURNAME_READINGS[text]
        return pinyin_syllables(reading) if len(text) > 1 and pinyin_syllables(reading) else (reading,)
    from pypinyin import Style, lazy_pinyin

    return tuple(lazy_pinyin(text, style=Style.NORMAL, errors="ignore"))


def name_pinyin_variants(name: str) -> list[str]:
    """The other readings of a name's characters as pinyin tokens (full, initials, given name):
    单长乐 is shanchangle by default, also danzhangle, shanzhangyue, dzy … (see
    :mod:`search.analysis.readings`). Ranked below the default reading."""
    return list(_cached_name_pinyin_variants(str(name or "")))


def _reading_tokens(surname_syllables, given_syllables):
    syllables = (*surname_syllables, *given_syllables)
    tokens = ["".join(syllables), "".join(syllable[0] for syllable in syllables)]
    if given_syllables:
        # The given name alone (jiguang), as people often search for it.
        tokens.append("".join(given_syllables))
    return tokens


@lru_cache(maxsize=65536)
def _name_readings(name):
    """``(surname, given, surname syllables, given syllables)`` of a name's default reading,
    or ``None`` without Chinese characters."""
    name = normalize(name)
    hanzi = "".join(CJK_RE.findall(name))
    if not hanzi or len(hanzi) > 8:
        return None
    surname, given = split_name(hanzi)
    # The surname and the given name are read apart (their pieces recur, the whole rarely).
    surname_syllables = _syllables(surname, surname=True)
    given_syllables = _syllables(given) if given else ()
    if not surname_syllables + given_syllables:
        return None
    return surname, given, surname_syllables, given_syllables


@lru_cache(maxsize=65536)
def _cached_name_pinyin(name):
    readings = _name_readings(name)
    if readings is None:
        return ()
    _surname, _given, surname_syllables, given_syllables = readings
    return tuple(dict.fromkeys(_reading_tokens(surname_syllables, given_syllables)))


@lru_cache(maxsize=65536)
def _cached_name_pinyin_variants(name):
    readings = _name_readings(name)
    if readings is None:
        return ()
    surname, given, surname_syllables, given_syllables = readings
    # A surname with its own reading (曾 zeng) may also be typed with the character's
    # commonest one (ceng); other surnames are read one way (王 is always wang).
    surnames = reading_variants(surname_syllables, surname) if surname in SURNAME_READINGS else [surname_syllables]
    givens = reading_variants(given_syllables, given) if given else [()]
    default = set(_cached_name_pinyin(name))
    tokens = []
    for index, (surname_variant, given_variant) in enumerate(product(surnames, givens)):
        if index > MAX_VARIANTS:
            break
        tokens.extend(token for token in _reading_tokens(surname_variant, given_variant) if token not in default)
    return tuple(dict.fromkeys(tokens))


#: A short Chinese name is indexed by every piece of it: however jieba happens to cut the
#: name in a visitor's query (黄继光, 黄/继光, 黄继/光), each piece is in the index.
SHORT_NAME_LENGTH = 4


def name_tokens(name: str) -> list[str]:
    """Index tokens for a person's name: the name's pieces (or its words) and its pinyin."""
    check_dictionary()
    return list(_cached_name_tokens(str(name or "")))


@depends_on_dictionary
@lru_cache(maxsize=16384)
def _cached_name_tokens(name):
    normalized = normalize(name).strip()
    if 2 <= len(normalized) <= SHORT_NAME_LENGTH and all(CJK_RE.match(ch) for ch in normalized):
        pieces = [
            normalized[start:end]
            for size in range(len(normalized), 0, -1)
            for start in range(len(normalized) - size + 1)
            for end in (start + size,)
        ]
        tokens = [piece for piece in dict.fromkeys(pieces) if piece not in STOP_WORDS]
    else:
        tokens = [*index_tokens(name), *name_bigrams(name)]
    default = _cached_name_pinyin(name)
    tokens = [*dict.fromkeys([*tokens, *default, *_cached_name_pinyin_variants(name)])]
    # The default reading twice: a name read as typed ranks above one found by another reading
    # of its characters (term frequency, in bm25() as in ts_rank()).
    return (*tokens, *default)


def looks_like_a_name(text: str) -> bool:
    """A title of two to four Chinese characters (黄继光, 邱少云) is most likely a person."""
    text = normalize(text).strip()
    return 2 <= len(text) <= 4 and all(CJK_RE.match(ch) for ch in text)


def name_bigrams(name: str) -> list[str]:
    """Two-character pieces of a Chinese name (黄继光 → 黄继, 继光), so part of a name is found."""
    hanzi = "".join(CJK_RE.findall(normalize(name)))
    if not 3 <= len(hanzi) <= 8:
        return []
    return list(dict.fromkeys(hanzi[i : i + 2] for i in range(len(hanzi) - 1)))
