"""Importing the martyr lists bureaus keep in Excel and CSV."""

import csv
import datetime
import io

import pytest
from openpyxl import load_workbook

from .conftest import csv_bytes, xlsx_bytes

pytestmark = pytest.mark.django_db

HEADER = [
    "编号",
    "姓名",
    "性别",
    "民族",
    "出生年月",
    "籍贯",
    "入伍年月",
    "生前单位",
    "职务",
    "牺牲年月",
    "牺牲地点",
    "战役",
    "安葬地",
    "墓位",
    "烈士证明书编号",
    "生平事迹",
]


def messy_rows():
    return [
        ["示范市烈士英名录（第一批）"],  # a merged title row above the header
        [],
        HEADER,
        [
            "SF-001",
            "黄继光 ",
            "男",
            "汉族",
            "1931年1月",
            "四川省中江县",
            "1951.3",
            "志愿军第15军第45师第135团",
            "通讯员",
            "1952-10-20",
            "朝鲜上甘岭",
            "上甘岭战役",
            "示范市烈士陵园",
            "A区1排1号",
            "",
            "舍身堵枪眼。",
        ],
        [
            "SF-002",
            "张某某",
            "男",
            "汉",
            "一九二六年",
            "山东济南历城",
            "１９４５年",
            "",
            "战士",
            "1950.10",
            "朝鲜",
            "抗美援朝",
            "",
            "A-1-2",
            "",
            "",
        ],
        ["", "", "", "", "", "", "", "", "", "", "", "", "", "", "", ""],  # blank row
        ["SF-003", "", "男", "汉", "1920", "", "", "", "", "1945", "", "", "", "", "", ""],  # no name
        ["SF-004", "李某", "不详", "汉", "1920", "", "", "", "", "1945年13月", "", "", "", "", "", ""],
        ["SF-005", "王某", "女", "回族", "1928年10月", "江苏泰兴", "", "", "", "1948年10月", "", "", "", "", "", ""],
    ]


def test_staff_import_a_messy_csv_every_row_imports_or_is_reported(write_file, cemetery):
    from memorials.importing import import_martyrs
    from memorials.models import MartyrRecord

    path = write_file("名录.csv", csv_bytes(messy_rows()))
    result = import_martyrs(path, publish=True)

    assert result.created == 3
    assert result.blank_rows == 1  # the empty row above the header is a title row, not data
    reasons = {error.row: error.reason for error in result.errors}
    assert set(reasons) == {7, 8}  # rows as the spreadsheet numbers them
    assert "姓名为空" in reasons[7]
    assert "性别" in reasons[8] and "月份13不存在" in reasons[8]

    huang = MartyrRecord.objects.get(external_id="SF-001")
    assert huang.name == "黄继光"  # trailing space trimmed
    assert huang.birth_display == "1931年1月"
    assert huang.enlistment_display == "1951年3月"
    assert huang.death_display == "1952年10月20日"
    assert (huang.native_province, huang.native_county) == ("四川省", "中江县")
    assert huang.facility == cemetery
    assert (huang.grave_section, huang.grave_row, huang.grave_number) == ("A", "1", "1")
    assert huang.war_period == "korea"
    assert huang.death_decade == 1950
    assert huang.live
    assert "<p>舍身堵枪眼。</p>" in huang.biography

    zhang = MartyrRecord.objects.get(external_id="SF-002")
    assert zhang.birth_display == "1926年"  # Chinese numerals, year only
    assert zhang.enlistment_display == "1945年"  # full-width digits
    assert zhang.death_display == "1950年10月"
    assert zhang.native_place == "山东济南历城"  # kept as written
    assert zhang.native_province == "山东省"


