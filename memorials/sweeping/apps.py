from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from siteshell.plugins import ModeratedKind, PluginConfig, StaffGroup

#: The staff group that sweeps graves (per facility: see SweepingTeam).
SWEEPING_STAFF = _("祭扫服务")


class SweepingConfig(PluginConfig):
    name = "memorials.sweeping"
    label = "sweeping"
    verbose_name = pgettext_lazy("the plugin", "代祭扫")

    class PluginMeta:
        name = pgettext_lazy("the plugin", "代祭扫")
        version = "1.0.0"
        description = _("为不能亲自前来的烈士亲属代为祭扫：网上申请、纪念设施工作人员办理、拍照反馈、凭查询码查看进度")
        author = _("退役军人事务局")
        category = "content"
        requires = ("memorials",)
        compatibility = ">=1.0,<2"

    def ready(self):
        from memorials.sweeping import consent

        consent.register()

    def public_urls(self):
        from memorials.sweeping.urls import urlpatterns

        return urlpatterns

    def api_router(self):
        from memorials.sweeping.api import build_router

        return build_router()

    def load_demo(self, context):
        from memorials.sweeping.demo import load_demo

        load_demo(context)

    def moderated_submissions(self):
        # Short requests: bulk acceptance in the Qingming peak is allowed (a message with words
        # of a category that forbids it is kept out of bulk decisions by the inbox).
        return [ModeratedKind("sweeping.SweepingRequest", label=_("代祭扫申请"), order=30)]

    def staff_groups(self):
        """祭扫服务 handle the requests of their facilities' teams (and may see the requester's
        contact in full, with a verified second factor, each view logged); 站点管理员 see every
        facility's requests and keep the teams."""
        from siteshell.review.roles import SITE_MANAGERS

        access = "wagtailadmin.access_admin"
        handle = (
            access,
            "sweeping.view_sweepingrequest",
            "sweeping.change_sweepingrequest",
            "sweeping.view_requester_data",
        )
        return [
            StaffGroup(name=SWEEPING_STAFF, permissions=handle),
            StaffGroup(
                name=SITE_MANAGERS,
                permissions=(
                    *handle,
                    "sweeping.view_all_facilities",
                    *(f"sweeping.{action}_sweepingteam" for action in ("add", "change", "delete", "view")),
                ),
            ),
        ]
