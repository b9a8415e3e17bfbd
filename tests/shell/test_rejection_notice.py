"""After a reviewer sends work back, its edit page opens with the reviewer's comment and what to do
next (issue #20), through the real workflow: 提交审核, 退回 with a comment, the edit page as the
author sees it."""

import re

import pytest
from bs4 import BeautifulSoup
from django.contrib.admin.utils import quote
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Page, WorkflowState

from tests.shell.section_helpers import roles_section

pytestmark = pytest.mark.django_db

NEXT_STEP = "请根据意见修改后重新提交审核。"


@pytest.fixture
def member(django_user_model):
    def _member(username, role):
        user = django_user_model.objects.create_user(username, f"{username}@example.gov.cn", "pw")
        user.groups.add(Group.objects.get(name=role))
        return user

    return _member


@pytest.fixture
def writer(member):
    return member("xuanchuan", "宣传干事")


@pytest.fixture
def reviewer(member):
    return member("chushen", "初审员")


@pytest.fixture
def notice(home_page):
    page = Page(title="清明节祭扫公告", slug="qingming", live=False)
    roles_section(home_page).add_child(instance=page)
    return page


def submit(client, user, page):
    """提交审核 in the page editor (also 重新提交 after a rejection)."""
    client.force_login(user)
    response = client.post(
        f"/admin/pages/{page.id}/edit/", {"title": page.title, "slug": page.slug, "action-submit": "1"}
    )
    assert response.status_code == 302, response.content.decode()[:500]


def reject(client, user, obj, comment, url_name="wagtailadmin_pages:workflow_action", key=None):
    """退回 in the workflow dialog, with the reviewer's comment."""
    client.force_login(user)
    obj.refresh_from_db()
    task_state = obj.current_workflow_task_state
    response = client.post(
        reverse(url_name, args=(key if key is not None else obj.pk, "reject", task_state.id)),
        {"comment": comment},
        HTTP_X_REQUESTED_WITH="XMLHttpRequest",
    )
    assert response.status_code == 200
    obj.refresh_from_db()
    assert obj.current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES


def notices(html):
    """The texts of the admin's messages at the top of the page."""
    soup = BeautifulSoup(html, "html.parser")
    return [" ".join(item.get_text(" ").split()) for item in soup.select(".messages li")]


def edit_page(client, user, page):
    client.force_login(user)
    response = client.get(f"/admin/pages/{page.id}/edit/")
    assert response.status_code == 200
    return response.content.decode()


def test_the_author_sees_the_comment_and_the_next_step_at_the_top_of_the_edit_page(client, notice, writer, reviewer):
    submit(client, writer, notice)
    assert not [text for text in notices(edit_page(client, writer, notice)) if NEXT_STEP in text]

    reject(client, reviewer, notice, "日期写错了，请改为4月4日")

    html = edit_page(client, writer, notice)
    [text] = [text for text in notices(html) if NEXT_STEP in text]
    assert "chushen" in text and "“初审”退回了修改" in text
    assert "退回意见：日期写错了，请改为4月4日" in text
    # Above the form, not in the workflow dialog two clicks away.
    assert html.index("退回意见：") < html.index('id="page-edit-form"')


def test_the_notice_goes_once_the_page_is_submitted_again(client, notice, writer, reviewer):
    submit(client, writer, notice)
    reject(client, reviewer, notice, "请补充活动地点")
    assert any("请补充活动地点" in text for text in notices(edit_page(client, writer, notice)))

    submit(client, writer, notice)  # 重新提交审核

    notice.refresh_from_db()
    assert notice.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert not any("退回意见" in text for text in notices(edit_page(client, writer, notice)))


def test_a_rejection_without_a_comment_says_so(client, notice, writer, reviewer):
    submit(client, writer, notice)
    reject(client, reviewer, notice, "")
    [text] = [text for text in notices(edit_page(client, writer, notice)) if NEXT_STEP in text]
    assert "退回时未填写意见。" in text and "退回意见：" not in text


def test_the_comment_is_shown_as_text(client, notice, writer, reviewer):
    submit(client, writer, notice)
    reject(client, reviewer, notice, "<script>alert(1)</script>标题有误")
    html = edit_page(client, writer, notice)
    assert "<script>alert(1)</script>" not in html
    assert any("退回意见：<script>alert(1)</script>标题有误" in text for text in notices(html))


def test_the_reviewer_sees_the_same_notice(client, notice, writer, reviewer):
    submit(client, writer, notice)
    reject(client, reviewer, notice, "请补充照片说明")
    assert any("请补充照片说明" in text for text in notices(edit_page(client, reviewer, notice)))


@pytest.mark.plugin("memorials")
def test_a_rejected_martyr_record_shows_the_comment_in_its_editor(client, writer, reviewer):
    from tests.memorials.factories import MartyrRecordFactory

    record = MartyrRecordFactory(name="王二小", live=False)
    record.save_revision(user=writer)
    record.get_workflow().start(record, writer)
    reject(
        client,
        reviewer,
        record,
        "牺牲地点有误，请核对档案",
        url_name=record.snippet_viewset.get_url_name("workflow_action"),
        key=quote(record.pk),
    )

    client.force_login(writer)
    response = client.get(reverse(record.snippet_viewset.get_url_name("edit"), args=(quote(record.pk),)))
    assert response.status_code == 200
    [text] = [text for text in notices(response.content.decode()) if NEXT_STEP in text]
    assert "退回意见：牺牲地点有误，请核对档案" in text and "“初审”" in text


def dialog_heading(html):
    """The heading of the workflow dialog (of the 状态 side panel)."""
    match = re.search(r'id="workflow-status-dialog".*?w-dialog__message-heading">(.*?)</strong>', html, re.S)
    return " ".join(match.group(1).split()) if match else None


def test_the_workflow_dialog_names_the_reviewer_not_the_author(client, notice, writer, reviewer):
    submit(client, writer, notice)
    assert "xuanchuan" in (dialog_heading(edit_page(client, writer, notice)) or "")  # submitted by them

    reject(client, reviewer, notice, "日期写错了")

    heading = dialog_heading(edit_page(client, writer, notice))
    assert heading == "chushen在“初审”退回了修改。"
