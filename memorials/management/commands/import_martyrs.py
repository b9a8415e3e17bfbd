"""``manage.py import_martyrs FILE``: import a martyr list (.xlsx / .csv)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext, pgettext
from tqdm import tqdm
from wagtail.log_actions import log

from memorials.importing import DEFAULT_BATCH_SIZE, ImportFileError, MartyrImporter, count_rows, write_error_file

#: Error rows printed; the rest are in the error file.
PRINTED_ERRORS = 20


def counts_of(result):
    return {"created": result.created, "updated": result.updated, "errors": len(result.errors)}


class Command(BaseCommand):
    @property
    def help(self):
        # Translated when the parser is built: argparse cannot format a lazy description.
        return _(
            "导入烈士名录（.xlsx 或 .csv，UTF-8 / UTF-8 BOM / GB18030）。按“编号”更新，中断后重新运行即从断点继续。"
            "不加 --publish 时新档案为草稿，已发布档案的修改存为待发布的新版本（公众看到的内容不变），"
            "整批导入在管理后台“名录导入审核”中审核通过后一起发布；--publish 直接发布，供管理员导入本单位的正式名录。"
        )

    def add_arguments(self, parser):
        parser.add_argument("file", help=gettext_lazy("名录文件（.xlsx 或 .csv）"))
        parser.add_argument("--dry-run", action="store_true", help=gettext_lazy("只检查，不写入"))
        parser.add_argument(
            "--publish",
            action="store_true",
            help=gettext_lazy("导入后立即发布，不经审核（仅用于管理员在服务器上导入本单位的正式名录）"),
        )
        parser.add_argument("--errors", help=gettext_lazy("错误文件的保存路径（默认：原文件名.errors.csv/.xlsx）"))
        parser.add_argument("--batch-size", type=int, default=DEFAULT_BATCH_SIZE, help=gettext_lazy("每批提交的行数"))
        parser.add_argument("--no-progress", action="store_true", help=gettext_lazy("不显示进度条"))
        parser.add_argument(
            "--workers",
            type=int,
            default=None,
            help=gettext_lazy("清洗和分词的并行进程数（默认按文件大小和CPU数自动选择；0 为不并行）"),
        )

    def handle(self, *args, file, dry_run, publish, errors, batch_size, no_progress, workers, **options):
        path = Path(file)
        if not path.exists():
            raise CommandError(_("找不到文件：%(path)s") % {"path": path})
        total = count_rows(path, path.suffix)
        progress = tqdm(
            total=total,
            unit=pgettext("unit of the progress bar: rows of a file", "行"),
            file=self.stderr._out,
            disable=no_progress,
            mininterval=0.5,
            desc=_("检查") if dry_run else _("导入"),
        )
        try:
            importer = MartyrImporter(
                path,
                path.name,
                publish=publish,
                dry_run=dry_run,
                batch_size=batch_size,
                progress=progress,
                workers=workers,
            )
            result = importer.run()
        except ImportFileError as error:
            raise CommandError(str(error)) from error
        finally:
            progress.close()

        if result.job is not None:
            log(
                result.job,
                "memorials.import",
                data={"filename": result.job.filename, "publish": publish, **counts_of(result)},
            )
        if result.resumed_from:
            self.stdout.write(_("从第 %(row)s 行之后继续导入（上次中断）。") % {"row": result.resumed_from})
        for name in result.unknown_columns:
            self.stdout.write(self.style.WARNING(_("未识别的列（已忽略）：%(name)s") % {"name": name}))
        counts = {
            "created": result.created,
            "updated": result.updated,
            "blank": result.blank_rows,
            "errors": len(result.errors),
        }
        if dry_run:
            summary = _("将新增 %(created)s 条，将更新 %(updated)s 条，空行 %(blank)s 行，错误 %(errors)s 行。")
        else:
            summary = _("新增 %(created)s 条，更新 %(updated)s 条，空行 %(blank)s 行，错误 %(errors)s 行。")
        self.stdout.write(summary % counts)
        if result.errors:
            fmt = "xlsx" if path.suffix.lower() == ".xlsx" else "csv"
            error_path = Path(errors) if errors else path.with_name(f"{path.stem}.errors.{fmt}")
            with open(error_path, "wb") as handle:
                write_error_file(result, handle, "xlsx" if error_path.suffix.lower() == ".xlsx" else "csv")
            for error in result.errors[:PRINTED_ERRORS]:
                self.stdout.write(
                    self.style.ERROR(_("第 %(row)s 行：%(reason)s") % {"row": error.row, "reason": error.reason})
                )
            if len(result.errors) > PRINTED_ERRORS:
                rest = len(result.errors) - PRINTED_ERRORS
                self.stdout.write(
                    ngettext("……其余 %(count)d 行见错误文件。", "……其余 %(count)d 行见错误文件。", rest)
                    % {"count": rest}
                )
            self.stdout.write(_("错误行已写入 %(path)s，修改后可直接重新导入。") % {"path": error_path})
        if not dry_run and not publish and result.imported:
            self.stdout.write(
                _("导入的档案尚未发布，请在管理后台“名录导入审核”中审核这次导入，通过后一起发布（或使用 --publish）。")
            )
