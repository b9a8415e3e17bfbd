"""Staff work in the admin: import with error preview, export that round-trips, editing records."""

import csv
import io
import re

import pytest
from openpyxl import load_workbook

from .conftest import csv_bytes

pytestmark = pytest.mark.django_db

ROWS = [
    ["姓名", "性别", "籍贯", "牺牲年月", "安葬地", "墓位", "编号", "备注"],
    ["杨根思", "男", "江苏泰兴", "1950年11月29日", "示范市烈士陵园", "A区1排3号", "Y-1", ""],
    ["", "男", "", "1950", "", "", "Y-2", ""],
]


def upload(admin_client, data, name="名录.csv", publish=False, follow=True):
    # The check runs as a task (the immediate backend in tests); the upload redirects to the
    # job's status page.
    return admin_client.post(
        "/admin/memorials/import/",
        {"file": _file(data, name), "publish": "on" if publish else ""},
        follow=follow,
    )


def _file(data, name):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, data)


def test_staff_upload_shows_error_preview_and_writes_nothing_until_confirmed(admin_client, cemetery):
    from memorials.models import ImportJob, MartyrRecord

    response = upload(admin_client, csv_bytes(ROWS, "gb18030"), publish=True)
    body = response.content.decode()
    assert response.status_code == 200
    assert "将新增 1 条" in body and "姓名为空" in body and "备注" in body
    assert MartyrRecord.objects.count() == 0

    job = ImportJob.objects.get()
    confirm = admin_client.post(f"/admin/memorials/import/{job.uuid}/confirm/")
    assert confirm.status_code == 302
    record = MartyrRecord.objects.get(external_id="Y-1")
    assert record.live and record.facility == cemetery and record.grave_display == "A区1排3号"

    result = admin_client.get(confirm["Location"]).content.decode()
    assert "新增 1 条" in result
    errors = admin_client.get(f"/admin/memorials/import/{job.uuid}/errors/")
    rows = list(csv.reader(io.StringIO(b"".join(errors.streaming_content).decode("utf-8-sig"))))
    assert rows[0] == ROWS[0] + ["错误原因", "原行号"] and rows[1][-1] == "3"


def test_the_admin_pages_are_named_in_the_plugins_namespace():
    from django.urls import reverse

    assert reverse("memorials_admin:import") == "/admin/memorials/import/"
    uuid = "6f1c1d3e-7a1b-4c55-9d0e-2b8f4c1a9e77"
    assert reverse("memorials_admin:import_status", args=[uuid]) == f"/admin/memorials/import/{uuid}/"
    assert reverse("memorials_admin:import_confirm", args=[uuid]) == f"/admin/memorials/import/{uuid}/confirm/"
    assert reverse("memorials_admin:import_errors", args=[uuid]) == f"/admin/memorials/import/{uuid}/errors/"


def test_upload_of_a_wrong_file_type_is_refused_in_chinese(admin_client):
    from memorials.models import ImportJob

    response = upload(admin_client, b"PK...", name="名录.xls")
    assert "只支持 .xlsx 和 .csv" in response.content.decode()
    assert not ImportJob.objects.exists()


def test_export_of_a_filtered_list_imports_back_unchanged(admin_client, write_file, cemetery):
    from memorials.importing import import_martyrs
    from memorials.models import MartyrRecord

    import_martyrs(write_file("a.csv", csv_bytes(ROWS)), publish=True)
    rows = [
        ["编号", "姓名", "籍贯", "出生年月", "牺牲年月", "生平事迹"],
        ["H-1", "黄继光", "四川中江", "1931", "1952年10月", "第一段\n第二段"],
        ["H-2", "某甲", "河北怀来", "1929年", "1948.5", ""],
    ]
    import_martyrs(write_file("b.csv", csv_bytes(rows)), publish=True)
    response = admin_client.get(
        "/admin/snippets/memorials/martyrrecord/", {"export": "csv", "native_province": "四川省"}
    )
    content = b"".join(response.streaming_content).decode("utf-8-sig")
    exported = list(csv.reader(io.StringIO(content)))
    assert exported[0][:4] == ["编号", "姓名", "性别", "民族"]
    assert [row[1] for row in exported[1:]] == ["黄继光"]
    assert "1952年10月" in exported[1] and "第一段\n第二段" in exported[1]

    before = {r.external_id: (r.death_display, r.birth_display, r.biography) for r in MartyrRecord.objects.all()}
    again = import_martyrs(write_file("export.csv", content.encode("utf-8")))
    assert again.updated == 1 and again.created == 0 and not again.errors and not again.unknown_columns
    after = {r.external_id: (r.death_display, r.birth_display, r.biography) for r in MartyrRecord.objects.all()}
    assert after == before


def test_export_as_xlsx_has_the_import_headers(admin_client, write_file, cemetery):
    from memorials.importing import import_martyrs

    import_martyrs(write_file("a.csv", csv_bytes(ROWS)), publish=True)
    response = admin_client.get("/admin/snippets/memorials/martyrrecord/", {"export": "xlsx"})
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).worksheets[0]
    header = [cell.value for cell in sheet[1]]
    assert header[:2] == ["编号", "姓名"] and "墓位" in header
    assert sheet.cell(row=2, column=header.index("墓位") + 1).value == "A区1排3号"


def listed(response):
    return re.findall(r'<span id="snippet_\d+_title">([^<]+)</span>', response.content.decode())


def test_staff_list_filter_search_and_edit_a_record_with_revisions(admin_client, write_file, cemetery):
    from memorials.importing import import_martyrs
    from memorials.models import MartyrRecord

    import_martyrs(write_file("a.csv", csv_bytes(ROWS)))
    record = MartyrRecord.objects.get()
    # The listing's rows, not the search box (which shows the query back).
    listing = admin_client.get("/admin/snippets/memorials/martyrrecord/", {"q": "杨根思", "live": "false"})
    assert listing.status_code == 200 and listed(listing) == ["杨根思"]
    published = admin_client.get("/admin/snippets/memorials/martyrrecord/", {"q": "杨根思", "live": "true"})
    assert listed(published) == []  # imported without --publish: waiting for review
    edit = admin_client.get(f"/admin/snippets/memorials/martyrrecord/edit/{record.pk}/")
    assert edit.status_code == 200
    assert admin_client.get("/admin/snippets/memorials/memorialfacility/").status_code == 200
    assert admin_client.get("/admin/memorials/import/").status_code == 200
