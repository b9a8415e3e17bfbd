"""寄语: up to 300 characters and an optional signature, pre-moderated in the shell's inbox with
the word screening; approved ones appear in the hall, newest first, each with a 举报 link. The
visitor is told “已提交，审核通过后展示” and never loses what they wrote to an error."""

import re

import pytest
from bs4 import BeautifulSoup
from django.test import Client

from tests.tributes.conftest import hall_path

pytestmark = [pytest.mark.django_db, pytest.mark.plugin("tributes")]

TEXT = "英雄永垂不朽！我们会好好学习，把您守护的祖国建设得更好。"


def post_message(client, record, text=TEXT, signature="示范市实验中学初二学生", **extra):
    return client.post(f"/tributes/{record.pk}/message/", {"text": text, "signature": signature, **extra})


def post_wreath(client, record, organisation="示范市第二中学团委", text="英烈千古"):
    return client.post(f"/tributes/{record.pk}/wreath/", {"organisation": organisation, "text": text})


def approve(item):
    from siteshell.moderation import service

    return service.approve(item, None)


def textarea(response, name):
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    return soup.find("textarea", attrs={"name": name}).get_text().strip()


def test_a_message_is_shown_only_once_approved(visitor, martyr):
    from memorials.tributes.models import TributeMessage

    response = post_message(visitor, martyr)
    assert response.status_code == 303
    page = visitor.get(response["Location"]).content.decode()
    assert "已提交，审核通过后展示" in page and TEXT not in page
    message = TributeMessage.objects.get()
    assert message.is_pending and message.signature == "示范市实验中学初二学生"
    approve(message)
    page = visitor.get(hall_path(martyr)).content.decode()
    assert TEXT in page and f'id="message-{message.pk}"' in page and "/report/" in page


def test_an_approval_refreshes_the_cached_hall(new_visitor, martyr, page_cache, django_capture_on_commit_callbacks):
    from memorials.tributes.models import TributeMessage

    post_message(new_visitor(), martyr)
    reader = new_visitor()
    assert TEXT not in reader.get(hall_path(martyr)).content.decode()
    assert reader.get(hall_path(martyr))["X-Page-Cache"] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        approve(TributeMessage.objects.get())
    response = reader.get(hall_path(martyr))
    assert response["X-Page-Cache"] == "miss" and TEXT in response.content.decode()


def test_a_screened_word_marks_the_message_for_the_moderator(visitor, martyr, settings):
    from memorials.tributes.models import TributeMessage
    from siteshell.screening.models import SensitiveWord, WordCategory

    settings.SCREENING_CHECK_SECONDS = None
    SensitiveWord.objects.get_or_create(word="歪曲英烈事迹", defaults={"category": WordCategory.INSULT})
    assert post_message(visitor, martyr, text="这些都是歪曲英烈事迹的说法").status_code == 303
    message = TributeMessage.objects.get()
    assert message.screening_flagged and not message.bulk_approvable and message.is_pending
    assert "歪曲英烈事迹" not in visitor.get(hall_path(martyr)).content.decode()


def test_the_messages_wait_in_the_shells_inbox(visitor, martyr, admin_client):
    post_message(visitor, martyr)
    inbox = admin_client.get("/admin/moderation/tributes.tributemessage/").content.decode()
    assert "给黄继光烈士的寄语" in inbox


def test_a_message_too_long_is_refused_and_kept(visitor, martyr):
    from memorials.tributes.models import TributeMessage

    long_text = "缅怀" * 151
    response = post_message(visitor, martyr, text=long_text)
    assert response.status_code == 200
    assert "寄语过长，请控制在300字以内" in response.content.decode()
    assert textarea(response, "text") == long_text
    assert not TributeMessage.objects.exists()


def test_a_visitor_sending_too_many_is_stopped_and_keeps_the_text(visitor, new_visitor, martyr, settings):
    from memorials.tributes.models import TributeMessage

    settings.PUBLIC_FORM_RATES = {"tributes.message": {"visitor": "2/10m", "address": "2/10m", "captcha_visitor": None}}
    visitor.get(hall_path(martyr))
    assert [post_message(visitor, martyr, text=f"寄语{n}").status_code for n in range(2)] == [303, 303]
    response = post_message(visitor, martyr, text="第三条寄语，请保留")
    assert response.status_code == 429 and "提交过于频繁" in response.content.decode()
    assert textarea(response, "text") == "第三条寄语，请保留"
    assert TributeMessage.objects.count() == 2
    assert post_message(new_visitor(), martyr).status_code == 303  # someone else is not affected


