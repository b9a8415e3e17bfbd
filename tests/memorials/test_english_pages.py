"""A visitor who chose English reads the martyr archive in English: the list and its filters, a
record, the correction form, a memorial facility and the home page's 英名录 section, in normal
and in elder mode. What the records hold (names, places, units, battles, biographies, facility
names and addresses) keeps its Chinese and says so with ``lang="zh-hans"``.

The rule is ``tests.utils.english_page_problems`` (see ``tests/shell/test_english_pages.py``).
The Chinese site reads exactly as before: partial dates, grave positions and decades are
formatted through the catalogue, and only the English one differs.
"""

import datetime
import functools
import re
from pathlib import Path

import pytest
from django.utils import translation

from tests.utils import cjk_outside_user_content, english_page_problems

pytestmark = pytest.mark.django_db

D = datetime.date

#: Normal and elder-friendly display (the header's 关怀模式, remembered in a cookie).
DISPLAY_MODES = [pytest.param({}, id="normal"), pytest.param({"elder_mode": "1"}, id="elder-mode")]


@pytest.fixture(params=DISPLAY_MODES)
def visitor(request, client):
    """A client in one of the display modes (the language is set by ``english_page_problems``)."""
    for name, value in request.param.items():
        client.cookies[name] = value
    return client


def english(client, url, **params):
    """What is wrong with ``url`` (with query ``params``) in English, after checking it was served."""
    assert client.get(url, params).status_code == 200
    return english_page_problems(client, url, data=params)


def in_english(client, url, **params):
    """The page's HTML as a visitor who chose English reads it."""
    client.cookies["django_language"] = "en"
    try:
        return client.get(url, params).content.decode()
    finally:
        del client.cookies["django_language"]


def text_of(html):
    """The page's text with the markup taken out (``Section <span lang>东</span>`` → ``Section 东``)."""
    return " ".join(re.sub(r"<[^>]+>", "", html).split())


@pytest.fixture
def huang(archive, make_record, cemetery, settings, tmp_path):
    """黄继光 with everything a record page can show: a portrait and a gallery (caption, source),
    dates known to the year, the month and the day, a grave in the cemetery, a biography and
    sources."""
    from media.demo import make_image
    from memorials.models import MartyrRecordPhoto

    settings.MEDIA_ROOT = tmp_path / "media"
    record = make_record(
        external_id="E-1",
        name="黄继光",
        gender="male",
        ethnicity="汉族",
        birth_date=D(1931, 1, 1),
        birth_precision="year",
        enlistment_date=D(1951, 3, 1),
        enlistment_precision="month",
        death_date=D(1952, 10, 20),
        death_precision="day",
        native_place="四川省中江县",
        unit="中国人民志愿军第15军第45师第135团第2营",
        position="通讯员",
        death_place="朝鲜上甘岭",
        battle="上甘岭战役",
        burial_place="示范市烈士陵园",
        facility=cemetery,
        grave_section="3",
        grave_row="2",
        grave_number="5",
        certificate_number="军烈字第0001号",
        biography="<p>用身体堵住敌人的机枪射孔。</p>",
        sources="公开报道\n地方志第12页",
        photo=make_image("遗像", seed="english-portrait", alt_text="黄继光烈士遗像"),
    )
    tomb = make_image("墓碑", seed="english-tomb", alt_text="黄继光烈士墓碑")
    MartyrRecordPhoto.objects.create(
        record=record, image=tomb, caption="烈士墓碑，2019年摄", source="烈士亲属提供", sort_order=0
    )
    return record


@pytest.fixture
def archive_in_full(archive, huang, make_record, cemetery):
    """The archive with 黄继光, a record known to the month in a grave section named in Chinese,
    and enough others across provinces, periods and decades to page through (10 a page)."""
    make_record(
        external_id="E-2",
        name="董存瑞",
        native_place="察哈尔省怀来县",
        death_date=D(1948, 5, 1),
        death_precision="month",
        battle="隆化战斗",
        facility=cemetery,
        grave_section="东",
        grave_row="1",
        grave_number="12",
    )
    make_record(
        external_id="E-3",
        name="杨根思",
        native_place="江苏省泰兴县",
        death_date=D(1950, 11, 29),
        death_precision="day",
        death_place="朝鲜长津湖地区",
        battle="长津湖战役",
    )
    for number in range(22):
        make_record(
            external_id=f"E-G{number:02d}",
            name=f"河南烈士{number:02d}",
            native_place="河南省",
            death_date=D(1940 + number % 10, 1, 1),
            death_precision="year",
        )
    return archive


