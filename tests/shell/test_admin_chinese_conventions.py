"""The admin follows Chinese conventions: one 姓名 field shown as written (王小明), initials for
avatars, the bureau's time zones only, the bureau's name and emblem instead of Wagtail's, and
e-mails in Chinese that greet staff by name, from the bureau's sender."""

import base64
import importlib
import json
import re

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.core import mail
from wagtail.admin.localization import get_available_admin_time_zones
from wagtail.admin.templatetags.wagtailadmin_tags import avatar_url
from wagtail.admin.utils import get_user_display_name
from wagtail.models import Page, WorkflowState

from siteshell.staff.names import initials, merge_name_parts

pytestmark = pytest.mark.django_db

PASSWORD = "Qingming-2026!"
#: Two or more Latin letters: English in an e-mail meant to be Chinese.
ENGLISH_WORD = re.compile(r"[A-Za-z]{2,}")


def english_outside_addresses(text):
    return ENGLISH_WORD.findall(re.sub(r"https?://\S+", " ", text))


@pytest.fixture
def staff(django_user_model):
    """``staff("xuanchuan", "王小明", "宣传干事")``: an active user with that name and roles."""

    def _staff(username, name, *roles):
        user = django_user_model.objects.create_user(username, f"{username}@example.gov.cn", PASSWORD)
        user.first_name = name
        user.save()
        user.groups.add(*Group.objects.filter(name__in=roles))
        return user

    return _staff


def form_data(html, form_selector="form"):
    """What a browser would post from the page's form, as it is filled in."""
    soup = BeautifulSoup(html, "html.parser")
    form = soup.select_one(form_selector)
    data = {}
    for field in form.select("input[name], select[name], textarea[name]"):
        name = field["name"]
        if field.name == "select":
            chosen = field.select_one("option[selected]") or field.select_one("option")
            data[name] = chosen.get("value", "") if chosen else ""
        elif field.get("type") in ("checkbox", "radio"):
            if field.has_attr("checked"):
                data.setdefault(name, []).append(field.get("value", "on"))
        elif field.name == "textarea":
            data[name] = field.text
        else:
            data[name] = field.get("value", "")
    return data


# -- names --------------------------------------------------------------------------------------


