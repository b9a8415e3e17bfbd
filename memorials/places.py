"""籍贯 (native place) as written, split into province, city and county where possible."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

#: Provincial-level divisions, present and historical (热河, 察哈尔, 西康, 松江 … appear in
#: records of the 1940s and 1950s), with the short forms people write.
PROVINCES = [
    ("北京市", ("北京",)),
    ("天津市", ("天津",)),
    ("上海市", ("上海",)),
    ("重庆市", ("重庆",)),
    ("河北省", ("河北",)),
    ("山西省", ("山西",)),
    ("辽宁省", ("辽宁",)),
    ("吉林省", ("吉林",)),
    ("黑龙江省", ("黑龙江",)),
    ("江苏省", ("江苏",)),
    ("浙江省", ("浙江",)),
    ("安徽省", ("安徽",)),
    ("福建省", ("福建",)),
    ("江西省", ("江西",)),
    ("山东省", ("山东",)),
    ("河南省", ("河南",)),
    ("湖北省", ("湖北",)),
    ("湖南省", ("湖南",)),
    ("广东省", ("广东",)),
    ("海南省", ("海南",)),
    ("四川省", ("四川",)),
    ("贵州省", ("贵州",)),
    ("云南省", ("云南",)),
    ("陕西省", ("陕西",)),
    ("甘肃省", ("甘肃",)),
    ("青海省", ("青海",)),
    ("台湾省", ("台湾",)),
    ("内蒙古自治区", ("内蒙古",)),
    ("广西壮族自治区", ("广西",)),
    ("西藏自治区", ("西藏",)),
    ("宁夏回族自治区", ("宁夏",)),
    ("新疆维吾尔自治区", ("新疆",)),
    ("香港特别行政区", ("香港",)),
    ("澳门特别行政区", ("澳门",)),
    ("热河省", ("热河",)),
    ("察哈尔省", ("察哈尔",)),
    ("绥远省", ("绥远",)),
    ("西康省", ("西康",)),
    ("松江省", ("松江",)),
    ("平原省", ("平原",)),
]
PROVINCE_NAMES = [name for name, _aliases in PROVINCES]

_LOOKUP = sorted(
    [(alias, name) for name, aliases in PROVINCES for alias in (name, *aliases)],
    key=lambda pair: -len(pair[0]),
)
_CITY = re.compile(r"^(.+?(?:自治州|地区|盟|市|州))")
#: Designations of a county-level unit (what follows a county's name).
_COUNTY = re.compile(r"^(.+?(?:自治县|自治旗|县|区|旗|市))")
#: A prefecture written with a designation that may also end a county's name (市) is the
#: prefecture only when it is a 市 itself: 大理市 is the county-level city inside 大理州.
_DESIGNATIONS = {
    "市": ("市", "地区", "专区"),
    "地区": ("地区", "专区"),
    "盟": ("盟",),
    "自治州": ("自治州", "州", "专区", "地区"),
}
#: What follows a prefecture's short name when the name is a county's (大同县, 和田县, 临夏市).
_COUNTY_AFTER_SHORT = re.compile(r"^(?:自治县|自治旗|县|区|旗|市)")
#: Without a province, only these designations mark an unknown first unit as a prefecture.
_UNKNOWN_PREFECTURE = re.compile(r"^(.+?(?:自治州|地区|专区|盟))")
_UNKNOWN_CITY = re.compile(r"^(.+?市)(?=.+?(?:自治县|自治旗|县|区|旗))")

GAZETTEER = Path(__file__).with_name("prefectures.txt")


@dataclass(frozen=True)
class Prefecture:
    """One prefecture-level division (地级市, 地区, 自治州, 盟) of the gazetteer."""

    province: str
    name: str
    short: str
    former: tuple[str, ...] = ()
    #: County-level names that begin with the short name (本溪满族自治县, 岳阳楼区).
    counties: tuple[str, ...] = ()

    @property
    def kind(self):
        for suffix in ("自治州", "地区", "盟", "市"):
            if self.name.endswith(suffix):
                return suffix
        return "市"


@lru_cache(maxsize=1)
def prefectures() -> dict[str, list[Prefecture]]:
    """Province → its prefectures, longest short name first (``prefectures.txt``: the national
    division codes' prefecture level, from the cpca package's data, plus a few former ones)."""
    found: dict[str, list[Prefecture]] = {}
    with GAZETTEER.open(encoding="utf-8") as handle:
        lines = [line.rstrip("\n") for line in handle if line.strip() and not line.startswith("#")]
    for line in lines[1:]:
        _code, province, name, short, former, counties, _note = (line.split("\t") + [""] * 7)[:7]
        found.setdefault(province, []).append(Prefecture(province, name, short, _split(former), _split(counties)))
    for entries in found.values():
        entries.sort(key=lambda entry: -len(entry.short))
    return found


@lru_cache(maxsize=1)
def _unique_full_names() -> dict[str, Prefecture]:
    """Full prefecture names that belong to one province only (a province may be left out)."""
    seen: dict[str, list[Prefecture]] = {}
    for entries in prefectures().values():
        for entry in entries:
            seen.setdefault(entry.name, []).append(entry)
    return dict(sorted(((name, e[0]) for name, e in seen.items() if len(e) == 1), key=lambda item: -len(item[0])))


def _split(value):
    return tuple(part for part in value.split("、") if part)


@dataclass(frozen=True)
class NativePlace:
    province: str = ""
    city: str = ""
    county: str = ""


def _county(rest: str) -> str:
    match = _COUNTY.match(rest)
    return match.group(1) if match else rest


def _match_prefecture(rest: str, entries) -> tuple[str, str, str] | None:
    """``(city, county, rest)`` when ``rest`` starts with one of ``entries`` (a province's
    prefectures), else ``None``. The county is set when the text names a county that bears
    the prefecture's name (大同县, 本溪满族自治县): it lies in that prefecture."""
    for entry in entries:
        if rest.startswith(entry.name):
            return entry.name, "", rest[len(entry.name) :]
        for county in entry.counties:
            if rest.startswith(county):
                return entry.name, county, rest[len(county) :]
        for short in (entry.short, *entry.former):
            if not rest.startswith(short):
                continue
            after = rest[len(short) :]
            for designation in _DESIGNATIONS[entry.kind]:
                if after.startswith(designation):
                    # As written: 百色地区, 临沂专区, 襄樊市.
                    return short + designation, "", after[len(designation) :]
            county = _COUNTY_AFTER_SHORT.match(after)
            if county:
                return entry.name, short + county.group(0), after[county.end() :]
            # The short name alone (山东临沂): the prefecture's full name.
            return entry.name, "", after
    return None


