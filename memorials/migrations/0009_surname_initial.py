"""The surname's pinyin initial (A–Z) of every record, for browsing the archive by letter (#18).
The column is filled and indexed by the next migration."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("memorials", "0008_correction_personal_data"),
    ]

    operations = [
        migrations.AddField(
            model_name="martyrrecord",
            name="surname_initial",
            field=models.CharField(blank=True, editable=False, max_length=1, verbose_name="姓氏拼音首字母"),
        ),
    ]
