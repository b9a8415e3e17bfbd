"""Fixtures of the seek-relatives campaign (为烈士寻亲): the archive and its campaign page,
martyrs on the list, a clue sent through the public form, and the staff of 寻亲专班.

Every module here is marked ``plugin("seekrelatives")``: the folder name is the plugin's label
but the plugin lives in ``campaigns/seekrelatives``, so the suite's folder rule does not see it.
"""

import re

import pytest

CLUE = {
    "relationship": "nephew",
    "submitter_name": "张卫国",
    "mobile": "139 1234 5678",
    "id_number": "110101195003070021",
    "address": "示例省示例县幸福村5组",
    "knowledge": "我伯父1951年参军，家里保存着他寄回的一封信。",
    "consent": "on",
}


@pytest.fixture(autouse=True)
def private_files(settings, tmp_path):
    """Attachments in a folder of this test."""
    settings.SEEKRELATIVES_PRIVATE_ROOT = str(tmp_path / "private")
    return tmp_path / "private"


@pytest.fixture(autouse=True)
def sms_outbox(settings):
    from siteshell.notifications import sms

    settings.NOTIFICATIONS_SMS_BACKEND = "siteshell.notifications.sms.LocmemBackend"
    sms.outbox.clear()
    yield sms.outbox
    sms.outbox.clear()


@pytest.fixture(autouse=True)
def generous_form_rates(settings):
    """Several clues from one test client without meeting the CAPTCHA (its own tests lower them)."""
    settings.PUBLIC_FORM_RATES = {
        "seekrelatives.clue": {
            "visitor": "100/m",
            "address": "100/m",
            "captcha_visitor": "100/h",
            "captcha_address": "100/h",
        }
    }


@pytest.fixture(autouse=True)
def one_rate_window(monkeypatch):
    """django-ratelimit counts in fixed windows; a slow test must not cross into the next."""
    import time

    start = int(time.time())
    monkeypatch.setattr("django_ratelimit.core._get_window", lambda value, period: start + period)


@pytest.fixture
def archive(home_page):
    from memorials.models import MartyrArchivePage

    page = MartyrArchivePage(title="英名录", slug="martyrs", intro="缅怀英烈", per_page=10)
    home_page.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def make_record(db):
    from tests.memorials.factories import MartyrRecordFactory

    return MartyrRecordFactory


@pytest.fixture
def campaign(home_page, archive):
    from campaigns.seekrelatives.models import SeekRelativesCampaignPage

    page = SeekRelativesCampaignPage(
        title="为烈士寻亲", slug="xunqin", intro="<p>帮烈士回家</p>", rules="<p>提供线索不需要注册</p>"
    )
    home_page.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def make_sought(db):
    """``make_sought(record, **fields)``: a published entry of the list."""

    def make(record, **fields):
        from campaigns.seekrelatives.models import SoughtMartyr

        entry = SoughtMartyr(record=record, live=False, **fields)
        entry.save()
        entry.save_revision().publish()
        entry.refresh_from_db()
        return entry

    return make


@pytest.fixture
def martyr(make_record):
    return make_record(
        name="王德胜",
        native_place="四川省中江县",
        native_province="四川省",
        unit="志愿军第15军第45师",
        death_place="朝鲜上甘岭",
        burial_place="沈阳抗美援朝烈士陵园",
    )


@pytest.fixture
def sought(make_sought, martyr):
    return make_sought(martyr, missing="亲属下落不明", appeal="家乡旧称王家湾")


def tracking_code(html: str) -> str:
    return re.search(r'<strong class="tracking-code">([\w-]+)</strong>', html).group(1)


@pytest.fixture
def send_clue(client, campaign, django_capture_on_commit_callbacks):
    """``send_clue(**fields) -> (response, code)``: the public form posted by a visitor."""

    def send(client=client, **fields):
        url = campaign.url + "clue/"
        client.get(url)
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(url, {**CLUE, **fields})
        html = response.content.decode()
        match = re.search(r'<strong class="tracking-code">([\w-]+)</strong>', html)
        return response, match.group(1) if match else None

    return send


@pytest.fixture
def team_member(db, django_user_model):
    """A member of 寻亲专班 (the group the plugin declares, made by migrate)."""
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user("xunqin", "xunqin@example.gov.cn", "correct-horse-battery")
    user.groups.add(Group.objects.get(name="寻亲专班"))
    return user


@pytest.fixture
def staff_user(db, django_user_model):
    """``staff_user(group_name)``: a user in one of the shell's or the plugin's groups."""
    from django.contrib.auth.models import Group

    def make(group_name, username=None):
        user = django_user_model.objects.create_user(
            username or f"user-{Group.objects.get(name=group_name).pk}", f"{group_name}@example.gov.cn", "x" * 16
        )
        user.groups.add(Group.objects.get(name=group_name))
        return user

    return make