# -- the list and its filters ---------------------------------------------------------------------


def test_the_archive_in_english(visitor, archive_in_full):
    assert english(visitor, archive_in_full.url) == []


@pytest.mark.parametrize(
    "params",
    [
        pytest.param({"province": "四川省"}, id="province"),
        pytest.param({"period": "korea"}, id="period"),
        pytest.param({"decade": "1950"}, id="decade"),
        pytest.param({"battle": "上甘岭战役", "name": "黄继光"}, id="battle-and-name"),
        pytest.param({"province": "河南省", "decade": "1940", "period": "anti-japanese"}, id="three-filters"),
        pytest.param({"province": "西藏自治区"}, id="nothing-matches"),
        pytest.param({"period": "bogus", "decade": "1234"}, id="values-not-understood"),
        pytest.param({"province": "火星", "period": "korea"}, id="an-unknown-province-and-a-good-period"),
    ],
)
def test_the_archive_filtered_in_english(visitor, archive_in_full, params):
    assert english(visitor, archive_in_full.url, **params) == []


def test_the_archive_filtered_by_facility_in_english(visitor, archive_in_full, cemetery):
    assert english(visitor, archive_in_full.url, facility=str(cemetery.pk)) == []


def test_a_deep_keyset_page_in_english(visitor, archive_in_full):
    html = in_english(visitor, archive_in_full.url)
    after = re.search(r'rel="next" href="\?after=(\d+)"', html).group(1)
    second = in_english(visitor, archive_in_full.url, after=after)
    after = re.search(r'rel="next" href="\?after=(\d+)"', second).group(1)
    last = in_english(visitor, archive_in_full.url, after=after)
    assert "Previous page" in last and "First page" in last and 'rel="next"' not in last

    assert english(visitor, archive_in_full.url, after=after) == []
    before = re.search(r'rel="prev" href="\?before=(\d+)"', last).group(1)
    assert english(visitor, archive_in_full.url, before=before) == []


def test_a_capped_count_in_english(visitor, archive_in_full, monkeypatch):
    from memorials import pagination

    monkeypatch.setattr("memorials.views.approximate_count", functools.partial(pagination.approximate_count, cap=5))
    monkeypatch.setattr("memorials.views.ArchiveBrowse.known_count", lambda browse: None)  # not counted ahead
    assert "more than 5 martyrs" in in_english(visitor, archive_in_full.url)
    assert english(visitor, archive_in_full.url) == []


def test_the_english_list_reads_well(client, archive_in_full):
    html = in_english(client, archive_in_full.url, province="察哈尔省")
    assert "Results 1 martyr 董存瑞" in text_of(html)
    assert "Died: May 1948" in html
    assert 'Native place: <span lang="zh-hans">察哈尔省怀来县</span>' in html
    assert '<option value="korea">War to Resist US Aggression and Aid Korea</option>' in html
    assert '<option value="1950">1950s</option>' in html
    assert '<option value="四川省" lang="zh-hans">四川省</option>' in html
    assert '<option value="察哈尔省" selected lang="zh-hans">察哈尔省</option>' in html


def test_a_value_not_understood_is_reported_in_english(client, archive_in_full):
    html = in_english(client, archive_in_full.url, period="bogus")
    assert "These filters were not understood and are ignored:" in html
    assert "<li>Historical period: Select a valid choice. bogus is not one of the available choices.</li>" in html
    html = in_english(client, archive_in_full.url, province="火星")
    assert '<li>Native province: Select a valid choice. <span lang="zh-hans">火星</span> is not one' in html


def test_the_chinese_list_is_unchanged(client, archive_in_full):
    html = client.get(archive_in_full.url, {"province": "察哈尔省", "period": "bogus"}).content.decode()
    assert "<span>牺牲：1948年5月</span>" in html
    assert '<option value="1950">1950年代</option>' in html
    assert '<option value="korea">抗美援朝战争</option>' in html
    assert "共 1 位" in html
    assert "<li>历史时期：" in html and "以下筛选条件无效，已忽略：" in html


# -- a record ---------------------------------------------------------------------------------------


def test_a_record_in_english(visitor, huang):
    assert english(visitor, huang.get_url()) == []


