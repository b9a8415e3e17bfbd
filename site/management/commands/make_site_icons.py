"""Draw the site's icon set again (after a change of the palette or of siteshell.icons.drawing)."""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from siteshell.icons.drawing import write_icon_files


class Command(BaseCommand):
    @property
    def help(self):
        return _("重新生成网站图标（favicon、苹果触摸图标、应用清单图标），写入 siteshell/static/siteshell/icons/")

    def handle(self, *args, **options):
        for path in write_icon_files():
            self.stdout.write(str(path))
