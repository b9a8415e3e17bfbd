"""The columns of a martyr list, shared by import and export so that export → import round-trips."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    aliases: tuple[str, ...] = ()


COLUMNS = [
    Column("external_id", "编号", ("id", "external id", "external_id", "record id", "档案编号")),
    Column("name", "姓名", ("name", "full name", "烈士姓名")),
    Column("gender", "性别", ("gender", "sex")),
    Column("ethnicity", "民族", ("ethnicity", "ethnic group", "nationality")),
    Column("birth", "出生年月", ("birth", "birth date", "date of birth", "born", "出生日期", "出生时间")),
    Column("native_place", "籍贯", ("native place", "hometown", "origin", "place of origin")),
    Column("enlistment", "入伍年月", ("enlistment", "enlisted", "enlistment date", "入伍时间", "参军时间")),
    Column("unit", "生前单位", ("unit", "military unit", "单位")),
    Column("position", "职务", ("position", "rank", "post", "生前职务")),
    Column("death", "牺牲年月", ("death", "death date", "date of death", "died", "牺牲时间", "牺牲日期")),
    Column("death_place", "牺牲地点", ("death place", "place of death")),
    Column("battle", "战役", ("battle", "event", "campaign", "战役/事件", "战役（事件）", "战役或事件")),
    Column("burial_place", "安葬地", ("burial place", "burial", "cemetery", "安葬地点")),
    Column("grave", "墓位", ("grave", "plot", "grave plot", "墓位号")),
    Column("certificate_number", "烈士证明书编号", ("certificate", "certificate number", "证明书编号")),
    Column("biography", "生平事迹", ("biography", "story", "life story", "事迹", "主要事迹")),
    Column("sources", "资料来源", ("sources", "source", "来源")),
]
HEADERS = [column.header for column in COLUMNS]

#: Columns that an error file adds; a fixed error file is imported again without complaint.
ERROR_REASON_HEADER = "错误原因"
ERROR_ROW_HEADER = "原行号"
IGNORED_HEADERS = {ERROR_REASON_HEADER, ERROR_ROW_HEADER, "序号"}


def normalise_header(text) -> str:
    """Full-width to half-width, no spaces or required-field stars, lower case."""
    value = unicodedata.normalize("NFKC", str(text or ""))
    return "".join(value.split()).strip("*").lower().replace("_", " ").replace("（", "(").replace("）", ")")


_LOOKUP = {}
for _column in COLUMNS:
    for _name in (_column.header, *_column.aliases):
        _LOOKUP[normalise_header(_name)] = _column
        _LOOKUP[normalise_header(_name).replace(" ", "")] = _column


def column_for_header(text) -> Column | None:
    key = normalise_header(text)
    return _LOOKUP.get(key) or _LOOKUP.get(key.replace(" ", ""))
