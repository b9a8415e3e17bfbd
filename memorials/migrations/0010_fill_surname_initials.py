"""Fills ``surname_initial`` for the records that exist, then indexes it (#18).

At national scale (about two million records) the rows are read in batches by id and each
batch is written and committed on its own (the migration is not atomic): an interrupted run
is started again and simply fills every batch once more. The index is built after the fill,
so that the updates do not maintain it row by row.
"""

from django.db import migrations, models, transaction

from memorials.surnames import surname_initial

BATCH = 10_000


def fill_initials(apps, schema_editor):
    record_model = apps.get_model("memorials", "MartyrRecord")
    table = schema_editor.quote_name(record_model._meta.db_table)
    last = 0
    while True:
        with transaction.atomic(using=schema_editor.connection.alias):
            with schema_editor.connection.cursor() as cursor:
                cursor.execute(f"SELECT id, name FROM {table} WHERE id > %s ORDER BY id LIMIT %s", [last, BATCH])
                rows = cursor.fetchall()
                if not rows:
                    return
                last = rows[-1][0]
                changes = [(initial, pk) for pk, name in rows if (initial := surname_initial(name))]
                if changes:
                    cursor.executemany(f"UPDATE {table} SET surname_initial = %s WHERE id = %s", changes)


class Migration(migrations.Migration):
    atomic = False

    dependencies = [
        ("memorials", "0009_surname_initial"),
    ]

    operations = [
        migrations.RunPython(fill_initials, migrations.RunPython.noop, elidable=True),
        migrations.AddIndex(
            model_name="martyrrecord",
            index=models.Index(fields=["live", "surname_initial", "id"], name="memorials_live_initial_id"),
        ),
    ]
