"""Public corrections (纠错): they wait in the moderation inbox; an accepted one becomes a draft
revision of the record that goes through 初审 → 终审 before the public sees it."""

import datetime

import pytest

pytestmark = pytest.mark.django_db


def test_visitor_proposes_a_correction_and_the_record_stays_unchanged(client, archive, make_record):
    from memorials.models import MartyrCorrection

    record = make_record(
        name="董存瑞", native_place="察哈尔省怀来县", death_date=datetime.date(1948, 5, 1), death_precision="month"
    )
    url = f"{archive.url}{record.pk}/correction/"
    response = client.post(
        url,
        {
            "field": "death",
            "proposed_value": "1948年5月25日",
            "evidence": "隆化战斗史料",
            "submitter_name": "王老师",
            "submitter_contact": "13800000000",
            "consent": "on",
        },
    )
    assert response.status_code == 302 and response["Location"].endswith("?sent=1")
    assert "已收到您的纠错意见" in client.get(response["Location"]).content.decode()

    correction = MartyrCorrection.objects.get()
    assert correction.moderation_status == "pending" and correction.current_value == "1948年5月"
    record.refresh_from_db()
    assert record.death_display == "1948年5月"
    detail = client.get(f"{archive.url}{record.pk}/").content.decode()
    assert "1948年5月25日" not in detail and "13800000000" not in detail


def test_invalid_correction_is_explained_and_nothing_is_saved(client, archive, make_record):
    from memorials.models import MartyrCorrection

    record = make_record(name="刘胡兰")
    response = client.post(f"{archive.url}{record.pk}/correction/", {"field": "birth", "proposed_value": "去年"})
    assert response.status_code == 200
    assert "无法识别的日期" in response.content.decode()
    assert not MartyrCorrection.objects.exists()


def reviewer(django_user_model, username, group):
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user(username, f"{username}@example.com", "pw")
    user.groups.add(Group.objects.get(name=group))
    return user


def approve_step(record, user):
    """Approve the record's current workflow task as ``user``."""
    state = record.current_workflow_state
    state.current_task_state.task.specific.on_action(state.current_task_state, user, "approve")


def test_an_accepted_correction_is_a_draft_until_both_review_steps_approve(archive, make_record, django_user_model):
    from memorials.models import MartyrCorrection, MartyrRecord
    from siteshell.moderation import service

    record = make_record(name="董存瑞", death_date=datetime.date(1948, 5, 1), death_precision="month")
    correction = MartyrCorrection.objects.create(record=record, field="death", proposed_value="1948年5月25日")
    moderator = reviewer(django_user_model, "liuyan", "留言审核员")
    service.approve(correction, moderator)

    record = MartyrRecord.objects.get(pk=record.pk)
    correction.refresh_from_db()
    assert correction.moderation_status == "approved" and correction.decided_by == moderator
    # The public still sees the old value; the draft holds the new one and is in review.
    assert record.death_display == "1948年5月" and record.live and record.has_unpublished_changes
    assert correction.revision == record.latest_revision
    assert record.latest_revision.as_object().death_display == "1948年5月25日"
    state = record.current_workflow_state
    assert state is not None and state.workflow.name == "内容审核"
    assert state.current_task_state.task.name == "初审"

    approve_step(record, reviewer(django_user_model, "chushen", "初审员"))
    record = MartyrRecord.objects.get(pk=record.pk)
    assert record.death_display == "1948年5月" and record.current_workflow_state.current_task_state.task.name == "终审"
    approve_step(record, reviewer(django_user_model, "zhongshen", "终审员"))
    record = MartyrRecord.objects.get(pk=record.pk)
    assert record.death_display == "1948年5月25日" and not record.has_unpublished_changes


def test_a_correction_keeps_an_editors_unpublished_draft(archive, make_record, superuser):
    from memorials.models import MartyrCorrection, MartyrRecord
    from siteshell.moderation import service

    record = make_record(name="黄继光", unit="第15军")
    record.position = "通讯员"
    record.save_revision(user=superuser)
    correction = MartyrCorrection.objects.create(record=record, field="unit", proposed_value="第15军第45师")
    service.approve(correction, superuser)

    draft = MartyrRecord.objects.get(pk=record.pk).latest_revision.as_object()
    assert draft.unit == "第15军第45师" and draft.position == "通讯员"
    assert MartyrRecord.objects.get(pk=record.pk).unit == "第15军"


