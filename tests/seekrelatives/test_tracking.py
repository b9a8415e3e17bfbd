"""The clue status page: the sender sees their clue's stage and exactly the messages staff sent
them — not internal notes, not what others were told, nothing personal. A wrong code or factor
reveals nothing, and guessing is rate limited per code and per address."""

import pytest

pytestmark = [pytest.mark.django_db, pytest.mark.plugin("seekrelatives")]


def track(client, campaign, code, factor):
    return client.post(campaign.url + "track/", {"code": code, "factor": factor})


@pytest.fixture
def two_senders(client, send_clue, sought, team_member, django_capture_on_commit_callbacks):
    """Two clues about one martyr (one case), accepted; a message to the first sender only and
    an internal note."""
    from django.test import Client

    from campaigns.seekrelatives import workflow
    from campaigns.seekrelatives.models import Clue
    from siteshell.moderation import service

    _response, first_code = send_clue(sought=sought.pk)
    _response, second_code = send_clue(
        client=Client(), sought=sought.pk, mobile="13600001111", submitter_name="刘春花", knowledge="同村老人提到过他。"
    )
    first, second = Clue.objects.order_by("pk")
    for clue in (first, second):
        service.approve(clue, team_member)
    case = first.case
    with django_capture_on_commit_callbacks(execute=True):
        workflow.send_message(case, [first], "请把那封信拍照上传，谢谢。", team_member)
        workflow.send_message(case, [second], "感谢您的线索，我们会联系村委会。", team_member)
        workflow.add_note(case, "内部：张卫国的信件内容与档案一致", team_member)
    return first_code, second_code


def test_the_status_page_shows_exactly_the_messages_meant_for_the_sender(client, campaign, two_senders):
    first_code, second_code = two_senders
    response = track(client, campaign, first_code, "5678")
    assert response.status_code == 200 and "no-store" in response["Cache-Control"]
    page = response.content.decode()
    assert "已受理" in page
    assert "已收到您提供的线索" in page and "请把那封信拍照上传，谢谢。" in page
    for other in ("感谢您的线索，我们会联系村委会。", "内部：", "信件内容与档案一致"):
        assert other not in page
    for personal in (
        "张卫国",
        "13912345678",
        "139****5678",
        "110101195003070021",
        "幸福村",
        "家里保存着他寄回的一封信",
    ):
        assert personal not in page
    # The other sender sees only theirs.
    page = track(client, campaign, second_code, "1111").content.decode()
    assert "感谢您的线索，我们会联系村委会。" in page and "请把那封信拍照上传" not in page


def test_the_shells_status_page_shows_the_same_for_a_clue(client, two_senders):
    first_code, _second = two_senders
    page = client.post("/track/", {"code": first_code, "factor": "5678"}).content.decode()
    assert "寻亲线索" in page and "请把那封信拍照上传，谢谢。" in page and "联系村委会" not in page


def test_a_wrong_code_or_factor_reveals_nothing(client, campaign, two_senders):
    first_code, _second = two_senders
    answers = [
        track(client, campaign, first_code, "0000").content.decode(),
        track(client, campaign, "K7QM-4XTP-9RA", "5678").content.decode(),
        track(client, campaign, "不是查询码", "5678").content.decode(),
    ]
    for page in answers:
        assert "查询码或验证信息不正确" in page
        assert "已受理" not in page and "请把那封信" not in page and "当前进度" not in page


def test_guessing_a_factor_is_stopped_per_code(client, campaign, two_senders, settings):
    from django.test import Client

    settings.NOTIFICATIONS_TRACK_CODE_RATE = "3/h"
    first_code, _second = two_senders
    for number in range(3):
        visitor = Client(REMOTE_ADDR=f"10.0.0.{number + 1}")
        assert track(visitor, campaign, first_code, f"000{number}").status_code == 200
    # From anywhere, even with the right factor now: the code rests.
    response = track(Client(REMOTE_ADDR="10.0.0.9"), campaign, first_code, "5678")
    assert response.status_code == 429 and int(response["Retry-After"]) > 0
    assert "查询次数过多" in response.content.decode() and "请把那封信" not in response.content.decode()


def test_lookups_from_one_address_are_limited(client, campaign, two_senders, settings):
    settings.NOTIFICATIONS_TRACK_RATE = "2/10m"
    first_code, _second = two_senders
    assert track(client, campaign, first_code, "5678").status_code == 200
    assert track(client, campaign, first_code, "5678").status_code == 200
    assert track(client, campaign, first_code, "5678").status_code == 429