def test_a_record_without_dates_or_grave_in_english(visitor, archive, make_record):
    record = make_record(name="无名烈士")
    assert english(visitor, record.get_url()) == []


def test_the_english_record_reads_well(client, huang):
    html = in_english(client, huang.get_url())
    assert (
        '<h1 id="record-name" lang="zh-hans">黄继光 <span class="memorials-record__title" lang="en">Martyr</span></h1>'
        in html
    )
    assert '<p class="memorials-record__life">1931 — 20 October 1952</p>' in html
    assert "<dt>Date of enlistment</dt><dd>March 1951</dd>" in html
    assert "<dt>Gender</dt><dd>Male</dd>" in html
    assert '<dt>Native place</dt><dd lang="zh-hans">四川省中江县</dd>' in html
    assert "<dt>Grave</dt><dd>Section 3, Row 2, No. 5</dd>" in html
    assert 'Source: <span lang="zh-hans">烈士亲属提供</span>' in html
    assert 'alt="QR code of this martyr record\'s page"' in html
    # The description is what the record holds, in Chinese, and says so.
    assert (
        '<meta name="description" content="黄继光烈士档案，四川省中江县人，1952年10月20日牺牲" lang="zh-hans">' in html
    )


def test_the_chinese_record_is_unchanged(client, huang):
    html = client.get(huang.get_url()).content.decode()
    assert '<p class="memorials-record__life">1931年 — 1952年10月20日</p>' in html
    assert "<dt>入伍年月</dt><dd>1951年3月</dd>" in html
    assert "<dt>墓位</dt><dd>3区2排5号</dd>" in html
    assert "<dt>性别</dt><dd>男</dd>" in html
    assert 'alt="黄继光烈士档案页面的二维码"' in html
    assert (
        '<meta name="description" content="黄继光烈士档案，四川省中江县人，1952年10月20日牺牲" lang="zh-hans">' in html
    )


# -- the correction form ----------------------------------------------------------------------------


def correction_url(record):
    return record.get_url() + "correction/"


def test_the_correction_form_in_english(visitor, huang):
    assert english(visitor, correction_url(huang)) == []


def test_the_correction_form_with_errors_in_english(visitor, huang):
    visitor.cookies["django_language"] = "en"
    response = visitor.post(correction_url(huang), {"field": "death", "proposed_value": "1952年13月"})
    del visitor.cookies["django_language"]
    html = response.content.decode()
    assert response.status_code == 200 and "There is no month 13" in html
    assert cjk_outside_user_content(html) == []

    visitor.cookies["django_language"] = "en"
    html = visitor.post(correction_url(huang), {"field": ""}).content.decode()
    del visitor.cookies["django_language"]
    assert "Choose what needs correcting" in html and "Enter the correction you propose" in html
    assert cjk_outside_user_content(html) == []


def test_the_correction_sent_in_english(visitor, huang):
    assert english(visitor, correction_url(huang), sent="1") == []


def test_a_correction_sent_from_the_english_site_keeps_the_record_as_the_lists_write_it(client, huang):
    from memorials.models import MartyrCorrection

    client.cookies["django_language"] = "en"
    client.post(correction_url(huang), {"field": "death", "proposed_value": "1952年10月21日"})
    client.post(correction_url(huang), {"field": "gender", "proposed_value": "female"})
    death, gender = MartyrCorrection.objects.order_by("pk")
    assert death.current_value == "1952年10月20日"  # what staff compare with, in the lists' notation
    assert gender.current_value == "男"


# -- a memorial facility ----------------------------------------------------------------------------


def test_a_facility_in_english(visitor, archive_in_full, cemetery):
    cemetery.phone = "0000-12345678"
    cemetery.description = "<p>本市安葬烈士最多的烈士陵园。</p>"
    cemetery.save()
    assert english(visitor, cemetery.get_url()) == []


def test_a_facility_without_martyrs_in_english(visitor, archive, make_facility):
    hall = make_facility(name="刘胡兰纪念馆", kind="hall", level="national", address="山西省文水县")
    assert english(visitor, hall.get_url()) == []


