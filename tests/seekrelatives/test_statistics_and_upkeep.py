"""Statistics for staff (clues per week, time to a first answer, to DNA, to 认亲成功; a CSV
without personal data), reminders of deadlines, and the personal data's end: erased two years
after the case ended, attachments with it."""

import datetime
import io

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.utils import timezone

pytestmark = [pytest.mark.django_db, pytest.mark.plugin("seekrelatives")]


@pytest.fixture
def worked_case(send_clue, sought, team_member, django_capture_on_commit_callbacks):
    """A clue answered after 2 days, in DNA comparison after 5, confirmed after 9."""
    from campaigns.seekrelatives import workflow
    from campaigns.seekrelatives.models import Clue, ClueCase
    from siteshell.moderation import service

    send_clue(sought=sought.pk)
    clue = Clue.objects.get()
    start = timezone.now() - datetime.timedelta(days=20)
    Clue.objects.filter(pk=clue.pk).update(submitted_at=start)
    clue.refresh_from_db()
    service.approve(clue, team_member)
    with django_capture_on_commit_callbacks(execute=True):
        workflow.send_message(clue.case, [clue], "我们收到了", team_member)
    case = clue.case
    workflow.change_stage(case, "verifying", team_member)
    workflow.record_dna(
        case, team_member, sampled_on=datetime.date(2026, 3, 1), lab="中心", lab_reference="A", result_on=None
    )
    workflow.change_stage(case, "dna", team_member)
    workflow.change_stage(case, "confirmed", team_member)
    Clue.objects.filter(pk=clue.pk).update(first_answer_at=start + datetime.timedelta(days=2))
    ClueCase.objects.filter(pk=case.pk).update(
        dna_started_at=start + datetime.timedelta(days=5), confirmed_at=start + datetime.timedelta(days=9)
    )
    return case


def test_the_durations_and_the_weekly_counts(worked_case):
    from campaigns.seekrelatives import statistics

    found = {item.label: (item.count, item.median_days) for item in statistics.durations()}
    assert found == {
        "从收到线索到首次答复": (1, 2.0),
        "从收到线索到DNA比对": (1, 5.0),
        "从收到线索到认亲成功": (1, 9.0),
    }
    weekly = statistics.clues_per_week()
    assert len(weekly) == statistics.WEEKS and sum(count for _week, count in weekly) == 1


def test_the_csv_export_has_no_personal_data(client, worked_case, staff_user):
    client.force_login(staff_user("站点管理员"))
    response = client.get("/admin/seekrelatives/statistics/")
    assert "从收到线索到认亲成功" in response.content.decode()
    response = client.get("/admin/seekrelatives/statistics/clues.csv")
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    header, row = text.splitlines()[:2]
    assert header.startswith("线索编号,案件编号,烈士")
    fields = row.split(",")
    assert fields[1:3] == [worked_case.reference, "王德胜"]
    assert (fields[8], fields[10], fields[12]) == ("2", "5", "9")  # days to answer, to DNA, to 认亲成功
    for personal in ("张卫国", "13912345678", "110101195003070021", "幸福村", "寄回的一封信"):
        assert personal not in text


def test_officers_are_reminded_of_deadlines_once_a_day(worked_case, team_member, django_capture_on_commit_callbacks):
    from campaigns.seekrelatives import workflow
    from campaigns.seekrelatives.models import ClueCase

    workflow.change_stage(worked_case, "closed", team_member)  # finished: never reminded
    team_member.first_name = "欧阳海燕"  # 姓名, in one field (siteshell.staff)
    team_member.save()
    other = ClueCase.objects.create(martyr_name="名单外烈士")
    workflow.assign(other, team_member, timezone.localdate() + datetime.timedelta(days=1), team_member)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("seekrelatives_daily", stdout=io.StringIO())
        call_command("seekrelatives_daily", stdout=io.StringIO())
    (message,) = mail.outbox
    assert message.to == ["xunqin@example.gov.cn"] and other.reference in message.body
    assert worked_case.reference not in message.body
    assert message.body.startswith("欧阳海燕，您好：")


def test_personal_data_and_attachments_end_with_the_retention(
    client, campaign, send_clue, sought, team_member, private_files, django_capture_on_commit_callbacks
):
    import re

    from campaigns.seekrelatives import workflow
    from campaigns.seekrelatives.models import Clue

    response, _code = send_clue(sought=sought.pk)
    token = re.search(r'name="token" value="([^"]+)"', response.content.decode()).group(1)
    client.post(
        campaign.url + "add/",
        {"token": token, "text": "补充", "files": [SimpleUploadedFile("a.pdf", b"%PDF-1.4\n%%EOF\n")]},
    )
    clue = Clue.objects.get()
    stored = private_files / clue.attachments.get().stored_name
    assert stored.exists()
    workflow.change_stage(clue.case, "closed", team_member)
    Clue.objects.filter(pk=clue.pk).update(closed_at=timezone.now() - datetime.timedelta(days=731))
    with django_capture_on_commit_callbacks(execute=True):
        call_command("erase_expired_personal_data", stdout=io.StringIO())
        call_command("seekrelatives_daily", "--no-reminders", stdout=io.StringIO())
    clue.refresh_from_db()
    assert (clue.mobile, clue.id_number, clue.address, clue.submitter_name, clue.knowledge) == ("", "", "", "", "")
    assert clue.personal_data_erased_at is not None and not stored.exists()
    assert not clue.attachments.exists() and clue.additions.get().text == ""


def test_an_officer_sees_their_cases_near_the_deadline_on_the_dashboard(client, team_member, staff_user):
    from campaigns.seekrelatives import workflow
    from campaigns.seekrelatives.models import ClueCase

    case = ClueCase.objects.create(martyr_name="名单外烈士")
    workflow.assign(case, team_member, timezone.localdate() - datetime.timedelta(days=1), team_member)
    client.force_login(team_member)
    dashboard = client.get("/admin/").content.decode()
    assert "我承办的寻亲案件" in dashboard and case.reference in dashboard and "（已逾期）" in dashboard
    client.force_login(staff_user("宣传干事"))
    assert "我承办的寻亲案件" not in client.get("/admin/").content.decode()
