"""Adds the words of a text file to the sensitive-word list (a bureau's own, larger list)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from siteshell.screening.categories import WordCategory
from siteshell.screening.wordlists import add_words, parse_word_file, split_pasted_words


class Command(BaseCommand):
    @property
    def help(self):
        # Translated when the parser is built: argparse cannot format a lazy description.
        return _(
            "把文本文件（UTF-8）中的词加入敏感词库：每行“类别<TAB>词语”（类别 insult、politics、spam、"
            "obscenity，# 开头为注释），或用 --category 时每行一个词。词库中已有的词（任何写法）跳过，"
            "不修改、不删除；每个新词都记入操作记录。"
        )

    def add_arguments(self, parser):
        parser.add_argument("file", help=gettext_lazy("词表文件的路径"))
        parser.add_argument(
            "--category", choices=WordCategory.values, help=gettext_lazy("文件每行一个词，都属于这个类别")
        )
        parser.add_argument("--note", default="", help=gettext_lazy("记在每个新词上的说明（如词表来源）"))

    def handle(self, *args, **options):
        try:
            text = Path(options["file"]).read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(_("无法读取 %(file)s：%(error)s") % {"file": options["file"], "error": error}) from None
        if options["category"]:
            lines = [line for line in text.splitlines() if not line.strip().startswith("#")]
            pairs = [(options["category"], word) for word in split_pasted_words("\n".join(lines))]
        else:
            try:
                pairs = parse_word_file(text)
            except ValueError as error:
                raise CommandError(str(error)) from None
        report = add_words(pairs, note=options["note"][:200])
        for word, reason in report.invalid:
            self.stderr.write(_("跳过“%(word)s”：%(reason)s") % {"word": word, "reason": reason})
        self.stdout.write(
            _("新添加 %(added)d 个，词库中已有 %(duplicates)d 个，无法添加 %(invalid)d 个")
            % {"added": len(report.added), "duplicates": len(report.duplicates), "invalid": len(report.invalid)}
        )
