"""The campaign page: introduction, rules, live figures, the martyrs whose families are sought —
what is known of each and what is missing, linked to the record — filtered by province and
searched with the Chinese search service; the campaign in the navigation and on the home page."""

import pytest

pytestmark = [pytest.mark.django_db, pytest.mark.plugin("seekrelatives")]


@pytest.fixture
def listed(make_record, make_sought, sought):
    """Three entries: 王德胜 (四川), 李秀山 (山东, his death date and burial place unknown) and a
    draft (not public yet)."""
    li = make_record(
        name="李秀山",
        native_place="山东省沂南县",
        native_province="山东省",
        unit="华东野战军第9纵队",
        death_place="孟良崮",
    )
    make_sought(li, missing="入伍前的村名不详")
    from campaigns.seekrelatives.models import SoughtMartyr

    draft = SoughtMartyr(record=make_record(name="赵未审", native_province="河北省"), live=False)
    draft.save()
    return li


def test_the_page_lists_what_is_known_and_what_is_missing(client, campaign, listed, sought, martyr):
    page = client.get(campaign.url).content.decode()
    assert "帮烈士回家" in page and "提供线索不需要注册" in page
    assert "王德胜" in page and "李秀山" in page and "赵未审" not in page
    assert martyr.get_url() in page and f"clue/?martyr={sought.pk}" in page
    assert "志愿军第15军第45师" in page and "沈阳抗美援朝烈士陵园" in page and "亲属下落不明" in page
    section = page.split("李秀山")[1].split("</article>")[0]
    assert "尚缺：" in section and "牺牲时间、安葬地" in section and "入伍前的村名不详" in section
    assert "共 2 位烈士的亲属尚未找到" in page


def test_the_list_is_filtered_by_province(client, campaign, listed):
    page = client.get(campaign.url + "?province=山东省").content.decode()
    assert "李秀山" in page and "王德胜" not in page
    assert '<option value="山东省" lang="zh-hans" selected>' in page and "河北省" not in page
    # A province nobody on the list comes from is ignored, not an error.
    response = client.get(campaign.url + "?province=火星&page=999999999999999999999")
    assert response.status_code == 200 and "王德胜" in response.content.decode()


@pytest.mark.parametrize("query", ["李秀山", "lixiushan", "孟良崮", "沂南"])
def test_the_list_is_searched_in_chinese_and_pinyin(client, campaign, listed, query):
    page = client.get(campaign.url, {"q": query}).content.decode()
    assert "李秀山" in page and "王德胜" not in page


def test_a_search_with_nothing_found_says_so(client, campaign, listed):
    page = client.get(campaign.url, {"q": "不存在的名字"}).content.decode()
    assert "没有找到符合条件的烈士" in page


def test_the_record_page_of_a_sought_martyr_asks_for_clues(client, campaign, sought, martyr, make_record):
    page = client.get(martyr.get_url()).content.decode()
    assert "此烈士的亲属正在寻找中" in page and "提供线索" in page
    other = make_record(name="无关烈士")
    assert "此烈士的亲属正在寻找中" not in client.get(other.get_url()).content.decode()


def test_without_a_live_campaign_the_record_page_does_not_ask(client, campaign, sought, martyr):
    campaign.unpublish()
    assert "此烈士的亲属正在寻找中" not in client.get(martyr.get_url()).content.decode()


def test_the_campaign_is_in_the_navigation_and_on_the_home_page(client, campaign, sought):
    home = client.get("/").content.decode()
    assert f'href="{campaign.url}"' in home
    assert "仍在寻找亲属的烈士" in home and "王德胜" in home


def test_sought_martyrs_are_found_by_the_site_search(client, campaign, sought):
    from django.urls import reverse

    page = client.get(reverse("search:page"), {"q": "王德胜"}).content.decode()
    assert "寻亲烈士" in page


def test_staff_put_a_published_record_on_the_list_and_it_goes_through_review(client, campaign, make_record, staff_user):
    from campaigns.seekrelatives.models import SoughtMartyr

    draft_record = make_record(name="未公布", live=False)
    record = make_record(name="孙立功", native_province="河南省", native_place="河南省林县")
    client.force_login(staff_user("宣传干事"))
    url = "/admin/snippets/seekrelatives/soughtmartyr/add/"
    page = client.post(url, {"record": draft_record.pk, "missing": "", "appeal": ""}).content.decode()
    assert "请选择已公布的烈士档案" in page
    response = client.post(url, {"record": record.pk, "missing": "亲属下落不明", "appeal": "", "action-submit": "1"})
    assert response.status_code == 302
    entry = SoughtMartyr.objects.get(record=record)
    assert not entry.live and entry.current_workflow_task.name == "初审"
    assert "孙立功" not in client.get(campaign.url).content.decode()
