"""站点管理员 may unlock logins, read the login records and reset another user's 2FA.

Values are written out here, not imported, so that the migration means the same later.
"""

from django.db import migrations

MANAGERS = "站点管理员"
CODENAMES = ("unlock_logins", "reset_two_factor", "view_loginevent")


def forwards(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    using = schema_editor.connection.alias
    config = apps.get_app_config("accounts")
    config.models_module = True
    try:
        create_permissions(config, verbosity=0, using=using, apps=apps)
    finally:
        config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _created = Group.objects.using(using).get_or_create(name=MANAGERS)
    group.permissions.add(
        *Permission.objects.using(using).filter(content_type__app_label="accounts", codename__in=CODENAMES)
    )


def backwards(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.using(schema_editor.connection.alias).filter(name=MANAGERS).first()
    if group is not None:
        group.permissions.remove(*Permission.objects.filter(content_type__app_label="accounts", codename__in=CODENAMES))


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_initial"),
        ("review", "0002_roles_and_workflow"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
