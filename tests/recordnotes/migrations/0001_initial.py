import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("memorials", "0004_facility_index_in_grave_index"),
    ]

    operations = [
        migrations.CreateModel(
            name="RecordNote",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("text", models.CharField(max_length=200, verbose_name="附注")),
                (
                    "record",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="memorials.martyrrecord",
                        verbose_name="烈士档案",
                    ),
                ),
            ],
            options={"verbose_name": "档案附注"},
        ),
    ]