def test_a_new_staff_member_is_added_with_one_name_field(admin_client, home_page):
    html = admin_client.get("/admin/users/new/").content.decode()
    assert 'name="full_name"' in html and "姓名" in html
    assert 'name="first_name"' not in html and 'name="last_name"' not in html

    response = admin_client.post(
        "/admin/users/new/",
        {
            "username": "xuanchuan",
            "full_name": " 王小明 ",
            "email": "xuanchuan@example.gov.cn",
            "password1": PASSWORD,
            "password2": PASSWORD,
            "groups": [Group.objects.get(name="宣传干事").pk],
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.get(username="xuanchuan")
    assert (user.first_name, user.last_name, user.get_full_name()) == ("王小明", "", "王小明")
    assert "王小明" in admin_client.get("/admin/users/").content.decode()


def test_a_name_left_out_is_asked_for_in_chinese(admin_client, home_page):
    response = admin_client.post(
        "/admin/users/new/",
        {
            "username": "chushen",
            "full_name": "",
            "email": "chushen@example.gov.cn",
            "password1": PASSWORD,
            "password2": PASSWORD,
        },
    )
    assert response.status_code == 200
    assert "请填写姓名" in response.content.decode()


def test_a_name_entered_the_old_way_is_shown_and_saved_in_chinese_order(admin_client, home_page, django_user_model):
    # Saved before names were one field: 名 in first_name, 姓 in last_name.
    user = django_user_model.objects.create_user(
        "zhongshen", "zhongshen@example.gov.cn", PASSWORD, first_name="卫国", last_name="李"
    )
    html = admin_client.get(f"/admin/users/edit/{user.pk}/").content.decode()
    assert BeautifulSoup(html, "html.parser").select_one("input[name=full_name]")["value"] == "李卫国"

    data = form_data(html, "form[method=post]")
    response = admin_client.post(f"/admin/users/edit/{user.pk}/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    user.refresh_from_db()
    assert (user.first_name, user.last_name) == ("李卫国", "")


def test_the_migration_keeps_existing_names_whole_in_chinese_order(django_user_model):
    chinese = django_user_model.objects.create_user("a", first_name="小明", last_name="王")
    compound = django_user_model.objects.create_user("b", first_name="晓峰", last_name="欧阳")
    foreign = django_user_model.objects.create_user("c", first_name="Anna", last_name="Smith")
    written = django_user_model.objects.create_user("d", last_name="阿依古丽·买买提")
    migration = importlib.import_module("siteshell.migrations.0003_staff_names_in_one_field")
    from django.apps import apps
    from django.db import connection

    migration.names_in_one_field(apps, connection.schema_editor())
    for user, expected in (
        (chinese, "王小明"),
        (compound, "欧阳晓峰"),
        (foreign, "Anna Smith"),
        (written, "阿依古丽·买买提"),
    ):
        user.refresh_from_db()
        assert (user.first_name, user.last_name, user.get_full_name()) == (expected, "", expected)


def test_wagtail_shows_staff_by_their_chinese_name(admin_client, home_page, staff):
    user = staff("xuanchuan", "王小明", "宣传干事")
    assert get_user_display_name(user) == "王小明"
    assert merge_name_parts("小明", "王") == "王小明" and merge_name_parts("Anna", "Li") == "Anna Li"
    admin_client.force_login(user)
    html = admin_client.get("/admin/").content.decode()
    sidebar = json.loads(BeautifulSoup(html, "html.parser").select_one("#wagtail-sidebar-props").text)
    assert "王小明" in json.dumps(sidebar, ensure_ascii=False) and "小明 王" not in html


# -- 帐号: one name field, the bureau's time zones ----------------------------------------------


def test_the_account_page_asks_for_one_name_and_offers_no_foreign_time_zone(client, home_page, staff):
    user = staff("xuanchuan", "王小明", "宣传干事")
    client.force_login(user)
    html = client.get("/admin/account/").content.decode()
    soup = BeautifulSoup(html, "html.parser")
    assert soup.select_one("input[name=name_email-full_name]")["value"] == "王小明"
    assert not soup.select("[name=name_email-first_name], [name=name_email-last_name]")
    # One time zone (Asia/Shanghai): no choice to make, and no "台北" or "ROC" anywhere.
    assert not soup.select("select[name=locale-current_time_zone]")
    assert "Asia/Taipei" not in html and "台北" not in html
    languages = [option["value"] for option in soup.select("select[name=locale-preferred_language] option")]
    assert set(languages) == {"", "zh-hans", "en"}

    data = form_data(html, "form[method=post]")
    data["name_email-full_name"] = "王晓明"
    response = client.post("/admin/account/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    user.refresh_from_db()
    assert user.get_full_name() == "王晓明"


@pytest.fixture
def two_time_zones(settings):
    settings.WAGTAIL_USER_TIME_ZONES = ["Asia/Shanghai", "Asia/Urumqi"]
    get_available_admin_time_zones.cache_clear()
    yield
    get_available_admin_time_zones.cache_clear()


def test_a_bureau_with_two_time_zones_offers_those_two_only(client, home_page, staff, two_time_zones):
    client.force_login(staff("xuanchuan", "王小明", "宣传干事"))
    soup = BeautifulSoup(client.get("/admin/account/").content.decode(), "html.parser")
    zones = [option["value"] for option in soup.select("select[name=locale-current_time_zone] option")]
    assert zones == ["", "Asia/Shanghai", "Asia/Urumqi"]


def test_the_time_zone_setting_is_checked(settings):
    from siteshell.staff.checks import check_time_zones

    assert check_time_zones() == []
    settings.WAGTAIL_USER_TIME_ZONES = ["Asia/Shanghai", "Asia/Beijing"]
    assert [error.id for error in check_time_zones()] == ["siteshell.staff.E001"]
    settings.WAGTAIL_USER_TIME_ZONES = []
    assert [error.id for error in check_time_zones()] == ["siteshell.staff.E002"]


# -- avatars --------------------------------------------------------------------------------------


def test_avatars_are_initials_drawn_here_never_gravatar(admin_client, home_page, staff):
    user = staff("xuanchuan", "王小明", "宣传干事")
    url = avatar_url(user, size=50)
    assert url.startswith("data:image/svg+xml;base64,")
    assert "小明" in base64.b64decode(url.split(",", 1)[1]).decode("utf-8")
    assert [initials(user), initials(type(user)(username="guanli"))] == ["小明", "G"]

    for path in ("/admin/", "/admin/users/", "/admin/account/", f"/admin/pages/{home_page.pk}/history/"):
        assert "gravatar" not in admin_client.get(path).content.decode().lower(), path


def test_an_uploaded_profile_picture_is_still_shown(home_page, staff, settings, tmp_path):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from wagtail.users.models import UserProfile

    from tests.media import files

    settings.MEDIA_ROOT = tmp_path / "media"
    user = staff("xuanchuan", "王小明", "宣传干事")
    profile = UserProfile.get_for_user(user)
    profile.avatar = SimpleUploadedFile("me.png", files.png(), content_type="image/png")
    profile.save()
    user.refresh_from_db()
    assert avatar_url(user).startswith("/media/avatar_images/")


# -- branding -------------------------------------------------------------------------------------


def test_the_login_page_carries_the_bureaus_name_and_emblem(client, home_page):
    html = client.get("/admin/login/").content.decode()
    soup = BeautifulSoup(html, "html.parser")
    assert "示范市退役军人事务局" in soup.select_one("h1").text and "网站管理后台" in soup.select_one("h1").text
    assert soup.title.text.strip().endswith("示范市退役军人事务局")
    assert "Wagtail" not in soup.select_one("h1").text + soup.title.text
    assert not soup.select(".login-logo")  # Wagtail's bird and wordmark
    assert soup.select_one("h1 img.bureau-emblem")["src"].endswith("siteshell/img/emblem.svg")
    assert soup.select_one("link[rel=icon]")["href"].endswith("siteshell/img/emblem.svg")
    assert soup.select_one("label[for=id_password]").text.replace("*", "").strip() == "密码"
    assert soup.select_one("#id_username")["placeholder"] == "请输入用户名"


def test_an_uploaded_emblem_brands_the_sidebar_tab_and_login(admin_client, home_page, settings, tmp_path):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.test import Client
    from wagtail.images import get_image_model

    from siteshell.models import BureauSettings
    from tests.media import files

    settings.MEDIA_ROOT = tmp_path / "media"
    emblem = get_image_model()(title="局徽", alt_text="示范市退役军人事务局徽标")
    emblem.file = SimpleUploadedFile("emblem.png", files.png(width=200, height=200))
    emblem.save()
    bureau = BureauSettings.for_site(home_page.get_site())
    bureau.emblem = emblem
    bureau.save()

    soup = BeautifulSoup(admin_client.get("/admin/").content.decode(), "html.parser")
    logo = BeautifulSoup(
        soup.select_one("template[data-wagtail-sidebar-branding-logo]").decode_contents(), "html.parser"
    )
    assert logo.select_one("img")["alt"] == "示范市退役军人事务局"
    assert "/media/images/" in logo.select_one("img")["src"]
    assert "/media/images/" in soup.select_one("link[rel=icon]")["href"]
    assert soup.title.text.strip().endswith("示范市退役军人事务局")
    login = BeautifulSoup(Client().get("/admin/login/").content.decode(), "html.parser")
    assert "/media/images/" in login.select_one("h1 img")["src"]


# -- e-mails ----------------------------------------------------------------------------------------


@pytest.fixture
def review_team(staff):
    return (
        staff("xuanchuan", "王小明", "宣传干事"),
        staff("chushen", "李卫国", "初审员"),
        staff("zhongshen", "欧阳晓峰", "终审员"),
    )


@pytest.fixture
def profile_page(home_page):
    """A draft page that writers (宣传干事) may edit and final approvers (终审员) publish,
    whichever sections their roles cover."""
    from django.contrib.auth.models import Permission
    from wagtail.models import GroupPagePermission

    page = Page(title="李卫国同志事迹", slug="li-weiguo", live=False)
    home_page.add_child(instance=page)
    rights = {"宣传干事": ("add_page", "change_page"), "终审员": ("change_page", "publish_page")}
    for role, codenames in rights.items():
        for codename in codenames:
            permission = Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)
            GroupPagePermission.objects.get_or_create(
                group=Group.objects.get(name=role), page=page, permission=permission
            )
    return page


def submit(client, user, page):
    client.force_login(user)
    response = client.post(
        f"/admin/pages/{page.id}/edit/", {"title": page.title, "slug": page.slug, "action-submit": "1"}
    )
    assert response.status_code == 302, response.content.decode()[:500]


def act(client, user, page, action, comment=""):
    client.force_login(user)
    task_state = page.specific_deferred.current_workflow_task_state
    response = client.post(
        f"/admin/pages/workflow/action/{page.id}/{action}/{task_state.id}/",
        {"comment": comment},
        HTTP_X_REQUESTED_WITH="XMLHttpRequest",
    )
    assert response.status_code == 200, response.content.decode()[:500]


def mail_to(user):
    return [message for message in mail.outbox if message.to == [user.email]]


def assert_chinese_from_the_bureau(message, name):
    assert english_outside_addresses(message.subject) == [], message.subject
    assert english_outside_addresses(message.body) == [], message.body
    assert message.body.startswith(f"{name}，您好：")
    assert message.body.rstrip().endswith("示范市退役军人事务局")
    assert str(message.from_email) == "示范市退役军人事务局 <noreply@localhost>"
    assert "=?utf-8?" in message.message()["From"]  # the Chinese name encoded for the header


def test_review_emails_are_chinese_greet_by_name_and_come_from_the_bureau(client, profile_page, review_team):
    writer, reviewer, approver = review_team
    submit(client, writer, profile_page)
    assert len(mail_to(reviewer)) == 1, [(m.to, m.subject, m.body) for m in mail.outbox]
    [to_reviewer] = mail_to(reviewer)
    assert to_reviewer.subject == "请审核页面“李卫国同志事迹”（初审）"
    assert "王小明提交了页面“李卫国同志事迹”，请您在“初审”环节审核。" in to_reviewer.body
    assert f"/admin/pages/workflow/preview/{profile_page.id}/" in to_reviewer.body
    assert_chinese_from_the_bureau(to_reviewer, "李卫国")

    mail.outbox.clear()
    act(client, reviewer, profile_page, "reject", "出生日期有误")
    [rejected] = mail_to(writer)
    assert rejected.subject == "页面“李卫国同志事迹”在“初审”环节被拒绝，需要修改"
    assert "被李卫国拒绝" in rejected.body and "审核意见：出生日期有误" in rejected.body
    assert f"/admin/pages/{profile_page.id}/edit/" in rejected.body
    assert_chinese_from_the_bureau(rejected, "王小明")

    submit(client, writer, profile_page)
    act(client, reviewer, profile_page, "approve")
    mail.outbox.clear()
    act(client, approver, profile_page, "approve")
    assert WorkflowState.objects.for_instance(profile_page).filter(status=WorkflowState.STATUS_APPROVED).exists()
    [approved] = mail_to(writer)
    assert approved.subject == "页面“李卫国同志事迹”已通过审核"
    assert "已通过审核流程“内容审核”" in approved.body and "已发布" in approved.body
    assert_chinese_from_the_bureau(approved, "王小明")


def test_superusers_are_told_of_a_submission_in_chinese(client, profile_page, review_team, superuser):
    superuser.first_name = "张局长"
    superuser.save()
    submit(client, review_team[0], profile_page)
    # Superusers hear of the submission, and (as reviewers of every step) of the task.
    [submitted] = [message for message in mail_to(superuser) if "已提交审核" in message.subject]
    assert submitted.subject == "页面“李卫国同志事迹”已提交审核（内容审核）"
    assert "王小明提交了页面“李卫国同志事迹”" in submitted.body
    assert_chinese_from_the_bureau(submitted, "张局长")


def test_a_configured_sender_keeps_its_address_and_shows_the_bureau(client, profile_page, review_team, settings):
    from siteshell.admin_branding import bureau_sender

    settings.WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = bureau_sender("shenhe@tyjrswj.example.gov.cn")
    submit(client, review_team[0], profile_page)
    [message] = mail_to(review_team[1])
    assert str(message.from_email) == "示范市退役军人事务局 <shenhe@tyjrswj.example.gov.cn>"
    settings.WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = bureau_sender("审核通知 <shenhe@tyjrswj.example.gov.cn>")
    mail.outbox.clear()
    act(client, review_team[1], profile_page, "reject", "请补充照片")
    [message] = mail_to(review_team[0])
    assert str(message.from_email) == "审核通知 <shenhe@tyjrswj.example.gov.cn>"


def test_the_default_sender_is_at_the_sites_host_and_localhost_is_flagged(settings):
    from siteshell.admin_branding import default_sender_address
    from siteshell.staff.checks import check_sender

    assert default_sender_address("https://tyjrswj.example.gov.cn") == "noreply@tyjrswj.example.gov.cn"
    assert default_sender_address("http://127.0.0.1:8000") == "noreply@localhost"
    assert [warning.id for warning in check_sender()] == ["siteshell.staff.W001"]
    settings.EMAIL_SENDER_ADDRESS = "noreply@tyjrswj.example.gov.cn"
    assert check_sender() == []


def test_every_admin_email_template_renders_in_chinese(home_page, review_team):
    """The templates of each notification Wagtail sends, text and HTML, for a page and with
    comments, greet by name and carry no English."""
    from django.template.loader import render_to_string
    from wagtail.models import Workflow

    writer, reviewer, _approver = review_team
    workflow = Workflow.objects.get(name="内容审核")
    task = workflow.tasks.first().specific
    comment = type("Comment", (), {"text": "日期写错了"})()
    context = {
        "user": reviewer,
        "page": home_page,
        "object": home_page,
        "model_name": "页面",
        "workflow": workflow,
        "task": task,
        "requested_by": writer,
        "comment": "请补充照片",
        "editor": writer,
        "new_comments": [comment],
        "resolved_comments": [comment],
        "deleted_comments": [comment],
        "replied_comments": [{"comment": comment, "replies": [comment]}],
    }
    for name in (
        "workflow_state_submitted",
        "workflow_state_approved",
        "workflow_state_rejected",
        "task_state_submitted",
        "updated_comments",
    ):
        subject = render_to_string(f"wagtailadmin/notifications/{name}_subject.txt", context).strip()
        text = render_to_string(f"wagtailadmin/notifications/{name}.txt", context).strip()
        html = render_to_string(f"wagtailadmin/notifications/{name}.html", context)
        html_text = BeautifulSoup(html, "html.parser").get_text(" ")
        assert english_outside_addresses(subject) == [], (name, subject)
        assert english_outside_addresses(text) == [], (name, text)
        assert english_outside_addresses(html_text) == [], (name, html_text)
        assert text.startswith("李卫国，您好：") and "李卫国，您好：" in html_text, name
        assert "email-header.jpg" not in html, name


def test_the_password_reset_email_is_chinese(client, home_page, staff):
    staff("xuanchuan", "王小明", "宣传干事")
    response = client.post("/admin/password_reset/", {"email": "xuanchuan@example.gov.cn"})
    assert response.status_code == 302
    [message] = mail.outbox
    assert message.subject == "重设示范市退役军人事务局网站管理后台的密码"
    assert message.body.startswith("王小明，您好：") and "您的用户名：xuanchuan" in message.body
    assert english_outside_addresses(message.body.replace("xuanchuan", "")) == [], message.body


@pytest.mark.parametrize("seconds", [1, 180, 7200, 3 * 86400])
def test_relative_times_in_the_admin_are_chinese(seconds):
    """Wagtail's workflow panel and listings say when through humanize's naturaltime."""
    import datetime

    from django.contrib.humanize.templatetags.humanize import naturaltime
    from django.utils import timezone, translation

    with translation.override("zh-hans"):
        said = naturaltime(timezone.now() - datetime.timedelta(seconds=seconds))
    assert not ENGLISH_WORD.findall(said), said
