"""Reading a martyr list: the file type, its text encoding, its rows and its header row.

Messy input is normal: the header row may sit under merged title rows, columns come in any
order with Chinese or English names, CSV files come in UTF-8 (with or without BOM) or GB18030.
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import io
from pathlib import Path

from django.utils.translation import gettext as _

from memorials.columns import COLUMNS, IGNORED_HEADERS, column_for_header, normalise_header
from memorials.importing.results import ImportFileError
from memorials.text import clean_text

SUPPORTED_SUFFIXES = (".csv", ".xlsx")
#: How many header-less rows (titles, notes) may precede the header row.
HEADER_SEARCH_ROWS = 20


def detect_encoding(sample: bytes) -> str:
    """UTF-8 with BOM, UTF-8, or GB18030 (a superset of GBK and GB2312)."""
    if sample.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    try:
        codecs.getincrementaldecoder("utf-8")().decode(sample, final=False)
        return "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        codecs.getincrementaldecoder("gb18030")().decode(sample, final=False)
        return "gb18030"
    except UnicodeDecodeError:
        raise ImportFileError(_("无法识别文件编码，请另存为 UTF-8 或 GB18030 编码的 CSV，或 .xlsx 文件")) from None


def open_binary(source):
    """A binary file handle on ``source`` (a path, or an open file rewound to its start)."""
    if isinstance(source, (str, Path)):
        return open(source, "rb")
    source.seek(0)
    return source


def iter_rows(source, suffix: str):
    """Yield ``(row_number, [cell values])`` as the spreadsheet numbers rows (from 1)."""
    suffix = suffix.lower()
    if suffix == ".csv":
        handle = open_binary(source)
        encoding = detect_encoding(handle.read(256 * 1024))
        handle.seek(0)
        text = io.TextIOWrapper(handle, encoding=encoding, newline="")
        try:
            yield from enumerate(csv.reader(text), start=1)
        except (UnicodeDecodeError, csv.Error) as error:
            raise ImportFileError(
                _("文件内容无法按 %(encoding)s 读取：%(error)s") % {"encoding": encoding, "error": error}
            ) from error
        finally:
            text.detach()
    elif suffix == ".xlsx":
        from openpyxl import load_workbook

        handle = open_binary(source)
        try:
            workbook = load_workbook(handle, read_only=True, data_only=True)
        except Exception as error:
            raise ImportFileError(
                _("无法打开这个 Excel 文件，请确认是 .xlsx 格式（旧的 .xls 请先另存为 .xlsx）")
            ) from error
        try:
            sheet = workbook.worksheets[0]
            for number, row in enumerate(sheet.iter_rows(values_only=True), start=1):
                yield number, list(row)
        finally:
            workbook.close()
    else:
        raise ImportFileError(_("只支持 .xlsx 和 .csv 文件"))


def count_rows(source, suffix: str) -> int | None:
    """A cheap estimate of the number of rows, for the progress bar (CSV only)."""
    if suffix.lower() == ".csv":
        handle = open_binary(source)
        total = sum(chunk.count(b"\n") for chunk in iter(lambda: handle.read(1 << 20), b""))
        handle.seek(0) if not isinstance(source, (str, Path)) else handle.close()
        return total
    return None


def file_checksum(source) -> str:
    """SHA-256 of the file: an interrupted import of the same file resumes its job."""
    digest = hashlib.sha256()
    handle = open_binary(source)
    for chunk in iter(lambda: handle.read(1 << 20), b""):
        digest.update(chunk)
    if isinstance(source, (str, Path)):
        handle.close()
    else:
        handle.seek(0)
    return digest.hexdigest()


def find_header(rows):
    """``(row_number, cells, columns)`` of the header row: the first with 姓名 and at least one
    other known column; the title rows above it are skipped."""
    skipped = 0
    for number, cells in rows:
        columns = [column_for_header(cell) for cell in cells]
        keys = {column.key for column in columns if column}
        if "name" in keys and len(keys) >= 2:
            return number, cells, columns
        skipped += 1
        if skipped >= HEADER_SEARCH_ROWS:
            break
    raise ImportFileError(_("没有找到表头：表头行须包含“姓名”列和至少一个其他已知列（如“籍贯”“牺牲年月”“编号”）"))


def column_positions(header_cells, columns, result):
    """Column key → position in the row; notes the unknown and missing columns on ``result``."""
    ignored = {normalise_header(header) for header in IGNORED_HEADERS}
    positions = {}
    for position, (cell, column) in enumerate(zip(header_cells, columns, strict=True)):
        name = clean_text(cell)
        if column is None:
            if name and normalise_header(name) not in ignored:
                result.unknown_columns.append(name)
        elif column.key not in positions:
            positions[column.key] = position
    result.missing_columns = [column.header for column in COLUMNS if column.key not in positions]
    return positions