def test_the_english_facility_page_reads_well(client, archive_in_full, cemetery, settings):
    settings.MAP_TILE_URL = "https://tiles.example.gov.cn/{z}/{x}/{y}.png"  # the map is drawn
    html = in_english(client, cemetery.get_url())
    assert "<dt>Type</dt><dd>Martyrs&#x27; cemetery</dd>" in html
    assert "<dt>Protection level</dt><dd>Municipal</dd>" in html
    assert '<dt>Address</dt><dd lang="zh-hans">示范市英雄路1号</dd>' in html
    assert "Coordinates: 36.650000, 117.000000" in html
    assert 'data-name="示范市烈士陵园" data-name-lang="zh-hans"' in html
    assert "Martyrs buried here 2 martyrs" in text_of(html)
    # A section written in Chinese keeps its language inside the English grave position.
    assert 'Grave: Section <span lang="zh-hans">东</span>, Row 1, No. 12' in html
    assert "Grave: Section 3, Row 2, No. 5" in html


def test_staff_see_the_label_sheets_of_each_section_in_english(admin_client, archive_in_full, cemetery):
    assert english(admin_client, cemetery.get_url()) == []
    html = in_english(admin_client, cemetery.get_url())
    assert "Print QR labels for the graves of a section: " in html
    assert '>Section 3</a> · <a href="' in html and '>Section <span lang="zh-hans">东</span></a>' in html


def test_a_label_sheet_in_english(admin_client, archive_in_full, cemetery):
    url = cemetery.get_url() + "labels/"
    assert english(admin_client, url, section="3") == []
    html = in_english(admin_client, url, section="东")
    assert '<html lang="en">' in html and "1 label." in html and "Scan to pay tribute" in html
    assert "<title>示范市烈士陵园 Section 东 · Grave QR labels</title>" in html
    assert 'Section <span lang="zh-hans">东</span>, Row 1, No. 12' in html
    assert "?—May 1948" in html
    assert cjk_outside_user_content(html) == []


def test_the_chinese_label_sheet_is_unchanged(admin_client, archive_in_full, cemetery):
    html = admin_client.get(cemetery.get_url() + "labels/", {"section": "东"}).content.decode()
    assert '<html lang="zh-hans">' in html and "东区1排12号" in html and "?—1948年5月" in html
    assert "<title>示范市烈士陵园 东区 · 墓位二维码标签</title>" in html


# -- the home page ----------------------------------------------------------------------------------


def test_the_home_page_section_in_english(visitor, archive_in_full):
    assert english(visitor, "/") == []
    html = in_english(visitor, "/")
    assert 'id="home-section-memorials-archive">Roll of Honour</h2>' in html
    assert re.search(
        r'<h3 class="card__title" lang="zh-hans">河南烈士21</h3>\s*<p class="card__meta"><span lang="zh-hans">河南省</span> · died 1941</p>',
        html,
    )


# -- what the catalogue formats ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("precision", "chinese", "english"),
    [("year", "1952年", "1952"), ("month", "1952年10月", "October 1952"), ("day", "1952年10月5日", "5 October 1952")],
)
def test_partial_dates_in_each_language(precision, chinese, english):
    from memorials.dates import format_partial_date, partial_date_notation

    with translation.override("zh-hans"):
        assert format_partial_date(D(1952, 10, 5), precision) == chinese
    with translation.override("en"):
        assert format_partial_date(D(1952, 10, 5), precision) == english
        assert partial_date_notation(D(1952, 10, 5), precision) == chinese  # exports read back


@pytest.mark.parametrize(
    ("parts", "chinese", "english"),
    [
        (("3", "2", "5"), "3区2排5号", "Section 3, Row 2, No. 5"),
        (("", "2", "5"), "2排5号", "Row 2, No. 5"),
        (("A", "", "12"), "A区12号", "Section A, No. 12"),
        (("", "", "7"), "7号", "No. 7"),
        (("", "", ""), "", ""),
    ],
)
def test_grave_positions_in_each_language(parts, chinese, english):
    from memorials.graves import format_grave, grave_notation

    with translation.override("zh-hans"):
        assert format_grave(*parts) == chinese
    with translation.override("en"):
        assert format_grave(*parts) == english
        assert grave_notation(*parts) == chinese


def test_decades_and_periods_in_each_language():
    from memorials.filters import decade_choices
    from memorials.periods import WarPeriod

    assert ("1950", "1950年代") in list(decade_choices("zh-hans"))
    assert ("1950", "1950s") in list(decade_choices("en"))
    with translation.override("en"):
        assert str(WarPeriod.KOREA.label) == "War to Resist US Aggression and Aid Korea"
    assert str(WarPeriod.KOREA.label) == "抗美援朝战争"


