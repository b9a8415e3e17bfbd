"""``manage.py import_martyrs FILE``: import a martyr list (.xlsx / .csv)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from memorials.importing import DEFAULT_BATCH_SIZE, ImportFileError, MartyrImporter, count_rows, write_error_file


class Command(BaseCommand):
    help = "导入烈士名录（.xlsx 或 .csv，UTF-8 / UTF-8 BOM / GB18030）。按“编号”更新，中断后重新运行即从断点继续。"

    def add_arguments(self, parser):
        parser.add_argument("file", help="名录文件（.xlsx 或 .csv）")
        parser.add_argument("--dry-run", action="store_true", help="只检查，不写入")
        parser.add_argument("--publish", action="store_true", help="导入后立即发布（本单位的正式名录无需二次审核）")
        parser.add_argument("--errors", help="错误文件的保存路径（默认：原文件名.errors.csv/.xlsx）")
        parser.add_argument("--batch-size", type=int, default=DEFAULT_BATCH_SIZE, help="每批提交的行数")
        parser.add_argument("--no-progress", action="store_true", help="不显示进度条")
        parser.add_argument("--workers", type=int, default=None,
                            help="清洗和分词的并行进程数（默认按文件大小和CPU数自动选择；0 为不并行）")

    def handle(self, *args, file, dry_run, publish, errors, batch_size, no_progress, workers, **options):
        path = Path(file)
        if not path.exists():
            raise CommandError(f"找不到文件：{path}")
        total = count_rows(path, path.suffix)
        progress = tqdm(total=total, unit="行", file=self.stderr._out, disable=no_progress, mininterval=0.5,
                        desc="导入" if not dry_run else "检查")
        try:
            importer = MartyrImporter(path, path.name, publish=publish, dry_run=dry_run, batch_size=batch_size,
                                      progress=progress, workers=workers)
            result = importer.run()
        except ImportFileError as error:
            raise CommandError(str(error)) from error
        finally:
            progress.close()

        if result.resumed_from:
            self.stdout.write(f"从第 {result.resumed_from} 行之后继续导入（上次中断）。")
        for name in result.unknown_columns:
            self.stdout.write(self.style.WARNING(f"未识别的列（已忽略）：{name}"))
        verb = "将新增" if dry_run else "新增"
        self.stdout.write(
            f"{verb} {result.created} 条，{'将更新' if dry_run else '更新'} {result.updated} 条，"
            f"空行 {result.blank_rows} 行，错误 {len(result.errors)} 行。"
        )
        if result.errors:
            fmt = "xlsx" if path.suffix.lower() == ".xlsx" else "csv"
            error_path = Path(errors) if errors else path.with_name(f"{path.stem}.errors.{fmt}")
            with open(error_path, "wb") as handle:
                write_error_file(result, handle, "xlsx" if error_path.suffix.lower() == ".xlsx" else "csv")
            for error in result.errors[:20]:
                self.stdout.write(self.style.ERROR(f"第 {error.row} 行：{error.reason}"))
            if len(result.errors) > 20:
                self.stdout.write(f"……其余 {len(result.errors) - 20} 行见错误文件。")
            self.stdout.write(f"错误行已写入 {error_path}，修改后可直接重新导入。")
        if not dry_run and not publish and result.imported:
            self.stdout.write("导入的档案尚未发布，请在管理后台审核后发布（或使用 --publish）。")
