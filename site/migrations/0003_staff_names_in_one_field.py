"""Staff names become one field (siteshell.staff): a name entered as 名 and 姓 ("小明", "王") is
kept whole in ``first_name`` ("王小明"), so the admin shows it in Chinese order."""

import re

from django.db import migrations

HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\U00020000-\U0002ebef]")


def merge_name_parts(first_name, last_name):
    # A copy of siteshell.staff.names.merge_name_parts as it was: a migration keeps its code.
    first_name, last_name = first_name.strip(), last_name.strip()
    if HAN.search(first_name) or HAN.search(last_name):
        return f"{last_name}{first_name}"
    return " ".join(part for part in (first_name, last_name) if part)


def names_in_one_field(apps, schema_editor):
    User = apps.get_model("auth", "User")
    users = User.objects.using(schema_editor.connection.alias).exclude(last_name="")
    for user in users.only("first_name", "last_name"):
        user.first_name = merge_name_parts(user.first_name, user.last_name)[:150]
        user.last_name = ""
        user.save(update_fields=["first_name", "last_name"])


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("siteshell", "0002_bureausettings_emblem"),
    ]

    # Going back leaves the whole name in first_name, which shows the same.
    operations = [migrations.RunPython(names_in_one_field, migrations.RunPython.noop)]
