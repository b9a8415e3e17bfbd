"""Wagtail's users app with the staff user forms (one 姓名 field): listed in INSTALLED_APPS
in place of ``wagtail.users``, as Wagtail documents for custom user forms."""

from wagtail.users.apps import WagtailUsersAppConfig


class StaffUsersAppConfig(WagtailUsersAppConfig):
    user_viewset = "siteshell.staff.views.StaffUserViewSet"

    def ready(self):
        super().ready()
        from wagtail import hooks

        from siteshell.staff import checks  # noqa: F401  (registers the checks)
        from siteshell.staff.avatars import initials_avatar_url

        # Wagtail's avatar hook: initials rather than Gravatar, for every avatar in the admin.
        hooks.register("get_avatar_url", initials_avatar_url)
