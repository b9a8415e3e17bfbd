"""A new publicity officer (宣传干事) writes their first honour profile in a real browser: a
Chinese name as title and no slug typed, saved as a draft, previewed and submitted to 内容审核.
The slug (缩略名) follows the title in pinyin as it is typed, under the Content-Security-Policy."""

import re

import pytest

from tests.honors.conftest import honor_index, rounds, titles  # noqa: F401  (fixtures)

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.plugin("honors")]

PASSWORD = "correct-horse-battery"

RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", function (event) {
  window.__cspViolations.push(event.violatedDirective + " blocked " + (event.blockedURI || "inline"));
});
"""


@pytest.fixture
def writer(django_user_model):
    from django.contrib.auth.models import Group

    from siteshell.review.roles import WRITERS

    user = django_user_model.objects.create_user("xiaowang", "xiaowang@example.gov.cn", PASSWORD)
    user.groups.add(Group.objects.get(name=str(WRITERS)))
    return user


def choose(page, field_id, name):
    """Pick ``name`` in the chooser of the field ``field_id`` (a snippet chooser's modal)."""
    from playwright.sync_api import expect

    page.locator(f"#{field_id}-chooser .chooser__choose-button").click()
    page.locator(".modal-dialog").get_by_role("link", name=name, exact=True).click()
    expect(page.locator(f"#{field_id}-title")).to_have_text(name)


def test_a_new_writer_creates_previews_and_submits_a_profile_without_typing_a_slug(
    open_page,
    honor_index,  # noqa: F811
    rounds,  # noqa: F811
    writer,
):
    from playwright.sync_api import expect
    from wagtail.models import WorkflowState

    from honors.models import ProfilePage

    page = open_page("/admin/login/?next=/admin/")
    page.context.add_init_script(RECORD_VIOLATIONS)
    page.locator("#id_username").fill("xiaowang")
    page.locator("#id_password").fill(PASSWORD)
    page.locator("form button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))

    # From the honour roll in the page tree to a new profile (the roll takes nothing else).
    page.goto(f"/admin/pages/{honor_index.pk}/")
    page.get_by_role("link", name="添加子页面").first.click()
    expect(page).to_have_url(re.compile(rf"/admin/pages/add/honors/profilepage/{honor_index.pk}/$"))

    slug = page.locator("#id_slug")
    title = page.locator("#id_title")
    title.fill("李卫国")
    expect(slug).to_have_value("li-weiguo")  # asked of the server while typing, not typed
    page.get_by_role("textbox", name=re.compile("^一句话事迹")).fill("退伍不褪色，带领乡亲种植中药材")
    page.get_by_role("textbox", name=re.compile("^所在区县")).fill("南湖区")
    choose(page, "id_honours-0-round", str(rounds.third))
    choose(page, "id_honours-0-title", "最美退役军人")

    page.get_by_role("button", name="保存草稿").click()
    expect(page.locator(".messages")).to_contain_text("李卫国")
    expect(page).to_have_url(re.compile(r"/admin/pages/\d+/edit/$"))
    profile = ProfilePage.objects.get(title="李卫国")
    assert (profile.slug, profile.live, profile.owner) == ("li-weiguo", False, writer)

    # The preview beside the form shows the profile as the public will see it.
    page.get_by_role("button", name="预览开关").click()
    preview = page.frame_locator("iframe#w-preview-iframe")
    expect(preview.get_by_role("heading", level=1)).to_have_text("李卫国")

    # 提交给内容审核 from the menu of further actions.
    page.get_by_role("button", name="更多动作").click()
    page.get_by_role("button", name=re.compile("提交给内容审核")).click()
    expect(page.locator(".messages")).to_contain_text("已经提交进行审核")
    state = WorkflowState.objects.for_instance(profile).get()
    assert (state.status, state.requested_by, state.workflow.name) == ("in_progress", writer, "内容审核")
    profile.refresh_from_db()
    assert profile.slug == "li-weiguo" and not profile.live

    assert page.evaluate("window.__cspViolations") == []
