"""Who may do what with the campaign: every role × every action. 寻亲专班 alone work cases and
see the senders in full; 站点管理员 see cases masked and the statistics; the writers keep the list
of sought martyrs, which the final approvers publish."""

import pytest

pytestmark = [pytest.mark.django_db, pytest.mark.plugin("seekrelatives")]

ACTIONS = ("cases", "case", "step", "full", "statistics", "edit_list", "add_to_list", "publish_list")
Y, N = True, False
MATRIX = {
    "寻亲专班": (Y, Y, Y, Y, Y, Y, Y, N),
    "宣传干事": (N, N, N, N, Y, Y, Y, N),
    "初审员": (N, N, N, N, N, Y, N, N),
    "终审员": (N, N, N, N, N, Y, Y, Y),
    "留言审核员": (N, N, N, N, N, N, N, N),
    "站点管理员": (Y, Y, N, N, Y, Y, Y, Y),
}


def allowed(response):
    return (
        response.status_code in (200, 302)
        and response.get("Location", "") not in ("/admin/",)
        and (response.status_code == 200 or "/admin/seekrelatives/cases/" in response["Location"])
    )


@pytest.fixture
def case(send_clue, sought):
    from campaigns.seekrelatives.models import Clue

    send_clue(sought=sought.pk)
    return Clue.objects.get().case


def can(client, user, action, case, sought):
    from campaigns.seekrelatives.models import Clue

    client.force_login(user)
    case_url = f"/admin/seekrelatives/cases/{case.pk}/"
    if action == "cases":
        return allowed(client.get("/admin/seekrelatives/cases/"))
    if action == "case":
        return allowed(client.get(case_url))
    if action == "step":
        return allowed(client.post(case_url, {"action": "note", "text": "已电话联系"}))
    if action == "full":
        clue = Clue.objects.get()
        response = client.post(case_url, {"action": "reveal", "clue": clue.pk})
        return response.status_code == 200 and "13912345678" in response.content.decode()
    if action == "statistics":
        return allowed(client.get("/admin/seekrelatives/statistics/")) and allowed(
            client.get("/admin/seekrelatives/statistics/clues.csv")
        )
    if action == "edit_list":
        return allowed(client.get(f"/admin/snippets/seekrelatives/soughtmartyr/edit/{sought.pk}/"))
    if action == "add_to_list":
        return allowed(client.get("/admin/snippets/seekrelatives/soughtmartyr/add/"))
    if action == "publish_list":
        return user.has_perm("seekrelatives.publish_soughtmartyr")
    raise AssertionError(action)


@pytest.mark.parametrize("role", list(MATRIX))
def test_the_permission_matrix(client, role, staff_user, case, sought):
    user = staff_user(role)
    found = {action: can(client, user, action, case, sought) for action in ACTIONS}
    assert found == dict(zip(ACTIONS, MATRIX[role], strict=True))


def test_a_full_view_of_a_sender_is_logged_without_the_values(client, team_member, case):
    from wagtail.log_actions import registry as log_registry

    clue = case.clues.get()
    client.force_login(team_member)
    client.post(f"/admin/seekrelatives/cases/{case.pk}/", {"action": "reveal", "clue": clue.pk})
    (entry,) = log_registry.get_logs_for_instance(clue).filter(action="siteshell.view_personal_data")
    assert entry.user == team_member and "13912345678" not in str(entry.data)
    assert set(entry.data["fields"]) == {"提交人姓名", "手机号", "身份证号", "联系地址"}


def test_staff_who_only_see_cases_see_senders_masked(client, staff_user, case):
    client.force_login(staff_user("站点管理员"))
    page = client.get(f"/admin/seekrelatives/cases/{case.pk}/").content.decode()
    assert "139****5678" in page and "1101**********0021" in page
    for personal in ("13912345678", "110101195003070021", "张卫国", "幸福村5组", "家里保存着他寄回的一封信"):
        assert personal not in page
    assert "显示完整信息" not in page and 'name="action" value="note"' not in page
