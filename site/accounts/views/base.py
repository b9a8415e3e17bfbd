from django.core.exceptions import PermissionDenied
from django.views.generic import TemplateView
from wagtail.admin.views.generic import WagtailAdminTemplateMixin


class AccountsPage(WagtailAdminTemplateMixin, TemplateView):
    """A page in the admin's look; ``permission`` (dotted) or superuser, when set."""

    header_icon = "key"
    permission = ""

    def dispatch(self, request, *args, **kwargs):
        if self.permission and not request.user.has_perm(self.permission):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)
