"""The photos staff take at the grave. They went through the media service's cleaning
(``media.uploads.sanitize_image``: judged by content, EXIF/GPS and every other metadata dropped)
and are kept privately (``memorials.sweeping.storage``): never in the public media library, no
URL of their own. The family sees them on the status page only."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from memorials.sweeping.models.requests import SweepingRequest
from memorials.sweeping.storage import photo_name, photo_storage


class SweepingPhoto(models.Model):
    request = models.ForeignKey(
        SweepingRequest, verbose_name=_("代祭扫申请"), on_delete=models.CASCADE, related_name="photos"
    )
    #: The cleaned original, for download.
    image = models.FileField(_("照片"), storage=photo_storage, upload_to=photo_name)
    #: A smaller JPEG for the page (a phone on a slow line).
    preview = models.FileField(_("预览图"), storage=photo_storage, upload_to=photo_name)
    content_type = models.CharField(max_length=40, default="image/jpeg")
    width = models.PositiveIntegerField(default=0)
    height = models.PositiveIntegerField(default=0)
    uploaded_at = models.DateTimeField(_("上传时间"), auto_now_add=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("上传人"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("祭扫照片")
        verbose_name_plural = _("祭扫照片")
        ordering = ["uploaded_at", "id"]

    def __str__(self):
        return _("祭扫照片 %(number)s") % {"number": self.pk}

    def delete(self, *args, **kwargs):
        files = [(field.storage, field.name) for field in (self.image, self.preview) if field.name]
        result = super().delete(*args, **kwargs)
        for storage, name in files:
            storage.delete(name)
        return result
