"""A visitor finds upcoming talks as a list and as a month calendar, filtered by district,
audience and topic, without JavaScript; a phone gets the month as an agenda."""

import datetime
import re

import pytest
from django.utils import timezone

from tests.talks.conftest import at

pytestmark = [pytest.mark.django_db, pytest.mark.plugin("talks")]


def text(response):
    return response.content.decode()


def test_the_list_shows_upcoming_published_talks_soonest_first(client, talks_page, make_talk):
    now = timezone.now()
    make_talk(title="第二场", start=now + datetime.timedelta(days=5))
    make_talk(title="第一场", start=now + datetime.timedelta(days=1))
    make_talk(title="已经结束的宣讲", start=now - datetime.timedelta(days=2))
    make_talk(title="还在草稿里的宣讲", live=False)
    page = text(client.get("/talks/"))
    assert page.index("第一场") < page.index("第二场")
    assert "已经结束的宣讲" not in page and "还在草稿里的宣讲" not in page
    assert "近期共 2 场宣讲" in page


def test_filters_by_district_audience_and_topic_are_plain_links(client, talks_page, make_talk):
    make_talk(title="南湖区小学英烈故事", district="南湖区", audience="primary", topic="heroes")
    make_talk(title="东城区初中军营生活", district="东城区", audience="junior", topic="service")
    make_talk(title="南湖区社区国防知识", district="南湖区", audience="community", topic="defence")
    page = text(client.get("/talks/", {"district": "南湖区", "audience": "primary"}))
    assert "南湖区小学英烈故事" in page
    assert "东城区初中军营生活" not in page and "南湖区社区国防知识" not in page
    # The filter form is a GET form: the filtered list is a shareable address.
    assert re.search(r'<form class="talks-filter" method="get"', page)
    assert "东城区初中军营生活" in text(client.get("/talks/", {"topic": "service"}))


def test_a_filter_value_that_means_nothing_is_ignored_with_a_notice(client, talks_page, make_talk):
    make_talk(title="照常显示的宣讲")
    response = client.get("/talks/", {"audience": "kindergarten", "district": "火星区"})
    assert response.status_code == 200
    page = text(response)
    assert "照常显示的宣讲" in page
    assert "以下筛选条件无法识别，已忽略：区县、面向对象" in page


def test_the_month_calendar_puts_each_talk_on_its_day(client, talks_page, make_talk):
    talk = make_talk(title="五月十二日的宣讲", start=at(2031, 5, 12, 14, 30))
    make_talk(title="六月的宣讲", start=at(2031, 6, 3))
    response = client.get("/talks/calendar/2031/5/")
    assert response.status_code == 200
    page = text(response)
    assert "<caption>2031年5月</caption>" in page
    cell = re.search(
        r'<td[^>]*>\s*<time class="talks-calendar__day" datetime="2031-05-12">12</time>(.*?)</td>', page, re.S
    )
    assert cell and f'href="/talks/{talk.pk}/"' in cell.group(1) and "14:30" in cell.group(1)
    assert "六月的宣讲" not in page
    # The same month as an agenda (what a phone shows), with the day written out.
    agenda = page[page.index('class="talks-agenda"') :]
    assert "五月十二日的宣讲" in agenda and 'datetime="2031-05-12"' in agenda


def test_month_links_keep_the_filters_and_stop_at_the_calendar_edges(client, talks_page, make_talk):
    page = text(client.get("/talks/calendar/2031/1/", {"audience": "primary"}))
    assert 'href="/talks/calendar/2030/12/?audience=primary" rel="prev"' in page
    assert 'href="/talks/calendar/2031/2/?audience=primary" rel="next"' in page
    assert 'rel="next"' not in text(client.get("/talks/calendar/2100/12/"))
    assert client.get("/talks/calendar/2101/1/").status_code == 404
    assert client.get("/talks/calendar/2031/13/").status_code == 404


def test_the_calendar_filters_like_the_list(client, talks_page, make_talk):
    make_talk(title="高中国防课", audience="senior", start=at(2031, 5, 6))
    make_talk(title="小学英烈课", audience="primary", start=at(2031, 5, 7))
    page = text(client.get("/talks/calendar/2031/5/", {"audience": "senior"}))
    assert "高中国防课" in page and "小学英烈课" not in page


def test_a_cancelled_talk_stays_on_the_calendar_marked_as_cancelled(client, talks_page, make_talk):
    talk = make_talk(title="取消的宣讲", cancelled=True, cancel_reason="学校临时考试")
    list_page = text(client.get("/talks/"))
    assert "取消的宣讲" in list_page and "talk-badge--cancelled" in list_page
    detail = text(client.get(f"/talks/{talk.pk}/"))
    assert "本场宣讲已取消。" in detail and "学校临时考试" in detail


def test_a_talk_page_says_who_speaks_where_and_for_whom(client, talks_page, make_talk, make_speaker):
    speaker = make_speaker("陈国栋", role="抗美援朝老战士")
    talk = make_talk(
        title="上甘岭的日日夜夜", speakers=[speaker], school="西山区红星小学", start=at(2031, 5, 12, 9, 30)
    )
    page = text(client.get(f"/talks/{talk.pk}/"))
    assert "上甘岭的日日夜夜" in page and "陈国栋" in page and "抗美援朝老战士" in page
    assert "西山区红星小学" in page and "专场" in page
    assert f'href="/talks/{talk.pk}.ics"' in page
    assert 'datetime="2031-05-12T09:30:00+08:00"' in page


def test_a_talk_that_is_not_published_or_does_not_exist_is_not_found(client, talks_page, make_talk):
    draft = make_talk(live=False)
    for path in (f"/talks/{draft.pk}/", "/talks/999999/", "/talks/99999999999999999999/"):
        assert client.get(path).status_code == 404


def test_the_home_page_shows_the_next_talks(client, talks_page, make_talk):
    make_talk(title="首页上的下一场宣讲")
    make_talk(title="首页不显示取消的宣讲", cancelled=True)
    page = text(client.get("/"))
    assert "近期宣讲" in page and "首页上的下一场宣讲" in page
    assert "首页不显示取消的宣讲" not in page


def test_no_home_section_without_upcoming_talks(client, talks_page):
    assert "近期宣讲" not in text(client.get("/"))


def test_talk_pages_are_in_the_sitemap(client, talks_page, make_talk):
    talk = make_talk(title="在站点地图里的宣讲")
    draft = make_talk(live=False)
    assert "sitemap-talks-talks.xml" in text(client.get("/sitemap.xml"))
    sitemap = text(client.get("/sitemap-talks-talks.xml"))
    assert f"/talks/{talk.pk}/</loc>" in sitemap and f"/talks/{draft.pk}/</loc>" not in sitemap
