"""籍贯 (native place) as written, split into province, city and county where possible."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

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
_COUNTY = re.compile(r"^(.+?(?:自治县|自治旗|县|区|旗|市))")


@dataclass(frozen=True)
class NativePlace:
    province: str = ""
    city: str = ""
    county: str = ""


@lru_cache(maxsize=65536)
def parse_native_place(text: str) -> NativePlace:
    """``山东省济南市历城区`` → (山东省, 济南市, 历城区); ``四川中江`` → (四川省, "", 中江).

    Unknown forms keep only what is certain; the text as written is stored separately.
    """
    rest = (text or "").strip().replace(" ", "").replace("　", "")
    province = ""
    for alias, name in _LOOKUP:
        if rest.startswith(alias):
            province, rest = name, rest[len(alias) :]
            if rest.startswith("省"):
                rest = rest[1:]
            break
    if province in ("北京市", "天津市", "上海市", "重庆市"):
        county = _COUNTY.match(rest)
        return NativePlace(province, province, county.group(1) if county else rest)
    city = ""
    match = _CITY.match(rest)
    if match and len(rest) > len(match.group(1)):
        city, rest = match.group(1), rest[len(match.group(1)) :]
    county_match = _COUNTY.match(rest)
    county = county_match.group(1) if county_match else (rest if province else "")
    return NativePlace(province, city, county[:50])
