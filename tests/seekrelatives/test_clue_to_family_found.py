"""A clue from the public form to 认亲成功 and a published story: the visitor sends a clue about a
listed martyr and gets a code by SMS; 寻亲专班 accept it, verify, record the DNA sampling, compare
and confirm, telling the sender at the stages they choose; the family's written consent is
recorded; the story goes through 初审 → 终审 and appears on the campaign page and on the
martyr's record page, which no longer asks for clues."""

import pytest
from wagtail.models import WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

pytestmark = [pytest.mark.django_db, pytest.mark.plugin("seekrelatives")]


def case_url(case):
    return f"/admin/seekrelatives/cases/{case.pk}/"


def step(client, case, action, data, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(case_url(case), {"action": action, **data})
    assert response.status_code == 302, response.content.decode()[-3000:]
    case.refresh_from_db()
    return response


def track(client, campaign, code, factor="5678"):
    return client.post(campaign.url + "track/", {"code": code, "factor": factor}).content.decode()


def review_step(client, user, page, action="approve"):
    client.force_login(user)
    task_state = page.specific_deferred.current_workflow_task_state
    response = client.post(
        f"/admin/pages/workflow/action/{page.id}/{action}/{task_state.id}/",
        {"comment": ""},
        HTTP_X_REQUESTED_WITH="XMLHttpRequest",
    )
    assert response.status_code == 200, response.content.decode()[:500]


def test_a_clue_ends_in_a_family_found_and_a_published_story(
    client, campaign, sought, martyr, send_clue, team_member, staff_user, sms_outbox, django_capture_on_commit_callbacks
):
    from campaigns.seekrelatives.models import Clue, SuccessStoryPage

    # The record page asks for clues.
    record_page = client.get(martyr.get_url()).content.decode()
    assert "此烈士的亲属正在寻找中" in record_page and f"clue/?martyr={sought.pk}" in record_page

    # The visitor sends a clue and is given a code, on the page and by SMS.
    response, code = send_clue(sought=sought.pk)
    assert response.status_code == 200 and code
    assert "no-store" in response["Cache-Control"]
    (sms,) = sms_outbox
    assert sms.phone == "13912345678" and code in sms.text
    clue = Clue.objects.get()
    case = clue.case
    assert case.record == martyr and case.stage == "received" and clue.is_pending
    assert "已收到，等待受理" in track(client, campaign, code)

    # 寻亲专班 work the case.
    client.force_login(team_member)
    page = client.get(case_url(case)).content.decode()
    assert "139****5678" in page and "13912345678" not in page  # masked until revealed
    step(client, case, "decide", {"item": f"clue-{clue.pk}", "decision": "approve"}, django_capture_on_commit_callbacks)
    clue.refresh_from_db()
    assert clue.is_accepted
    step(
        client,
        case,
        "assign",
        {"assignee": team_member.pk, "deadline": "2030-01-31"},
        django_capture_on_commit_callbacks,
    )
    assert case.assignee == team_member
    sms_outbox.clear()
    step(
        client,
        case,
        "stage",
        {"target": "verifying", "notify": "on", "message": "我们正在核实，近期会给您打电话。", "clues": [clue.pk]},
        django_capture_on_commit_callbacks,
    )
    assert case.stage == "verifying"
    assert len(sms_outbox) == 1 and "核实中" in sms_outbox[0].text
    # Without a sampling date there is no DNA stage.
    response = client.post(case_url(case), {"action": "stage", "target": "dna", "message": ""})
    assert "请先在“DNA比对”中填写采样日期" in response.content.decode()
    step(
        client,
        case,
        "dna",
        {"dna_sampled_on": "2026-03-02", "dna_lab": "示例司法鉴定中心", "dna_lab_reference": "SJ-2026-118"},
        django_capture_on_commit_callbacks,
    )
    sms_outbox.clear()
    step(
        client, case, "stage", {"target": "dna", "message": "", "clues": [clue.pk]}, django_capture_on_commit_callbacks
    )
    assert case.stage == "dna" and case.dna_started_at is not None
    assert sms_outbox == []  # "notify" left unticked: the sender is not told of this stage
    sms_outbox.clear()
    step(
        client,
        case,
        "stage",
        {"target": "confirmed", "notify": "on", "message": "", "clues": [clue.pk]},
        django_capture_on_commit_callbacks,
    )
    assert case.stage == "confirmed" and case.confirmed_at is not None
    assert len(sms_outbox) == 1

    # The sender sees the stage and the two messages meant for them.
    client.logout()
    status = track(client, campaign, code)
    assert (
        "认亲成功" in status and "经DNA比对确认，烈士的亲属已经找到。衷心感谢您的帮助！" in status
    )  # the standard words
    assert "我们正在核实，近期会给您打电话。" in status

    # The family's written consent, then the story draft.
    client.force_login(team_member)
    step(
        client,
        case,
        "consent",
        {"story_consent_on": "2026-04-01", "story_consent_reference": "TY-2026-007"},
        django_capture_on_commit_callbacks,
    )
    response = client.post(case_url(case), {"action": "story"})
    story = SuccessStoryPage.objects.get(case=case)
    assert response.status_code == 302 and response["Location"] == f"/admin/pages/{story.pk}/edit/"
    assert not story.live and story.record == martyr

    # A writer writes it and submits it; 初审 and 终审 approve it.
    writer, first, final = (
        staff_user("宣传干事", "writer"),
        staff_user("初审员", "first"),
        staff_user("终审员", "final"),
    )
    client.force_login(writer)
    data = nested_form_data(
        {
            "title": story.title,
            "slug": story.slug,
            "summary": "烈士的侄子找到了伯父的安葬地。",
            "body": rich_text("<p>清明前夕，烈士的侄子第一次来到陵园祭扫。</p>"),
            "comments": inline_formset([]),
            "action-submit": "1",
        }
    )
    response = client.post(f"/admin/pages/{story.pk}/edit/", data)
    assert response.status_code == 302, response.content.decode()[-3000:]
    assert WorkflowState.objects.for_instance(story).filter(status="in_progress").exists()
    review_step(client, first, story)
    review_step(client, final, story)
    story.refresh_from_db()
    assert story.live

    # The campaign page and the record page show the story; the record no longer asks for clues.
    client.logout()
    campaign_page = client.get(campaign.url).content.decode()
    assert (
        story.title in campaign_page
        and "王德胜" not in campaign_page.split("正在寻找亲属的烈士")[1].split("寻亲成功故事")[0]
    )
    record_page = client.get(martyr.get_url()).content.decode()
    assert story.url in record_page and "此烈士的亲属正在寻找中" not in record_page
