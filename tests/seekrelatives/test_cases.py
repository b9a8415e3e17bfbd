"""Cases: clues about one martyr are one case; stages move only as the rules allow, each step is
logged; staff regroup clues (move, merge, link a record); the inbox review of a clue shows no
personal data."""

import pytest
from django.test import Client
from wagtail.log_actions import registry as log_registry

pytestmark = [pytest.mark.django_db, pytest.mark.plugin("seekrelatives")]


def actions(case):
    return [entry.action for entry in log_registry.get_logs_for_instance(case).order_by("timestamp", "id")]


def test_two_clues_about_one_martyr_are_grouped_into_one_case(send_clue, sought, martyr):
    from campaigns.seekrelatives.models import Clue, ClueCase

    send_clue(sought=sought.pk)
    send_clue(client=Client(), sought=sought.pk, mobile="13600001111", submitter_name="刘春花")
    first, second = Clue.objects.order_by("pk")
    assert first.case == second.case and ClueCase.objects.count() == 1
    assert first.case.record == martyr and first.case.reference.startswith("XQ")
    assert actions(first.case) == ["seekrelatives.clue_received", "seekrelatives.clue_received"]


def test_clues_about_a_martyr_not_listed_are_grouped_by_name(send_clue, campaign):
    from campaigns.seekrelatives.models import Clue

    send_clue(martyr_name="郑长生")
    send_clue(client=Client(), martyr_name="郑 长生", mobile="13600001111")  # typed with a space
    send_clue(client=Client(), martyr_name="郑常生", mobile="13600002222")
    cases = [clue.case_id for clue in Clue.objects.order_by("pk")]
    assert cases[0] == cases[1] != cases[2]


def test_a_new_clue_after_a_failed_case_opens_a_new_case(send_clue, sought, team_member):
    from campaigns.seekrelatives import workflow
    from campaigns.seekrelatives.models import Clue

    send_clue(sought=sought.pk)
    case = Clue.objects.get().case
    workflow.change_stage(case, "verifying", team_member)
    workflow.change_stage(case, "not_matched", team_member)
    send_clue(client=Client(), sought=sought.pk, mobile="13600001111")
    assert Clue.objects.order_by("pk").last().case != case


def test_stages_move_only_as_the_rules_allow(send_clue, sought, team_member):
    from campaigns.seekrelatives import workflow
    from campaigns.seekrelatives.models import Clue

    send_clue(sought=sought.pk)
    case = Clue.objects.get().case
    with pytest.raises(workflow.CaseError, match="不能从“已受理”转到“认亲成功”"):
        workflow.change_stage(case, "confirmed", team_member)
    workflow.change_stage(case, "verifying", team_member)
    with pytest.raises(workflow.CaseError, match="采样日期"):
        workflow.change_stage(case, "dna", team_member)
    with pytest.raises(workflow.CaseError, match="比对结果日期不能早于采样日期"):
        workflow.record_dna(case, team_member, sampled_on=_date(5), lab="", lab_reference="", result_on=_date(1))
    workflow.record_dna(case, team_member, sampled_on=_date(1), lab="鉴定中心", lab_reference="A-1", result_on=None)
    workflow.change_stage(case, "dna", team_member)
    workflow.change_stage(case, "closed", team_member)
    assert case.closed_at is not None and Clue.objects.get().closed_at is not None
    workflow.change_stage(case, "verifying", team_member)  # reopened with new information
    assert case.closed_at is None and Clue.objects.get().closed_at is None
    assert actions(case)[1:] == [
        "seekrelatives.stage",
        "seekrelatives.dna",
        "seekrelatives.stage",
        "seekrelatives.stage",
        "seekrelatives.stage",
    ]


def _date(day):
    import datetime

    return datetime.date(2026, 3, day)


def test_staff_move_a_clue_merge_cases_and_link_a_record(client, send_clue, sought, martyr, team_member):
    from campaigns.seekrelatives.models import Clue

    send_clue(martyr_name="王得胜")  # the name misspelt: a case of its own
    send_clue(client=Client(), sought=sought.pk, mobile="13600001111")
    unlisted, listed = Clue.objects.order_by("pk")
    assert unlisted.case != listed.case
    client.force_login(team_member)
    # Linking the record identifies the martyr: the case is merged into the record's case.
    response = client.post(f"/admin/seekrelatives/cases/{unlisted.case_id}/", {"action": "link", "record": martyr.pk})
    assert response.status_code == 302
    old_case = unlisted.case
    unlisted.refresh_from_db()
    old_case.refresh_from_db()
    assert unlisted.case == listed.case and old_case.merged_into == listed.case
    assert "seekrelatives.case_merged" in actions(listed.case)
    # A clue may be taken out into a case of its own.
    response = client.post(
        f"/admin/seekrelatives/cases/{listed.case_id}/", {"action": "move", "clue": unlisted.pk, "target": ""}
    )
    assert response.status_code == 302
    unlisted.refresh_from_db()
    assert unlisted.case != listed.case and unlisted.case.record == martyr
    # An unknown case number is said so.
    page = client.post(
        f"/admin/seekrelatives/cases/{listed.case_id}/", {"action": "merge", "target": "XQ1999-00001"}
    ).content.decode()
    assert "没有编号为“XQ1999-00001”的案件" in page


def test_a_clue_is_reviewed_in_the_inbox_without_its_sender(client, send_clue, sought, staff_user):
    from campaigns.seekrelatives.models import Clue

    send_clue(sought=sought.pk)
    clue = Clue.objects.get()
    client.force_login(staff_user("留言审核员"))
    listing = client.get("/admin/moderation/seekrelatives.clue/").content.decode()
    assert "关于王德胜烈士的线索" in listing
    review = client.get(f"/admin/moderation/seekrelatives.clue/{clue.pk}/").content.decode()
    assert "我伯父1951年参军" in review  # the clue is what is moderated
    for personal in ("张卫国", "13912345678", "139****5678", "110101195003070021", "幸福村"):
        assert personal not in review
    response = client.post(f"/admin/moderation/seekrelatives.clue/{clue.pk}/", {"decision": "reject", "reason": "广告"})
    assert response.status_code == 302
    clue.refresh_from_db()
    assert clue.moderation_status == "rejected" and clue.closed_at is not None


def test_not_accepting_a_clue_tells_the_sender_so(client, campaign, send_clue, sought, team_member):
    from campaigns.seekrelatives.models import Clue

    _response, code = send_clue(sought=sought.pk)
    clue = Clue.objects.get()
    client.force_login(team_member)
    page = client.post(
        f"/admin/seekrelatives/cases/{clue.case_id}/",
        {"action": "decide", "item": f"clue-{clue.pk}", "decision": "reject"},
    ).content.decode()
    assert "不予受理时请填写理由" in page
    client.post(
        f"/admin/seekrelatives/cases/{clue.case_id}/",
        {"action": "decide", "item": f"clue-{clue.pk}", "decision": "reject", "reason": "与烈士无关"},
    )
    client.logout()
    status = client.post(campaign.url + "track/", {"code": code, "factor": "5678"}).content.decode()
    assert "未予受理" in status and "与烈士无关" not in status and "补充信息或上传材料" not in status
