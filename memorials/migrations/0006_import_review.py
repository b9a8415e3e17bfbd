import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("memorials", "0005_record_workflow"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="importjob",
            options={
                "ordering": ["-created_at"],
                "permissions": [("review_importjob", "审核名录导入")],
                "verbose_name": "名录导入",
                "verbose_name_plural": "名录导入",
            },
        ),
        migrations.AddField(
            model_name="importjob",
            name="review_status",
            field=models.CharField(
                blank=True,
                choices=[
                    ("", "无需审核"),
                    ("pending", "待审核"),
                    ("publishing", "发布中"),
                    ("failed", "发布中断"),
                    ("approved", "已通过"),
                    ("returned", "已退回"),
                ],
                db_index=True,
                default="",
                max_length=12,
                verbose_name="审核状态",
            ),
        ),
        migrations.AddField(
            model_name="importjob",
            name="reviewed_by",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
                verbose_name="审核人",
            ),
        ),
        migrations.AddField(
            model_name="importjob",
            name="reviewed_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="审核时间"),
        ),
        migrations.AddField(
            model_name="importjob",
            name="review_note",
            field=models.TextField(blank=True, verbose_name="审核意见"),
        ),
        migrations.AddField(
            model_name="importjob",
            name="published_count",
            field=models.PositiveIntegerField(default=0, verbose_name="审核通过后发布的档案数"),
        ),
    ]