def test_headers_in_any_order_with_english_aliases_and_unknown_columns_reported(write_file):
    from memorials.importing import import_martyrs
    from memorials.models import MartyrRecord

    rows = [
        ["Remarks", "Date of death", "Name", "ID", "Native place"],
        ["note", "1951-05", "赵某", "E-1", "河北"],
    ]
    result = import_martyrs(write_file("list.csv", csv_bytes(rows)))
    assert result.created == 1
    assert result.unknown_columns == ["Remarks"]
    record = MartyrRecord.objects.get(external_id="E-1")
    assert (record.name, record.death_display, record.native_province) == ("赵某", "1951年5月", "河北省")


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030"])
def test_csv_in_each_encoding_bureaus_use(write_file, encoding):
    from memorials.importing import import_martyrs
    from memorials.models import MartyrRecord

    rows = [["姓名", "籍贯", "编号"], ["邱少云", "四川铜梁", "Q-1"]]
    result = import_martyrs(write_file("gb.csv", csv_bytes(rows, encoding=encoding)))
    assert result.created == 1
    assert MartyrRecord.objects.get(external_id="Q-1").native_place == "四川铜梁"


def test_xlsx_with_merged_title_row_and_date_cells(write_file):
    from memorials.importing import import_martyrs
    from memorials.models import MartyrRecord

    rows = [
        ["示范市烈士英名录", None, None, None],
        ["姓名", "出生年月", "牺牲年月", "编号"],
        ["杨根思", 1922, datetime.datetime(1950, 11, 29), "Y-1"],
        [None, None, None, None],
        ["董存瑞", "1929年", "1948.5", "D-1"],
    ]
    result = import_martyrs(write_file("名录.xlsx", xlsx_bytes(rows, merge_title="A1:D1")))
    assert result.created == 2 and not result.errors
    assert MartyrRecord.objects.get(external_id="Y-1").death_display == "1950年11月29日"
    assert MartyrRecord.objects.get(external_id="Y-1").birth_display == "1922年"
    assert MartyrRecord.objects.get(external_id="D-1").death_display == "1948年5月"


def test_dry_run_validates_without_writing(write_file):
    from memorials.importing import import_martyrs
    from memorials.models import ImportJob, MartyrRecord

    result = import_martyrs(write_file("a.csv", csv_bytes(messy_rows())), dry_run=True)
    assert result.created == 3 and len(result.errors) == 2
    assert MartyrRecord.objects.count() == 0
    assert ImportJob.objects.count() == 0


def test_reimporting_the_same_file_updates_by_external_id(write_file):
    from memorials.importing import import_martyrs
    from memorials.models import MartyrRecord

    path = write_file("a.csv", csv_bytes(messy_rows()))
    import_martyrs(path)
    rows = messy_rows()
    rows[3][8] = "战士（已更正）"
    second = import_martyrs(write_file("b.csv", csv_bytes(rows)))
    assert second.created == 0 and second.updated == 3
    assert MartyrRecord.objects.count() == 3
    assert MartyrRecord.objects.get(external_id="SF-001").position == "战士（已更正）"


def test_rows_without_external_id_are_still_updated_not_duplicated(write_file):
    from memorials.importing import import_martyrs
    from memorials.models import MartyrRecord

    rows = [["姓名", "籍贯", "牺牲年月"], ["刘胡兰", "山西文水", "1947年1月12日"]]
    import_martyrs(write_file("a.csv", csv_bytes(rows)))
    import_martyrs(write_file("b.csv", csv_bytes(rows + [[]])))
    assert MartyrRecord.objects.filter(name="刘胡兰").count() == 1


def test_without_publish_imported_records_wait_for_review(write_file):
    from memorials.importing import import_martyrs
    from memorials.models import MartyrRecord

    import_martyrs(write_file("a.csv", csv_bytes(messy_rows())))
    assert not MartyrRecord.objects.filter(live=True).exists()


def test_duplicate_external_id_in_one_file_is_reported(write_file):
    from memorials.importing import import_martyrs

    rows = [["编号", "姓名"], ["X-1", "甲"], ["X-1", "乙"]]
    result = import_martyrs(write_file("a.csv", csv_bytes(rows)))
    assert result.created == 1
    assert result.errors[0].row == 3 and "与第2行重复" in result.errors[0].reason