def test_a_correction_to_a_record_already_in_review_restarts_the_current_step(
    archive, make_record, superuser, django_user_model
):
    from memorials.models import MartyrCorrection, MartyrRecord
    from siteshell.moderation import service

    record = make_record(name="罗盛教", battle="")
    record.save_revision(user=superuser)
    record.get_workflow().start(record, superuser)
    first_task_state = record.current_workflow_state.current_task_state
    correction = MartyrCorrection.objects.create(record=record, field="battle", proposed_value="抗美援朝")
    service.approve(correction, reviewer(django_user_model, "liuyan", "留言审核员"))

    record = MartyrRecord.objects.get(pk=record.pk)
    task_state = record.current_workflow_state.current_task_state
    assert task_state.pk != first_task_state.pk and task_state.task.name == "初审"
    assert task_state.revision == record.latest_revision
    assert task_state.revision.as_object().battle == "抗美援朝"


def test_rejecting_a_correction_needs_a_reason_and_leaves_the_record_alone(archive, make_record, superuser):
    from memorials.models import MartyrCorrection
    from siteshell.moderation import service

    record = make_record(name="雷锋", native_place="湖南望城")
    correction = MartyrCorrection.objects.create(record=record, field="native_place", proposed_value="湖南长沙")
    with pytest.raises(service.ModerationError):
        service.reject(correction, superuser, "")
    service.reject(correction, superuser, "与烈士证明书不符")
    record.refresh_from_db()
    correction.refresh_from_db()
    assert record.native_place == "湖南望城" and record.revisions.count() == 0
    assert correction.moderation_status == "rejected" and correction.decision_reason == "与烈士证明书不符"


def test_an_other_correction_changes_nothing_by_itself(archive, make_record, superuser):
    from memorials.models import MartyrCorrection
    from siteshell.moderation import service

    record = make_record(name="邱少云")
    correction = MartyrCorrection.objects.create(record=record, field="other", proposed_value="墓碑照片需要更新")
    service.approve(correction, superuser)
    assert record.revisions.count() == 0 and correction.revision is None


def test_corrections_are_a_kind_of_the_moderation_inbox_reviewed_one_at_a_time(archive, make_record):
    from memorials.models import MartyrCorrection
    from siteshell.moderation.registry import kind_for_model

    kind = kind_for_model(MartyrCorrection)
    assert kind is not None and kind.bulk is False and kind.plugin == "memorials"


def test_a_correction_with_an_insult_is_flagged_for_the_moderator(archive, make_record):
    from memorials.models import MartyrCorrection
    from siteshell.screening.models import SensitiveWord

    SensitiveWord.objects.create(word="假英雄", category="insult")
    record = make_record(name="邱少云")
    correction = MartyrCorrection.objects.create(record=record, field="other", proposed_value="他是个假 英 雄")
    assert correction.screening_flagged and not correction.bulk_approvable
    assert [match["word"] for match in correction.screening_matches] == ["假英雄"]


def test_staff_cannot_invent_corrections_in_the_admin(admin_client):
    # The corrections' own admin listing is gone: they are reviewed in the inbox (待办).
    assert admin_client.get("/admin/snippets/memorials/martyrcorrection/").status_code == 404
    assert admin_client.get("/admin/snippets/memorials/martyrcorrection/add/").status_code == 404


def test_the_moderator_sees_the_submitters_contact_masked(client, archive, make_record, django_user_model):
    from memorials.models import MartyrCorrection

    record = make_record(name="邱少云")
    correction = MartyrCorrection.objects.create(
        record=record, field="unit", proposed_value="第15军第29师", submitter_contact="13800001234"
    )
    client.force_login(reviewer(django_user_model, "liuyan", "留言审核员"))
    html = client.get(f"/admin/moderation/memorials.martyrcorrection/{correction.pk}/").content.decode()
    assert "第15军第29师" in html and "138****1234" in html and "13800001234" not in html