def test_a_bot_filling_the_honeypot_gets_the_thanks_and_stores_nothing(visitor, martyr):
    from memorials.tributes.models import TributeMessage

    response = post_message(visitor, martyr, website="http://spam.example")
    assert response.status_code == 303 and not TributeMessage.objects.exists()


def test_a_wreath_counts_at_once_and_shows_the_organisation_after_moderation(visitor, martyr):
    from memorials.tributes import counters
    from memorials.tributes.models import TributeMessage

    response = post_wreath(visitor, martyr)
    assert response.status_code == 303 and response["Location"].endswith("?sent=wreath#tributes-wreath")
    page = visitor.get(response["Location"]).content.decode()
    assert "单位名称经审核后展示" in page and "示范市第二中学团委" not in page
    assert counters.hall(martyr.pk).wreath == 1
    wreath = TributeMessage.objects.get()
    assert wreath.kind == "wreath" and wreath.moderation_title() == "示范市第二中学团委向黄继光烈士敬献花篮"
    approve(wreath)
    assert "示范市第二中学团委" in visitor.get(hall_path(martyr)).content.decode()


def test_a_wreath_is_offered_on_a_page_of_its_own_and_needs_the_organisations_name(visitor, martyr):
    hall = visitor.get(hall_path(martyr)).content.decode()
    assert f'href="/tributes/{martyr.pk}/wreath/"' in hall
    page = visitor.get(f"/tributes/{martyr.pk}/wreath/").content.decode()
    assert "为黄继光烈士敬献花篮" in page and 'name="organisation"' in page
    response = post_wreath(visitor, martyr, organisation=" ", text="英烈千古，永垂不朽")
    assert response.status_code == 200 and "请填写敬献单位" in response.content.decode()
    assert textarea(response, "text") == "英烈千古，永垂不朽"


def test_approved_messages_are_newest_first_and_paged(visitor, martyr, settings):
    import datetime

    from django.utils import timezone

    from memorials.tributes.models import TributeMessage

    settings.TRIBUTES_MESSAGES_PER_PAGE = 2
    now = timezone.now()
    for number in range(5):
        TributeMessage.objects.create(
            record_id=martyr.pk,
            text=f"第{number}条寄语",
            moderation_status="approved",
            submitted_at=now - datetime.timedelta(hours=5 - number),
        )
    first = visitor.get(hall_path(martyr)).content.decode()
    assert re.findall(r"第(\d)条寄语", first) == ["4", "3"]
    assert "第1页，共3页" in first
    last = visitor.get(hall_path(martyr), {"page": "3"}).content.decode()
    assert re.findall(r"第(\d)条寄语", last) == ["0"]
    assert "第1页" in visitor.get(hall_path(martyr), {"page": "abc"}).content.decode()


def test_a_hall_with_messages_switched_off_shows_none_and_keeps_what_was_typed(visitor, martyr):
    from memorials.tributes.models import HallSettings, TributeMessage

    TributeMessage.objects.create(record_id=martyr.pk, text="已通过的寄语", moderation_status="approved")
    HallSettings.objects.create(record_id=martyr.pk, messages_open=False, note="受到攻击")
    page = visitor.get(hall_path(martyr)).content.decode()
    assert "已通过的寄语" not in page and "写下寄语" not in page and "暂不展示和接受寄语" in page
    response = post_message(visitor, martyr, text="想说的话")
    assert response.status_code == 200 and "想说的话" in response.content.decode()
    assert TributeMessage.objects.count() == 1
    assert visitor.get(f"/api/tributes/halls/{martyr.pk}/messages").json()["items"] == []


def test_switching_messages_off_refreshes_the_cached_hall(new_visitor, martyr, page_cache):
    from memorials.tributes.models import HallSettings

    reader = new_visitor()
    reader.get(hall_path(martyr))
    assert reader.get(hall_path(martyr))["X-Page-Cache"] == "hit"
    HallSettings.objects.create(record_id=martyr.pk, messages_open=False)
    assert "暂不展示和接受寄语" in reader.get(hall_path(martyr)).content.decode()


def test_two_visitors_post_from_the_same_cached_hall_page(martyr, page_cache):
    from memorials.tributes.models import TributeMessage

    for number in range(2):
        browser = Client(enforce_csrf_checks=True, REMOTE_ADDR=f"10.5.5.{number}")
        page = browser.get(hall_path(martyr))
        assert page["X-Page-Cache"] == ("miss" if number == 0 else "hit")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.content.decode()).group(1)
        response = post_message(browser, martyr, text=f"访客{number}的寄语", csrfmiddlewaretoken=token)
        assert response.status_code == 303
    assert sorted(TributeMessage.objects.values_list("text", flat=True)) == ["访客0的寄语", "访客1的寄语"]
