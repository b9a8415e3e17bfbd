"""The submitter's phone becomes personal data (#12): encrypted, with a lookup hash, consent and
erasure; existing numbers are encrypted in batches (the reverse decrypts)."""

import django.db.models.deletion
from django.db import migrations, models

import siteshell.privacy.fields
from siteshell.privacy.migration_helpers import encrypt_column


class Migration(migrations.Migration):
    dependencies = [
        ("privacy", "0001_initial"),
        ("requestdesk", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="servicerequest",
            name="consent",
            field=models.ForeignKey(
                blank=True,
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="privacy.consentrecord",
                verbose_name="同意的个人信息处理说明",
            ),
        ),
        migrations.AddField(
            model_name="servicerequest",
            name="personal_data_erased_at",
            field=models.DateTimeField(blank=True, editable=False, null=True, verbose_name="个人信息删除时间"),
        ),
        migrations.AddField(
            model_name="servicerequest",
            name="phone_hash",
            field=siteshell.privacy.fields.PersonalDataHashField(source="phone", verbose_name="个人信息查找码"),
        ),
        migrations.AlterField(model_name="servicerequest", name="phone", field=models.TextField(verbose_name="手机号")),
        encrypt_column("requestdesk", "servicerequest", "phone", kind="mobile", hash_field="phone_hash"),
        migrations.AlterField(
            model_name="servicerequest",
            name="phone",
            field=siteshell.privacy.fields.PersonalDataField(kind="mobile", max_length=20, verbose_name="手机号"),
        ),
    ]
