"""内容审核 on a fresh database: a page through 初审 → 终审 by two people, rejection with a
comment back to its author, and the submitter refused at 终审 however they ask."""

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from wagtail.models import Page, TaskState, Workflow, WorkflowPage, WorkflowState

from siteshell.review.models import FinalApprovalTask, SelfApprovalRefused
from tests.shell.section_helpers import roles_section

pytestmark = pytest.mark.django_db


@pytest.fixture
def member(django_user_model):
    """``member("name", "宣传干事", …)``: an active staff user in those groups, with an email."""

    def _member(username, *roles):
        user = django_user_model.objects.create_user(username, f"{username}@example.gov.cn", "pw")
        user.groups.add(*Group.objects.filter(name__in=roles))
        assert user.groups.count() == len(roles)
        return user

    return _member


@pytest.fixture
def notice(home_page):
    """A draft page in a section the roles work in, created by the model API (owner: nobody)."""
    page = Page(title="清明节祭扫公告", slug="qingming", live=False)
    roles_section(home_page).add_child(instance=page)
    return page


def submit(client, user, page):
    """The writer presses 提交审核 in the page editor."""
    client.force_login(user)
    response = client.post(
        f"/admin/pages/{page.id}/edit/", {"title": page.title, "slug": page.slug, "action-submit": "1"}
    )
    assert response.status_code == 302, response.content.decode()[:500]
    return WorkflowState.objects.for_instance(page).get(status=WorkflowState.STATUS_IN_PROGRESS)


def act(client, user, page, action, comment=""):
    """A reviewer uses the workflow action (the modal of the dashboard or editor)."""
    client.force_login(user)
    task_state = page.specific_deferred.current_workflow_task_state
    return client.post(
        f"/admin/pages/workflow/action/{page.id}/{action}/{task_state.id}/",
        {"comment": comment},
        HTTP_X_REQUESTED_WITH="XMLHttpRequest",
    )


def current_task_name(page):
    page.refresh_from_db()
    state = WorkflowState.objects.for_instance(page).order_by("-created_at").first()
    return state.current_task_state.task.name if state and state.current_task_state else None


def test_the_migration_creates_the_two_step_workflow_on_the_root(home_page):
    workflow = Workflow.objects.get(name="内容审核")
    assert workflow.active
    first, final = (task.specific for task in workflow.tasks)
    assert (first.name, type(first).__name__) == ("初审", "GroupApprovalTask")
    assert (final.name, type(final)) == ("终审", FinalApprovalTask)
    assert [group.name for group in first.groups.all()] == ["初审员"]
    assert [group.name for group in final.groups.all()] == ["终审员"]
    assert WorkflowPage.objects.get(page=Page.get_first_root_node()).workflow == workflow
    assert home_page.get_workflow() == workflow
    # Wagtail's one-step stock workflow and its English groups are gone.
    assert not Workflow.objects.filter(name="Moderators approval").exists()
    assert not Group.objects.filter(name__in=["Editors", "Moderators"]).exists()


def test_a_page_goes_through_first_review_and_final_approval(client, notice, member):
    writer, reviewer, approver = (
        member("xuanchuan", "宣传干事"),
        member("chushen", "初审员"),
        member("zhongshen", "终审员"),
    )
    state = submit(client, writer, notice)
    assert state.requested_by == writer and current_task_name(notice) == "初审"
    assert any("chushen@" in address for message in mail.outbox for address in message.to)

    # The final approver cannot act at the first step; the first reviewer can.
    assert act(client, approver, notice, "approve").status_code == 403
    assert act(client, reviewer, notice, "approve", "内容无误").status_code == 200
    assert current_task_name(notice) == "终审"
    notice.refresh_from_db()
    assert not notice.live

    assert act(client, reviewer, notice, "approve").status_code == 403
    assert act(client, approver, notice, "approve").status_code == 200
    notice.refresh_from_db()
    assert notice.live
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED
    finished_by = list(TaskState.objects.filter(workflow_state=state).values_list("finished_by__username", flat=True))
    assert finished_by == ["chushen", "zhongshen"]


def test_rejection_sends_the_comment_back_to_the_author(client, notice, member):
    writer, reviewer = member("xuanchuan", "宣传干事"), member("chushen", "初审员")
    state = submit(client, writer, notice)
    mail.outbox.clear()

    response = act(client, reviewer, notice, "reject", "日期写错了，请改为4月4日")
    assert response.status_code == 200
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert state.current_task_state.get_comment() == "日期写错了，请改为4月4日"
    [email] = [message for message in mail.outbox if message.to == ["xuanchuan@example.gov.cn"]]
    assert "清明节祭扫公告" in email.subject and "被拒绝" in email.subject
    assert "日期写错了，请改为4月4日" in email.body and "chushen" in email.body
    assert "rejected" not in email.body and "Hello" not in email.body

    # The author's dashboard shows the item and its state, in Chinese.
    client.force_login(writer)
    html = client.get("/admin/").content.decode()
    panel = html[html.index("您提交审核的页面和片段") :]
    assert "清明节祭扫公告" in panel and "请求的更改" in panel and "初审" in panel


def test_the_submitter_is_refused_at_final_approval_however_they_ask(client, notice, member):
    author = member("zhongshen", "终审员")  # writes too: 终审员 may edit pages
    other_approver, reviewer = member("zhongshen2", "终审员"), member("chushen", "初审员")
    state = submit(client, author, notice)
    assert act(client, reviewer, notice, "approve").status_code == 200
    assert current_task_name(notice) == "终审"
    task = notice.specific_deferred.current_workflow_task
    assert isinstance(task, FinalApprovalTask)

    # Not offered: only "request changes" is left for them, in the editor and the dashboard.
    assert [name for name, _label, _modal in task.get_actions(notice, author)] == ["reject"]
    assert {name for name, _label, _modal in task.get_actions(notice, other_approver)} == {"reject", "approve"}
    client.force_login(author)
    editor = client.get(f"/admin/pages/{notice.id}/edit/").content.decode()
    assert 'data-workflow-action-name="approve"' not in editor
    assert 'data-workflow-action-name="reject"' in editor

    # A crafted POST to the workflow action: refused, in Chinese.
    response = act(client, author, notice, "approve")
    assert response.status_code == 403
    assert "没有执行此操作的权限" in response.content.decode()
    # A crafted POST through the editor: refused with the reason, not saved as approval.
    response = client.post(
        f"/admin/pages/{notice.id}/edit/",
        {"title": notice.title, "slug": notice.slug, "action-workflow-action": "1", "workflow-action-name": "approve"},
        follow=True,
    )
    assert "终审不能由提交人本人批准" in response.content.decode()
    # And through the model API.
    with pytest.raises(SelfApprovalRefused):
        task.on_action(notice.current_workflow_task_state, author, "approve")
    notice.refresh_from_db()
    assert not notice.live and current_task_name(notice) == "终审"

    assert act(client, other_approver, notice, "approve").status_code == 200
    notice.refresh_from_db()
    assert notice.live
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED
