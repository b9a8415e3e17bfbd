"""A teacher finds national-defence lessons by grade band and topic (without JavaScript),
prints one on a clean A4 page with its source and date, downloads its file through the media
service, and finds it with a Chinese search; the 红星班 / 少年军校 pages list their schools."""

import datetime
import json

import pytest

pytestmark = [pytest.mark.django_db, pytest.mark.plugin("education")]


def text(response):
    assert response.status_code == 200
    return response.content.decode()


def test_resources_are_filtered_by_grade_and_topic_with_a_plain_form(client, make_resource):
    make_resource(title="初中英烈课", grade_band="junior", topic="heroes")
    make_resource(title="小学国旗课", grade_band="primary_lower", topic="tradition")
    make_resource(title="高中国防课", grade_band="senior", topic="defence", kind="reader")
    make_resource(title="未发布的草稿", live=False)
    page = text(client.get("/education/"))
    assert all(title in page for title in ("初中英烈课", "小学国旗课", "高中国防课"))
    assert "未发布的草稿" not in page
    assert '<form class="education-filter" method="get"' in page
    junior = text(client.get("/education/", {"grade": "junior"}))
    assert "初中英烈课" in junior and "小学国旗课" not in junior and "共 1 份资源" in junior
    assert "高中国防课" in text(client.get("/education/", {"topic": "defence", "kind": "reader"}))


def test_an_unknown_filter_value_is_ignored_with_a_notice(client, make_resource):
    make_resource(title="照常显示的资源")
    page = text(client.get("/education/", {"grade": "kindergarten"}))
    assert "照常显示的资源" in page and "以下筛选条件无法识别，已忽略：学段" in page


def test_a_resource_prints_on_a_clean_a4_page_with_its_source_and_date(client, make_resource):
    from django.contrib.staticfiles import finders

    resource = make_resource(source="示范市退役军人事务局", source_date=datetime.date(2026, 9, 1))
    page = text(client.get(resource.url))
    assert '<link rel="stylesheet" href="/static/education/css/print.css" media="print">' in page
    footer = page[page.index('class="resource-print-footer"') :]
    assert "来源：示范市退役军人事务局" in footer and "资料日期：2026年9月1日" in footer
    assert f"/education/{resource.slug}/" in footer  # the address, readable on paper (pinyin)
    assert resource.slug.startswith("zui-keai-de-ren-")
    stylesheet = open(finders.find("education/css/print.css"), encoding="utf-8").read()
    assert "size: A4" in stylesheet
    assert ".resource-print-footer { display: block" in stylesheet
    assert ".site-header" in stylesheet  # the site around the lesson stays off the paper
    # The print button is a static script (CSP), hidden until the script can print.
    assert "<li data-print-item hidden>" in page and 'src="/static/education/js/print.js" nonce=' in page


def test_a_lesson_plan_is_downloaded_through_the_media_service(client, make_resource):
    from media.demo import make_document

    document = make_document("认识国旗教案", lines=("Lesson plan",))
    resource = make_resource(attachment=document)
    page = text(client.get(resource.url))
    assert f'href="{document.url}"' in page and "下载文件（PDF）" in page
    download = client.get(document.url)
    assert download.status_code == 200 and download["Content-Type"] == "application/pdf"


def test_a_story_links_to_the_profiles_and_records_it_is_about(client, make_resource, home_page):
    from wagtail.models import Page

    other = Page.objects.get(pk=home_page.pk)
    resource = make_resource(
        kind="story",
        links=[{"page": other, "title": "相关人物页"}, {"path": "/martyrs/12/", "title": "英名录：黄继光"}],
    )
    page = text(client.get(resource.url))
    assert 'href="/"' in page and "相关人物页" in page
    assert 'href="/martyrs/12/"' in page and "英名录：黄继光" in page


def test_a_link_is_a_page_or_a_site_address_never_another_site(make_resource):
    from django.core.exceptions import ValidationError

    from campaigns.education.models import ResourceLink

    for fields in ({"path": "https://evil.example/"}, {"path": "//evil.example/"}, {}, {"path": "/x/"}):
        with pytest.raises(ValidationError):
            ResourceLink(title="" if fields.get("path") == "/x/" else "链接", **fields).clean()
    ResourceLink(path="/martyrs/12/", title="英名录").clean()


def test_a_programme_page_lists_its_schools_and_their_activities(client, education_page):
    from campaigns.education.models import ProgrammeSchool, SchoolProgrammePage

    page = SchoolProgrammePage(title="红星班", programme="red_star", intro="双拥和国防教育特色班级")
    page.schools.add(
        ProgrammeSchool(name="西山区红星小学", district="西山区", since_year=2021, activities="每月老兵讲故事")
    )
    page.schools.add(ProgrammeSchool(name="东城区红星小学", district="东城区", activities="老兵和同学们一起升国旗"))
    education_page.add_child(instance=page)
    page.save_revision().publish()
    html = text(client.get(page.url))
    assert "参与学校（2 所）" in html and "西山区红星小学" in html and "2021年创建" in html
    assert "老兵和同学们一起升国旗" in html
    assert "红星班" in text(client.get("/education/"))  # the index links its programmes


def test_resources_are_found_by_a_chinese_search(client, make_resource):
    make_resource(
        title="最可爱的人", body=json.dumps([{"type": "paragraph", "value": "<p>学习志愿军英雄黄继光的事迹。</p>"}])
    )
    make_resource(title="认识国旗", grade_band="primary_lower", summary="国旗的故事")
    page = text(client.get("/search/", {"q": "志愿军英雄"}))
    assert "最可爱的人" in page and "认识" not in page
    # Traditional characters find it too; the hit is highlighted.
    assert "认识<mark>国旗</mark>" in text(client.get("/search/", {"q": "國旗"}))


def test_the_home_page_features_lessons(client, make_resource):
    make_resource(title="推荐到首页的课", featured=True)
    make_resource(title="不推荐的课")
    page = text(client.get("/"))
    assert "推荐课程" in page and "推荐到首页的课" in page and "不推荐的课" not in page


def test_the_api_lists_resources_with_the_same_filters(client, make_resource):
    resource = make_resource(title="初中英烈课", grade_band="junior")
    make_resource(title="高中国防课", grade_band="senior")
    data = client.get("/api/education/resources", {"grade": "junior"}).json()
    assert [item["title"] for item in data["items"]] == ["初中英烈课"]
    assert data["items"][0]["grade_label"] == "初中"
    detail = client.get(f"/api/education/resources/{resource.pk}").json()
    assert detail["source"] == "示范市教育局" and "body_html" in detail
    assert client.get("/api/education/resources", {"grade": "kindergarten"}).status_code == 422
    assert client.get("/api/education/resources/99999999").status_code == 404


def test_the_demo_has_resources_for_each_grade_band_and_loads_once(client, home_page):
    import io

    from django.core.management.base import OutputWrapper
    from django.core.management.color import no_style

    from campaigns.education.choices import GradeBand
    from campaigns.education.demo import load_demo
    from campaigns.education.models import ResourcePage, SchoolProgrammePage
    from siteshell.plugins import DemoContext

    for _time in range(2):
        load_demo(DemoContext(home_page=home_page, stdout=OutputWrapper(io.StringIO()), style=no_style()))
    assert set(ResourcePage.objects.live().values_list("grade_band", flat=True)) == set(GradeBand.values)
    assert ResourcePage.objects.count() == 8 and SchoolProgrammePage.objects.count() == 2
    assert ResourcePage.objects.exclude(attachment=None).exists()
    assert text(client.get("/education/"))