def test_date_errors_in_each_language():
    from memorials.dates import PartialDateError, parse_partial_date

    for language, message in [("zh-hans", "月份13不存在"), ("en", "There is no month 13")]:
        with translation.override(language), pytest.raises(PartialDateError, match=message):
            parse_partial_date("1952年13月")


def test_an_export_from_the_english_admin_keeps_the_lists_notation(huang):
    from memorials.exporter import export_row

    with translation.override("en"):
        row = export_row(huang)
    assert (row["birth"], row["enlistment"], row["death"]) == ("1931年", "1951年3月", "1952年10月20日")
    assert row["grave"] == "3区2排5号" and row["gender"] == "男"


# -- staff: import errors, groups ---------------------------------------------------------------------


def test_import_errors_are_translated_but_the_error_file_keeps_the_headers_the_importer_reads(tmp_path):
    import openpyxl

    from memorials.importing import MartyrImporter, write_error_file

    source = tmp_path / "list.csv"
    source.write_text("编号,姓名,牺牲年月,墓位\nX-1,,1952年13月,A区3排12号\n", encoding="utf-8")
    with translation.override("en"):
        result = MartyrImporter(source, "list.csv", dry_run=True).run()
        [error] = result.errors
        assert error.reason == "The name is empty; Date of death: There is no month 13"
        output = tmp_path / "list.errors.xlsx"
        with open(output, "wb") as handle:
            write_error_file(result, handle, "xlsx")
    sheet = openpyxl.load_workbook(output).worksheets[0]
    assert sheet.title == "Rows with errors"
    assert [cell.value for cell in sheet[1]] == ["编号", "姓名", "牺牲年月", "墓位", "错误原因", "原行号"]


def test_staff_who_read_the_admin_in_english_import_in_english(admin_client, superuser, settings, tmp_path):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from wagtail.users.models import UserProfile

    from memorials.models import ImportJob

    settings.MEDIA_ROOT = tmp_path
    profile = UserProfile.get_for_user(superuser)
    profile.preferred_language = "en"
    profile.save()
    rows = "编号,姓名,牺牲年月,备注\nX-1,,1952年13月,a\nX-2,张三,1950年,b\n".encode()
    admin_client.post("/admin/memorials/import/", {"file": SimpleUploadedFile("list.csv", rows)})
    job = ImportJob.objects.get()
    html = admin_client.get(f"/admin/memorials/import/{job.uuid}/").content.decode()
    assert "list.csv · Checked, awaiting confirmation" in html
    assert "Would add: 1, update: 0; rows with problems: 1 (they will not be imported)." in html
    assert "Column not recognised (it will be ignored): 备注" in html
    assert "<td>The name is empty; Date of death: There is no month 13</td>" in html

    error_file = b"".join(admin_client.get(f"/admin/memorials/import/{job.uuid}/errors/").streaming_content)
    assert error_file.decode("utf-8-sig").splitlines()[0] == "编号,姓名,牺牲年月,备注,错误原因,原行号"


@pytest.mark.parametrize(
    ("language", "import_help", "export_help"),
    [
        ("zh-hans", "导入烈士名录", "只导出已发布的档案"),
        ("en", "Import a martyr list", "Export published records only"),
    ],
)
def test_the_commands_explain_themselves_in_the_operators_language(language, import_help, export_help):
    from memorials.management.commands import export_martyrs, import_martyrs

    with translation.override(language):
        assert import_help in import_martyrs.Command().create_parser("manage.py", "import_martyrs").format_help()
        assert export_help in export_martyrs.Command().create_parser("manage.py", "export_martyrs").format_help()


def test_the_import_command_reports_in_english_to_an_english_operator(tmp_path):
    import io

    from django.core.management import call_command

    source = tmp_path / "list.csv"
    source.write_text("编号,姓名,牺牲年月,备注\nX-1,,1952年13月,a\nX-2,张三,1950年,b\n", encoding="utf-8")
    out = io.StringIO()
    with translation.override("en"):
        call_command("import_martyrs", str(source), "--dry-run", "--no-progress", stdout=out)
    report = out.getvalue()
    assert "Column not recognised (ignored): 备注" in report
    assert "Would add: 1, would update: 0, blank rows: 0, rows with errors: 1." in report
    assert "Row 2: The name is empty; Date of death: There is no month 13" in report
    assert cjk_outside_user_content(f"<p>{report.replace('备注', '')}</p>") == []


