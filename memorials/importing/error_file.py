"""The error file: the rows that did not import, to be fixed and imported again."""

from __future__ import annotations

import csv
import io

from django.utils.translation import gettext as _

from memorials.columns import ERROR_REASON_HEADER, ERROR_ROW_HEADER
from memorials.importing.results import ImportResult


def write_error_file(result: ImportResult, output, fmt: str):
    """The rows that did not import, as the user wrote them, with 错误原因 and 原行号 added.

    Same columns as the uploaded file, so it can be fixed and imported again: the added columns
    keep their Chinese headers in every language (the importer knows them and skips them). ``fmt`` is
    ``"xlsx"`` or ``"csv"``; ``output`` a binary file.
    """
    headers = [*result.headers, ERROR_REASON_HEADER, ERROR_ROW_HEADER]
    rows = []
    for error in sorted(result.errors, key=lambda e: e.row):
        values = list(error.values) + [""] * (len(result.headers) - len(error.values))
        rows.append([*values[: len(result.headers)], error.reason, error.row])
    if fmt == "xlsx":
        from openpyxl import Workbook

        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet(_("错误行"))
        sheet.append(headers)
        for row in rows:
            sheet.append(row)
        workbook.save(output)
    else:
        # UTF-8 with BOM: Excel on Windows opens it with the Chinese intact.
        text = io.TextIOWrapper(output, encoding="utf-8-sig", newline="")
        writer = csv.writer(text)
        writer.writerow(headers)
        writer.writerows(rows)
        text.flush()
        text.detach()
