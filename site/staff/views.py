"""The admin's user management and 帐号 page with one 姓名 field."""

from django.views.decorators.cache import never_cache
from wagtail.admin.auth import require_admin_access
from wagtail.admin.views.account import AccountView, NameEmailSettingsPanel
from wagtail.users.views.users import UserViewSet

from siteshell.staff.forms import StaffNameEmailForm, StaffUserCreationForm, StaffUserEditForm


class StaffUserViewSet(UserViewSet):
    create_template_name = "siteshell/admin/users/create.html"
    edit_template_name = "siteshell/admin/users/edit.html"

    def get_form_class(self, for_update=False):
        return StaffUserEditForm if for_update else StaffUserCreationForm


class StaffNameEmailPanel(NameEmailSettingsPanel):
    form_class = StaffNameEmailForm


class StaffAccountView(AccountView):
    """Wagtail's 帐号 page with the name panel's one 姓名 field. Time zones: with one zone in
    ``WAGTAIL_USER_TIME_ZONES`` Wagtail's own locale form leaves the choice out."""

    def get_panels(self):
        return [
            StaffNameEmailPanel(panel.request, panel.user, panel.profile)
            if type(panel) is NameEmailSettingsPanel
            else panel
            for panel in super().get_panels()
        ]


#: Wagtail's admin views are wrapped alike (wagtail.admin.urls).
account_view = never_cache(require_admin_access(StaffAccountView.as_view()))
