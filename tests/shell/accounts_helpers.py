"""Shared helpers for the accounts tests: staff users, the real admin sign-in."""

from django.contrib.auth.models import Group, Permission

PASSWORD = "Correct-Horse-42"


def make_staff(django_user_model, username="writer", *, personal_data=False, groups=()):
    user = django_user_model.objects.create_user(username, f"{username}@example.gov.cn", PASSWORD)
    user.user_permissions.add(Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"))
    if personal_data:
        user.user_permissions.add(
            Permission.objects.get(content_type__app_label="review", codename="view_personal_data")
        )
    for name in groups:
        user.groups.add(Group.objects.get(name=name))
    return user


def sign_in(client, username, password=PASSWORD, **extra):
    """The real Wagtail sign-in form."""
    return client.post("/admin/login/", {"username": username, "password": password, "next": "/admin/"}, **extra)
