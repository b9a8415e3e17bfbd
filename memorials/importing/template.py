"""The list template staff download from the import page: every column the importer knows, with
one example row, as .xlsx (with a sheet explaining each column) or .csv.

The headers are the Chinese ones in every language (the importer reads them; an export has the
same). The example row carries the code :data:`EXAMPLE_CODE`: a row left in by mistake is
reported (“这是模板中的示例行”) and never imported.
"""

from __future__ import annotations

import csv
import io

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from memorials.columns import COLUMNS

#: 编号 of the template's example row; the importer refuses a row with it.
EXAMPLE_CODE = "示例"

#: The example row, by column key: a record as bureaus write them (the person is made up).
EXAMPLE = {
    "external_id": EXAMPLE_CODE,
    "name": "王铁柱",
    "gender": "男",
    "ethnicity": "汉族",
    "birth": "1928年5月",
    "native_place": "山东临沂",
    "enlistment": "1947年3月",
    "unit": "华东野战军某部",
    "position": "战士",
    "death": "1948年11月",
    "death_place": "安徽省宿县",
    "battle": "淮海战役",
    "burial_place": "示范市烈士陵园",
    "grave": "A区3排12号",
    "certificate_number": "",
    "biography": "1947年参军。\n1948年11月在淮海战役中牺牲。",
    "sources": "《示范市志》第120页",
}

#: What each column holds, for the template's second sheet (in the staff member's language).
NOTES = {
    "external_id": gettext_lazy("名录中的编号，建议填写；重新导入时按编号更新，不会重复。大小写、空格、全角字符会统一"),
    "name": gettext_lazy("必填"),
    "gender": gettext_lazy("男 / 女"),
    "ethnicity": gettext_lazy("如 汉族"),
    "birth": gettext_lazy("1928年5月、1928.5、1928-05-03 等写法均可；只知道年份就写年份"),
    "native_place": gettext_lazy("按原始材料填写，如 山东临沂、四川省德阳市中江县；自动拆分为省、市、县"),
    "enlistment": gettext_lazy("写法同出生年月"),
    "unit": gettext_lazy("生前所在部队或单位"),
    "position": gettext_lazy("如 战士、排长"),
    "death": gettext_lazy("写法同出生年月"),
    "death_place": gettext_lazy("如 朝鲜上甘岭"),
    "battle": gettext_lazy("如 淮海战役、上甘岭战役"),
    "burial_place": gettext_lazy("与烈士纪念设施同名时自动关联"),
    "grave": gettext_lazy("如 A区3排12号 或 A-3-12"),
    "certificate_number": gettext_lazy("烈士证明书上的编号"),
    "biography": gettext_lazy("可以分段，每段一行"),
    "sources": gettext_lazy("每行一条，如档案号、志书名称和页码"),
}

CONTENT_TYPES = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv; charset=utf-8",
}


def template_rows():
    """The header row and the example row."""
    return [column.header for column in COLUMNS], [EXAMPLE[column.key] for column in COLUMNS]


def write_template(fmt: str, output) -> None:
    """Write the template as ``"xlsx"`` or ``"csv"`` to the binary file ``output``."""
    headers, example = template_rows()
    if fmt == "xlsx":
        _write_xlsx(headers, example, output)
        return
    # UTF-8 with BOM: Excel on Windows opens it with the Chinese intact.
    text = io.TextIOWrapper(output, encoding="utf-8-sig", newline="")
    writer = csv.writer(text)
    writer.writerow(headers)
    writer.writerow(example)
    text.flush()
    text.detach()


def _write_xlsx(headers, example, output):
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook()
    # The list comes first: the importer reads the first sheet.
    sheet = workbook.active
    sheet.title = _("烈士名录")
    sheet.append(headers)
    sheet.append(example)
    sheet.freeze_panes = "A2"
    for position, column in enumerate(COLUMNS, start=1):
        cell = sheet.cell(row=1, column=position)
        cell.font = Font(bold=True)
        width = 40 if column.key in ("biography", "sources", "native_place", "unit") else 14
        sheet.column_dimensions[get_column_letter(position)].width = width
        # Dates and codes stay text: Excel would turn 1928.5 into a number, 001 into 1.
        sheet.cell(row=2, column=position).number_format = "@"
        sheet.cell(row=2, column=position).alignment = Alignment(wrap_text=True, vertical="top")

    notes = workbook.create_sheet(_("填写说明"))
    notes.append([_("列名"), _("说明")])
    notes.append([_("（示例行）"), _("第2行是示例（编号为“示例”），导入时不会写入，填写前请删除。")])
    for column in COLUMNS:
        notes.append([column.header, str(NOTES.get(column.key, ""))])
    notes.column_dimensions["A"].width = 16
    notes.column_dimensions["B"].width = 80
    for cell in notes[1]:
        cell.font = Font(bold=True)
    workbook.save(output)