@lru_cache(maxsize=65536)
def parse_native_place(text: str) -> NativePlace:
    """``山东省济南市历城区`` → (山东省, 济南市, 历城区); ``山东临沂`` → (山东省, 临沂市, "");
    ``四川中江`` → (四川省, "", 中江).

    The prefecture is looked up in a gazetteer of the prefecture-level divisions of each
    province (:func:`prefectures`), not guessed from its position: ``山东临沂`` is the city
    临沂市, ``山东胶州市`` the county-level city 胶州市. Unknown forms keep only what is certain;
    the text as written is stored separately.
    """
    rest = (text or "").strip().replace(" ", "").replace("\u3000", "")
    province = ""
    for alias, name in _LOOKUP:
        if rest.startswith(alias):
            province, rest = name, rest[len(alias) :]
            if rest.startswith("省"):
                rest = rest[1:]
            break
    if province in ("北京市", "天津市", "上海市", "重庆市"):
        return NativePlace(province, province, _county(rest)[:50])
    city, county = "", ""
    entries = prefectures().get(province)
    if not province:
        for name, entry in _unique_full_names().items():
            if rest.startswith(name):
                province, entries = entry.province, [entry]
                break
    if entries:
        matched = _match_prefecture(rest, entries)
        if matched:
            city, county, rest = matched
        else:
            # A province of today whose first unit is no prefecture of the gazetteer: a county
            # (胶州市, 中江), unless a former prefecture is written with its designation
            # (昌潍专区) or a city is followed by its county.
            unknown = _UNKNOWN_PREFECTURE.match(rest) or _UNKNOWN_CITY.match(rest)
            if unknown and len(rest) > len(unknown.group(1)):
                city, rest = unknown.group(1), rest[len(unknown.group(1)) :]
    else:
        # A former province (察哈尔, 热河 …) or none: the designations decide.
        unknown = _CITY.match(rest)
        if unknown and len(rest) > len(unknown.group(1)):
            city, rest = unknown.group(1), rest[len(unknown.group(1)) :]
    if not county:
        match = _COUNTY.match(rest)
        county = match.group(1) if match else (rest if province else "")
    return NativePlace(province, city[:50], county[:50])
