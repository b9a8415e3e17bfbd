import django.db.models.deletion
from django.db import migrations, models

# The grave index (facility, 墓区, 墓排, 墓号) already serves every lookup by facility, so the
# foreign key's own index goes. Only the index is dropped: Django's AlterField would rebuild
# the whole table on SQLite and re-check the constraint on PostgreSQL, minutes at millions of rows.
INDEX = "memorials_martyrrecord_facility_id_bc2e1509"


class Migration(migrations.Migration):
    dependencies = [
        ("memorials", "0003_certificate_index"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="martyrrecord",
                    name="facility",
                    field=models.ForeignKey(
                        blank=True,
                        db_index=False,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="martyrs",
                        to="memorials.memorialfacility",
                        verbose_name="安葬的纪念设施",
                    ),
                ),
            ],
            database_operations=[
                migrations.RunSQL(
                    f'DROP INDEX IF EXISTS "{INDEX}"',
                    reverse_sql=f'CREATE INDEX "{INDEX}" ON "memorials_martyrrecord" ("facility_id")',
                ),
            ],
        ),
    ]
