"""Generate the renditions the site's templates ask for, for images already in the library.

    python manage.py warm_renditions          # every image
    python manage.py warm_renditions 12 40    # these images only

New and replaced images get theirs by themselves (``media.signal_handlers``); run this once after
upgrading to a version whose templates ask for new sizes (``media.renditions``), or after renditions
were deleted, so that no visitor waits for one to be made. Only what is missing is generated.
"""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.images import get_image_model

from media.renditions import generate_renditions


class Command(BaseCommand):
    @property
    def help(self):
        # Translated when the parser is built: argparse cannot format a lazy description.
        return _("为图片库中已有的图片生成网站模板所需的各种尺寸，访客打开页面时无需等待")

    def add_arguments(self, parser):
        parser.add_argument("ids", nargs="*", type=int, help=gettext_lazy("只处理这些图片（编号）"))

    def handle(self, *args, ids=(), **options):
        images = get_image_model().objects.order_by("pk")
        if ids:
            images = images.filter(pk__in=ids)
        done = failed = 0
        for image in images.iterator():
            try:
                generate_renditions(image)
            except Exception as error:  # noqa: BLE001  an unreadable original is reported, not fatal
                self.stderr.write(f"#{image.pk} {image.title}: " + _("无法生成（%(error)s）") % {"error": error})
                failed += 1
                continue
            done += 1
            if options["verbosity"] > 1:
                self.stdout.write(f"#{image.pk} {image.title}")
        self.stdout.write(
            self.style.SUCCESS(_("已处理 %(done)d 张，失败 %(failed)d 张") % {"done": done, "failed": failed})
        )
