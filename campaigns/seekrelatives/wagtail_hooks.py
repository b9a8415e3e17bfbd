"""Admin and extension points: the menu 为烈士寻亲 (cases, the list of sought martyrs, the
statistics), the plugin's admin URLs (``seekrelatives_admin``), the log actions, a dashboard panel
for case officers, and what the campaign adds to a martyr's record page."""

from django.template.loader import render_to_string
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.admin.ui.tables import Column, LiveStatusTagColumn, UpdatedAtColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from campaigns.seekrelatives.models import SeekRelativesCampaignPage, SoughtMartyr, SuccessStoryPage
from campaigns.seekrelatives.staff.panels import CasesPanel, may_work_cases
from campaigns.seekrelatives.staff.urls import urlpatterns

MENU_HOOK = "register_seekrelatives_menu_item"


class SoughtMartyrViewSet(SnippetViewSet):
    """寻亲名单: each entry is reviewed (初审 → 终审) before the public sees it."""

    model = SoughtMartyr
    icon = "user"
    menu_label = _("寻亲名单")
    add_to_admin_menu = False
    list_display = [
        "name",
        Column("native_place", label=_("籍贯")),
        Column("unit", label=_("部队")),
        LiveStatusTagColumn(),
        UpdatedAtColumn(),
    ]
    list_filter = ["native_province"]
    search_fields = ["name", "native_place", "unit"]
    search_backend_name = None


sought_viewset = SoughtMartyrViewSet()
register_snippet(sought_viewset)


@hooks.register("register_admin_urls")
def register_seekrelatives_admin_urls():
    return [path("seekrelatives/", include((urlpatterns, "seekrelatives_admin")))]


class PermissionMenuItem(MenuItem):
    def __init__(self, *args, permission, **kwargs):
        super().__init__(*args, **kwargs)
        self.permission = permission

    def is_shown(self, request):
        return request.user.has_perm(self.permission)


@hooks.register(MENU_HOOK)
def cases_menu_item():
    return PermissionMenuItem(
        _("寻亲案件"),
        reverse("seekrelatives_admin:cases"),
        icon_name="folder-open-inverse",
        order=10,
        permission="seekrelatives.view_cluecase",
    )


@hooks.register(MENU_HOOK)
def sought_menu_item():
    return PermissionMenuItem(
        _("寻亲名单"),
        reverse(sought_viewset.get_url_name("list")),
        icon_name="user",
        order=20,
        permission="seekrelatives.view_soughtmartyr",
    )


@hooks.register(MENU_HOOK)
def statistics_menu_item():
    return PermissionMenuItem(
        _("寻亲统计"),
        reverse("seekrelatives_admin:statistics"),
        icon_name="table",
        order=30,
        permission="seekrelatives.view_statistics",
    )


@hooks.register("register_admin_menu_item")
def seekrelatives_menu():
    return SubmenuMenuItem(_("为烈士寻亲"), Menu(register_hook_name=MENU_HOOK), icon_name="search", order=230)


@hooks.register("construct_homepage_panels")
def add_cases_panel(request, panels):
    if may_work_cases(request.user):
        panels.append(CasesPanel())


@hooks.register("register_log_actions")
def register_seekrelatives_log_actions(actions):
    """The steps of a case in its history and the site-wide log."""
    for action, label, message in (
        ("seekrelatives.clue_received", _("收到线索"), _("收到一条线索")),
        ("seekrelatives.addition", _("收到补充信息"), _("提交人补充了信息")),
        ("seekrelatives.stage", _("转换办理阶段"), _("转换了办理阶段")),
        ("seekrelatives.message", _("通知提交人"), _("给提交人发送了消息")),
        ("seekrelatives.assign", _("指定承办人和期限"), _("指定了承办人和办理期限")),
        ("seekrelatives.dna", _("记录DNA比对"), _("记录了DNA比对的日期和编号")),
        ("seekrelatives.note", _("内部记录"), _("添加了内部记录")),
        ("seekrelatives.story_consent", _("记录家属书面同意"), _("记录了家属对成功故事的书面同意")),
        ("seekrelatives.story_draft", _("建立成功故事草稿"), _("建立了成功故事草稿")),
        ("seekrelatives.clue_moved", _("移动线索"), _("把线索移到了另一个案件")),
        ("seekrelatives.case_merged", _("合并案件"), _("合并了案件")),
        ("seekrelatives.record_linked", _("关联烈士档案"), _("关联了烈士档案")),
        ("seekrelatives.view_attachment", _("查看线索附件"), _("查看了线索附件")),
        ("seekrelatives.export", _("导出寻亲统计"), _("导出了寻亲线索统计表")),
    ):
        actions.register_action(action, label, message)


# -- on a martyr's record page (memorials' extension points) --------------------------------


@hooks.register("memorials.record.actions")
def sought_notice(request, record):
    """此烈士的亲属正在寻找中 — 提供线索."""
    entry = SoughtMartyr.objects.published().still_sought().filter(record=record).first()
    if entry is None:
        return None
    campaign = SeekRelativesCampaignPage.for_request(request)
    if campaign is None:
        return None
    context = {"entry": entry, "campaign": campaign, "clue_url": campaign.route_url("clue") + f"?martyr={entry.pk}"}
    return render_to_string("seekrelatives/record_actions.html", context, request=request)


@hooks.register("memorials.record.after_body")
def family_found_story(request, record):
    """The success stories of the martyr, when a family was found."""
    found = list(SuccessStoryPage.objects.live().public().filter(record=record).order_by("-first_published_at")[:3])
    if not found:
        return None
    return render_to_string("seekrelatives/record_story.html", {"stories": found}, request=request)
