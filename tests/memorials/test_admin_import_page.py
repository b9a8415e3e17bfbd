"""The import page: a title, a template to download, a preview of how the good rows were read
before the import is confirmed; 编号 normalised; 籍贯 split with a gazetteer of prefectures."""

import csv
import io
import re
from html import unescape

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import load_workbook

from .conftest import csv_bytes

pytestmark = [pytest.mark.django_db, pytest.mark.plugin("memorials")]

IMPORT_URL = "/admin/memorials/import/"


def text_of(response):
    return unescape(re.sub(r"<[^>]+>", " ", response.content.decode()))


def upload(client, data, name="名录.csv"):
    return client.post(IMPORT_URL, {"file": SimpleUploadedFile(name, data), "publish": ""})


def test_the_import_page_has_a_title_and_offers_the_template(admin_client):
    response = admin_client.get(IMPORT_URL)
    body = response.content.decode()
    assert re.search(r"<h1[^>]*>\s*(<[^>]+>\s*)*导入烈士名录", body)
    assert "/admin/memorials/import/template.xlsx" in body and "/admin/memorials/import/template.csv" in body


def test_the_xlsx_template_has_every_column_and_one_example_row(admin_client):
    from memorials.columns import HEADERS

    response = admin_client.get(f"{IMPORT_URL}template.xlsx")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert "attachment" in response["Content-Disposition"]
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    rows = list(workbook.worksheets[0].iter_rows(values_only=True))
    assert list(rows[0]) == HEADERS
    assert len(rows) == 2 and rows[1][HEADERS.index("姓名")] == "王铁柱"
    assert workbook.worksheets[1].title == "填写说明"


def test_the_csv_template_opens_in_excel_and_its_example_is_never_imported(admin_client):
    from memorials.columns import HEADERS
    from memorials.models import ImportJob

    response = admin_client.get(f"{IMPORT_URL}template.csv")
    data = b"".join(response.streaming_content)
    assert data.startswith("\ufeff".encode())  # BOM: Excel reads the Chinese
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0] == HEADERS and len(rows) == 2

    # Uploaded as it is, the template finds no unknown column and refuses its example row.
    upload(admin_client, data, name="模板.csv")
    job = ImportJob.objects.get()
    assert (job.created_count, job.error_count) == (0, 1)
    assert "示例行" in job.errors[0]["reason"]
    assert not job.header_warnings


def test_unknown_template_format_is_not_found(admin_client):
    assert admin_client.get(f"{IMPORT_URL}template.xls").status_code == 404


def test_the_template_needs_the_import_permission(client, django_user_model):
    user = django_user_model.objects.create_user("visitor", "v@example.gov.cn", "pw", is_staff=True)
    client.force_login(user)
    assert client.get(f"{IMPORT_URL}template.xlsx").status_code in (302, 403)


def test_the_checked_file_shows_how_its_good_rows_were_read(admin_client):
    from memorials.models import ImportJob, MartyrRecord

    rows = [
        ["编号", "姓名", "籍贯", "牺牲年月", "墓位"],
        [" ａ－2026 01 ", "王铁柱", "山东临沂", "1948.11", "A-3-12"],
        ["B2", "", "四川中江", "1950", ""],  # no name: not among the good rows
        ["b-3", "李大山", "云南大理市", "1951年3月", ""],
    ]
    upload(admin_client, csv_bytes(rows))
    job = ImportJob.objects.get()
    response = admin_client.get(f"{IMPORT_URL}{job.uuid}/")
    body = text_of(response)
    assert re.search(r"<h1[^>]*>\s*(<[^>]+>\s*)*导入烈士名录", response.content.decode())
    assert "读取预览" in body
    # Row 2, cell by cell: as written, and as it will be imported.
    preview = body[body.index("读取预览") :]
    assert "第 2 行" in preview and "第 4 行" in preview and "第 3 行" not in preview
    assert "ａ－2026 01" in preview and "A-202601" in preview
    assert "省：山东省；市：临沂市" in preview
    assert "1948年11月" in preview and "A区3排12号" in preview
    assert "省：云南省；市：大理白族自治州；县：大理市" in preview
    assert not MartyrRecord.objects.exists()  # a preview writes nothing

    # Confirmed, the records are stored as the preview said.
    admin_client.post(f"{IMPORT_URL}{job.uuid}/confirm/")
    record = MartyrRecord.objects.get(name="王铁柱")
    assert record.external_id == "A-202601"
    assert (record.native_province, record.native_city, record.native_county) == ("山东省", "临沂市", "")
    assert MartyrRecord.objects.get(name="李大山").external_id == "B-3"


def test_codes_are_one_code_however_the_list_wrote_them(tmp_path):
    from memorials.importing import import_martyrs
    from memorials.models import MartyrRecord

    first = tmp_path / "a.csv"
    first.write_bytes(csv_bytes([["编号", "姓名"], ["a-001", "张三"]]))
    again = tmp_path / "b.csv"
    again.write_bytes(csv_bytes([["编号", "姓名"], ["Ａ－００１ ", "张三丰"]]))
    import_martyrs(first, publish=True)
    result = import_martyrs(again, publish=True)
    assert (result.created, result.updated) == (0, 1)
    assert list(MartyrRecord.objects.values_list("external_id", "name")) == [("A-001", "张三丰")]


@pytest.mark.parametrize(
    "written, parts",
    [
        ("山东临沂", ("山东省", "临沂市", "")),
        ("山东临沂兰山", ("山东省", "临沂市", "兰山")),
        ("山东省临沂市兰山区", ("山东省", "临沂市", "兰山区")),
        ("山东胶州市", ("山东省", "", "胶州市")),  # a county-level city, not a prefecture
        ("四川中江", ("四川省", "", "中江")),
        ("云南大理", ("云南省", "大理白族自治州", "")),
        ("云南大理市", ("云南省", "大理白族自治州", "大理市")),
        ("新疆和田县", ("新疆维吾尔自治区", "和田地区", "和田县")),
        ("辽宁本溪满族自治县", ("辽宁省", "本溪市", "本溪满族自治县")),
        ("吉林吉林", ("吉林省", "吉林市", "")),
        ("广西壮族自治区百色地区田东县", ("广西壮族自治区", "百色地区", "田东县")),
        ("山东省昌潍专区寿光县", ("山东省", "昌潍专区", "寿光县")),  # a former prefecture
        ("湖北襄樊", ("湖北省", "襄阳市", "")),  # its former name
        ("济南市历城区", ("山东省", "济南市", "历城区")),  # the province from the city
        ("察哈尔省怀来县", ("察哈尔省", "", "怀来县")),
        ("北京市海淀区", ("北京市", "北京市", "海淀区")),
    ],
)
def test_native_place_uses_the_gazetteer_of_prefectures(written, parts):
    from memorials.places import parse_native_place

    parsed = parse_native_place(written)
    assert (parsed.province, parsed.city, parsed.county) == parts


def test_the_gazetteer_covers_every_province_of_today():
    from memorials.places import PROVINCE_NAMES, prefectures

    gazetteer = prefectures()
    names = [entry.name for entries in gazetteer.values() for entry in entries]
    assert len(names) > 330 and "临沂市" in names and "延边朝鲜族自治州" in names and "阿拉善盟" in names
    others = {"北京市", "天津市", "上海市", "重庆市", "台湾省", "香港特别行政区", "澳门特别行政区"}
    today = [name for name in PROVINCE_NAMES[:34] if name not in others]
    assert all(gazetteer.get(name) for name in today)