def test_a_file_without_a_name_column_is_refused_in_chinese(write_file):
    from memorials.importing import ImportFileError, import_martyrs

    with pytest.raises(ImportFileError, match="没有找到表头"):
        import_martyrs(write_file("a.csv", csv_bytes([["foo", "bar"], ["1", "2"]])))
    with pytest.raises(ImportFileError, match="只支持"):
        import_martyrs(write_file("a.xls", b"not excel"))


def test_error_file_can_be_fixed_and_imported_again(write_file, tmp_path):
    from memorials.importing import import_martyrs, write_error_file
    from memorials.models import MartyrRecord

    result = import_martyrs(write_file("a.csv", csv_bytes(messy_rows())))
    error_path = tmp_path / "errors.csv"
    with open(error_path, "wb") as handle:
        write_error_file(result, handle, "csv")
    with open(error_path, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0][-2:] == ["错误原因", "原行号"]
    assert [row[-1] for row in rows[1:]] == ["7", "8"]
    # The user fixes both rows in the error file and imports it again.
    rows[1][1] = "孙某"
    rows[2][2], rows[2][9] = "男", "1945年12月"
    fixed = io.StringIO()
    csv.writer(fixed).writerows(rows)
    again = import_martyrs(write_file("fixed.csv", fixed.getvalue().encode("utf-8-sig")))
    assert again.created == 2 and not again.errors and not again.unknown_columns
    assert MartyrRecord.objects.get(external_id="SF-004").death_display == "1945年12月"


def test_error_file_as_xlsx_keeps_the_original_headers(write_file, tmp_path):
    from memorials.importing import import_martyrs, write_error_file

    result = import_martyrs(write_file("a.csv", csv_bytes(messy_rows())))
    path = tmp_path / "errors.xlsx"
    with open(path, "wb") as handle:
        write_error_file(result, handle, "xlsx")
    sheet = load_workbook(path).worksheets[0]
    header = [cell.value for cell in sheet[1]]
    assert header == HEADER + ["错误原因", "原行号"]
    assert sheet.max_row == 3


def test_an_interrupted_import_resumes_without_losing_or_duplicating(write_file, monkeypatch):
    from memorials.importing import MartyrImporter, import_martyrs
    from memorials.models import ImportJob, MartyrRecord

    rows = [["编号", "姓名", "牺牲年月"]] + [[f"R-{i}", f"烈士{i}", "1950" if i != 7 else "bad"] for i in range(1, 26)]
    path = write_file("big.csv", csv_bytes(rows))
    original = MartyrImporter._write
    calls = {"n": 0}

    def crash_on_third_batch(self, batch, last_row):
        calls["n"] += 1
        if calls["n"] == 3:
            raise RuntimeError("power cut")
        return original(self, batch, last_row)

    monkeypatch.setattr(MartyrImporter, "_write", crash_on_third_batch)
    with pytest.raises(RuntimeError):
        import_martyrs(path, batch_size=5)
    job = ImportJob.objects.get()
    assert job.status == ImportJob.Status.FAILED
    assert MartyrRecord.objects.count() == 10  # two committed batches of five valid rows
    assert job.rows_done == 12 and job.error_count == 1  # R-11 sits on row 12; R-7 was bad

    monkeypatch.setattr(MartyrImporter, "_write", original)
    result = import_martyrs(path, batch_size=5)
    assert result.resumed_from == 12
    assert MartyrRecord.objects.count() == 24
    assert [error.row for error in result.errors] == [8]
    job.refresh_from_db()
    assert job.status == ImportJob.Status.DONE and job.created_count == 24


def test_imported_published_records_are_indexed_for_search(write_file):
    from wagtail.search.backends import get_search_backend

    from memorials.importing import import_martyrs
    from memorials.models import MartyrRecord

    import_martyrs(write_file("a.csv", csv_bytes(messy_rows())), publish=True)
    found = list(get_search_backend().search("黄继光", MartyrRecord))
    assert [record.external_id for record in found] == ["SF-001"]
