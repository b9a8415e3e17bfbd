from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from siteshell.review.missing_translations import untranslated


class Command(BaseCommand):
    @property
    def help(self):
        return _("列出管理后台中仍显示为英文的 Wagtail 词句（.po 格式，供补充翻译）")

    def add_arguments(self, parser):
        parser.add_argument("--language", default="zh-hans")
        parser.add_argument("--domain", default="django", choices=["django", "djangojs"])

    def handle(self, *args, language, domain, **options):
        missing = untranslated(language, domain)
        for entry in missing:
            self.stdout.write(entry.as_po() + "\n\n")
        self.stderr.write(_("共 %(count)d 条未翻译。") % {"count": len(missing)})
