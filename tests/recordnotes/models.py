from django.db import models

from memorials.interface import MartyrRecord


class RecordNote(models.Model):
    record = models.ForeignKey(MartyrRecord, on_delete=models.CASCADE, related_name="+", verbose_name="烈士档案")
    text = models.CharField("附注", max_length=200)

    class Meta:
        verbose_name = "档案附注"

    def __str__(self):
        return self.text
