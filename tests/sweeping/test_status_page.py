"""The family's status page: the tracking code and the last four digits of the mobile show the
request; anything else shows nothing, always the same message, and is rate limited. Photos are
reachable only through the links that page gives, to the visitor who opened it, for a while."""

import re

import pytest
from django.core import signing
from django.test import Client

from .conftest import status_page

pytestmark = pytest.mark.django_db

WRONG = "查询码或验证信息不正确，请核对后重新输入。"


@pytest.fixture
def done(submitted, advance):
    sweeping_request, code = submitted
    return advance(sweeping_request, "done"), code


def photo_links(page):
    return re.findall(r'<img src="(/sweeping/status/photo/[^"]+/)"', page)


def test_the_right_code_and_last_four_digits_show_the_request(client, submitted):
    _request, code = submitted
    page = status_page(client, code).content.decode()
    assert "为黄继光烈士代为祭扫" in page and "已收到，待受理" in page and "示范市烈士陵园" in page
    # Nothing of the family's own: no name, number, ID or e-mail; the code is not repeated.
    for personal in ("黄建国", "13900138000", '8000"', "hjg@example.com", code):
        assert personal not in page


@pytest.mark.parametrize("wrong", ["code", "factor", "malformed", "empty"])
def test_a_wrong_code_or_wrong_digits_reveal_nothing(client, submitted, wrong):
    _request, code = submitted
    code_typed, factor = {
        "code": ("K7QM-4XTP-9RA", "8000"),
        "factor": (code, "0008"),
        "malformed": ("<script>", "8000"),
        "empty": ("", ""),
    }[wrong]
    response = status_page(client, code_typed, factor)
    page = response.content.decode()
    assert response.status_code == 200 and "黄继光" not in page and "已收到" not in page
    if wrong != "empty":
        assert WRONG in page
    assert "no-store" in response["Cache-Control"]


def test_the_shell_status_page_shows_the_steps_but_not_the_photos(client, done):
    _request, code = done
    page = client.post("/track/", {"code": code, "factor": "8000"}).content.decode()
    assert "代为祭扫申请" in page and "工作人员已完成祭扫" in page
    assert "/sweeping/status/photo/" not in page and "已擦拭墓碑" not in page


def test_too_many_lookups_from_one_address_are_refused_for_a_while(submitted, settings):
    settings.NOTIFICATIONS_TRACK_RATE = "5/10m"
    settings.PUBLIC_FORM_RATES = {"sweeping.status": {"captcha_visitor": None, "captcha_address": None}}
    _request, code = submitted
    visitor = Client()
    answers = [status_page(visitor, "K7QM-4XTP-9RA", "1234").status_code for _ in range(5)]
    assert answers == [200] * 5
    refused = status_page(visitor, code)  # even the right pair, now
    assert refused.status_code == 429 and int(refused["Retry-After"]) > 0
    assert "黄继光" not in refused.content.decode() and "查询次数过多" in refused.content.decode()


def test_guessing_the_digits_of_one_code_is_stopped_from_any_address(submitted, settings):
    settings.NOTIFICATIONS_TRACK_CODE_RATE = "3/h"
    settings.PUBLIC_FORM_RATES = {"sweeping.status": {"captcha_visitor": None, "captcha_address": None}}
    _request, code = submitted
    for number, digits in enumerate(("0001", "0002", "0003")):
        assert status_page(Client(REMOTE_ADDR=f"10.0.0.{number}"), code, digits).status_code == 200
    refused = status_page(Client(REMOTE_ADDR="10.0.0.9"), code, "8000")
    assert refused.status_code == 429 and "黄继光" not in refused.content.decode()


def test_the_limits_are_shared_with_the_shell_status_page(submitted, settings):
    settings.NOTIFICATIONS_TRACK_RATE = "4/10m"
    settings.PUBLIC_FORM_RATES = {
        "sweeping.status": {"captcha_visitor": None, "captcha_address": None},
        "notifications.track": {"captcha_visitor": None, "captcha_address": None},
    }
    _request, code = submitted
    visitor = Client()
    for _ in range(2):
        visitor.post("/track/", {"code": "K7QM-4XTP-9RA", "factor": "1234"})
        status_page(visitor, "K7QM-4XTP-9RA", "1234")
    assert status_page(visitor, code).status_code == 429


def test_wrong_pairs_bring_a_captcha(submitted):
    _request, code = submitted
    visitor = Client()
    visitor.get("/sweeping/status/")  # the page shown first: the visitor has their cookie
    for _ in range(3):
        status_page(visitor, "K7QM-4XTP-9RA", "1234")
    page = status_page(visitor, code).content.decode()
    assert "验证码" in page and "黄继光" not in page


def test_photos_are_shown_once_the_sweeping_is_done(client, submitted, advance):
    sweeping_request, code = submitted
    advance(sweeping_request, "scheduled")
    assert photo_links(status_page(client, code).content.decode()) == []
    advance(sweeping_request, "done")
    assert len(photo_links(status_page(client, code).content.decode())) == 1


def test_a_photo_link_does_not_work_in_another_browser(client, done):
    _request, code = done
    (link,) = photo_links(status_page(client, code).content.decode())
    assert client.get(link).status_code == 200
    assert Client(REMOTE_ADDR="10.7.7.7").get(link).status_code == 404


def test_a_photo_link_expires(client, done, settings):
    _request, code = done
    (link,) = photo_links(status_page(client, code).content.decode())
    settings.SWEEPING_PHOTO_LINK_SECONDS = -1
    assert client.get(link).status_code == 404


def test_photos_cannot_be_reached_by_guessing(client, done):
    from memorials.sweeping.models import SweepingPhoto

    photo = SweepingPhoto.objects.get()
    guesses = [
        f"/sweeping/status/photo/{photo.pk}/",
        "/sweeping/status/photo/" + signing.dumps({"p": photo.pk, "r": photo.request_id, "v": "x"}, salt="other") + "/",
        "/sweeping/status/photo/" + "A" * 60 + "/",
        "/media/" + photo.image.name,
        "/media/sweeping/" + photo.image.name,
    ]
    for guess in guesses:
        assert client.get(guess).status_code == 404, guess


def test_a_link_from_a_request_not_done_yet_shows_nothing(client, submitted, advance, done):
    """A token is bound to its request: a link made while photos were shown stops working when
    they no longer are (a request sent back after a mistaken completion, say)."""
    from memorials.sweeping.models import Status, SweepingRequest

    sweeping_request, code = done
    (link,) = photo_links(status_page(client, code).content.decode())
    SweepingRequest.objects.filter(pk=sweeping_request.pk).update(status=Status.SCHEDULED)
    assert client.get(link).status_code == 404


def test_staff_of_the_facility_see_the_photos_in_the_admin(client, done, staff, other_staff):
    from memorials.sweeping.models import SweepingPhoto

    sweeping_request, _code = done
    photo = SweepingPhoto.objects.get()
    url = f"/admin/sweeping/{sweeping_request.pk}/photos/{photo.pk}/"
    assert client.get(url).status_code in (302, 403)  # anonymous: to the login
    client.force_login(other_staff)
    assert client.get(url).status_code == 404
    client.force_login(staff)
    assert client.get(url).status_code == 200
