"""Re-clean image originals stored before upload cleaning existed (or copied in by hand).

    python manage.py media_clean_originals            # clean what still carries metadata
    python manage.py media_clean_originals --dry-run  # only list them

An original is rewritten when it still has EXIF/XMP metadata or an orientation to apply; its
renditions are deleted so they are generated again from the clean file.
"""

import io

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from PIL import Image as PILImage
from wagtail.images import get_image_model

from media import uploads


def carries_metadata(data: bytes) -> bool:
    with PILImage.open(io.BytesIO(data)) as image:
        metadata_keys = ("exif", "xmp", "XML:com.adobe.xmp", "comment")
        return bool(image.getexif()) or any(key in image.info for key in metadata_keys)


class Command(BaseCommand):
    @property
    def help(self):
        # Translated when the parser is built: argparse cannot format a lazy description.
        return _("去除已有原图中的 EXIF/GPS 等元数据（图片上传清理功能上线前存入的文件）")

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help=gettext_lazy("只列出，不修改"))

    def handle(self, *args, dry_run=False, **options):
        cleaned = skipped = failed = 0
        for image in get_image_model().objects.order_by("pk").iterator():
            try:
                with image.open_file() as handle:
                    data = handle.read()
            except OSError as error:
                self.stderr.write(f"#{image.pk} {image.title}: " + _("原图无法读取（%(error)s）") % {"error": error})
                failed += 1
                continue
            try:
                if not carries_metadata(data):
                    skipped += 1
                    continue
            except Exception as error:  # noqa: BLE001  an unreadable original is reported, not fatal
                self.stderr.write(f"#{image.pk} {image.title}: " + _("原图无法识别（%(error)s）") % {"error": error})
                failed += 1
                continue
            if dry_run:
                self.stdout.write(f"#{image.pk} {image.title}: " + _("含元数据"))
                cleaned += 1
                continue
            try:
                upload = uploads.clean_image_upload(io.BytesIO(data), image.file.name)
            except ValidationError as error:
                self.stderr.write(f"#{image.pk} {image.title}: {' '.join(error.messages)}")
                failed += 1
                continue
            old_name = image.file.name
            image.file = upload
            image._set_image_file_metadata()
            # One transaction: the renditions of the clean file are generated once it commits
            # (media.signal_handlers), after the old ones are gone.
            with transaction.atomic():
                image.save()
                image.renditions.all().delete()
            if old_name != image.file.name:
                image.file.storage.delete(old_name)
            cleaned += 1
            self.stdout.write(f"#{image.pk} {image.title}: " + _("已清理"))
        summary = (
            _("含元数据 %(cleaned)d 张，无需处理 %(skipped)d 张，失败 %(failed)d 张")
            if dry_run
            else _("已清理 %(cleaned)d 张，无需处理 %(skipped)d 张，失败 %(failed)d 张")
        )
        self.stdout.write(self.style.SUCCESS(summary % {"cleaned": cleaned, "skipped": skipped, "failed": failed}))
