"""A correction's contact is personal data (#12): encrypted at rest with a lookup hash beside it,
the consent its submitter agreed to, and when its personal data was erased. Existing contacts are
encrypted in batches (reversible: the reverse decrypts)."""

import django.db.models.deletion
from django.db import migrations, models

import siteshell.privacy.fields
from siteshell.privacy.migration_helpers import encrypt_column


class Migration(migrations.Migration):
    dependencies = [
        ("memorials", "0007_correction_moderation"),
        ("privacy", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="martyrcorrection",
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
            model_name="martyrcorrection",
            name="personal_data_erased_at",
            field=models.DateTimeField(blank=True, editable=False, null=True, verbose_name="个人信息删除时间"),
        ),
        migrations.AddField(
            model_name="martyrcorrection",
            name="submitter_contact_hash",
            field=siteshell.privacy.fields.PersonalDataHashField(
                source="submitter_contact", verbose_name="个人信息查找码"
            ),
        ),
        # A plain text column while the values are encrypted (a token is longer than 100).
        migrations.AlterField(
            model_name="martyrcorrection",
            name="submitter_contact",
            field=models.TextField(blank=True, verbose_name="联系方式"),
        ),
        encrypt_column(
            "memorials", "martyrcorrection", "submitter_contact", kind="contact", hash_field="submitter_contact_hash"
        ),
        migrations.AlterField(
            model_name="martyrcorrection",
            name="submitter_contact",
            field=siteshell.privacy.fields.PersonalDataField(
                blank=True, help_text="仅工作人员可见，不公开", kind="contact", max_length=100, verbose_name="联系方式"
            ),
        ),
    ]
