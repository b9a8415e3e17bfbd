"""``manage.py import_martyrs``: dry run, publish, error file and unknown columns on the console."""

from io import StringIO

import pytest
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command

from .conftest import csv_bytes

pytestmark = pytest.mark.django_db

ROWS = [
    ["姓名", "籍贯", "牺牲年月", "编号", "照片说明"],
    ["杨靖宇", "河南确山", "1940年2月23日", "C-1", ""],
    ["赵一曼", "四川宜宾", "1936年8月", "C-2", ""],
    ["", "", "1936年", "C-3", ""],
]


def run(*args):
    out, err = StringIO(), StringIO()
    call_command("import_martyrs", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_command_dry_run_reports_and_writes_nothing(write_file):
    from memorials.models import MartyrRecord

    path = write_file("名录.csv", csv_bytes(ROWS, "gb18030"))
    out, err = run(str(path), "--dry-run")
    assert "将新增 2 条" in out and "错误 1 行" in out and "第 4 行：姓名为空" in out
    assert "未识别的列（已忽略）：照片说明" in out
    assert "检查" in err  # the progress bar goes to stderr
    assert not MartyrRecord.objects.exists()


def test_command_publishes_and_writes_an_error_file_next_to_the_input(write_file, tmp_path):
    from memorials.models import MartyrRecord

    path = write_file("名录.csv", csv_bytes(ROWS))
    out, _err = run(str(path), "--publish", "--no-progress")
    assert "新增 2 条" in out
    assert MartyrRecord.objects.filter(live=True).count() == 2
    error_file = tmp_path / "名录.errors.csv"
    assert error_file.exists() and "姓名为空" in error_file.read_text(encoding="utf-8-sig")


def test_command_refuses_a_missing_file_in_chinese():
    with pytest.raises(CommandError, match="找不到文件"):
        run("/nonexistent/名录.csv")


def test_unpublishing_a_record_removes_it_from_search(make_record):
    from wagtail.search.backends import get_search_backend

    from memorials.models import MartyrRecord

    record = make_record(name="罗盛教")
    get_search_backend().add(record)
    assert list(get_search_backend().search("罗盛教", MartyrRecord.objects.all()))
    record.live = False
    record.save()
    assert not list(get_search_backend().search("罗盛教", MartyrRecord.objects.all()))


def test_staff_groups_can_manage_and_publish_records():
    managers = Group.objects.get(name="烈士档案管理员")
    codenames = set(managers.permissions.values_list("codename", flat=True))
    assert {"add_martyrrecord", "change_martyrrecord", "publish_martyrrecord", "change_martyrcorrection"} <= codenames


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_export_command_writes_a_file_that_imports_back_unchanged(write_file, tmp_path, suffix):
    from memorials.importing import import_martyrs
    from memorials.models import MartyrRecord

    rows = [
        ["编号", "姓名", "籍贯", "出生年月", "牺牲年月", "墓位", "生平事迹"],
        ["E-1", "黄继光", "四川中江", "1931", "1952年10月20日", "A区1排1号", "第一段\n第二段"],
        ["E-2", "董存瑞", "河北怀来", "1929年", "1948.5", "", ""],
    ]
    import_martyrs(write_file("a.csv", csv_bytes(rows)), publish=True)
    out = tmp_path / f"export{suffix}"
    stdout = StringIO()
    call_command("export_martyrs", str(out), "--province", "四川省", "--no-progress", stdout=stdout)
    assert "已导出 1 条" in stdout.getvalue()
    before = list(
        MartyrRecord.objects.values_list(
            "external_id",
            "birth_date",
            "birth_precision",
            "death_date",
            "death_precision",
            "grave_section",
            "grave_row",
            "biography",
        )
    )
    result = import_martyrs(out)
    assert result.updated == 1 and not result.errors and not result.unknown_columns
    after = list(
        MartyrRecord.objects.values_list(
            "external_id",
            "birth_date",
            "birth_precision",
            "death_date",
            "death_precision",
            "grave_section",
            "grave_row",
            "biography",
        )
    )
    assert after == before