def test_staff_groups_are_stored_in_chinese_whatever_the_language(db):
    from django.contrib.auth.models import Group

    from siteshell.groups import sync_staff_groups

    with translation.override("en"):
        sync_staff_groups()
    names = set(Group.objects.values_list("name", flat=True))
    assert {"烈士档案管理员", "初审员", "终审员"} <= names
    assert not names & {"Martyr archive managers", "First reviewers", "Final approvers"}


# -- the API ----------------------------------------------------------------------------------------


def test_the_api_is_described_in_the_visitors_language_per_request(client, huang):
    chinese = client.get("/api/openapi.json").json()["paths"]
    assert chinese["/api/memorials/records"]["get"]["summary"] == "已公布的烈士档案（按编号顺序，游标分页）"

    client.cookies["django_language"] = "en"
    english_paths = client.get("/api/openapi.json").json()["paths"]
    assert (
        english_paths["/api/memorials/records"]["get"]["summary"]
        == "Published martyr records (in ID order, paged by cursor)"
    )
    assert english_paths["/api/memorials/records/{record_id}"]["get"]["summary"] == "One published martyr record"
    assert english_paths["/api/memorials/facilities"]["get"]["summary"] == "Memorial facilities"
    assert english_paths["/api/memorials/records"]["get"]["description"].startswith("The same filters as the Roll")

    del client.cookies["django_language"]
    assert client.get("/api/openapi.json").json()["paths"] == chinese


def test_api_errors_follow_the_visitors_language(client, huang):
    client.cookies["django_language"] = "en"
    answer = client.get("/api/memorials/records", {"period": "bogus", "limit": "10"})
    assert answer.status_code == 400
    assert answer.json()["detail"].startswith("period has an invalid value; valid values: old-democratic, ")
    assert client.get("/api/memorials/records", {"limit": "0"}).json()["detail"] == "limit must be between 1 and 100"

    del client.cookies["django_language"]
    answer = client.get("/api/memorials/records", {"period": "bogus"})
    assert answer.json()["detail"].startswith("period 取值无效，可选：old-democratic、")


def test_api_values_are_data_in_every_language(client, huang):
    client.cookies["django_language"] = "en"
    record = client.get(f"/api/memorials/records/{huang.pk}").json()
    assert (record["death"], record["grave"], record["death_precision"]) == ("1952年10月20日", "3区2排5号", "day")


# -- the catalogue ------------------------------------------------------------------------------------


def catalogue_entries(path):
    """``[(context, msgid, [msgstr, …], flags)]`` of a .po file (what makemessages writes)."""
    entries, entry, field = [], None, None
    for line in Path(path).read_text(encoding="utf-8").splitlines() + [""]:
        if not line.strip():
            if entry and entry["msgid"]:
                entries.append((entry.get("msgctxt"), entry["msgid"], entry["msgstr"], entry["flags"]))
            entry, field = None, None
            continue
        entry = entry or {"msgid": "", "msgstr": [], "flags": []}
        if line.startswith("#,"):
            entry["flags"] += [flag.strip() for flag in line[2:].split(",")]
        elif line.startswith("#"):
            continue
        elif line.startswith('"'):
            value = line[1:-1].encode().decode("unicode_escape").encode("latin-1").decode()
            if field == "msgstr":
                entry["msgstr"][-1] += value
            else:
                entry[field] += value
        else:
            keyword, _space, value = line.partition(" ")
            value = value[1:-1].encode().decode("unicode_escape").encode("latin-1").decode()
            if keyword.startswith("msgstr"):
                field = "msgstr"
                entry["msgstr"].append(value)
            else:
                field = keyword
                entry[keyword] = value
    return entries


def test_every_string_of_the_archive_has_its_english_translation_compiled():
    import gettext

    import memorials

    folder = Path(memorials.__file__).parent / "locale" / "en" / "LC_MESSAGES"
    entries = catalogue_entries(folder / "django.po")
    assert len(entries) > 300
    assert [msgid for _c, msgid, _s, flags in entries if "fuzzy" in flags] == []
    assert [msgid for _c, msgid, strings, _f in entries if not all(strings)] == []

    compiled = gettext.GNUTranslations(open(folder / "django.mo", "rb"))
    for context, msgid, strings, _flags in entries:
        key = f"{context}\x04{msgid}" if context else msgid
        assert compiled._catalog.get(key, compiled._catalog.get((key, 0))) == strings[0], msgid
